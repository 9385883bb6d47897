import ScrutinyCore

/// Decides whether a line is a heading when the reader could not say (plain text has no styles):
/// a short stand-alone line that starts with a capital or a section number and does not end
/// like a sentence.
enum HeadingRule {
    private static let labelWithValue = Pattern(#"^[^:?]{2,80}[:?]\s+\S"#)
    private static let startsUpperPattern = Pattern(#"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[\p{Lu}'‘"“(]"#, caseSensitive: true)

    /// True when `text` (already cleaned of markup) reads as a heading.
    static func isHeading(_ text: String, role: LineRole, isBold: Bool) -> Bool {
        if role == .heading { return true }
        if role == .tableRow { return false }
        if role == .listItem { return isNumberedTitle(text, isBold: isBold) }
        guard mayStartUpper(text) else { return false }
        let words = text.wordCount
        let question = text.hasSuffix("?")
        guard !text.hasAtLeastCharacters(question ? 221 : 111), words <= (question ? 30 : 16), Self.startsUpper(text) else { return false }
        if let last = text.last, ".,;".contains(last) { return false }
        // A label needs its ":" or "?": text without either is none.
        if text.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "?") }), labelWithValue.matches(text) { return false }
        let emphasised = isBold || TitleCaser.isAllCaps(text)
        // "2.1 The partnerships are listed below:" introduces a list; it is not a heading.
        if text.hasSuffix(":") && words > 6 && !emphasised { return false }
        if words > 10 && !(question || emphasised) {
            return false
        }
        return true
    }

    /// ``startsUpperPattern``, answered without it when the first scalar is a capital, quote or bracket
    /// (the optional section number matches nothing and the class matches that scalar).
    private static func startsUpper(_ text: String) -> Bool {
        if let first = text.unicodeScalars.first,
           first.isASCII ? (first.isUppercase || first == "'" || first == "\"" || first == "(") : (first == "‘" || first == "“") {
            return true
        }
        return startsUpperPattern.matches(text)
    }

    /// False only when `text` surely fails ``startsUpperPattern``: its first scalar is ASCII and neither a digit,
    /// a capital, a quote nor a bracket. Most body lines start in lower case or with a word and stop here.
    private static func mayStartUpper(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        guard first.isASCII else { return true }
        return first.isASCIIDigit || first.isUppercase || first == "'" || first == "\"" || first == "("
    }

    /// True for a numbered item that reads as a section title ("3.1 Coastal Waste Partnership"):
    /// short, no closing punctuation, and its longer words capitalised.
    static func isNumberedTitle(_ text: String, isBold: Bool) -> Bool {
        guard let marker = ListMarker.split(text), marker.number != nil else { return false }
        let rest = marker.rest
        guard (1...8).contains(rest.wordCount), let first = rest.first, first.isUppercase,
              let last = rest.last, !".,;:?".contains(last) else { return false }
        if isBold || TitleCaser.isAllCaps(rest) { return true }
        let long = rest.split(separator: " ").filter { $0.count > 3 }
        let capitalised = long.filter { $0.first?.isUppercase == true }
        return long.isEmpty || capitalised.count * 5 >= long.count * 3
    }

    /// True for a heading that opens a new part of the report ("Appendix 2 ...", "3. Findings",
    /// a level-1 heading) rather than a field label inside a form.
    static func opensMajorSection(_ text: String, headingLevel: Int?) -> Bool {
        if majorSection.matches(text) { return true }
        // Readers mark any large bold line level 1, form questions ("Is it statutory?") included.
        guard headingLevel == 1 else { return false }
        return !text.includes("?") && !text.hasSuffix(":") && PartnershipExtractor.field(of: text) == nil
    }
    private static let majorSection = Pattern(#"^(?i:appendix|annex|schedule)\b|^\d{1,2}\.?\s+\p{Lu}[^?]*$"#, caseSensitive: true)
}
