import Foundation
import ScrutinyCore
@testable import ScrutinyDatabase

extension ReportDatabase {
    /// Every row `sql` gives, each cell as SQLite stores it.
    func rows(_ sql: String) throws -> [[SQLiteValue]] {
        let statement = try sqlite.prepare(sql, during: .read)
        var rows: [[SQLiteValue]] = []
        while try statement.step() { rows.append((0..<statement.columnCount).map(statement.value(at:))) }
        return rows
    }

    /// The first column of every row `sql` gives, as text (`nil` for NULL).
    func texts(_ sql: String) throws -> [String?] {
        try rows(sql).map { row in
            switch row[0] {
            case .null: nil
            case .integer(let number): String(number)
            case .real(let number): String(number)
            case .text(let text): text
            }
        }
    }

    /// The integer in the first cell `sql` gives.
    func integer(_ sql: String) throws -> Int? { try sqlite.integer(sql) }

    /// The column names of a table or view, in order.
    func columnNames(_ table: String) throws -> [String] {
        try texts("SELECT name FROM pragma_table_info('\(table)') ORDER BY cid").map { $0 ?? "" }
    }
}

/// A database at a fresh path in `folder`, holding `reports` (stamped "stamp-<id>").
func database(in folder: TemporaryFolder, holding reports: [Report] = SampleReports.all,
              name: String = "scrutiny.db") throws -> ReportDatabase {
    let database = try ReportDatabase(path: folder.file(name))
    try database.apply(DatabaseChange(inserted: reports.map(inserted)))
    return database
}

/// `report` stamped "stamp-<id>".
func inserted(_ report: Report) -> DatabaseChange.Insertion {
    DatabaseChange.Insertion(report: report, stamp: ReportStamp("stamp-" + report.documentID))
}
