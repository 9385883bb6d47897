/// Removes inline markup that exports leave in text: Markdown bold (`**`), HTML fragments
/// (`<p>`, `<ul>`, `<li>`, `<br>`), and bullet characters used as paragraph breaks.
///
/// Paragraph breaks become `"\n"`, so a cell holding several paragraphs keeps them apart.
enum InlineMarkup {
    private static let breakTags = Pattern(#"</p>\s*<p[^>]*>|<br\s*/?>|</?li[^>]*>|</p>|<p[^>]*>"#)
    private static let anyTag = Pattern(#"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>"#)
    private static let bullet = Pattern(#"\s*[•●▪◦]\s*"#)

    /// `text` with markup removed and paragraph breaks as `"\n"`; each paragraph's spaces collapsed.
    static func clean(_ text: String) -> String {
        var s = text
        if s.contains("**") { s = s.replacingOccurrences(of: "**", with: "") }
        if s.contains("<") {
            s = breakTags.replacing(in: s, with: "\n")
            s = anyTag.replacing(in: s, with: " ")
            s = s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&nbsp;", with: " ")
        }
        if s.contains(where: { "•●▪◦".contains($0) }) { s = bullet.replacing(in: s, with: "\n") }
        return paragraphs(of: s).joined(separator: "\n")
    }

    /// The non-empty paragraphs of `text` (split at `"\n"`), spaces collapsed.
    static func paragraphs(of text: String) -> [String] {
        text.split(separator: "\n").map { String($0).collapsingSpaces }.filter { !$0.isEmpty }
    }
}
