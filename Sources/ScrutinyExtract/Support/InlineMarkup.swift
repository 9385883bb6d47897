/// Splits text at bullet characters used as paragraph breaks ("• one • two") and collapses spaces.
///
/// Markup that exports leave in text (`**`, `<p>`, `<li>`) is already gone: the ingest readers
/// clean it with libxml2. Paragraph breaks become `"\n"`, so a cell holding several paragraphs
/// keeps them apart.
enum InlineMarkup {
    private static let bullet = Pattern(#"\s*[•●▪◦]\s*"#)

    /// `text` with inline bullets as paragraph breaks (`"\n"`); each paragraph's spaces collapsed.
    static func clean(_ text: String) -> String {
        if CleanParagraph.holds(text) { return text }
        var s = text
        if s.unicodeScalars.contains(where: { "•●▪◦".unicodeScalars.contains($0) }) { s = bullet.replacing(in: s, with: "\n") }
        return paragraphs(of: s).joinedInOneBuffer(separator: "\n")
    }

    /// The non-empty paragraphs of `text` (split at `"\n"`), spaces collapsed.
    static func paragraphs(of text: String) -> [String] {
        if CleanParagraph.holds(text) { return [text] }
        return text.split(separator: "\n").map { String($0).collapsingSpaces }.filter { !$0.isEmpty }
    }
}

/// Recognises text that cleaning would leave as it is: one non-empty paragraph, no bullets, no
/// white space at either end and single spaces between words. Most lines of a report are like
/// that, and this one pass over their bytes spares them the split, collapse and join.
///
/// The test is strict on purpose: it accepts only printable ASCII and the common letters, quotes,
/// dashes and currency signs of Latin-1 and General Punctuation (none of which joins a space into
/// a grapheme cluster or counts as white space); anything else takes the full path.
enum CleanParagraph {
    /// True when cleaning `text` returns it unchanged.
    static func holds(_ text: String) -> Bool {
        var previousWasSpace = true  // a leading space is not clean
        var sawAny = false
        for scalar in text.unicodeScalars {
            sawAny = true
            let value = scalar.value
            if value == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            if value > 0x20 && value < 0x7F { continue }
            guard isPlainNonASCII(value) else { return false }
        }
        return sawAny && !previousWasSpace
    }

    /// Latin-1 letters and signs (no controls, no-break space or soft hyphen), Latin Extended-A
    /// and -B, dashes, quotes and other General Punctuation (no spaces, separators, bullets or
    /// format characters), and currency signs.
    static func isPlainNonASCII(_ value: UInt32) -> Bool {
        switch value {
        case 0xA1...0xAC, 0xAE...0x24F: true
        case 0x2010...0x2021, 0x2023...0x2027, 0x2030...0x205E: true
        case 0x20A0...0x20C0: true
        default: false
        }
    }
}
