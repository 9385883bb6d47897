import Foundation
import ScrutinyCore

/// Rebuilds reports.jsonl, documents.csv, recommendations.csv, recommendation_updates.csv, partnerships.csv,
/// budgets.csv, implications.csv and datapackage.json in `directory` from `reports` (in the order given),
/// streaming (one report in memory at a time), each file written to a temporary name and renamed into place.
///
/// Rows come in the order of `reports`, and within a report in record order, so the same reports
/// always give byte-identical files. Every CSV is RFC 4180 (see ``CSVWriter``) with formula
/// neutralisation on text cells; `datapackage.json` describes them as a Frictionless Data Package.
///
/// If reading `reports` or writing any file fails, no file is replaced and the temporary files are
/// removed. The eight renames at the end are each atomic but not atomic as a set: a failure among
/// them (a folder made read-only mid-run) can leave some files new and some old.
public struct TableExporter: Sendable {
    /// Whether CSV files start with a UTF-8 byte order mark, which Excel needs to read UTF-8.
    public var excel: Bool

    /// The file names written, in the order they are renamed into place.
    public static let fileNames: [String] =
        ["reports.jsonl"] + ExportTables.all.map(\.fileName) + ["datapackage.json"]

    /// An exporter; `excel: true` adds the byte order mark Excel needs to open the CSV files as UTF-8.
    public init(excel: Bool = false) {
        self.excel = excel
    }

    /// The CSV files, in the order of ``ReportRows/csvRows``.
    public static let csvFileNames: [String] = ExportTables.all.map(\.fileName)

    /// The bytes of `datapackage.json`, which describe every table's columns.
    public static func dataPackage() throws -> Data {
        try DataPackage(tables: ExportTable.all).encoded()
    }

    /// Writes every export file into `directory` (created if missing) from `reports`.
    /// - Throws: ``ExportError`` for file system failures, `EncodingError` if a report cannot be
    ///   encoded as JSON (a non-finite amount), or whatever iterating `reports` throws.
    public func rebuild(from reports: some Sequence<Report>, into directory: String) throws {
        try rebuild(into: directory) { append in
            for report in reports { try append(ReportRows(report)) }
        }
    }

    /// Writes every export file into `directory` (created if missing) from rows made beforehand:
    /// `produce` calls `append` with each report's ``ReportRows``, in table order.
    /// - Throws: ``ExportError`` for file system failures, or whatever `produce` throws (no file
    ///   is then replaced).
    public func rebuild(into directory: String, rows produce: (_ append: (ReportRows) throws -> Void) throws -> Void) throws {
        // A writer dropped without its commit removes its temporary files.
        let writer = try TableWriter(directory: directory, excel: excel)
        try produce { rows in try writer.append(rows) }
        try writer.commit()
    }
}
