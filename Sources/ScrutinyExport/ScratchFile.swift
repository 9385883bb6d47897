#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file under a temporary sibling name renamed into place, with no `fsync`: for output
/// that can be made again and that something written after it vouches for (the review's page
/// images, which count only once the manifest written last lists them). A process killed midway
/// leaves the old file or none, never half a file; a power cut may lose the bytes, as the
/// manifest's own write is synced and a missing image is drawn again.
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
    ///   cannot all be written or put in place (the temporary file is then removed).
    public static func write(_ bytes: [UInt8], to path: String) throws(ExportError) {
        let temporary = path + ".partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
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
        if failure == nil, rename(temporary, path) != 0 { failure = ExportError(.write, path: path, code: errno) }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }
}

/// `write(2)`, named apart from ``ScratchFile/write(_:to:)``.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
