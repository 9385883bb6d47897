/// The shape of a progress table: a header row "Recommendation | Progress" (or Update, Status,
/// Response, Comments), rows pairing a recommendation with its progress, and one-cell rows
/// naming the partnership or topic of the rows below.
enum ProgressTable {
    private static let firstHeader = Pattern(#"^(?:original\s+|agreed\s+)?recommendations?(?:\s*\(s\))?(?:\s+made)?\s*:?$"#)
    private static let secondHeader = Pattern(#"^(?:progress|update|status|response|comments?|action(?:s)? taken|current position)\b.{0,40}$"#)

    /// Where the recommendation and its progress sit in a header row ("Ref | Recommendation |
    /// Cabinet response | Progress | RAG" has them at 1 and 2), and how many cells the row has.
    struct Columns: Sendable, Hashable {
        var recommendation: Int
        var progress: Int
        var count: Int
    }

    /// The columns of a progress table's header row; `nil` when `line` is not one.
    static func columns(of line: OutlinedLine) -> Columns? {
        guard line.role == .tableRow else { return nil }
        // The recommendation header is among the first three cells and names a recommendation.
        guard line.cells.prefix(3).contains(where: { TextScan.mayContain($0, caseInsensitively: "recommendation") }) else {
            return nil
        }
        let cells = line.cells.map(\.trimmed)
        guard cells.count >= 2, let rec = cells.prefix(3).firstIndex(where: { TextScan.mayStart($0, withOneOf: "oar") && firstHeader.matches($0) }),
              let progress = cells.indices.first(where: { $0 > rec && secondHeader.matches(cells[$0]) }) else { return nil }
        return Columns(recommendation: rec, progress: progress, count: cells.count)
    }

    /// True for the table's header row (also when repeated after a page break).
    static func isHeader(_ line: OutlinedLine) -> Bool {
        if columns(of: line) != nil { return true }
        // Both headers read as one line: "Recommendation Progress".
        return TextScan.mayStart(line.text.trimmed, withOneOf: "r") && line.filledCells.count == 1 && line.text.wordCount <= 4
            && oneLineHeader.matches(line.text.trimmed)
    }
    private static let oneLineHeader = Pattern(#"^recommendations?\s+(?:progress|update|status|response|comments?)(?:\s+\w+)?$"#)

    /// True for the header of a progress table exported as text one cell per line: "Recommendation"
    /// alone on `lines[index]`, "Progress" alone on the line after it. Most lines fail the cheap test
    /// of the first; the next line is read only for those that pass, and never copied.
    static func isFlatHeader(at index: Int, in lines: [OutlinedLine]) -> Bool {
        guard index + 1 < lines.count, mayOpenFlatHeader(lines[index]) else { return false }
        return isFlatHeader(lines[index], followedBy: lines[index + 1])
    }

    /// False only when `line` surely is not the first half of a flat header.
    private static func mayOpenFlatHeader(_ line: OutlinedLine) -> Bool {
        TextScan.mayStart(line.text.trimmed, withOneOf: "oar") && TextScan.mayContain(line.text, caseInsensitively: "recommendation")
    }

    private static func isFlatHeader(_ line: OutlinedLine, followedBy next: OutlinedLine) -> Bool {
        guard line.filledCells.count == 1, next.filledCells.count == 1 else { return false }
        return firstHeader.matches(line.text.trimmed) && secondHeader.matches(next.text.trimmed) && next.text.wordCount <= 4
    }

    private static let recommendationWords = Pattern(#"\b(?:should|must|ought\s+to|needs?\s+to|is\s+to\s+be|are\s+to\s+be)\b|^(?:ensure|ask|confirm|review|consider|agree|publish|set\s+up|report|develop|introduce|establish|provide|explore|undertake|seek|make|improve|monitor|carry\s+out|produce|prepare|investigate|write|bring|share|update|clarify|request|adopt)\b"#)

    /// True when a paragraph reads as a recommendation ("X should …", "Review …") rather than
    /// as progress ("X was agreed in May").
    static func readsAsRecommendation(_ text: String) -> Bool { recommendationWords.matches(text) }

    /// The group name when `line` is a one-cell row naming a partnership or topic; `nil` otherwise.
    static func groupName(_ line: OutlinedLine) -> String? {
        let cells = line.cells.map(\.trimmed)
        let filled = cells.filter { !$0.isEmpty }
        guard filled.count == 1, cells.first?.isEmpty == false else { return nil }
        let text = filled[0]
        guard !text.includes("\n"), text.wordCount <= 10, let first = text.first, first.isUppercase || first.isNumber else {
            return nil
        }
        if let last = text.last, ".,;".contains(last) { return nil }
        return text.droppingTrailingPunctuation
    }

    /// True for a row that continues the previous row's progress: its first cell is empty,
    /// or it is a single paragraph that reads as the rest of a sentence.
    static func isContinuation(_ line: OutlinedLine) -> Bool {
        let cells = line.cells.map(\.trimmed)
        if cells.count >= 2, cells[0].isEmpty, cells.dropFirst().contains(where: { !$0.isEmpty }) { return true }
        let filled = cells.filter { !$0.isEmpty }
        guard filled.count == 1, let first = filled[0].first else { return false }
        return first.isLowercase
    }
}
