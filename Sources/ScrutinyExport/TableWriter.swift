import Foundation

/// Writes the export files of ``TableExporter`` one report at a time: `reports.jsonl`, one CSV per
/// record kind and `datapackage.json`, each to a temporary sibling that ``commit()`` renames into place.
///
/// Until ``commit()`` nothing in the folder changes, so a batch can feed the tables while it runs
/// and still leave the old files untouched if it fails or decides the old ones are current
/// (``discard()``, or simply dropping the writer). Rows are written in the order they are appended.
///
/// Not thread-safe: one writer belongs to one task.
public final class TableWriter {
    private let lines: PendingFile
    private let tables: [PendingFile]
    /// The folder the files go to.
    public let directory: String
    /// Whether each CSV starts with a byte order mark.
    public let excel: Bool
    private var finished = false

    /// Opens the temporary files in `directory` (created if missing) and writes each CSV header.
    /// - Parameter excel: start each CSV with the byte order mark Excel needs to read UTF-8.
    /// - Throws: ``ExportError`` when the folder or a file cannot be created.
    public init(directory: String, excel: Bool) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            throw ExportError(.create, path: directory, code: Int32(truncatingIfNeeded: underlying?.code ?? 0))
        }
        self.directory = directory
        self.excel = excel
        let folder = URL(fileURLWithPath: directory)
        var opened: [PendingFile] = []
        do {
            opened.append(try PendingFile(path: folder.appendingPathComponent("reports.jsonl").path))
            for table in ExportTables.all {
                let file = try PendingFile(path: folder.appendingPathComponent(table.fileName).path)
                opened.append(file)
                var csv = try CSVWriter(output: file.stream, excel: excel)
                try csv.header(table.fields.map(\.name))
            }
        } catch {
            for file in opened { file.discard() }
            throw error
        }
        lines = opened[0]
        tables = Array(opened.dropFirst())
    }

    deinit { discard() }

    /// Appends one report's line and rows.
    /// - Throws: ``ExportError`` when a file cannot be written.
    public func append(_ rows: ReportRows) throws {
        precondition(!finished, "TableWriter appended to after commit or discard")
        try lines.write(rows.jsonLine)
        for (file, bytes) in zip(tables, rows.csvRows) { try file.write(bytes) }
    }

    /// Writes `datapackage.json`, then syncs and renames every file into place, in the order of
    /// ``TableExporter/fileNames``. On failure every file not yet renamed is removed.
    public func commit() throws {
        precondition(!finished, "TableWriter committed twice or after discard")
        var pending = [lines] + tables
        do {
            let package = try PendingFile(path: URL(fileURLWithPath: directory).appendingPathComponent("datapackage.json").path)
            pending.append(package)
            try package.write(TableExporter.dataPackage())
            for file in pending { try file.commit() }
            finished = true
        } catch {
            finished = true
            for file in pending { file.discard() }
            throw error
        }
    }

    /// Removes the temporary files; the folder keeps whatever export files it had.
    public func discard() {
        finished = true
        lines.discard()
        for file in tables { file.discard() }
    }
}
