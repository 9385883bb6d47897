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
/// Made with ``init(collectingFor:)`` it keeps every byte in memory instead (see ``collected``).
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

    /// A writer that keeps the bytes in memory, for pieces of a file assembled elsewhere
    /// (a report's rows, made in a worker and copied into the tables by the batch).
    init(collectingFor path: String) {
        self.descriptor = -1
        self.path = path
    }

    /// Everything written so far, when collecting in memory.
    var collected: [UInt8] { buffer }

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

    /// Writes the decimal digits of `value` without making a `String`.
    func write(integer value: Int) throws(ExportError) {
        if value < 0 { try write(byte: UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = buffer.count
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer[start...].reverse()
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Hands every buffered byte to the operating system.
    func flush() throws(ExportError) {
        guard descriptor >= 0 else { return }  // collecting in memory
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
