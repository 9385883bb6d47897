import ScrutinyCore

/// One CSV column of records of type `Record`: its header name, its type, how to write its cell,
/// and the same cell as a typed value (``ExportValue``, for writers other than CSV).
struct Column<Record>: Sendable {
    let name: String
    let type: ExportFieldType
    let write: @Sendable (Record, inout CSVWriter) throws(ExportError) -> Void
    let value: @Sendable (Record) -> ExportValue

    static func text(_ name: String, _ value: @escaping @Sendable (Record) -> String?) -> Column {
        Column(name: name, type: .string, write: { record, csv in csv.text(value(record)) },
               value: { ExportValue.nonEmpty(value($0)) })
    }

    static func list(_ name: String, _ value: @escaping @Sendable (Record) -> [String]) -> Column {
        Column(name: name, type: .string, write: { record, csv in csv.list(value(record)) },
               value: { ExportValue.joined(value($0)) })
    }

    static func integer(_ name: String, _ value: @escaping @Sendable (Record) -> Int?) -> Column {
        Column(name: name, type: .integer, write: { record, csv in csv.integer(value(record)) },
               value: { value($0).map(ExportValue.integer) ?? .null })
    }

    static func number(_ name: String, _ value: @escaping @Sendable (Record) -> Double?) -> Column {
        Column(name: name, type: .number, write: { record, csv in csv.number(value(record)) },
               value: { ExportValue.finite(value($0)) })
    }

    static func boolean(_ name: String, _ value: @escaping @Sendable (Record) -> Bool?) -> Column {
        Column(name: name, type: .boolean, write: { record, csv in csv.boolean(value(record)) },
               value: { value($0).map(ExportValue.boolean) ?? .null })
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
    var fields: [(name: String, type: ExportFieldType)] { get }
    var primaryKey: [String] { get }
    func writeRows(of report: Report, to csv: inout CSVWriter) throws(ExportError)
    /// The rows of `report` in this table as typed cells, one array per row in ``fields`` order.
    func values(of report: Report) -> [[ExportValue]]
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

    var fields: [(name: String, type: ExportFieldType)] {
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

    func values(of report: Report) -> [[ExportValue]] {
        let id = ExportValue.text(report.documentID)
        return records(report).enumerated().map { offset, record in
            var row: [ExportValue] = []
            row.reserveCapacity(columns.count + 2)
            row.append(id)
            if indexed { row.append(.integer(offset + 1)) }
            for column in columns { row.append(column.value(record)) }
            return row
        }
    }
}
