/// What the characters of one line say about it, independent of format: list markers,
/// numbered headings, capitals. Works on scalars; no regular expressions.
struct LineShape {
    private let text: String
    /// The line's first ``headLength`` scalars: list markers and numbered headings are read
    /// from these, so a long paragraph is not copied whole.
    private let scalars: [Unicode.Scalar]
    /// The number of scalars in the line.
    let length: Int

    /// Scalars kept from the start of the line: more than a list marker takes, and a numbered
    /// heading is at most 60 scalars long.
    private static let headLength = 64

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars.prefix(Self.headLength))
        length = scalars.count < Self.headLength ? scalars.count : text.scalarCount
    }

    /// Longest text a heading may have, in scalars.
    static let headingMaximumLength = 90

    /// True when the line ends a sentence (".", ";", ",") and so is not a heading.
    var endsLikeProse: Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return last == "." || last == ";" || last == ","
    }

    /// At least three letters and none in lower case.
    var isAllCaps: Bool {
        var letters = 0
        for s in text.unicodeScalars where s.properties.isAlphabetic {
            if s.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 3
    }

    /// The length of a leading list marker (bullet glyph, "1.1", "a)", "(iv)") with its space, or 0.
    var listMarkerLength: Int {
        guard let first = scalars.first else { return 0 }
        if Bullets.glyphs.contains(first) {
            return scalars.count > 1 && Whitespace.isSpace(scalars[1]) ? 2 : 0
        }
        // "(a) ", "(iv) "
        var index = 0
        if first == "(" { index = 1 }
        let start = index
        while index < scalars.count, index - start < 5, scalars[index].properties.isAlphabetic || isDigit(scalars[index]) || scalars[index] == "." {
            index += 1
        }
        guard index > start, index < scalars.count else { return 0 }
        let token = scalars[start..<index]
        let closer = scalars[index]
        let allDigitsOrDots = token.allSatisfy { isDigit($0) || $0 == "." }
        let hasDigit = token.contains(where: isDigit)
        if closer == ")" && index + 1 < scalars.count && Whitespace.isSpace(scalars[index + 1]) {
            // "a) ", "(iv) ", "2) "
            let shortWord = token.count <= 4 && (hasDigit || token.allSatisfy { $0.properties.isLowercase })
            return shortWord ? index + 2 : 0
        }
        guard first != "(", Whitespace.isSpace(closer), allDigitsOrDots, hasDigit else { return 0 }
        // "1.1 " and "2.3.1 " are list numbers; a bare "3." or "3" is a heading number.
        let dots = token.filter { $0 == "." }.count
        let innerDot = dots > 1 || (dots == 1 && token.last != ".")
        return innerDot ? index + 1 : 0
    }

    /// "3. SUMMARY OF KEY ISSUES", "2. The current list": a short line that starts with a one- or
    /// two-digit number and a dot, then a capitalised word.
    var isNumberedHeading: Bool {
        guard length <= 60 else { return false }
        var index = 0
        while index < scalars.count, index < 2, isDigit(scalars[index]) { index += 1 }
        guard index > 0, index < scalars.count else { return false }
        // The dot is required: "14 OCTOBER 2025" is a date, not section 14.
        guard scalars[index] == "." else { return false }
        index += 1
        guard index < scalars.count, Whitespace.isSpace(scalars[index]) else { return false }
        while index < scalars.count, Whitespace.isSpace(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index].properties.isUppercase else { return false }
        return !endsLikeProse
    }

    /// Whether a line with this text and boldness reads as a heading (conservative).
    func looksLikeHeading(isBold: Bool) -> Bool {
        guard length > 1, length <= Self.headingMaximumLength, !endsLikeProse else { return false }
        if isNumberedHeading { return true }
        guard listMarkerLength == 0 else { return false }
        return isAllCaps || isBold
    }

    /// 2 for numbered headings, 1 otherwise.
    var headingLevel: Int { isNumberedHeading ? 2 : 1 }

    private func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
}
