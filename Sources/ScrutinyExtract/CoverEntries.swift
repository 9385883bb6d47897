import Foundation

/// A labelled value read from a report's cover: "Report title: X", a two-column table row, a label
/// above its value, a row of labels over a row of values, or a cell holding both.
struct CoverEntry: Sendable, Hashable {
    let label: CoverLabel
    /// The value as printed, line breaks inside a cell kept.
    let value: String
    /// Index of the line the value was read from, in the lines given to ``CoverEntries``.
    let index: Int

    var field: CoverField { label.field }
    /// The value on one line: in-cell line breaks become spaces.
    var flatValue: String { value.split(whereSeparator: \.isNewline).map { String($0).trimmed }.joined(separator: " ").trimmed }
}

/// The labelled values of a report's front matter, in printed order.
struct CoverEntries: Sendable {
    let entries: [CoverEntry]

    /// Reads every cover shape in `front`.
    init(front: ArraySlice<OutlinedLine>) {
        let front = Array(front)
        var entries: [CoverEntry] = []
        var index = 0
        while index < front.count {
            let line = front[index]
            let next = index + 1 < front.count ? front[index + 1] : nil
            let filled = line.filledCells
            if filled.count >= 2, let next, let row = Self.labelRow(line, values: next, index: index + 1) {
                entries += row
                index += 2
                continue
            }
            if filled.count >= 2 {
                let row = Self.rowEntries(filled, index: index)
                if row.count == 1, let (value, used) = Self.continued(row[0].value, of: line, in: front, after: index) {
                    entries.append(CoverEntry(label: row[0].label, value: value, index: index))
                    index += 1 + used
                    continue
                }
                entries += row
            } else if filled.count == 1, let (entry, consumed) = Self.lineEntry(front, at: index) {
                entries.append(entry)
                index += consumed
                continue
            }
            index += 1
        }
        self.entries = entries
    }

    /// The first value for `field`.
    func first(_ field: CoverField) -> CoverEntry? { entries.first { $0.field == field } }

    /// Every value for `field`, in order.
    func all(_ field: CoverField) -> [CoverEntry] { entries.filter { $0.field == field } }

    // MARK: - Shapes

    /// A row of labels over a row of values ("Item No. | Date: | Decision maker:" then "| May 2015 | X"),
    /// the values read by column.
    private static func labelRow(_ labels: OutlinedLine, values: OutlinedLine, index: Int) -> [CoverEntry]? {
        let labelCells = labels.cells.map(\.trimmingHorizontalWhitespace)
        let filled = labelCells.filter { !$0.isEmpty }
        guard values.role == .tableRow, filled.allSatisfy(CoverLabels.isBareLabel),
              !values.filledCells.contains(where: CoverLabels.isBareLabel) else { return nil }
        let valueCells = values.cells.map(\.trimmingHorizontalWhitespace)
        let pairs: [(String, String)]
        if valueCells.count == labelCells.count {
            pairs = Array(zip(labelCells, valueCells)).filter { !$0.0.isEmpty }
        } else if values.filledCells.count == filled.count {
            pairs = Array(zip(filled, values.filledCells))
        } else {
            return nil
        }
        return pairs.compactMap { label, value in
            guard !value.isEmpty, let m = CoverLabels.match(label) else { return nil }
            return CoverEntry(label: m.label, value: value, index: index)
        }
    }

    /// `value` with the rows after `line` that carry on its cell: a value wrapped in a table whose
    /// cells come apart into visual rows (" | Report title: | Revenue Monitoring" then " |  | 2025-26").
    /// `nil` when no row carries it on; else the value and how many rows it took.
    private static func continued(_ value: String, of line: OutlinedLine, in front: [OutlinedLine],
                                  after index: Int) -> (String, Int)? {
        let cells = line.cells.map(\.trimmingHorizontalWhitespace)
        guard let labelColumn = cells.firstIndex(where: { !$0.isEmpty }),
              let valueColumn = cells.indices.dropFirst(labelColumn + 1).first(where: { !cells[$0].isEmpty }) else { return nil }
        var value = value
        var used = 0
        for next in front.dropFirst(index + 1).prefix(3) {
            let nextCells = next.cells.map(\.trimmingHorizontalWhitespace)
            guard next.role == .tableRow, next.filledCells.count == 1, nextCells.count == cells.count,
                  let column = nextCells.firstIndex(where: { !$0.isEmpty }), column == valueColumn,
                  CoverLabels.match(nextCells[column]) == nil else { break }
            value += "\n" + nextCells[column]
            used += 1
        }
        return used > 0 ? (value, used) : nil
    }

