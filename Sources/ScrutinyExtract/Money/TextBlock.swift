import Foundation
import ScrutinyCore

/// A run of text read as one: a paragraph (possibly wrapped over several lines) or one table cell.
struct TextBlock {
    var text: String
    /// The cell's place in its table, for a block that is a table cell.
    var table: TableCell?
    /// The index of the block's first line (its text starts at offset 0).
    var firstLine: Int
    /// Where each later line's text starts in `text` (scalar offsets), with the line's index: empty for
    /// a one-line block such as a table cell, so most blocks carry no array.
    var laterStarts: [(offset: Int, line: Int)] = []

    /// The index of the line that holds scalar `offset` of `text`.
    func lineIndex(at offset: Int) -> Int {
        laterStarts.last(where: { $0.offset <= offset })?.line ?? firstLine
    }

    /// Blocks in reading order. A line joins the paragraph before it when that paragraph has not ended
    /// (no closing stop) and the line carries on in lower case; table cells are blocks of their own.
    static func blocks(of lines: [OutlinedLine]) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var open: TextBlock?
        var heading: TableRowReading?
        var scales: [Int: Double] = [:]
        var headingEnded = true
        // The columns that held amounts in the last data row.
        var lastAmountColumns: [Int] = []
        var caption: String?
        // The index of the last paragraph line read since the last table, if any.
        var lineBefore: Int?
        // The open paragraph's length in scalars, kept as it grows rather than counted at every join.
        var openScalarCount = 0
        let readings = CellReadings()
        // Read by index: each line is lent, not copied out by an iterator.
        for index in lines.indices {
            let line = lines[index]
            // Justified prose that a reader split into cells is read as the paragraph it is.
            let isProse = line.cells.count >= ProseRow.leastCells && ProseRow.readsAsProse(line.cells)
            let role = isProse ? LineRole.body : line.role
            if !isProse, line.cells.count > 1 || line.role == .tableRow {
                if let done = open { blocks.append(done); open = nil }
                if let beforeIndex = lineBefore {
                    let before = lines[beforeIndex]
                    // The line just before a table names it when it is a heading or starts "Table".
                    let text = before.text.trimmingHorizontalWhitespace
                    caption = before.role == .heading || text.lowercasedByScalar.hasPrefix("table") ? text : nil
                    lineBefore = nil
                }
                // A row with no amounts heads the rows below it; stacked heading rows ("£000" over "Budget") add up.
                let amountColumns = line.cells.indices.filter {
                    MoneyParser().holdsAmount(in: line.cells[$0]) || ScaledFigure.value(of: line.cells[$0]) != nil
                }
                if amountColumns.isEmpty {
                    // Below data rows, a row that names no year, kind or unit over the money columns is a data
                    // row without money ("TBC") or the run-on of a notes cell: it heads nothing.
                    if headingEnded, heading != nil, !lastAmountColumns.isEmpty,
                       !Self.headsColumns(line.cells, at: lastAmountColumns, readings: readings) { continue }
                    if headingEnded { scales = [:] }
                    for (column, cell) in line.cells.enumerated() {
                        if let factor = ScaledFigure.factor(inHeading: cell) { scales[column] = factor }
                    }
                    if heading == nil || !line.cells.allSatisfy({ ScaledFigure.factor(inHeading: $0) != nil || $0.isEmpty }) {
                        heading = TableRowReading(cells: line.cells, readings: readings)
                    }
                    headingEnded = false
                    continue
                }
                headingEnded = true
                lastAmountColumns = amountColumns
                let row = TableRowReading(cells: line.cells, readings: readings)
                for (column, cell) in line.cells.enumerated() where !cell.isEmpty {
                    let scale = column > 0 ? scales[column] : nil
                    blocks.append(TextBlock(text: cell, table: TableCell(row: row, column: column, heading: heading,
                                                                         scale: scale, caption: caption, readings: readings),
                                            firstLine: index))
                }
                continue
            }
            let text = isProse ? line.filledCells.joined(separator: " ") : line.text.trimmingHorizontalWhitespace
            lineBefore = index
            // A short run-on line (a cell's wrapped text) stays in the table; a heading or paragraph ends it.
            if role == .heading || text.hasAtLeastCharacters(60) || text.hasSuffix(".") {
                heading = nil
                scales = [:]
                headingEnded = true
            }
            if text.isEmpty { continue }
            if var current = open, role == .body || role == .listItem,
               let last = current.text.last, !".!?:;".contains(last), let first = text.first,
               first.isLowercase || first == "£" || (role == .body && lines[index - 1].text.hasAtLeastCharacters(60)) {
                // Let go of `open` first, so the text grows in place instead of being copied at every join.
                open = nil
                let offset = openScalarCount + 1
                current.text += " " + text
                current.laterStarts.append((offset, index))
                openScalarCount = offset + text.unicodeScalars.count
                open = current
                continue
            }
            if let done = open { blocks.append(done) }
            open = TextBlock(text: text, firstLine: index)
            openScalarCount = text.unicodeScalars.count
        }
        if let done = open { blocks.append(done) }
        return blocks
    }

    /// True when a cell of `cells` at one of `columns` reads as a money column's heading: it names a
    /// financial year ("2026/27"), a kind ("Budget", "Actual") or a unit ("£000").
    static func headsColumns(_ cells: [String], at columns: [Int], readings: CellReadings) -> Bool {
        columns.contains { column in
            guard column < cells.count else { return false }
            let cell = cells[column]
            return readings.firstPeriod(in: cell) != nil || readings.columnKind(cell) != nil
                || ScaledFigure.factor(inHeading: cell) != nil
        }
    }
}

/// A table row that is really a line of justified prose split at its wide spaces ("16. There is | a total |
/// of £76.7m | allocated | in the council’s | …"): many short cells, most of them carrying on in lower case.
enum ProseRow {
    /// The fewest cells a prose row is split into (real rows of text cells are narrower).
    static let leastCells = 5
    /// The longest cell (in characters) of a prose row: its cells are a few words each.
    static let longestCell = 40

    /// True when most of the row's non-empty cells start in lower case and none is long.
    static func readsAsProse(_ cells: [String]) -> Bool {
        var filled = 0
        var lowercase = 0
        for cell in cells {
            let text = cell.trimmingHorizontalWhitespace
            guard let first = text.first else { continue }
            if text.hasAtLeastCharacters(longestCell + 1) { return false }
            filled += 1
            if first.isLowercase { lowercase += 1 }
        }
        return filled >= leastCells && lowercase * 2 >= filled
    }
}
