import Foundation
import Logging
import ScrutinyCore
import ScrutinyExport
import ScrutinyIngest

/// What one `scrutiny extract` run is asked to do.
public struct BatchOptions: Sendable {
    /// Files and folders as given on the command line.
    public var paths: [String]
    /// The output folder.
    public var output: URL
    /// Re-extract every input even when its content has not changed.
    public var force: Bool
    /// Write CSVs for spreadsheet programs.
    public var excel: Bool
    /// Hash every input, even those whose size and modification time the state already knows.
    public var rehash: Bool
    /// Take only this shard's inputs (`nil`: all).
    public var shard: Shard?
    /// Write `scrutiny.db` (and `datasette.json`) beside the CSVs.
    public var database: Bool
    public var pool: WorkerPoolConfiguration
    /// Written into `run.json`.
    public var scrutinyVersion: String

    public init(paths: [String], output: URL, force: Bool = false, excel: Bool = false, rehash: Bool = false,
                shard: Shard? = nil, database: Bool = true, pool: WorkerPoolConfiguration, scrutinyVersion: String) {
        self.shard = shard
        self.database = database
        self.paths = paths
        self.output = output
        self.force = force
        self.excel = excel
        self.rehash = rehash
        self.pool = pool
        self.scrutinyVersion = scrutinyVersion
    }
}

/// What a run did: the `run.json` record and every failure, sorted by path.
public struct BatchOutcome: Sendable {
    public var record: RunRecord
    public var failures: [ErrorRecord]
}

/// A failure that stops the whole run (as opposed to one input failing).
public struct BatchError: Error, CustomStringConvertible {
    public var description: String
}

/// Runs `extract` over an output folder: discover inputs, skip the unchanged, extract the rest in
/// worker processes, validate and write each report, and feed the folder-wide exports as reports
/// arrive (they replace the old ones at the end, unless nothing changed since the last finished run).
///
/// The output folder always holds a complete state: every file is written whole under a temporary
/// name and renamed, and the incremental state is journaled after each report, so a run killed at
/// any point is finished by the next one with nothing lost or duplicated.
public struct BatchRunner {
    public var options: BatchOptions
    public var validator: any ReportValidating
    public var logger: Logger

    public init(options: BatchOptions, validator: any ReportValidating = DocumentIdentityCheck(),
                logger: Logger = Logger(label: "scrutiny.batch")) {
        self.options = options
        self.validator = validator
        self.logger = logger
    }

