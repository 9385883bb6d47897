import Foundation
import ScrutinyCore

/// A labelled value and the line it was read from: "Venue: Town Hall", a label cell and the cell
/// after it, a label over its value.
struct LabelledValue: Sendable {
    let field: MeetingField
    let value: String
    let line: Int
}

// MARK: - Reading labels

extension LabelledValue {
    /// Every labelled value among `lines` at `indices`: "Label: value" in a line or a cell, a label cell
    /// and the cell after it, a label above its value, a row of labels over a row of values.
    static func all(in lines: [SheetLine], at indices: [Int]) -> [LabelledValue] {
        var found: [LabelledValue] = []
        let set = Set(indices)
        var skip: Set<Int> = []
        for index in indices where !skip.contains(index) {
            let cells = lines[index].filled
            // A row of labels over a row of values.
            if cells.count >= 2, Self.isLabelRow(cells), set.contains(index + 1),
               lines[index + 1].filled.count == cells.count, !lines[index + 1].filled.contains(where: MeetingLabels.opensWithLabel) {
                let pairs = zip(cells, lines[index + 1].filled).compactMap { label, value in
                    MeetingLabels.match(label).map { LabelledValue(field: $0.field, value: value, line: index + 1) }
                }
                // Values that do not fit their labels are a table whose cells came apart: read none of them.
                if pairs.allSatisfy({ accepts($0.field, $0.value) }) {
                    found += pairs
                    skip.insert(index + 1)
                }
                continue
            }
            var entries: [(field: MeetingField, value: String, line: Int, last: Bool)] = []
            var column = 0
            while column < cells.count {
                defer { column += 1 }
                guard let m = MeetingLabels.match(cells[column]) else { continue }
                if m.value.isEmpty, column + 1 < cells.count {
                    // A label cell and its value in the next cell.
                    guard !MeetingLabels.opensWithLabel(cells[column + 1]), accepts(m.field, cells[column + 1]) else { continue }
                    entries.append((m.field, cells[column + 1], index, column + 2 == cells.count))
                    column += 1
                } else if m.value.isEmpty {
                    // A label alone (the council's aside: "Council" alone names the meeting), its value on the next line.
                    guard m.field != .council, set.contains(index + 1), lines[index + 1].filled.count == 1,
                          let next = lines[index + 1].filled.first, !MeetingLabels.opensWithLabel(next), accepts(m.field, next) else { continue }
                    entries.append((m.field, next, index + 1, true))
                    skip.insert(index + 1)
                } else if m.separator == .punctuation || runsIn(m), accepts(m.field, m.value) {
                    entries.append((m.field, m.value, index, column + 1 == cells.count))
                }
            }
            for entry in entries {
                var value = entry.value
                // A value the line's last cell holds may wrap onto the lines below it.
                if entry.last { value += continuedValue(entry.field, value, lines, after: entry.line, in: set, skip: &skip) }
                found.append(LabelledValue(field: entry.field, value: value, line: entry.line))
            }
        }
        return found
    }

    /// True when a row's cells are labels over the next row's values: every cell a label, or two at
    /// least with the rest short headings of their own ("Date & time | Place | Contact | Chief Executive").
    private static func isLabelRow(_ cells: [String]) -> Bool {
        let labels = cells.filter(MeetingLabels.isBareLabel).count
        return labels == cells.count
            || labels >= 2 && cells.allSatisfy { MeetingLabels.isBareLabel($0) || $0.wordCount <= 3 && !$0.contains(where: \.isNumber) }
    }

    /// A label run into its value without a colon counts for a date or a time whose value is one: "Date Tuesday 3 June 2026".
    private static func runsIn(_ m: MeetingLabels.Match) -> Bool {
        switch m.field {
        case .date, .dateAndTime: UKDateParser().firstDate(in: m.value) != nil
        case .time: MeetingClock.opens(m.value)
        default: false
        }
    }

    /// True when `value` can be the value of a `field` label.
    private static func accepts(_ field: MeetingField, _ value: String) -> Bool {
        switch field {
        case .date, .dateAndTime, .otherDate: UKDateParser().firstDate(in: value) != nil
        case .time: MeetingClock.first(in: value, dotted: true) != nil
        case .committee, .venue, .council, .other: UKDateParser().firstDate(in: value) == nil && MeetingClock.first(in: value, dotted: false) == nil
        }
    }

    /// The lines after a value's first line that carry it on: a venue's address ("Town Hall," ⏎ "High
    /// Street, Fenby FE1 1AA"), a body's name in a table whose value column wraps ("Overview and Scrutiny" ⏎ " | Committee").
    private static func continuedValue(_ field: MeetingField, _ value: String, _ lines: [SheetLine], after index: Int,
                                       in set: Set<Int>, skip: inout Set<Int>) -> String {
        guard field == .venue || field == .committee else { return "" }
        var more = ""
        var last = value
        var next = index + 1
        while set.contains(next), next <= index + 2, lines[next].filled.count == 1 {
            let line = lines[next]
            let text = line.text
            let inValueColumn = line.role == .tableRow && line.cells.first?.isEmpty == true
            guard !MeetingLabels.opensWithLabel(text), UKDateParser().firstDate(in: text) == nil,
                  MeetingClock.first(in: text, dotted: false) == nil, !MeetingVocabulary.agendaHeading.matches(text) else { break }
            let carries = field == .venue
                ? last.hasSuffix(",") || inValueColumn || MeetingVocabulary.postcode.matches(text) && text.wordCount <= 8
                : inValueColumn && !MeetingBody.holdsNoun(last) && MeetingBody.holdsNoun(text)
            guard carries else { break }
            more += " " + text
            skip.insert(next)
            last = text
            next += 1
        }
        return more
    }
}
