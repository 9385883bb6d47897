extension String {
    /// The string without leading and trailing spaces and tabs: the same characters as
    /// `trimmingCharacters(in: .whitespaces)` (Unicode space separators and tab), without the
    /// Foundation bridge, which showed up in profiles of table-heavy reports.
    var trimmingHorizontalWhitespace: String { trimmingScalars(where: Self.isHorizontalWhitespace) }

    /// The string without leading and trailing white space and line breaks: the same characters
    /// as `trimmingCharacters(in: .whitespacesAndNewlines)`.
    var trimmingWhitespaceAndNewlines: String {
        trimmingScalars { Self.isHorizontalWhitespace($0) || Self.isNewline($0) }
    }

    private static func isHorizontalWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == " " || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
    }

    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        // Most strings start and end with an ASCII character that stays: an ASCII last byte is the last
        // scalar, so both ends are answered from two bytes.
        if let first = utf8.first, let last = utf8.last, last < 0x80, !isTrimmed(Unicode.Scalar(last)) {
            if first < 0x80, !isTrimmed(Unicode.Scalar(first)) { return self }
            // A first scalar from U+0080-U+00BF ("£" is C2 A3) is white space or a line break only as
            // the no-break space (C2 A0) or NEL (C2 85): any other such start stays.
            if first == 0xC2, let second = utf8.dropFirst().first, second != 0xA0, second != 0x85 { return self }
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
