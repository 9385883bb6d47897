import Foundation
import ScrutinyCore

/// One report as the export tables hold it: its line of `reports.jsonl` and its rows of each CSV.
///
/// Made once per report (in the worker that extracted it) and copied into the tables as bytes,
/// so rebuilding the tables never has to decode and re-encode reports it has just written.
public struct ReportRows: Sendable, Equatable {
    /// The compact JSON line of `reports.jsonl`, newline included.
    public var jsonLine: [UInt8]
    /// The report's rows of each table of ``TableExporter/csvFileNames``, in that order: whole
    /// CRLF-ended records, empty when the report has no records of that kind.
    public var csvRows: [[UInt8]]

    /// Rows from their bytes, as a ``ReportRows/parts`` list gives them back.
    /// - Precondition: `parts` holds one line and one entry per CSV table.
    public init(parts: [[UInt8]]) {
        precondition(parts.count == 1 + ExportTables.all.count, "ReportRows needs the JSON line and one part per CSV table")
        jsonLine = parts[0]
        csvRows = Array(parts.dropFirst())
    }

    /// The rows of `report`.
    /// - Throws: `EncodingError` for a report that cannot be JSON (a non-finite amount).
    public init(_ report: Report) throws {
        try self.init(report, jsonLine: ReportJSONWriter.encodeLine(report))
    }

    /// The rows of `report`, whose compact JSON line (newline included) is already written.
    init(_ report: Report, jsonLine line: [UInt8]) throws {
        jsonLine = line
        csvRows = try ExportTables.rows(of: report)
    }

    /// The rows of several reports one after the other (the items of an agenda pack, in order).
    /// - Precondition: `rows` is not empty.
    public init(joining rows: [ReportRows]) {
        precondition(!rows.isEmpty, "ReportRows(joining:) needs at least one report's rows")
        jsonLine = rows.flatMap(\.jsonLine)
        csvRows = rows[0].csvRows.indices.map { table in rows.flatMap { $0.csvRows[table] } }
    }

    /// The line then the CSV rows, one byte array each (the inverse of ``init(parts:)``).
    public var parts: [[UInt8]] { [jsonLine] + csvRows }
}
