import ScrutinyCore

/// Where a table cell sits: its row and the heading row of its table.
struct TableCell {
    var row: [String]
    var column: Int
    var heading: [String]?
    /// The factor the column's heading gives bare figures ("£000": 1,000; "£m": 1,000,000), if any.
    var scale: Double?
    /// The table's caption ("Table 2 – Partner contributions 2025/26"), when the line before the table is one.
    var caption: String?

    /// The cell as seen by the `index`-th of its `count` amounts: when a reader has merged cells of one row
    /// ("(£150,000) (£164,000)" under "Budget | Actual"), the amounts are taken as the columns in order.
    func spanning(_ index: Int, of count: Int) -> TableCell {
        guard count > 1, let heading, row.count < heading.count else { return self }
        var cell = self
        cell.column = min(column + index, heading.count - 1)
        return cell
    }

    /// Kinds a row label gives its amounts whatever the column ("Income" in a Budget/Actual table).
    static let rowKinds: Set<BudgetKind> = [.income, .surplus, .deficit, .reserve, .saving, .contribution]

    /// What the cell's amount is, from its row label and column heading ("Saving", "Budget", "Actual").
    func kind() -> BudgetKind? {
        let classifier = BudgetKindClassifier()
        let rowKind = column > 0 ? classifier.topic(of: row[0]) : nil
        if let rowKind, Self.rowKinds.contains(rowKind) { return rowKind }
        if let heading {
            // A heading without a cue ("Revised 2025/26") continues the money columns to its left.
            for index in stride(from: min(column, heading.count - 1), through: 1, by: -1) {
                if let kind = classifier.columnKind(heading[index]) { return kind }
            }
        }
        return rowKind ?? caption.flatMap(classifier.columnKind)
    }

    /// The financial year the cell's row or column names ("2026/27 | 18,000 | £270,000", "2025/26 budget").
    func period() -> String? {
        let parser = PeriodParser()
        for (index, cell) in row.enumerated() where index != column {
            if let found = parser.periods(in: cell).first, !cell.includes("£") { return found.period }
        }
        if let heading {
            if column < heading.count, let found = parser.periods(in: heading[column]).first { return found.period }
            if let found = heading.first.flatMap({ parser.periods(in: $0).first?.period }) { return found }
        }
        return caption.flatMap { parser.periods(in: $0).first?.period }
    }
}
