/// Cheap questions about a string's text, answered on its UTF-8 bytes.
///
/// Foundation's `contains(_:)` and `replacingOccurrences(of:with:)` go through `NSString` on
/// Linux (a UTF-16 copy and a locale-aware search per call); in the extractors' per-line loops
/// that was the largest single cost. These read the bytes Swift already stores.
extension String {
    /// True when `needle` occurs in the string, compared byte for byte (a literal match, as the
    /// extractors' needles are plain punctuation, `£` and lower-case words).
    func includes(_ needle: String) -> Bool {
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

    /// The string with every `"\n"` made a space; the string itself when it has none.
    var newlinesAsSpaces: String {
        guard utf8.contains(UInt8(ascii: "\n")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    private static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = pattern.first else { return 0 }
        guard pattern.count <= text.count else { return nil }
        var start = 0
        let last = text.count - pattern.count
        while start <= last {
            if text[start] == first {
                var matched = 1
                while matched < pattern.count, text[start + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return start }
            }
            start += 1
        }
        return nil
    }
}
