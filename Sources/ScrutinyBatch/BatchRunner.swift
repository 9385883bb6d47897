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
    public var pool: WorkerPoolConfiguration
    /// Written into `run.json`.
    public var scrutinyVersion: String

    public init(paths: [String], output: URL, force: Bool = false, excel: Bool = false,
                pool: WorkerPoolConfiguration, scrutinyVersion: String) {
        self.paths = paths
        self.output = output
        self.force = force
        self.excel = excel
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
/// worker processes, validate and write each report, then rebuild the folder-wide exports.
///
/// The output folder always holds a complete state: every file is written whole under a temporary
/// name and renamed, and the incremental state is journaled after each report, so a run killed at
/// any point is finished by the next one with nothing lost or duplicated.
public struct BatchRunner {
    public var options: BatchOptions
    public var validator: any ReportValidating
    public var logger: Logger

    public init(options: BatchOptions, validator: any ReportValidating = ContractShapeValidator(),
                logger: Logger = Logger(label: "scrutiny.batch")) {
        self.options = options
        self.validator = validator
        self.logger = logger
    }

    /// One document: the inputs sharing its content, the first (in sorted order) naming it.
    struct DocumentGroup {
        var documentID: String
        var sha256: String
        var first: DiscoveredInput
        var others: [String] = []
        var files: [String] { [first.file] + others }

        func stateEntries(documentID: String, sha256: String) -> [StateEntry] {
            files.map { StateEntry(file: $0, sha256: sha256, documentID: documentID, reportFile: first.file) }
        }
    }

    /// Runs the batch. `progress` is called with (done, total) as each document finishes.
    /// - Throws: ``OutputFolderBusy`` when another run holds the folder; ``BatchError`` when the
    ///   folder cannot be written or no worker can start.
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> BatchOutcome {
        let started = Date()
        let fm = FileManager.default
        let reportsURL = options.output.appendingPathComponent("reports")
        do {
            try fm.createDirectory(at: reportsURL, withIntermediateDirectories: true)
        } catch {
            throw BatchError(description: "cannot create \(reportsURL.path): \(error.localizedDescription); check the --out path and its permissions")
        }
        let lock = try OutputLock(directory: options.output, startedAt: started)
        defer { withExtendedLifetime(lock) {} }

        let discovery = InputDiscovery(extensions: DocumentIngester.supportedExtensions, excluding: options.output.path)
            .discover(options.paths)
        var failures = discovery.problems.map { ErrorRecord(path: $0.file, failure: $0.failure) }

        // Hash every input; inputs with the same content are one document.
        var groups: [String: DocumentGroup] = [:]
        var order: [String] = []
        for input in discovery.inputs {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: input.path))
            } catch {
                failures.append(ErrorRecord(path: input.file, failure: InputFailure(
                    .unreadable, "cannot read the file: \(error.localizedDescription); check its permissions")))
                continue
            }
            let sha256 = ContentHash.sha256(data)
            let id = Report.documentID(sha256: sha256)
            if groups[id] != nil {
                groups[id]!.others.append(input.file)
            } else {
                groups[id] = DocumentGroup(documentID: id, sha256: sha256, first: input)
                order.append(id)
            }
        }

        // Skip what the folder already holds.
        let state = ExtractionState(directory: options.output)
        let folder = ReportFolder(url: reportsURL)
        var finalEntries: [StateEntry] = []
        var keep = Set<String>()
        var unchanged = 0
        var requests: [WorkerRequest] = []
        var groupByFile: [String: String] = [:]
        for id in order {
            let group = groups[id]!
            let expected = StateEntry(file: group.first.file, sha256: group.sha256, documentID: id, reportFile: group.first.file)
            if !options.force, state.entries[group.first.file] == expected, Self.hasContent(folder.fileURL(for: id)) {
                unchanged += group.files.count
                keep.insert(id)
                finalEntries += group.stateEntries(documentID: id, sha256: group.sha256)
            } else {
                requests.append(WorkerRequest(path: group.first.path, file: group.first.file))
                groupByFile[group.first.file] = id
            }
        }

        // Extract the rest in workers; validate and write each report as it arrives.
        var extracted = 0
        var done = 0
        var writeError: Error?
        var workersStarted = 0
        progress(0, requests.count)
        do {
            workersStarted = try WorkerPool(configuration: options.pool).run(requests) { request, result in
                done += 1
                defer { progress(done, requests.count) }
                guard let id = groupByFile[request.file], let group = groups[id] else { return }
                switch result {
                case .failure(let failure):
                    failures += Self.records(for: group, failure: failure)
                case .success(let report):
                    do {
                        let json = try ReportJSON.encode(report)
                        let problems = validator.problems(in: json)
                        guard problems.isEmpty else {
                            failures += Self.records(for: group, failure: InputFailure(
                                .invalid, "the extracted report fails the schema (\(problems.joined(separator: "; "))); please report this as a bug"))
                            return
                        }
                        // Whole or absent even if the run is killed; synced to disk once at the end.
                        try AtomicFile.write(json, to: folder.fileURL(for: report.documentID).path, durable: false)
                        let entries = group.stateEntries(documentID: report.documentID, sha256: report.source.sha256)
                        try state.record(entries)
                        if !report.warnings.isEmpty {
                            logger.warning("\(group.first.file): \(report.warnings.joined(separator: "; "))")
                        }
                        finalEntries += entries
                        keep.insert(report.documentID)
                        extracted += group.files.count
                    } catch {
                        writeError = writeError ?? error
                    }
                }
            }
        } catch {
            throw BatchError(description: "cannot run the workers: \(error)")
        }
        if let writeError {
            throw BatchError(description: "cannot write into \(options.output.path): \(writeError.localizedDescription)")
        }

        // Drop reports no input produces any more, and temporaries of killed runs.
        for name in (try? fm.contentsOfDirectory(atPath: reportsURL.path)) ?? [] {
            let isOrphanReport = name.hasSuffix(".json") && !name.hasPrefix(".") && !keep.contains(String(name.dropLast(5)))
            if Self.isTemporary(name) || isOrphanReport {
                try? fm.removeItem(at: reportsURL.appendingPathComponent(name))
                if isOrphanReport { logger.info("removed reports/\(name): no input produces it any more") }
            }
        }
        for name in (try? fm.contentsOfDirectory(atPath: options.output.path)) ?? [] where Self.isTemporary(name) {
            try? fm.removeItem(at: options.output.appendingPathComponent(name))
        }

        if extracted > 0 { Self.syncFileSystem() }
        do {
            try state.compact(to: finalEntries)
            try TableExporter(excel: options.excel).rebuild(from: folder, into: options.output.path)
            failures.sort { ($0.path, $0.kind.rawValue) < ($1.path, $1.kind.rawValue) }
            try AtomicFile.write(Self.jsonLines(failures), to: options.output.appendingPathComponent("errors.jsonl").path)

            let finished = Date()
            let formatter = ISO8601DateFormatter()
            let record = RunRecord(
                started: formatter.string(from: started), finished: formatter.string(from: finished),
                scrutinyVersion: options.scrutinyVersion,
                inputs: discovery.inputs.count + discovery.problems.count,
                extracted: extracted, unchanged: unchanged, failed: failures.count,
                errors: Dictionary(failures.map { ($0.kind.rawValue, 1) }, uniquingKeysWith: +),
                jobs: options.pool.workers, workersStarted: workersStarted,
                seconds: (finished.timeIntervalSince(started) * 1000).rounded() / 1000)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try AtomicFile.write(encoder.encode(record), to: options.output.appendingPathComponent("run.json").path)
            return BatchOutcome(record: record, failures: failures)
        } catch {
            throw BatchError(description: "cannot write into \(options.output.path): \(error.localizedDescription)")
        }
    }

    /// Flushes the reports written without a sync to the disk before the state names them for good:
    /// one `sync(2)` instead of one `fsync` per report, which dominated the run time.
    static func syncFileSystem() {
        sync()
    }

    /// A temporary file left by a write that never finished (see ``AtomicFile``).
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// True when the file exists and is not empty (a report torn by a power cut is empty).
    static func hasContent(_ url: URL) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0) > 0
    }

    static func records(for group: DocumentGroup, failure: InputFailure) -> [ErrorRecord] {
        [ErrorRecord(path: group.first.file, failure: failure)] + group.others.map {
            ErrorRecord(path: $0, failure: InputFailure(failure.kind, "\(failure.message) (same content as \(group.first.file))"))
        }
    }

    static func jsonLines(_ records: [ErrorRecord]) throws -> Data {
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
