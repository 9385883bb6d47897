#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file in place, with no temporary sibling and no `fsync`: for output that can be made
/// again and that something written after it vouches for (the review's page images, which count
/// only once the manifest written last lists them).
///
/// Foundation's `Data.write(to:)` is not this: on Linux it syncs every file it writes, which
/// costs more than drawing a page image.
///
/// ```swift
/// try ScratchFile.write(image.png, to: folder + "/page-3.png")
/// ```
public enum ScratchFile {
    /// Creates or truncates `path` and writes `bytes` to it.
    /// - Throws: ``ExportError`` `.create` when the file cannot be opened, `.write` when the bytes
    ///   cannot all be written (the file is then left short).
    public static func write(_ bytes: [UInt8], to path: String) throws(ExportError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw ExportError(.create, path: path, code: errno) }
        var failure: ExportError?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = writeBytes(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = ExportError(.write, path: path, code: errno)
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0 && failure == nil { failure = ExportError(.write, path: path, code: errno) }
        if let failure { throw failure }
    }
}

/// `write(2)`, named apart from ``ScratchFile/write(_:to:)``.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