    /// Runs the batch. `progress` is called with (done, total) as each document finishes.
    /// - Throws: ``OutputFolderBusy`` when another run holds the folder; ``BatchError`` when the
    ///   folder cannot be written or no worker can start.
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> BatchOutcome {
        let started = Date()
        let folder = ReportFolder(url: options.output.appendingPathComponent("reports"))
        do {
            try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        } catch {
            throw BatchError(description: "cannot create \(folder.url.path): \(error.localizedDescription); check the --out path and its permissions")
        }
        let lock = try OutputLock(directory: options.output, startedAt: started)
        defer { withExtendedLifetime(lock) {} }
        removeStaleTemporaries()

        var discovery = InputDiscovery(extensions: DocumentIngester.supportedExtensions, excluding: options.output.path)
            .discover(options.paths)
        if let shard = options.shard { discovery.problems.removeAll { !shard.holds(path: $0.file) } }
        // Skip what the folder already holds: inputs with the size and time the state records
        // are not even read again (unless --rehash).
        let state = ExtractionState(directory: options.output)
        let lastFinished = state.finished
        var (groups, unreadable) = DocumentGroup.group(discovery.inputs, known: options.rehash ? [:] : state.entries)
        if let shard = options.shard {
            groups.removeAll { !shard.holds(documentID: $0.documentID) }
            unreadable.removeAll { !shard.holds(path: $0.path) }
        }
        var ledger = RunLedger(failures: discovery.problems.map { ErrorRecord(path: $0.file, failure: $0.failure) } + unreadable)

        var pending: [String: DocumentGroup] = [:]
        var requests: [WorkerRequest] = []
        var extracting: [String] = []
        // Documents go to the workers in the tables' order, so most reports can go straight
        // into the tables as they arrive (see TableFeed).
        for group in groups.sorted(by: { $0.documentID < $1.documentID }) {
            if !options.force, let entry = state.entries[group.first.file], entry.sha256 == group.sha256,
               entry.documentID == group.documentID, entry.reportFile == group.first.file,
               entry.reportIDs.allSatisfy({ Self.hasContent(atPath: folder.filePath(for: $0)) }) {
                ledger.unchanged += group.files.count
                ledger.keep(entry.reportIDs, entries: group.stateEntries(documentID: group.documentID, sha256: group.sha256,
                                                                         items: entry.items))
            } else {
                requests.append(WorkerRequest(path: group.first.path, file: group.first.file))
                pending[group.first.file] = group
                extracting.append(group.documentID)
            }
        }

        // Extract the rest in workers; validate and write each report as it arrives, and feed
        // its table rows to the export tables.
        let tables: TableFeed
        do {
            tables = TableFeed(unchanged: ledger.kept, extracting: extracting,
                               folder: folder, spool: try RowSpool(directory: options.output),
                               writer: try TableWriter(directory: options.output.path, excel: options.excel))
        } catch {
            throw BatchError(description: "cannot write into \(options.output.path): \(error)")
        }
        let backgroundSync = BackgroundSync()
        var done = 0
        var writeError: Error?
        progress(0, requests.count)
        do {
            ledger.workersStarted = try WorkerPool(configuration: options.pool).run(requests) { request, result in
                done += 1
                defer { progress(done, requests.count) }
                guard let group = pending[request.file] else { return }
                do {
                    try accept(result, for: group, into: folder, tables: tables, state: state, sync: backgroundSync, ledger: &ledger)
                } catch {
                    writeError = writeError ?? error
                }
            }
        } catch {
            throw BatchError(description: "cannot run the workers: \(error)")
        }
        if let writeError {
            throw BatchError(description: "cannot write into \(options.output.path): \(writeError.localizedDescription)")
        }

        let pruned = prune(folder, keeping: ledger.kept)
        // Every report of this run on disk (and the folder entries) before the tables and state.
        if ledger.extracted > 0 || pruned { backgroundSync.finish(folders: [folder.url, options.output]) }
        do {
            // The tables before the state: a compact state then means the tables are done.
            let unchanged = ledger.extracted == 0 && !pruned && state.isCompact
                && Dictionary(ledger.entries.map { ($0.file, $0) }, uniquingKeysWith: { _, last in last }) == state.entries
            if unchanged && tablesAreCurrent() {
                tables.discard()
            } else {
                try tables.commit()
            }
            let failures = ledger.failures.sorted { ($0.path, $0.kind.rawValue) < ($1.path, $1.kind.rawValue) }
            let changes = InputChange.changes(from: lastFinished, to: ledger.entries, failed: failures, seen: ledger.written,
                                              time: ISO8601DateFormatter().string(from: Date()))
            // The database after the tables and before the state, as the tables are.
            let mirror = DatabaseMirror(output: options.output, folder: folder)
            if options.database {
                let runStarted = ISO8601DateFormatter().string(from: started)
                do {
                    try mirror.sync(kept: ledger.kept, log: changes.map { $0.record(runStarted: runStarted) }, current: unchanged)
                } catch {
                    throw BatchError(description: "cannot write \(mirror.path): \(error); the reports and tables are written, the next run tries again (or give --no-sqlite)")
                }
            } else {
                mirror.remove()
            }
            try state.compact(to: ledger.entries)
            let inputs = groups.reduce(0) { $0 + $1.files.count } + unreadable.count + discovery.problems.count
            return try finish(ledger, failures: failures, changes: changes, started: started, inputs: inputs)
        } catch let error as BatchError {
            throw error
        } catch {
            throw BatchError(description: "cannot write into \(options.output.path): \(error.localizedDescription)")
        }
    }

    /// What a run has done so far.
    struct RunLedger {
        var failures: [ErrorRecord]
        var extracted = 0
        var unchanged = 0
        var workersStarted = 0
        /// Document ids whose reports stay in the folder.
        var kept = Set<String>()
        /// The state entries of every input with a report.
        var entries: [StateEntry] = []
        /// When each input extracted in this run had its report written (ISO 8601).
        var written: [String: String] = [:]

        mutating func keep(_ documentIDs: [String], entries newEntries: [StateEntry]) {
            kept.formUnion(documentIDs)
            entries += newEntries
        }
    }

    /// Validates and writes one worker result (a file's report, or an agenda pack's item
    /// reports), or records its failure. A pack is written whole or not at all: one item that
    /// fails the schema fails the file.
    private func accept(_ result: Result<[ExtractedReport], InputFailure>, for group: DocumentGroup, into folder: ReportFolder,
                        tables: TableFeed, state: ExtractionState, sync: BackgroundSync, ledger: inout RunLedger) throws {
        let reports: [ExtractedReport]
        switch result {
        case .failure(let failure):
            ledger.failures += group.errorRecords(failure)
            try tables.failed(group.documentID)
            return
        case .success(let value):
            reports = value
        }
        for report in reports {
            let problems = validator.problems(in: report.json)
            guard problems.isEmpty else {
                let which = reports.count > 1 ? "the extracted report \(report.documentID) (an item of the pack)" : "the extracted report"
                ledger.failures += group.errorRecords(InputFailure(
                    .invalid, "\(which) fails the schema (\(problems.joined(separator: "; "))); please report this as a bug"))
                try tables.failed(group.documentID)
                return
            }
        }
        // Each whole or absent even if the run is killed; synced to disk in the background.
        for report in reports {
            let path = folder.filePath(for: report.documentID)
            try AtomicFile.write(report.json, to: path, durable: false)
            sync.sync(path)
        }
        // The file's id (its content's), whatever its reports' ids: a pack's items add an index.
        let fileID = Report.documentID(sha256: reports[0].sha256)
        let ids = reports.map(\.documentID)
        let items = ids == [fileID] ? nil : ids
        let entries = group.stateEntries(documentID: fileID, sha256: reports[0].sha256, items: items)
        try state.record(entries)
        ledger.keep(ids, entries: entries)
        ledger.extracted += group.files.count
        let now = ISO8601DateFormatter().string(from: Date())
        for file in group.files { ledger.written[file] = now }
        for report in reports where !report.warnings.isEmpty {
            let name = items == nil ? group.first.file : "\(group.first.file) (\(report.documentID))"
            logger.warning("\(name): \(report.warnings.joined(separator: "; "))")
        }
        // Last: a table that cannot be written fails the run, but the reports stay done. A
        // pack's item ids sort straight after its file's id, so its rows go in at that place.
        try tables.extracted(fileID, rows: reports.count == 1 ? reports[0].rows : ReportRows(joining: reports.map(\.rows)))
    }

