import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The output folder is in use by another run.
public struct OutputFolderBusy: Error, CustomStringConvertible {
    /// What the lock file says of the holder: pid, host, start time.
    public var holder: String
    public var folder: String

    public var description: String {
        "\(folder) is in use by another scrutiny extract (\(holder)); wait for it to finish or use another --out"
    }
}

/// An exclusive `flock` on `DIR/.scrutiny.lock`, held for the whole run.
///
/// The kernel releases the lock when the holder exits however it exits, so a lock left by a
/// killed run never blocks the next one. The file holds the holder's pid, host and start time
/// as text, for the message a second run prints.
public final class OutputLock {
    public static let fileName = ".scrutiny.lock"
    private let descriptor: Int32

    /// Takes the lock or throws ``OutputFolderBusy`` at once (never waits).
    public init(directory: URL, startedAt: Date) throws {
        let path = directory.appendingPathComponent(Self.fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [
                NSLocalizedDescriptionKey: "cannot open \(path): \(String(cString: strerror(errno)))"])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            throw OutputFolderBusy(holder: holder.isEmpty ? "holder unknown" : holder, folder: directory.path)
        }
        self.descriptor = descriptor
        let text = "pid \(getpid()) on \(ProcessInfo.processInfo.hostName) since \(ISO8601DateFormatter().string(from: startedAt))\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