    /// A table row: a label cell and its value ("Report title: | X"), a label column read as one cell
    /// ("Subject Report by X | title"), or cells that each hold a label and its value ("Date: ⏎ 6 May 2025").
    private static func rowEntries(_ cells: [String], index: Int) -> [CoverEntry] {
        if let m = CoverLabels.match(cells[0]) {
            if m.value.isEmpty {
                let value = m.label.field == .contact || m.label.field == .reportAuthor
                    ? cells.dropFirst().joined(separator: ", ") : cells[1]
                return [CoverEntry(label: m.label, value: value, index: index)]
            }
            if m.separator == .space, let inner = CoverLabels.match(m.value), !inner.value.isEmpty {
                return [CoverEntry(label: m.label, value: cells[1], index: index),
                        CoverEntry(label: inner.label, value: inner.value, index: index)]
            }
        }
        return cells.compactMap { cell in
            guard let m = CoverLabels.match(cell), !m.value.isEmpty,
                  m.separator == .punctuation || m.separator == .lineBreak else { return nil }
            return CoverEntry(label: m.label, value: m.value, index: index)
        }
    }

    /// A line that is a label and its value ("Report of: X", "Subject ANNUAL REVIEW"), or a label alone
    /// whose value is the next line; the entry and how many lines it took.
    private static func lineEntry(_ front: [OutlinedLine], at index: Int) -> (CoverEntry, Int)? {
        let text = front[index].filledCells[0]
        guard let m = CoverLabels.match(text) else { return nil }
        switch m.separator {
        case .punctuation, .lineBreak:
            guard !m.value.isEmpty else { return stacked(m.label, front, at: index) }
            return (CoverEntry(label: m.label, value: m.value, index: index), 1)
        case .space:
            guard Self.isRunIn(m, line: front[index]) else { return nil }
            return (CoverEntry(label: m.label, value: Self.droppingArticle(m.value), index: index), 1)
        case .none:
            return stacked(m.label, front, at: index)
        }
    }

    /// A label run into its value without a colon: a value in capitals after a label that is not
    /// ("Subject ANNUAL REVIEW"), or a label of several words before a capitalised value on a short
    /// line ("Report to the Executive", "Report title Budget Monitoring").
    private static func isRunIn(_ m: CoverLabels.Match, line: OutlinedLine) -> Bool {
        let text = line.filledCells[0]
        // "Report of X to Cabinet" is the REPORT-of block, read as a whole elsewhere.
        if m.label.field == .reportBy, m.value.range(of: " to ", options: .caseInsensitive) != nil { return false }
        // A line all in capitals runs a label into its value only where the label has several words
        // and names the meeting or who reports ("REPORT TO CABINET"); "COUNCIL TAX BASE" is a heading.
        if TitleCaser.isAllCaps(m.value) {
            return !TitleCaser.isAllCaps(text)
                || m.label.text.contains(" ") && [.committee, .reportBy].contains(m.label.field) && m.value.wordCount <= 8
        }
        guard m.label.text.contains(" "), line.role != .listItem, text.wordCount <= 12, !text.hasSuffix(".") else { return false }
        return droppingArticle(m.value).first?.isUppercase == true
    }

    /// True when `line` carries on a title in capitals: capitals too, one cell, no label, date or number.
    private static func wrapsTitle(_ title: String, onto line: OutlinedLine) -> Bool {
        let text = line.text
        return TitleCaser.isAllCaps(title) && TitleCaser.isAllCaps(text) && line.filledCells.count == 1
            && CoverLabels.match(text) == nil && UKDateParser().firstDate(in: text) == nil
            && ListMarker.split(text)?.number == nil && !text.contains(where: \.isNumber)
    }

    /// "the Executive" is "Executive": the article a run-in label's value may open with.
    private static func droppingArticle(_ value: String) -> String {
        value.lowercased().hasPrefix("the ") ? String(value.dropFirst(4)) : value
    }

    /// A label alone on its line and its value on the next (a table exported as text). "REPORT of"
    /// may run over two lines before a lone "to".
    private static func stacked(_ label: CoverLabel, _ front: [OutlinedLine], at index: Int) -> (CoverEntry, Int)? {
        guard index + 1 < front.count, front[index + 1].filledCells.count == 1 else { return nil }
        let next = front[index + 1].filledCells[0]
        if let m = CoverLabels.match(next), m.value.isEmpty || m.separator == .punctuation { return nil }
        // "COUNCIL" over "12 JANUARY 2024" is a meeting and its date, not a label and its value.
        if label.field != .meetingDate, UKDateParser().firstDate(in: next) != nil, next.wordCount <= 5 { return nil }
        var value = next
        var consumed = 2
        if label.field == .reportBy, index + 3 < front.count, front[index + 3].text.lowercased() == "to",
           front[index + 2].filledCells.count == 1, front[index + 2].text.lowercased() != "to" {
            value += " " + front[index + 2].text
            consumed = 3
        } else if label.field == .title, index + 2 < front.count, Self.wrapsTitle(next, onto: front[index + 2]) {
            // A title in capitals wrapped onto a second line.
            value += " " + front[index + 2].text
            consumed = 3
        }
        return (CoverEntry(label: label, value: value, index: index + 1), consumed)
    }
}