    /// True when the export files in the output folder are those a rebuild would write from the
    /// same reports: every file present, written with this `--excel` setting and this version's
    /// columns (`datapackage.json` lists them).
    private func tablesAreCurrent() -> Bool {
        let folder = options.output
        for name in TableExporter.fileNames where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            return false
        }
        guard let package = try? Data(contentsOf: folder.appendingPathComponent("datapackage.json")),
              package == (try? TableExporter.dataPackage()),
              let documents = FileHandle(forReadingAtPath: folder.appendingPathComponent(TableExporter.csvFileNames[0]).path)
        else { return false }
        defer { try? documents.close() }
        let start = (try? documents.read(upToCount: 3)) ?? Data()
        return (start == Data([0xEF, 0xBB, 0xBF])) == options.excel
    }

    /// Drops reports no input produces any more, and temporaries killed runs left in `reports/`.
    /// - Returns: whether any report was dropped.
    @discardableResult
    private func prune(_ folder: ReportFolder, keeping kept: Set<String>) -> Bool {
        var droppedReport = false
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: folder.url.path)) ?? [] {
            let isOrphanReport = name.hasSuffix(".json") && !name.hasPrefix(".") && !kept.contains(String(name.dropLast(5)))
            if Self.isTemporary(name) || isOrphanReport {
                try? fm.removeItem(at: folder.url.appendingPathComponent(name))
                if isOrphanReport {
                    droppedReport = true
                    logger.info("removed reports/\(name): no input produces it any more")
                }
            }
        }
        return droppedReport
    }

    /// Removes the temporaries that killed runs left in the output folder. Called before this
    /// run opens its own (the lock is held, so no other run is writing).
    private func removeStaleTemporaries() {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: options.output.path)) ?? [] where Self.isTemporary(name) {
            try? fm.removeItem(at: options.output.appendingPathComponent(name))
        }
    }

    /// Writes `errors.jsonl` (`failures`, sorted by path), `changes.jsonl` (what changed since
    /// the last finished run) and `run.json`.
    private func finish(_ ledger: RunLedger, failures: [ErrorRecord], changes: [InputChange], started: Date,
                        inputs: Int) throws -> BatchOutcome {
        try AtomicFile.write(Self.jsonLines(failures), to: options.output.appendingPathComponent("errors.jsonl").path)
        let finished = Date()
        let formatter = ISO8601DateFormatter()
        try AtomicFile.write(Self.jsonLines(changes), to: options.output.appendingPathComponent("changes.jsonl").path)
        let record = RunRecord(
            started: formatter.string(from: started), finished: formatter.string(from: finished),
            scrutinyVersion: options.scrutinyVersion, inputs: inputs,
            extracted: ledger.extracted, unchanged: ledger.unchanged, failed: failures.count,
            errors: Dictionary(failures.map { ($0.kind.rawValue, 1) }, uniquingKeysWith: +),
            jobs: options.pool.workers, workersStarted: ledger.workersStarted,
            seconds: (finished.timeIntervalSince(started) * 1000).rounded() / 1000)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(encoder.encode(record), to: options.output.appendingPathComponent("run.json").path)
        return BatchOutcome(record: record, failures: failures)
    }

    /// A temporary file left by a write that never finished (see ``AtomicFile``).
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// True when the file exists and is not empty (a report torn by a power cut is empty).
    static func hasContent(atPath path: String) -> Bool {
        // `stat` alone: FileManager's attributes also look up the owner's name in /etc/passwd.
        (FileStamp.of(path)?.stamp.size ?? 0) > 0
    }

    static func jsonLines(_ records: [some Encodable]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for record in records {
            data.append(try encoder.encode(record))
            data.append(0x0A)
        }
        return data
    }
}
