import ScrutinyCore

/// Finds the report's own recommendations: the items under a "Recommendation(s)" heading,
/// or after "Recommended that", "Cabinet is asked to", "RESOLVE". Numbered items keep their
/// number as printed without punctuation ("1", "2.1", "a", "ii"); lines wrapped over lines
/// and pages are joined.
public struct RecommendationExtractor: Sendable {
    public init() {}

    private static let heading = Pattern(#"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:officer(?:'s|s'|’s)?\s+)?(?:recommendations?(?:\s*\(s\))?(?:\s+to\s+[\w\s]+)?|decisions?\s+(?:required|sought|requested)|proposed\s+decisions?)\s*:?$"#)
    private static let inlineStart = Pattern(#"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:it\s+is\s+)?recommended\s+that\b|^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:recommendations?|recommended)\s*[:\-–]\s*\S"#)
    private static let askedTo = Pattern(#"\b(?:is|are)\s+(?:asked|requested|recommended|invited)\s+to\b.*(?::|resolve|resolves?)\s*$|\bresolve(?:s)?\s*(?:that|to)?\s*:?\s*$"#)
    private static let leadIn = Pattern(#"^(?:recommended|recommendations?)\s*[:\-–]\s*"#)

    /// True for a "Recommendation(s)" heading.
    static func isHeading(_ text: String) -> Bool { heading.matches(text) }

    /// The recommendations, in order.
    public func extract(from lines: [OutlinedLine]) -> [Recommendation] {
        guard let (start, inlineFirst) = findStart(lines) else { return [] }
        // A cover table row "Recommendations | 1. … 2. …": the items are the cell's paragraphs.
        if start > 0, lines[start - 1].role == .tableRow, lines[start - 1].filledCells.count >= 2 {
            return items(inCell: lines[start - 1])
        }
        var items: [Recommendation] = []
        var index = start
        if let inlineFirst {
            items.append(Recommendation(number: nil, text: inlineFirst, provenance: lines[start - 1].provenance))
        }
        var sawItem = !items.isEmpty
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.role == .tableRow && ProgressTable.isHeader(line) { break }
            let marker = ListMarker.split(line.text)
            if ends(at: line, marker: marker, sawItem: sawItem) { break }
            var text = line.role == .tableRow ? line.filledCells.joined(separator: " ") : line.text
            var number: String?
            if let marker, let n = marker.number, isItemNumber(n) {
                number = n
                text = marker.rest
            }
            text = Self.leadIn.replacing(in: text, with: "").trimmed
            guard !text.isEmpty else { continue }
            if number == nil, let last = items.last, continues(last.text, with: text, line: line) {
                items[items.count - 1].text += " " + text
                continue
            }
            // A lead-in ("The Committee is recommended to:") introduces the items; it is not one.
            if number == nil && text.hasSuffix(":") && !sawItem { continue }
            items.append(Recommendation(number: number, text: text, provenance: line.provenance))
            sawItem = true
        }
        return items.map { var r = $0; r.text = r.text.collapsingSpaces; return r }
    }

    private func items(inCell line: OutlinedLine) -> [Recommendation] {
        var items: [Recommendation] = []
        for paragraph in line.filledCells.dropFirst().flatMap({ InlineMarkup.paragraphs(of: $0) }) {
            let marker = ListMarker.split(paragraph)
            let text = marker?.number != nil ? marker!.rest : paragraph
            if marker?.number == nil, let last = items.last, continues(last.text, with: text, line: line) {
                items[items.count - 1].text += " " + text
            } else if !(text.hasSuffix(":") && items.isEmpty && marker?.number == nil) {
                items.append(Recommendation(number: marker?.number, text: text, provenance: line.provenance))
            }
        }
        return items
    }

    /// The index of the first line of the recommendations, and the text of an inline one
    /// ("RECOMMENDED that X" gives X) found on the line before it.
    private func findStart(_ lines: [OutlinedLine]) -> (Int, String?)? {
        for (index, line) in lines.enumerated() {
            let text = line.text
            if line.isHeading || line.isBold || line.role == .heading, Self.heading.matches(text),
               !ProgressTable.isFlatHeader(at: index, in: lines) {
                return (index + 1, nil)
            }
            if line.role == .tableRow, line.filledCells.count >= 2, Self.heading.matches(line.filledCells[0]) {
                return (index + 1, nil)
            }
            if line.role != .tableRow, Self.inlineStart.matches(text) {
                let rest = ListMarker.split(text).map(\.rest) ?? text
                let stripped = Self.leadIn.replacing(in: rest, with: "")
                return (index + 1, stripped.trimmed.isEmpty ? nil : stripped.trimmed)
            }
            if line.role != .tableRow, text.wordCount <= 20, Self.askedTo.matches(text) {
                return (index + 1, nil)
            }
        }
        return nil
    }

    /// True when `line` is past the recommendations: a heading that is not an item.
    private func ends(at line: OutlinedLine, marker: ListMarker?, sawItem: Bool) -> Bool {
        if line.role == .heading { return sawItem || !Self.heading.matches(line.text) }
        guard line.isHeading else { return false }
        // "Cabinet is asked to:" introduces the items.
        if line.text.hasSuffix(":") && !sawItem { return false }
        if let marker, marker.number != nil {
            // "2. SUMMARY OF KEY ISSUES" ends; "1. That the report is noted" does not.
            let rest = marker.rest
            return TitleCaser.isAllCaps(rest) || (rest.wordCount <= 6 && !rest.lowercased().hasPrefix("that"))
        }
        return true
    }

    private func isItemNumber(_ number: String) -> Bool {
        number.count <= 5
    }

    /// True when `text` carries on the previous item (a wrapped line or a page break mid-sentence).
    private func continues(_ previous: String, with text: String, line: OutlinedLine) -> Bool {
        guard let first = text.first else { return false }
        if first.isLowercase { return true }
        if let last = previous.last, !".;:!?".contains(last) { return true }
        return false
    }
}
