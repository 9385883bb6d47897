import Foundation
import Logging
import ScrutinyCore
import ScrutinyExport

/// Joins the output folders of `extract --shard K/N` runs into one (`scrutiny merge`): the
/// reports of all of them (one per document id), and the tables, errors, changes, incremental
/// state and run summary rebuilt over them. Reports, `reports.jsonl`, the CSVs and
/// `datapackage.json` are byte for byte what one run over all the inputs writes.
///
/// The output folder is held with the same lock `extract` takes, and ends as an `extract`
/// output folder: a later unsharded `extract` into it reads only what changed.
public struct ShardMerger {
    public var sources: [URL]
    public var output: URL
    public var logger: Logger

    public init(sources: [URL], output: URL, logger: Logger = Logger(label: "scrutiny.merge")) {
        self.sources = sources
        self.output = output
        self.logger = logger
    }

    /// What a merge did.
    public struct Outcome: Sendable {
        public var reports: Int
        public var duplicates: Int
        public var record: RunRecord
    }

    /// Merges. - Throws: ``BatchError`` naming a source that is no `extract` output folder or a
    /// file that cannot be written; ``OutputFolderBusy`` when another run holds the output.
    public func merge() throws -> Outcome {
        let fm = FileManager.default
        let outputFolder = ReportFolder(url: output.appendingPathComponent("reports"))
        for source in sources where !fm.fileExists(atPath: source.appendingPathComponent("run.json").path) {
            throw BatchError(description: "\(source.path) is not the output folder of a finished `scrutiny extract` (no run.json)")
        }
        let canonicalOutput = output.standardizedFileURL.resolvingSymlinksInPath().path
        if sources.contains(where: { $0.standardizedFileURL.resolvingSymlinksInPath().path == canonicalOutput }) {
            throw BatchError(description: "the merge output \(output.path) is also one of its inputs; merge into a new folder")
        }
        do {
            try fm.createDirectory(at: outputFolder.url, withIntermediateDirectories: true)
        } catch {
            throw BatchError(description: "cannot create \(outputFolder.url.path): \(error.localizedDescription)")
        }
        let lock = try OutputLock(directory: output, startedAt: Date())
        defer { withExtendedLifetime(lock) {} }

        do {
            // Reports: the first source's copy of each id; the others' are the same bytes.
            var chosen: [String: URL] = [:]
            var duplicates = 0
            for source in sources {
                let folder = ReportFolder(url: source.appendingPathComponent("reports"))
                for id in folder.documentIDs() {
                    if chosen[id] == nil { chosen[id] = folder.fileURL(for: id) } else { duplicates += 1 }
                }
            }
            let sync = BackgroundSync()
            for (id, url) in chosen {
                let bytes = try Data(contentsOf: url)
                let target = outputFolder.filePath(for: id)
                if (try? Data(contentsOf: URL(fileURLWithPath: target))) == bytes { continue }
                try AtomicFile.write(bytes, to: target, durable: false)
                sync.sync(target)
            }
            for id in outputFolder.documentIDs() where chosen[id] == nil {
                try fm.removeItem(atPath: outputFolder.filePath(for: id))
            }
            sync.finish(folders: [outputFolder.url, output])

            // Tables from the merged folder, in document id order as a single run writes them.
            try TableExporter(excel: sources.first.map(Self.writesExcel) ?? false)
                .rebuild(from: outputFolder, into: output.path)

            // State, errors and changes: every source's, one line per input.
            var entries: [String: StateEntry] = [:]
            for source in sources {
                for (file, entry) in ExtractionState(directory: source).entries where entries[file] == nil { entries[file] = entry }
            }
            try ExtractionState(directory: output).compact(to: Array(entries.values))
            let errors: [ErrorRecord] = try sources.flatMap { try Self.jsonLines(ErrorRecord.self, in: $0.appendingPathComponent("errors.jsonl")) }
            try AtomicFile.write(BatchRunner.jsonLines(Array(Set(errors)).sorted { ($0.path, $0.kind.rawValue) < ($1.path, $1.kind.rawValue) }),
                                 to: output.appendingPathComponent("errors.jsonl").path)
            let changes: [InputChange] = try sources.flatMap { try Self.jsonLines(InputChange.self, in: $0.appendingPathComponent("changes.jsonl")) }
            try AtomicFile.write(BatchRunner.jsonLines(Array(Set(changes)).sorted { ($0.path, $0.change.rawValue) < ($1.path, $1.change.rawValue) }),
                                 to: output.appendingPathComponent("changes.jsonl").path)

            // The database over the merged reports, its changes log the shards' changes.
            let runStarted = ISO8601DateFormatter().string(from: Date())
            let log = Array(Set(changes)).sorted { ($0.path, $0.change.rawValue) < ($1.path, $1.change.rawValue) }
                .map { $0.record(runStarted: runStarted) }
            try DatabaseMirror(output: output, folder: outputFolder).sync(kept: Set(chosen.keys), log: log, current: false)

            let record = try mergedRecord()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try AtomicFile.write(encoder.encode(record), to: output.appendingPathComponent("run.json").path)
            return Outcome(reports: chosen.count, duplicates: duplicates, record: record)
        } catch let error as BatchError {
            throw error
        } catch {
            throw BatchError(description: "cannot merge into \(output.path): \(error.localizedDescription)")
        }
    }

    /// The shards' run summaries as one: the earliest start, the latest finish, the counts
    /// added up, the longest shard's seconds (they ran side by side).
    private func mergedRecord() throws -> RunRecord {
        let decoder = JSONDecoder()
        let records = try sources.map { try decoder.decode(RunRecord.self, from: Data(contentsOf: $0.appendingPathComponent("run.json"))) }
        var merged = records[0]
        for record in records.dropFirst() {
            merged.started = min(merged.started, record.started)
            merged.finished = max(merged.finished, record.finished)
            merged.inputs += record.inputs
            merged.extracted += record.extracted
            merged.unchanged += record.unchanged
            merged.failed += record.failed
            merged.errors.merge(record.errors, uniquingKeysWith: +)
            merged.jobs += record.jobs
            merged.workersStarted += record.workersStarted
            merged.seconds = max(merged.seconds, record.seconds)
        }
        return merged
    }

    /// Whether the folder's CSVs were written for spreadsheets (they open with a byte order mark).
    private static func writesExcel(_ folder: URL) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent(TableExporter.csvFileNames[0]).path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 3)) == Data([0xEF, 0xBB, 0xBF])
    }

    private static func jsonLines<T: Decodable>(_ type: T.Type, in url: URL) throws -> [T] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let decoder = JSONDecoder()
        return try data.split(separator: 0x0A).map { try decoder.decode(T.self, from: Data($0)) }
    }
}
