/// A place where a report's recommendations may begin, found from the lead-in vocabulary.
struct RecommendationStart: Sendable, Hashable {
    /// How the recommendations are introduced.
    enum Opening: Sendable, Hashable {
        /// A heading line ("RECOMMENDATIONS"); the items follow it.
        case heading
        /// A table row whose first cell is the heading; its other cells hold the items.
        case cell
        /// A heading or sentence that carries the first item on its own line.
        case inline(String)
        /// A lead-in sentence ("The Cabinet is recommended to:"); the items follow it.
        case leadIn
    }

    /// The index of the line that opens the recommendations.
    var index: Int
    var opening: Opening

    /// Fewer words than this beside a "Recommendations" cell are column headings, not items.
    private static let minimumCellWords = 3

    /// Lines longer than this are paragraphs, not lead-ins.
    private static let leadInMaxWords = 25

    /// The first start at or after `from`, or `nil`.
    static func next(in lines: [OutlinedLine], from: Int) -> RecommendationStart? {
        var index = from
        while index < lines.count {
            if let opening = opening(at: index, in: lines) { return RecommendationStart(index: index, opening: opening) }
            index += 1
        }
        return nil
    }

    private static func opening(at index: Int, in lines: [OutlinedLine]) -> Opening? {
        let line = lines[index]
        if line.role == .tableRow {
            let cells = line.filledCells
            guard cells.count >= 2, mayOpen(cells[0]), RecommendationVocabulary.headingLine.matches(cells[0]) else { return nil }
            // "Recommendation | Progress | RAG" heads a tracker's columns; it holds no items.
            let items = cells.dropFirst().reduce(0) { $0 + $1.wordCount }
            guard items >= minimumCellWords, !ProgressTable.isHeader(line),
                  !(cells.count == 2 && RecommendationVocabulary.pointer.matches(cells[1])) else { return nil }
            return .cell
        }
        let text = line.text
        guard mayOpen(text) else { return nil }
        let vocabulary = RecommendationVocabulary.self
        if vocabulary.headingLine.matches(text) {
            return ProgressTable.isFlatHeader(at: index, in: lines) ? nil : .heading
        }
        if let item = vocabulary.headingWithItem.firstMatch(in: text)?.last ?? nil,
           let item = nonEmpty(item) { return .inline(item) }
        if let item = vocabulary.headingGluedToItem.firstMatch(in: text)?.last ?? nil,
           let item = nonEmpty(item) { return .inline(item) }
        if vocabulary.sentenceOpening.matches(text) {
            let sentence = ListMarker.split(text).map(\.rest) ?? text
            return vocabulary.leadInLine.matches(sentence) ? .leadIn : .inline(text)
        }
        if text.wordCount <= leadInMaxWords, vocabulary.leadInLine.matches(text) { return .leadIn }
        return nil
    }

    /// False when `text` holds none of the words every row of the vocabulary needs: most lines.
    private static func mayOpen(_ text: String) -> Bool {
        TextScan.mayContain(text, caseInsensitively: "recommend") || TextScan.mayContain(text, caseInsensitively: "decision")
            || TextScan.mayContain(text, caseInsensitively: "resol") || TextScan.mayContain(text, caseInsensitively: "asked")
            || TextScan.mayContain(text, caseInsensitively: "requested") || TextScan.mayContain(text, caseInsensitively: "invited")
            || TextScan.mayContain(text, caseInsensitively: "argymhell")
    }

    /// `text` trimmed, or `nil` when it is empty or only points elsewhere ("see section 2", "None").
    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmed
        return trimmed.isEmpty || RecommendationVocabulary.pointer.matches(trimmed) ? nil : trimmed
    }
}
