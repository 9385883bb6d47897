import Foundation
/// Cheap pre-checks that spare a line a case-insensitive pattern it cannot match.
enum TextScan {
    /// False only when `text` surely does not start with one of `letters` (lower-case ASCII),
    /// in either case: the first scalar is ASCII and none of them. A non-ASCII first scalar
    /// passes, so a pattern's own case folding still decides.
    static func mayStart(_ text: String, withOneOf letters: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        guard first.isASCII else { return true }
        let lower = first.value >= 0x41 && first.value <= 0x5A ? first.value + 0x20 : first.value
        return letters.unicodeScalars.contains { $0.value == lower }
    }

    /// False only when `text` surely does not start with one of `words` (lower-case ASCII) in any case:
    /// its opening bytes are ASCII and spell none of them. A non-ASCII scalar among the opening bytes
    /// passes, so a case-insensitive pattern's own folding still decides.
    static func mayStart(_ text: String, withOneOfWords words: [String]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            words.contains { word in
                let count = word.utf8.count
                guard bytes.count >= count else { return false }
                var matched = 0
                for expected in word.utf8 {
                    let byte = bytes[matched]
                    if byte >= 0x80 { return true }
                    guard lowered(byte) == expected else { return false }
                    matched += 1
                }
                return true
            }
        }
    }

    /// True when `word` (lower-case ASCII) occurs in `text`, ASCII letters compared without case.
    static func containsASCIICaseInsensitive(_ text: String, _ word: String) -> Bool {
        var text = text
        var word = word
        // Read in place: no copy of the line's bytes per question.
        return text.withUTF8 { bytes in
            word.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard bytes.count >= pattern.count else { return false }
                for start in 0...(bytes.count - pattern.count) where lowered(bytes[start]) == first {
                    var matched = 1
                    while matched < pattern.count, lowered(bytes[start + matched]) == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return true }
                }
                return false
            }
        }
    }

    /// False only when a case-insensitive pattern that needs `word` (lower-case ASCII letters) surely
    /// cannot match `text`: the word is not there in any ASCII case, and `text` has none of the few
    /// scalars whose case folding gives ASCII letters ("ſ", the Kelvin sign, "ß", the "ﬁ" ligatures,
    /// "İ"), which the regular-expression engine would also accept.
    static func mayContain(_ text: String, caseInsensitively word: String) -> Bool {
        containsASCIICaseInsensitive(text, word) || hasASCIIFoldingScalar(text)
    }

    /// True when `text` holds a scalar whose case folding includes ASCII letters.
    static func hasASCIIFoldingScalar(_ text: String) -> Bool {
        var text = text
        // Read as UTF-8: ß C3 9F, İ C4 B0, ſ C5 BF, ẞ E1 BA 9E, K E2 84 AA, ﬀ-ﬆ EF AC 80-86.
        return text.withUTF8 { bytes in
            var index = 0
            while index + 1 < bytes.count {
                let lead = bytes[index], next = bytes[index + 1]
                if lead >= 0xC3 {
                    switch (lead, next) {
                    case (0xC3, 0x9F), (0xC4, 0xB0), (0xC5, 0xBF): return true
                    case (0xE1, 0xBA), (0xE2, 0x84), (0xEF, 0xAC):
                        if index + 2 < bytes.count {
                            let third = bytes[index + 2]
                            if lead == 0xE1 && third == 0x9E || lead == 0xE2 && third == 0xAA
                                || lead == 0xEF && third >= 0x80 && third <= 0x86 { return true }
                        }
                    default: break
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// True when `text` has two ASCII capitals next to each other ("ECC", "an LDM"): what any acronym needs.
    static func hasTwoCapitalsInARow(_ text: String) -> Bool {
        var previousWasCapital = false
        for byte in text.utf8 {
            let isCapital = byte >= 0x41 && byte <= 0x5A
            if isCapital && previousWasCapital { return true }
            previousWasCapital = isCapital
        }
        return false
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}

/// Cheap questions about a string's text, answered on its UTF-8 bytes.
///
/// Foundation's `contains(_:)` and `replacingOccurrences(of:with:)` go through `NSString` on
/// Linux (a UTF-16 copy and a locale-aware search per call); in the extractors' per-line loops
/// that was the largest single cost. These read the bytes Swift already stores.
extension String {
    /// True when `needle` occurs in the string, compared byte for byte (a literal match, as the
    /// extractors' needles are plain punctuation, `£` and lower-case words).
    func includes(_ needle: String) -> Bool {
        // A one-byte needle ("?", ":") is one byte to find.
        if needle.utf8.count == 1, let byte = needle.utf8.first { return containsByte(byte) }
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in Self.firstOffset(of: pattern, in: text) != nil }
        }
    }

    /// The string without leading and trailing punctuation (Unicode general category P*): the
    /// same characters as `trimmingCharacters(in: .punctuationCharacters)`.
    var trimmingPunctuation: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isPunctuation($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !Self.isPunctuation($0) })!
        return String(scalars[first...last])
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }

    /// True when the string's UTF-8 holds `byte`: one `memchr` over the stored bytes, not a walk
    /// through the UTF-8 view's iterator.
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// The string with every `"\n"` made a space; the string itself when it has none.
    var newlinesAsSpaces: String {
        guard containsByte(UInt8(ascii: "\n")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    private static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = pattern.first else { return 0 }
        guard pattern.count <= text.count else { return nil }
        guard let base = text.baseAddress else { return nil }
        var start = 0
        let last = text.count - pattern.count
        while start <= last {
            // The next place the first byte occurs, found by `memchr`.
            guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return nil }
            start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            do {
                var matched = 1
                while matched < pattern.count, text[start + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return start }
            }
            start += 1
        }
        return nil
    }
}

extension Array where Element == String {
    /// `joined(separator:)`, with the UTF-8 of the parts written once into a string of the exact size:
    /// the generic `joined` is not specialised here and grows its result part by part.
    func joinedInOneBuffer(separator: String) -> String {
        guard count > 1 else { return first ?? "" }
        let byteCount = reduce((count - 1) * separator.utf8.count) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var written = 0
            func write(_ text: String) {
                var text = text
                text.withUTF8 { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
                    UnsafeMutableRawPointer(buffer.baseAddress! + written).copyMemory(from: base, byteCount: bytes.count)
                    written += bytes.count
                }
            }
            for index in indices {
                if index > 0 { write(separator) }
                write(self[index])
            }
            return written
        }
    }
}
