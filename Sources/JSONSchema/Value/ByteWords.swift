/// Tests on eight bytes at once, for scanners that skip long runs of ordinary bytes (the text
/// of a JSON string) a word at a time instead of a byte at a time.
///
/// Each test says whether *any* byte of the word matches, exactly; the caller then finds which
/// byte with a plain loop.
enum ByteWords {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is below `limit` (at most 128).
    @inline(__always)
    static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// Whether some byte of `word` equals `byte`.
    @inline(__always)
    static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        hasByte(below: 1, in: word ^ (ones &* UInt64(byte)))
    }

    /// The index after the run of whole words of spaces starting at `start` (`start` itself when
    /// the next eight bytes are not all spaces).
    @inline(__always)
    static func endOfSpaces(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        guard let base = bytes.baseAddress else { return i }
        let raw = UnsafeRawPointer(base)
        while i + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) == ones &* 0x20 { i += 8 }
        return i
    }

    /// The index of the first byte at or after `start` that ends the plain run of a JSON string:
    /// a quote, a backslash or a control character; `bytes.count` when there is none.
    @inline(__always)
    static func endOfPlainString(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let count = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if hasByte(below: 0x20, in: word) || hasByte(UInt8(ascii: "\""), in: word)
                    || hasByte(UInt8(ascii: "\\"), in: word) { break }
                i += 8
            }
        }
        while i < count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { return i }
            i += 1
        }
        return count
    }
}
