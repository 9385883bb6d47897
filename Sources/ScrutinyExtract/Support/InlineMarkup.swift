/// Splits text at bullet characters used as paragraph breaks ("• one • two") and collapses spaces.
///
/// Markup that exports leave in text (`**`, `<p>`, `<li>`) is already gone: the ingest readers
/// clean it with libxml2. Paragraph breaks become `"\n"`, so a cell holding several paragraphs
/// keeps them apart.
enum InlineMarkup {
    private static let bullet = Pattern(#"\s*[•●▪◦]\s*"#)

    /// `text` with inline bullets as paragraph breaks (`"\n"`); each paragraph's spaces collapsed.
    static func clean(_ text: String) -> String {
        var s = text
        if s.contains(where: { "•●▪◦".contains($0) }) { s = bullet.replacing(in: s, with: "\n") }
        return paragraphs(of: s).joined(separator: "\n")
    }

    /// The non-empty paragraphs of `text` (split at `"\n"`), spaces collapsed.
    static func paragraphs(of text: String) -> [String] {
        text.split(separator: "\n").map { String($0).collapsingSpaces }.filter { !$0.isEmpty }
    }
}
