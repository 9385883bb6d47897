/// Tests on eight bytes at once, so the writers copy long runs of ordinary text after checking
/// them a word at a time instead of a byte at a time.
///
/// Each test says exactly whether *any* byte of the word matches; the caller finds which byte
/// with a plain loop.
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

    /// The index of the first byte at or after `start` for which `isSpecial` holds, or
    /// `bytes.count`. `wordMayHold` must be true of every word holding such a byte; words it
    /// rules out are skipped whole.
    @inline(__always)
    static func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                           wordMayHold: (UInt64) -> Bool, isSpecial: (UInt8) -> Bool) -> Int {
        var i = start
        let count = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= count, !wordMayHold(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
            }
        }
        while i < count {
            if isSpecial(bytes[i]) { return i }
            i += 1
        }
        return count
    }
}
