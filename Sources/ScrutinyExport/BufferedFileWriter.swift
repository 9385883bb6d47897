#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends bytes to an open file descriptor through a fixed-size buffer, so writers can emit
/// many small pieces (cells, separators) without a system call or a `String` per piece.
///
/// Not thread-safe: one writer belongs to one task. It does not own or close the descriptor.
final class BufferedFileWriter {
    /// Bytes gathered before one `write(2)`.
    static let capacity = 1 << 16

    private let descriptor: Int32
    /// The path the bytes are meant for, for error messages.
    let path: String
    private var buffer: [UInt8] = []

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        buffer.reserveCapacity(Self.capacity)
    }

    func write(byte: UInt8) throws(ExportError) {
        buffer.append(byte)
        if buffer.count >= Self.capacity { try flush() }
    }

    func write<Bytes: Sequence>(bytes: Bytes) throws(ExportError) where Bytes.Element == UInt8 {
        // A run at least as big as the buffer goes straight to the file after what is buffered,
        // rather than being copied into the buffer first.
        var failure: ExportError?
        let writtenDirectly = bytes.withContiguousStorageIfAvailable { run -> Bool in
            guard run.count >= Self.capacity else { return false }
            do throws(ExportError) {
                try flush()
                try writeAll(UnsafeRawBufferPointer(run))
            } catch {
                failure = error
            }
            return true
        } ?? false
        if let failure { throw failure }
        if writtenDirectly { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    func write(_ text: String) throws(ExportError) {
        try write(bytes: text.utf8)
    }

    /// Hands every buffered byte to the operating system.
    func flush() throws(ExportError) {
        var failure: ExportError?
        buffer.withUnsafeBytes { raw in
            do throws(ExportError) { try writeAll(raw) } catch { failure = error }
        }
        if let failure { throw failure }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes all of `bytes` to the file, retrying short and interrupted writes.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(ExportError) {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportError(.write, path: path, code: errno)
            }
            offset += written
        }
    }
}

/// `write(2)`, named apart from ``BufferedFileWriter/write(byte:)`` and friends.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
