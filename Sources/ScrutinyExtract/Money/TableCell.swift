import ScrutinyCore

/// Where a table cell sits: its row and the heading row of its table.
struct TableCell {
    var row: TableRowReading
    var column: Int
    var heading: TableRowReading?
    /// The factor the column's heading gives bare figures ("£000": 1,000; "£m": 1,000,000), if any.
    var scale: Double?
    /// The table's caption ("Table 2 – Partner contributions 2025/26"), when the line before the table is one.
    var caption: String?
    /// Readings of the table's cells, shared by every cell of the document's tables.
    var readings = CellReadings()

    /// The cell as seen by the `index`-th of its `count` amounts: when a reader has merged cells of one row
    /// ("(£150,000) (£164,000)" under "Budget | Actual"), the amounts are taken as the columns in order.
    func spanning(_ index: Int, of count: Int) -> TableCell {
        guard count > 1, let heading, row.cells.count < heading.cells.count else { return self }
        var cell = self
        cell.column = min(column + index, heading.cells.count - 1)
        return cell
    }

    /// Kinds a row label gives its amounts whatever the column ("Income" in a Budget/Actual table).
    static let rowKinds: Set<BudgetKind> = [.income, .surplus, .deficit, .reserve, .saving, .contribution]

    /// What the cell's amount is, from its row label and column heading ("Saving", "Budget", "Actual").
    func kind() -> BudgetKind? {
        let rowKind = column > 0 ? row.labelTopic : nil
        if let rowKind, Self.rowKinds.contains(rowKind) { return rowKind }
        if let heading {
            // A heading without a cue ("Revised 2025/26") continues the money columns to its left.
            let kinds = heading.columnKinds
            for index in stride(from: min(column, kinds.count - 1), through: 1, by: -1) {
                if let kind = kinds[index] { return kind }
            }
        }
        return rowKind ?? caption.flatMap(readings.columnKind)
    }

    /// The financial year the cell's row or column names ("2026/27 | 18,000 | £270,000", "2025/26 budget").
    /// The row's label comes first, then the column's heading, then the rest of the row (a notes cell
    /// that mentions a year dates the row only when no heading does).
    func period() -> String? {
        let rowPeriods = row.periodsOutsideAmounts
        if column > 0, let label = rowPeriods.first, let found = label { return found }
        if let heading {
            let periods = heading.firstPeriods
            if column < periods.count, let found = periods[column] { return found }
            if let first = periods.first, let found = first { return found }
        }
        for (index, found) in rowPeriods.enumerated() where index != column {
            if let found { return found }
        }
        return caption.flatMap(readings.firstPeriod)
    }
}

/// One row of a money table (data or heading) as its amounts read it, shared by the row's cells:
/// what each cell says is read at most once per row, not once per amount.
final class TableRowReading {
    let cells: [String]
    private let readings: CellReadings

    init(cells: [String], readings: CellReadings) {
        self.cells = cells
        self.readings = readings
    }

    /// What the row's label (its first cell) is about.
    lazy var labelTopic: BudgetKind? = readings.topic(of: cells[0])
    /// What each cell says its column holds, read as a column heading.
    lazy var columnKinds: [BudgetKind?] = cells.map(readings.columnKind)
    /// Each cell's first financial year.
    lazy var firstPeriods: [String?] = cells.map(readings.firstPeriod)
    /// The row's cells joined as a budget's context shows a table row.
    lazy var context: String = Self.joined(cells, separator: " | ")
    /// `cells.joined(separator:)`; see ``Swift/Array/joinedInOneBuffer(separator:)``.
    static func joined(_ cells: [String], separator: String) -> String { cells.joinedInOneBuffer(separator: separator) }

    /// Each cell's first financial year, `nil` for a cell holding an amount ("£").
    lazy var periodsOutsideAmounts: [String?] = cells.map { $0.includes("£") ? nil : readings.firstPeriod(in: $0) }
}

/// What the kind classifier and the period parser read in table cells, remembered by text: every
/// amount of a table asks about the same headings and row labels, and each is read once.
final class CellReadings {
    private var topics: [String: BudgetKind?] = [:]
    private var columnKinds: [String: BudgetKind?] = [:]
    private var firstPeriods: [String: String?] = [:]

    /// ``BudgetKindClassifier/topic(of:)``.
    func topic(of text: String) -> BudgetKind? {
        // Text without a cue word has no topic: no look-up, no tokens.
        guard BudgetKindClassifier.mayHoldCue(text) else { return nil }
        if let known = topics[text] { return known }
        let found = BudgetKindClassifier().topic(of: text)
        topics[text] = .some(found)
        return found
    }

    /// ``BudgetKindClassifier/columnKind(_:)``.
    func columnKind(_ heading: String) -> BudgetKind? {
        guard BudgetKindClassifier.mayHoldCue(heading) else { return nil }
        if let known = columnKinds[heading] { return known }
        let found = BudgetKindClassifier().columnKind(heading)
        columnKinds[heading] = .some(found)
        return found
    }

    /// The canonical form of the first financial year printed in `text`, if any.
    func firstPeriod(in text: String) -> String? {
        // A period starts with four digits and a separator: text without them has none, and skips the look-up.
        guard PeriodParser.mayHoldPeriod(text) else { return nil }
        if let known = firstPeriods[text] { return known }
        let found = PeriodParser().periods(in: text).first?.period
        firstPeriods[text] = .some(found)
        return found
    }
}
