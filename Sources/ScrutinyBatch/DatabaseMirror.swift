import Foundation
import ScrutinyCore
import ScrutinyDatabase
import ScrutinyExport

/// Keeps an output folder's `scrutiny.db` holding exactly the reports in its `reports/` folder,
/// and `datasette.json` beside it.
///
/// Each document's rows carry the stamp (size and modification time) of the report file they
/// came from; a sync removes the documents no longer in the folder and inserts those whose file
/// is new or has another stamp, a few thousand reports per transaction. A run killed at any
/// moment leaves the database as of its last commit, and the next sync finishes the job, so the
/// database converges to what a clean run writes.
struct DatabaseMirror {
    let output: URL
    let folder: ReportFolder

    /// Reports read and inserted per transaction, and so held in memory at once (a bench report
    /// with a long appendix of amounts is some 700 rows).
    static let reportsPerTransaction = 50

    var path: String { output.appendingPathComponent(ReportDatabase.fileName).path }

    /// Makes the database hold the reports `kept` (ids in the folder) and appends `log` to its
    /// `changes` table. When `current` (the run changed nothing and the last run finished) and
    /// the database was there already, its rows are taken as they are.
    /// - Throws: ``DatabaseError`` or a report that cannot be read.
    func sync(kept: Set<String>, log: [ChangeRecord], current: Bool) throws {
        try writeDatasetteMetadata()
        let database = try ReportDatabase(path: path)
        if current, database.opening == .reused {
            if !log.isEmpty { try database.appendChanges(log) }
            return
        }
        var wanted: [String: ReportStamp] = [:]
        wanted.reserveCapacity(kept.count)
        for id in kept {
            if let file = FileStamp.of(folder.filePath(for: id))?.stamp {
                wanted[id] = ReportStamp(size: Int(file.size), modified: Int(file.modified))
            }
        }
        let plan = ReportDatabase.difference(stored: try database.storedReports(), wanted: wanted)
        var removed = plan.removed
        var start = 0
        repeat {
            let end = min(start + Self.reportsPerTransaction, plan.inserted.count)
            var insertions: [DatabaseChange.Insertion] = []
            for id in plan.inserted[start..<end] {
                // A report that no longer decodes (damaged on disk) has no rows, as in the tables.
                guard let stamp = wanted[id], let report = folder.report(id) else { continue }
                insertions.append(.init(report: report, stamp: stamp))
            }
            try database.apply(DatabaseChange(removed: removed, inserted: insertions, log: end == plan.inserted.count ? log : []),
                               reportsPerTransaction: Self.reportsPerTransaction)
            removed = []
            start = end
        } while start < plan.inserted.count
    }

    /// Writes `datasette.json` unless it already holds these bytes.
    private func writeDatasetteMetadata() throws {
        let target = output.appendingPathComponent(ReportDatabase.datasetteFileName).path
        let metadata = try ReportDatabase.datasetteMetadata()
        if FileManager.default.contents(atPath: target) != metadata { try AtomicFile.write(metadata, to: target) }
    }

    /// Removes the database and its metadata (a run told not to write one): a database left
    /// behind would no longer mirror the folder.
    func remove() {
        for name in [ReportDatabase.fileName, ReportDatabase.fileName + "-wal", ReportDatabase.fileName + "-shm",
                     ReportDatabase.datasetteFileName] {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(name))
        }
    }
}

extension InputChange {
    /// The line of the database's `changes` table for this change, in the run started at `runStarted`.
    func record(runStarted: String) -> ChangeRecord {
        let kind: ChangeRecord.Change
        switch change {
        case .added: kind = .added
        case .changed: kind = .changed
        case .removed: kind = .removed
        case .failed: kind = .failed
        }
        return ChangeRecord(runStarted: runStarted, change: kind, path: path, documentID: documentID,
                            oldDocumentID: oldDocumentID, time: time)
    }
}
