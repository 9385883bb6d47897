import ScrutinyCore

/// The Table Schema type of a CSV column.
enum FieldType: String, Sendable, Encodable {
    case string, integer, number, boolean
}

/// One CSV column of records of type `Record`: its header name, its type, and how to write its cell.
struct Column<Record>: Sendable {
    let name: String
    let type: FieldType
    let write: @Sendable (Record, inout CSVWriter) throws(ExportError) -> Void

    static func text(_ name: String, _ value: @escaping @Sendable (Record) -> String?) -> Column {
        Column(name: name, type: .string) { record, csv in csv.text(value(record)) }
    }

    static func list(_ name: String, _ value: @escaping @Sendable (Record) -> [String]) -> Column {
        Column(name: name, type: .string) { record, csv in csv.list(value(record)) }
    }

    static func integer(_ name: String, _ value: @escaping @Sendable (Record) -> Int?) -> Column {
        Column(name: name, type: .integer) { record, csv in csv.integer(value(record)) }
    }

    static func number(_ name: String, _ value: @escaping @Sendable (Record) -> Double?) -> Column {
        Column(name: name, type: .number) { record, csv in csv.number(value(record)) }
    }

    static func boolean(_ name: String, _ value: @escaping @Sendable (Record) -> Bool?) -> Column {
        Column(name: name, type: .boolean) { record, csv in csv.boolean(value(record)) }
    }

    /// `page`, `line` and `section`, read from the record's provenance (empty when it has none).
    static func provenance(_ value: @escaping @Sendable (Record) -> Provenance?) -> [Column] {
        [
            .integer("page") { value($0)?.page },
            .integer("line") { value($0)?.line },
            .text("section") { value($0)?.section },
        ]
    }
}

/// One CSV file of the export, seen from outside: its name, fields and keys, and how to write a
/// report's rows into it.
protocol CSVTable: Sendable {
    /// The resource name, also the file name without `.csv`.
    var name: String { get }
    var fields: [(name: String, type: FieldType)] { get }
    var primaryKey: [String] { get }
    func writeRows(of report: Report, to csv: inout CSVWriter) throws(ExportError)
}

extension CSVTable {
    var fileName: String { name + ".csv" }
}

/// A CSV file with one row per `Record` of a report.
///
/// Every row starts with `document_id`; when `indexed`, the next column is `index`, the record's
/// 1-based position in its report, so (`document_id`, `index`) is the primary key.
struct RecordTable<Record>: CSVTable {
    let name: String
    let indexed: Bool
    let records: @Sendable (Report) -> [Record]
    let columns: [Column<Record>]

    var fields: [(name: String, type: FieldType)] {
        [("document_id", .string)] + (indexed ? [("index", .integer)] : []) + columns.map { ($0.name, $0.type) }
    }

    var primaryKey: [String] { indexed ? ["document_id", "index"] : ["document_id"] }

    /// The rows of `report` in this table, as bytes.
    func rows(of report: Report) throws(ExportError) -> [UInt8] {
        var csv = CSVWriter()
        try writeRows(of: report, to: &csv)
        return csv.bytes
    }

    func writeRows(of report: Report, to csv: inout CSVWriter) throws(ExportError) {
        for (offset, record) in records(report).enumerated() {
            csv.text(report.documentID)
            if indexed { csv.integer(offset + 1) }
            for column in columns { try column.write(record, &csv) }
            try csv.endRecord()
        }
    }
}
