import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyDatabase
@testable import ScrutinyExport

/// The database's tables hold what the CSV files hold: same tables, columns, rows and values.
@Suite struct DatabaseRowsTests {
    private static let csvTables = ["documents", "recommendations", "recommendation_updates", "partnerships", "budgets",
                                    "implications"]

    @Test func everyTableHasTheCSVHeaderAsItsColumns() throws {
        let folder = try TemporaryFolder()
        try TableExporter().rebuild(from: SampleReports.all, into: folder.path)
        let database = try database(in: folder)
        for name in Self.csvTables {
            let header = try StrictCSVReader.parse(folder.read(name + ".csv")).header
            #expect(try database.columnNames(name) == header, "\(name)")
        }
    }

    /// Each cell compared with the CSV's: an empty CSV cell is NULL, a number is the same number,
    /// a boolean is 0 or 1, text is the same text once the CSV's formula guard is put on it.
    @Test func rowsEqualTheCSVRowsCellByCell() throws {
        let folder = try TemporaryFolder()
        try TableExporter().rebuild(from: SampleReports.all, into: folder.path)
        let database = try database(in: folder)
        for name in Self.csvTables {
            let csv = try StrictCSVReader.parse(folder.read(name + ".csv"))
            let order = name == "documents" ? "rowid" : "\"document_id\", \"index\""
            let rows = try database.rows("SELECT * FROM \"\(name)\" ORDER BY \(order)")
            let expected = csv.rows.sorted { $0[0] != $1[0] ? $0[0] < $1[0] : (Int($0[1]) ?? 0) < (Int($1[1]) ?? 0) }
            let csvRows = name == "documents" ? csv.rows : expected
            #expect(rows.count == csvRows.count, "\(name)")
            #expect(!rows.isEmpty, "\(name) has no rows to compare")
            for (row, csvRow) in zip(rows, csvRows) {
                for (column, (cell, csvCell)) in zip(csv.header, zip(row, csvRow)) {
                    #expect(Self.cell(cell, equals: csvCell), "\(name).\(column): \(cell) vs CSV \(csvCell.debugDescription)")
                }
            }
        }
    }

    private static func cell(_ cell: SQLiteValue, equals csv: String) -> Bool {
        switch cell {
        case .null: return csv.isEmpty
        case .integer(let number): return csv == String(number) || csv == (number == 1 ? "true" : number == 0 ? "false" : "")
        case .real(let number): return Double(csv) == number
        case .text(let text):
            guard let first = text.utf8.first else { return false }  // "" is stored as NULL
            return csv == (FormulaGuard.needsPrefix(first: first) ? "'" + text : text)
        }
    }

    @Test func typesAreTextIntegerAndRealWithBooleansAsZeroOrOne() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        let types = try database.rows("SELECT name, type FROM pragma_table_info('budgets') ORDER BY cid")
        #expect(types.map { "\($0[0]) \($0[1])" }.contains("text(\"amount\") text(\"REAL\")"))
        #expect(try database.texts("SELECT DISTINCT typeof(\"amount\") FROM budgets") == ["real"])
        #expect(try database.texts("SELECT DISTINCT typeof(\"approximate\") FROM budgets") == ["integer"])
        #expect(try database.texts("SELECT \"approximate\" FROM budgets WHERE \"document_id\" = '0123456789abcdef' ORDER BY \"index\"")
            == ["0", "1", "0"])
        #expect(try database.texts("SELECT typeof(\"pages\") FROM documents ORDER BY \"document_id\"") == ["integer", "integer", "null"])
        #expect(try database.texts("SELECT \"amount\" FROM budgets WHERE \"document_id\" = '0123456789abcdef' ORDER BY \"index\"")
            == ["1312000.0", "-1000.0", "31007.46"])
    }

    @Test func textIsStoredRawWithoutTheSpreadsheetGuard() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        #expect(try database.texts("SELECT \"text\" FROM recommendations WHERE \"document_id\" = '0123456789abcdef' AND \"index\" = 1")
            == ["=HYPERLINK(\"http://example.com\",\"click\")"])
        #expect(try database.texts("SELECT \"contact_phone\" FROM documents WHERE \"document_id\" = '0123456789abcdef'")
            == ["+44 1234 567890"])
    }

    @Test func listsAreTheirJoinedTextAndEmptyOnesAreNull() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        let rows = try database.rows("SELECT \"members\", \"achievements\" FROM partnerships WHERE \"document_id\" = '0123456789abcdef' AND \"index\" = 1")
        #expect(rows == [[.text("Police; Fire, Rescue"), .null]])
        #expect(try database.texts("SELECT \"warnings\" FROM documents ORDER BY \"document_id\"") == [nil, "no_text_layer; ocr", nil])
    }

    @Test func packItemsKeepTheirItemAndMeetingColumns() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        let rows = try database.rows("""
            SELECT "item", "item_kind", "first_page", "last_page", "meeting_time", "venue" FROM documents
            WHERE "document_id" = '00112233445566ff-002'
            """)
        #expect(rows == [[.integer(2), .text("report"), .integer(9), .integer(14), .text("19:00"), .text("Council Chamber, Civic Centre")]])
    }

    @Test func exportTableRowsHaveOneCellPerColumn() {
        for table in ExportTable.all {
            for report in SampleReports.all {
                for row in table.rows(of: report) { #expect(row.count == table.columns.count, "\(table.name)") }
            }
        }
    }
}
