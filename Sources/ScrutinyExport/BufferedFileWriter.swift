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
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    func write(_ text: String) throws(ExportError) {
        try write(bytes: text.utf8)
    }

    /// Hands every buffered byte to the operating system.
    func flush() throws(ExportError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportError(.write, path: path, code: errno)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `write(2)`, named apart from ``BufferedFileWriter/write(byte:)`` and friends.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
