import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes data to a temporary file in the same folder and renames it into place, so readers never see half a file.
///
/// The temporary file is a hidden sibling of the target (`.NAME.tmp-PID-RANDOM`), so the final
/// `rename(2)` never crosses file systems and replaces the target in one step. If anything fails
/// the temporary file is removed and the target, if it existed, is left exactly as it was.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    ///
    /// - Parameter durable: flush the bytes to disk (`fsync`) before the rename, so a power cut
    ///   leaves either the old or the new file, never an empty one. Turn off only for scratch output.
    /// - Throws: ``ExportError`` naming the step that failed.
    public static func write(_ data: Data, to path: String, durable: Bool = true) throws {
        try write(to: path, durable: durable) { file in try file.write(data) }
    }

    /// Streams a file into place: `produce` appends to a ``PendingFile`` in as many pieces as it likes,
    /// and the file appears at `path` only if `produce` returns normally.
    ///
    /// ```swift
    /// try AtomicFile.write(to: "out/reports.jsonl") { file in
    ///     for line in lines { try file.write(line); try file.write("\n") }
    /// }
    /// ```
    /// - Throws: whatever `produce` throws (the target is then untouched), or ``ExportError``.
    public static func write(to path: String, durable: Bool = true, _ produce: (PendingFile) throws -> Void) throws {
        let file = try PendingFile(path: path)
        do {
            try produce(file)
            try file.commit(durable: durable)
        } catch {
            file.discard()
            throw error
        }
    }

    /// The hidden temporary sibling used while `path` is being written.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-" + suffix
    }
}

/// A file being written under a temporary name; it replaces its target on ``commit(durable:)``.
///
/// Not thread-safe: one pending file belongs to one task. If it is dropped without being committed
/// (an error, a forgotten call) the temporary file is removed.
public final class PendingFile {
    /// Where the file will appear.
    public let path: String
    /// Where the bytes are going until the commit.
    let temporaryPath: String
    private var descriptor: Int32
    private let output: BufferedFileWriter
    private var finished = false

    /// Creates the temporary sibling of `path`; the folder must exist.
    public init(path: String) throws {
        self.path = path
        var candidate = AtomicFile.temporaryPath(for: path)
        var fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fd < 0 && errno == EEXIST {
            candidate = AtomicFile.temporaryPath(for: path)
            fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard fd >= 0 else { throw ExportError(.create, path: path, code: errno) }
        self.temporaryPath = candidate
        self.descriptor = fd
        self.output = BufferedFileWriter(descriptor: fd, path: path)
    }

    deinit { discard() }

    /// Appends bytes.
    public func write(_ bytes: some Sequence<UInt8>) throws {
        try output.write(bytes: bytes)
    }

    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) throws {
        try output.write(text)
    }

    /// The buffered output, for the writers in this module.
    var stream: BufferedFileWriter { output }

    /// Flushes, optionally syncs, and renames the temporary file over the target.
    public func commit(durable: Bool = true) throws {
        precondition(!finished, "PendingFile committed twice or after discard")
        do {
            try output.flush()
            if durable && fsync(descriptor) != 0 { throw ExportError(.sync, path: path, code: errno) }
            let closed = close(descriptor)
            descriptor = -1
            if closed != 0 { throw ExportError(.write, path: path, code: errno) }
            if rename(temporaryPath, path) != 0 { throw ExportError(.rename, path: path, code: errno) }
            finished = true
            if durable { syncFolder() }
        } catch {
            discard()
            throw error
        }
    }

    /// Flushes the folder entry of the rename to disk. Best effort: the file is already in place,
    /// and some file systems refuse `fsync` on a folder.
    private func syncFolder() {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Removes the temporary file and leaves the target as it was. Safe to call more than once.
    public func discard() {
        guard !finished else { return }
        finished = true
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporaryPath)
    }
}
