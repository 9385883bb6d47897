import ScrutinyCore

/// Finds the report's own recommendations: the items under a "Recommendation(s)" heading or
/// after a lead-in ("Recommended that", "The Cabinet is asked to RESOLVE that", "Decision(s)
/// required"), the words kept in ``RecommendationVocabulary``. Numbered items keep their number
/// as printed without punctuation ("1", "2.1", "a", "ii"); lines wrapped over lines, pages and
/// table cells are joined, and sub-items of an item that ends with a colon stay in it.
///
/// The first place that yields items wins, so recommendations printed twice (summary and body)
/// are read once; sub-headings that address another body ("Recommendations for the Leader")
/// continue the list.
public struct RecommendationExtractor: Sendable {
    public init() {}

    /// True for a "Recommendation(s)" heading.
    static func isHeading(_ text: String) -> Bool { RecommendationVocabulary.headingLine.matches(text) }

    /// The recommendations, in order.
    public func extract(from lines: [OutlinedLine]) -> [Recommendation] {
        var from = 0
        while let start = RecommendationStart.next(in: lines, from: from) {
            let items = items(from: start, in: lines)
            if !items.isEmpty { return items }
            from = start.index + 1
        }
        return []
    }

    private func items(from start: RecommendationStart, in lines: [OutlinedLine]) -> [Recommendation] {
        let opener = lines[start.index]
        var list = RecommendationList()
        switch start.opening {
        case .cell:
            return items(inCells: start.index, of: lines)
        case .inline(let text):
            let marker = ListMarker.split(text)
            let item = marker?.number != nil ? marker!.rest : text
            // "It is recommended that the Committee:" introduces the items.
            if !item.hasSuffix(":") { list.add(item, number: marker?.number, line: opener) }
        case .heading, .leadIn:
            break
        }
        let headingNumber = ListMarker.split(opener.text)?.number?.split(separator: ".").first
        var walk = ListWalk(headingNumber: headingNumber)
        for line in lines[(start.index + 1)...] {
            if !walk.read(line, into: &list) { break }
        }
        return list.finished
    }

    /// A cover table row "Recommendations | 1. … 2. …": the items are the cell's paragraphs,
    /// and those of the rows below it whose first cell is empty.
    private func items(inCells index: Int, of lines: [OutlinedLine]) -> [Recommendation] {
        var list = RecommendationList()
        var row = index
        repeat {
            let line = lines[row]
            let cells = row == index ? Array(line.filledCells.dropFirst()) : line.filledCells
            for paragraph in cells.flatMap({ InlineMarkup.paragraphs(of: $0) }) {
                let marker = ListMarker.split(paragraph)
                let number = marker?.number
                let text = number != nil ? marker!.rest : paragraph
                if number == nil, list.continuesLast(text) {
                    list.appendToLast(text)
                } else if !(text.hasSuffix(":") && list.isEmpty && number == nil) {
                    list.add(text, number: number, line: line)
                }
            }
            row += 1
        } while row < lines.count && lines[row].role == .tableRow && lines[row].cells.first?.trimmed.isEmpty == true
        return list.finished
    }
}

/// Reads the lines after a recommendations heading or lead-in, one at a time, until the
/// recommendations end: at the next heading, a table after a list, a plain paragraph after a
/// list, or a number of the next section ("3.1" after "2.1", "2.2").
private struct ListWalk {
    /// The section number of the heading ("2" of "2. Recommendations"), if printed.
    var headingNumber: Substring?
    /// The section part of the first dotted item number ("2" of "2.1").
    private var section: Substring?

    init(headingNumber: Substring?) {
        self.headingNumber = headingNumber
    }

    /// Adds `line` to `list`; false when the recommendations ended before it.
    mutating func read(_ line: OutlinedLine, into list: inout RecommendationList) -> Bool {
        if line.role == .tableRow && ProgressTable.isHeader(line) { return false }
        let text = line.role == .tableRow ? line.filledCells.joined(separator: " ") : line.text
        if list.isEmpty, Self.isColumnHeader(line) { return true }
        if Self.isSubHeading(line, text: text) || Self.isLeadIn(text) {
            list.closeParent()
            return true
        }
        let marker = ListMarker.split(text)
        if endsAtHeading(line, marker: marker, sawItem: !list.isEmpty) { return false }
        if !list.isEmpty, line.role == .tableRow, !list.lastFromTable { return false }
        var number: String?
        var body = text
        if let marker, let n = marker.number, n.count <= 5 {
            if leavesSection(n) { return false }
            number = n
            body = marker.rest
        }
        // A marker whose text the layout lost ("1." alone) is no item.
        guard body.contains(where: \.isLetter) else { return true }
        return place(body, number: number, printed: text, line: line, in: &list)
    }

    /// Adds an item's text to `list`: as a sub-item, a wrapped line or a new item; false when
    /// it is a plain paragraph after a list, where the recommendations ended.
    private func place(_ body: String, number: String?, printed text: String, line: OutlinedLine,
                       in list: inout RecommendationList) -> Bool {
        if number != nil || line.isBulleted, let subItem = list.subItem(number: number) {
            switch subItem {
            case .joined: list.appendToLast(number != nil ? text : body)
            case .numbered(let printed): list.add(body, number: printed, line: line, underParent: true)
            }
            return true
        }
        // A bullet after a bulleted item is the next item, however it starts.
        if number == nil, !line.isBulleted, list.continuesLast(body) {
            list.appendToLast(body)
            return true
        }
        // A lead-in ("The Committee is recommended to:") introduces the items; it is not one.
        if number == nil && body.hasSuffix(":") && list.isEmpty { return true }
        // A plain paragraph after a list is the report going on.
        if number == nil, !list.isEmpty, list.onlyListItems, line.role == .body { return false }
        list.add(body, number: number, line: line)
        return true
    }

    /// "Recommendations for the Cabinet to approve" within the recommendations: they go on.
    private static func isSubHeading(_ line: OutlinedLine, text: String) -> Bool {
        line.role != .tableRow && (line.isHeading || line.isBold || line.role == .heading)
            && RecommendationExtractor.isHeading(text)
    }

    /// The header row of a table of recommendations ("No. | Recommendation"): short cells, bold
    /// or naming the recommendations.
    private static func isColumnHeader(_ line: OutlinedLine) -> Bool {
        guard line.role == .tableRow else { return false }
        let cells = line.filledCells
        guard cells.allSatisfy({ $0.wordCount <= 3 }) else { return false }
        return line.isBold || cells.contains { RecommendationExtractor.isHeading($0) }
    }

    /// A lead-in sentence between items: "The Council is recommended to:".
    private static func isLeadIn(_ text: String) -> Bool {
        text.wordCount <= 25 && RecommendationVocabulary.leadInLine.matches(text)
    }

    /// True when `line` is past the recommendations: a heading that is not an item.
    private func endsAtHeading(_ line: OutlinedLine, marker: ListMarker?, sawItem: Bool) -> Bool {
        // A numbered line the reader took for a heading is judged by its words below.
        if line.role == .heading && marker?.number == nil { return true }
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

    /// True when `number` belongs to the next section: "3.1" or "3" after items "2.1", "2.2",
    /// or "3.1" under a heading numbered "2".
    private mutating func leavesSection(_ number: String) -> Bool {
        guard number.first?.isNumber == true else { return false }
        let parts = number.split(separator: ".", maxSplits: 1)
        if let heading = headingNumber, parts.count == 2, parts[0] != heading { return true }
        guard let section else {
            if parts.count == 2 { section = parts[0] }
            return false
        }
        return parts.count == 1 || parts[0] != section
    }
}
