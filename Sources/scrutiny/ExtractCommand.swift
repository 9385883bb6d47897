import ArgumentParser
import Foundation
import JSONSchema
import Logging
import ScrutinyBatch
import ScrutinyCore
import ScrutinyValidate

/// `scrutiny extract PATH... --out DIR`
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract records from reports (files or folders) into an output folder.",
        discussion: """
            Exit status: 0 every input done; 1 some inputs failed (see DIR/errors.jsonl, the rest are \
            written); 64 usage error; 75 the output folder is in use by another extract.
            A second run into the same folder reads only new or changed inputs.
            """)

    @Argument(help: "Files or folders (recursive): .pdf .txt .text .html .htm")
    var paths: [String]

    @Option(name: .long, help: "The output folder.")
    var out: String

    @Option(name: .long, help: "Worker processes reading documents at once (default: the number of processors).")
    var jobs: Int?

    @Flag(name: .long, help: "Re-extract every input, even those unchanged since the last run.")
    var force = false

    @Flag(name: .long, help: "Read and hash every input again, even those whose size and modification time are unchanged.")
    var rehash = false

    @Option(name: .long, help: ArgumentHelp(
        "Take only shard K of N of the inputs (by document id; K from 1). auto/N takes K from JOB_COMPLETION_INDEX (Kubernetes) or SLURM_ARRAY_TASK_ID (Slurm). Join the shards' folders with `scrutiny merge`.",
        valueName: "K/N"))
    var shard: String?

    @Option(name: .long, help: "Seconds one document may take before it is given up as 'timeout'.")
    var timeout: Double = 60

    @Option(name: .long, help: ArgumentHelp("Resident memory (MiB) one worker may use before its document is given up as 'memory'.", visibility: .hidden))
    var memoryLimit: Int = 2048

    @Option(name: .long, help: ArgumentHelp("Documents one worker reads before it is replaced by a fresh one.", visibility: .hidden))
    var recycleAfter: Int = 500

    @Flag(name: .long, help: "Write CSV files for spreadsheet programs (UTF-8 byte order mark).")
    var excel = false

    @Flag(name: .long, help: "Write no scrutiny.db (SQLite) beside the CSVs; one left by an earlier run is removed.")
    var noSqlite = false

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    @Flag(name: .long, help: "Then write the review site, OUT/review/ (as `scrutiny review OUT` does).")
    var review = false

    @OptionGroup var ocr: OCROptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds") }
        if memoryLimit < 64 { throw ValidationError("--memory-limit must be at least 64 MiB") }
        if recycleAfter < 1 { throw ValidationError("--recycle-after must be at least 1") }
        if let shard {
            do {
                _ = try Shard.parse(shard)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func run() throws {
        let logger = Logger(label: "scrutiny") { _ in TerminalLogHandler(level: quiet ? .error : .info) }

        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let pool = WorkerPoolConfiguration(
            // The address-space cap is a backstop well above the resident limit the batch watches.
            executable: Self.executablePath(),
            arguments: ["worker", "--address-space-limit", String(max(8192, memoryLimit * 4))] + ocr.workerArguments,
            workers: workers, timeout: timeout,
            memoryLimit: UInt64(memoryLimit) << 20, recycleAfter: recycleAfter)
        let options = BatchOptions(
            paths: paths, output: URL(fileURLWithPath: out), force: force, excel: excel, rehash: rehash,
            shard: try shard.map { try Shard.parse($0) }, database: !noSqlite, pool: pool,
            scrutinyVersion: Scrutiny.version)
        let schema: ReportValidator
        do {
            schema = try ReportValidator()
        } catch {
            logger.error("cannot load the report schema: \(error); this build of scrutiny is broken, please report it")
            throw ExitCode(70)
        }
        let validator = CombinedValidator([DocumentIdentityCheck(), SchemaCheck(validator: schema)])
        let runner = BatchRunner(options: options, validator: validator, logger: logger)

        let bar = (!quiet && isatty(STDERR_FILENO) == 1) ? ProgressBar() : nil
        let outcome: BatchOutcome
        do {
            outcome = try runner.run { done, total in bar?.update(done: done, total: total) }
        } catch let busy as OutputFolderBusy {
            bar?.finish()
            logger.error("\(busy.description)")
            throw ExitCode(75)
        } catch {
            bar?.finish()
            logger.error("\(error)")
            throw ExitCode(1)
        }
        bar?.finish()

        for failure in outcome.failures {
            logger.error("\(failure.path): \(failure.kind.rawValue): \(failure.message)")
        }
        logger.notice("\(Self.summary(outcome.record, out: out))")
        let unshown = review ? try ReviewCommand.build(out: out, sourceRoot: nil, jobs: jobs, timeout: timeout, quiet: quiet, logger: logger) : 0
        if outcome.record.failed > 0 || unshown > 0 { throw ExitCode(1) }
    }

    /// `extracted 12, unchanged 3, failed 2 (corrupt 1, encrypted 1) in 4.1 s → out/`
    static func summary(_ record: RunRecord, out: String) -> String {
        var text = "extracted \(record.extracted), unchanged \(record.unchanged), failed \(record.failed)"
        if !record.errors.isEmpty {
            text += " (" + record.errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        let folder = out.hasSuffix("/") ? out : out + "/"
        return text + " in \(String(format: "%.1f", record.seconds)) s → \(folder)"
    }

    /// This program's own executable, to start workers from.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// The report schema (`schemas/report.schema.json`) as the batch's per-report check.
struct SchemaCheck: ReportValidating {
    let validator: ReportValidator

    func problems(in reportJSON: Data) -> [String] {
        validator.validate(reportJSON).map(\.description)
    }

    func problems(in reportJSON: Data, parsed: JSONValue) -> [String] {
        validator.validate(parsed).map(\.description)
    }
}
