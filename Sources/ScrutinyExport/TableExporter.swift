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

    /// Writes every export file into `directory` (created if missing) from `reports`.
    /// - Throws: ``ExportError`` for file system failures, `EncodingError` if a report cannot be
    ///   encoded as JSON (a non-finite amount), or whatever iterating `reports` throws.
    public func rebuild(from reports: some Sequence<Report>, into directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            throw ExportError(.create, path: directory, code: Int32(truncatingIfNeeded: underlying?.code ?? 0))
        }
        let folder = URL(fileURLWithPath: directory)
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        var pending: [PendingFile] = []
        do {
            let lines = try PendingFile(path: path("reports.jsonl"))
            pending.append(lines)
            var tables: [(table: any CSVTable, csv: CSVWriter)] = []
            for table in ExportTables.all {
                let file = try PendingFile(path: path(table.fileName))
                pending.append(file)
                var csv = try CSVWriter(output: file.stream, excel: excel)
                try csv.header(table.fields.map(\.name))
                tables.append((table, csv))
            }

            let encoder = ReportJSON.makeEncoder(pretty: false)
            for report in reports {
                try lines.write(encoder.encode(report))
                try lines.stream.write(byte: .lf)
                for position in tables.indices {
                    try tables[position].table.writeRows(of: report, to: &tables[position].csv)
                }
            }

            let package = try PendingFile(path: path("datapackage.json"))
            pending.append(package)
            try package.write(DataPackage(tables: ExportTables.all).encoded())

            for file in pending { try file.commit() }
        } catch {
            for file in pending { file.discard() }
            throw error
        }
    }
}
