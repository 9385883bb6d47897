/// The number or bullet a list item or numbered paragraph starts with.
struct ListMarker: Sendable, Hashable {
    /// The marker without punctuation: "1", "2.1", "a", "ii"; `nil` for a bullet.
    var number: String?
    /// The text after the marker.
    var rest: String

    // "(a)" "(ii)" "(1)", "a)" "ii)" "1)", "1." "2.1" "2.1." "1 ", "a. ".
    private static let parenthesised = Pattern(#"^\(([a-z]|[ivx]{1,5}|\d{1,2})\)\s*(.*)$"#)
    private static let closing = Pattern(#"^([a-z]|[ivx]{1,5}|\d{1,2})\)\s*(.*)$"#)
    private static let dotted = Pattern(#"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(.*)$"#)
    private static let letterDot = Pattern(#"^([a-z])\.\s+(.*)$"#, caseSensitive: true)
    // U+F0B7, U+F0A7 and U+F0D8 are the Symbol and Wingdings bullets Word exports as private-use glyphs.
    private static let bullets: Set<Character> = ["-", "•", "*", "–", "●", "▪", "◦", "o", "\u{F0B7}", "\u{F0A7}", "\u{F0D8}"]
    private static let bulletScalars: [Unicode.Scalar] = ["-", "•", "*", "–", "●", "▪", "◦", "o", "\u{F0B7}", "\u{F0A7}", "\u{F0D8}"]

    /// Splits a leading marker off `text`, or `nil` when the text does not start with one.
    static func split(_ text: String) -> ListMarker? {
        for pattern in candidates(for: text) {
            if let m = pattern.firstMatch(in: text), let number = m[1], let rest = m[2] {
                return ListMarker(number: number, rest: rest.trimmed)
            }
        }
        return nil
    }

    /// The patterns that can match `text`, in the order they are tried, judged from its first scalars:
    /// most lines start with a capital word and need none. A non-ASCII start keeps them all, so the
    /// patterns' own Unicode digit and case rules still decide.
    private static func candidates(for text: String) -> [Pattern] {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return [] }
        guard first.isASCII else { return [parenthesised, closing, dotted, letterDot] }
        if first == "(" { return [parenthesised] }
        guard first.isLetter || first.isASCIIDigit else { return [] }
        var found: [Pattern] = []
        if text.containsByte(UInt8(ascii: ")")) { found.append(closing) }
        if first.isASCIIDigit { found.append(dotted) }
        if first.isLowercase, scalars.next() == "." { found.append(letterDot) }
        return found
    }

    /// Removes a leading bullet character ("- ", "• ") from `text`; `nil` when there is none.
    static func strippingBullet(_ text: String) -> String? {
        // A bullet is one scalar: text starting with any other has none, without hashing its first character.
        guard let lead = text.unicodeScalars.first, bulletScalars.contains(lead) else { return nil }
        guard let first = text.first, bullets.contains(first) else { return nil }
        let rest = text.dropFirst()
        guard let next = rest.first, next == " " || next == "\t" else { return nil }
        return String(rest).trimmed
    }
}
