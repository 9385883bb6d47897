import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Flushes the reports a batch writes to disk on a background thread while the batch goes on.
///
/// Reports are written whole but not synced one by one (``AtomicFile`` with `durable: false`);
/// each is handed here as soon as it is in place, and ``finish(folders:)`` waits for the last of
/// them and syncs the folders' entries, so the run ends with every report on disk. The disk
/// does that writing while the workers read the next documents, instead of the whole run's
/// output waiting for one `sync(2)` at the end (which also wrote the batch's scratch files).
/// A file that is gone by the time its turn comes (replaced or pruned) is skipped.
final class BackgroundSync: @unchecked Sendable {
    private let queue = DispatchQueue(label: "scrutiny.background-sync", qos: .utility)
    private let pending = DispatchGroup()

    /// Syncs the file at `path` to disk, later, on the background thread.
    func sync(_ path: String) {
        queue.async(group: pending) { Self.fsync(path, flags: O_RDONLY) }
    }

    /// Waits until every file handed to ``sync(_:)`` is on disk, then syncs `folders` (the
    /// renames and removals in them).
    func finish(folders: [URL]) {
        pending.wait()
        for folder in folders { Self.fsync(folder.path, flags: O_RDONLY | O_DIRECTORY) }
    }

    /// Best effort, as `sync(2)` is: a file that cannot be opened is skipped.
    private static func fsync(_ path: String, flags: Int32) {
        let descriptor = open(path, flags | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = Glibc.fsync(descriptor)
        close(descriptor)
    }
}
