import ScrutinyCore

// MARK: - Public API

/// One table of the export, as data: the columns of its CSV file, in file order, with their types
/// and descriptions, its keys, and a report's rows as typed cells.
///
/// It is the view of the CSV tables that other writers build on: the SQLite database
/// (`ScrutinyDatabase`) makes one SQL table per ``ExportTable`` with the same columns in the same
/// order and the same rows, so a query gives what the CSV holds.
///
/// ```swift
/// for table in ExportTable.all {
///     print(table.name, table.columns.map(\.name))   // documents ["document_id", "schema_version", …]
///     let rows = table.rows(of: report)              // [[ExportValue]], one per CSV row
/// }
/// ```
public struct ExportTable: Sendable {
    /// The name of the table, also its CSV file's name without `.csv`: `documents`, `budgets`.
    public let name: String
    /// What one row of the table is, in a sentence or two.
    public let description: String
    /// Every column, in the order of the CSV header: `document_id` first, then for the record
    /// tables `index`.
    public let columns: [ExportColumn]
    /// `["document_id"]` for `documents`, `["document_id", "index"]` for the record tables.
    public let primaryKey: [String]
    /// Whether `document_id` refers to `documents.document_id` (every table but `documents`).
    public let referencesDocuments: Bool
    private let table: any CSVTable

    init(_ table: any CSVTable) {
        self.table = table
        name = table.name
        let described = ExportDescriptions.table(table.name)
        description = described.description
        columns = table.fields.map {
            ExportColumn(name: $0.name, type: $0.type, description: described.column($0.name))
        }
        primaryKey = table.primaryKey
        referencesDocuments = table.name != ExportTables.documents.name
    }

    /// Every table, `documents` first (the others refer to it), in the order of
    /// ``TableExporter/csvFileNames``.
    public static let all: [ExportTable] = ExportTables.all.map(ExportTable.init)

    /// The rows of `report` in this table, in record order, each with one cell per column of
    /// ``columns``: the same rows, with the same values, as the report's lines of the CSV file.
    public func rows(of report: Report) -> [[ExportValue]] {
        table.values(of: report)
    }
}

/// One column of an ``ExportTable``.
public struct ExportColumn: Sendable, Hashable {
    /// The CSV header name, also the SQL column name.
    public let name: String
    public let type: ExportFieldType
    /// What the column holds, in a sentence: for the data package and the database's metadata.
    public let description: String
}

/// The type of an export column, named as the Frictionless Table Schema names it.
public enum ExportFieldType: String, Sendable, Hashable, Encodable {
    /// Text; a list is its items joined with "; ".
    case string
    case integer
    /// A decimal number (an amount).
    case number
    case boolean
}

/// One cell of an export table as a typed value: what the CSV cell holds, before the formula
/// guard a spreadsheet needs (`'=…`), so text is exactly the report's text.
///
/// A cell the CSV leaves empty is ``null``: a missing value, an empty text and an empty list
/// alike (the data package declares `""` the missing value).
public enum ExportValue: Sendable, Hashable {
    case null
    case text(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)

    /// `text`, or ``null`` when it is `nil` or empty.
    static func nonEmpty(_ value: String?) -> ExportValue {
        guard let value, !value.isEmpty else { return .null }
        return .text(value)
    }

    /// The items joined with "; ", or ``null`` when there are none.
    static func joined(_ items: [String]) -> ExportValue {
        nonEmpty(items.isEmpty ? nil : items.joined(separator: "; "))
    }

    /// `value`, or ``null`` when it is `nil`, NaN or infinite (the CSV leaves those cells empty).
    static func finite(_ value: Double?) -> ExportValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }
}
