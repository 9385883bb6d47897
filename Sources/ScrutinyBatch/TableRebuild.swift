import Foundation
import ScrutinyCore
import ScrutinyExport

/// Rebuilds the folder-wide exports (`reports.jsonl`, CSVs) from every report in `reports/`.
struct TableRebuild {
    var excel: Bool

    /// Streams the reports in `document_id` order into the exports of `directory`.
    func rebuild(from folder: ReportFolder, into directory: URL) throws {
        let target = directory.appendingPathComponent("reports.jsonl")
        let temporary = directory.appendingPathComponent(".reports.jsonl.\(getpid()).tmp")
        _ = FileManager.default.createFile(atPath: temporary.path, contents: nil)
        let handle = try FileHandle(forWritingTo: temporary)
        do {
            for report in folder {
                var line = try ReportJSON.encode(report, pretty: false)
                line.append(0x0A)
                try handle.write(contentsOf: line)
            }
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot rename into \(target.path)"])
        }
    }
}
