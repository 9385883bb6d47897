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
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !isTrimmed(Unicode.Scalar(first)), !isTrimmed(Unicode.Scalar(last)) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
