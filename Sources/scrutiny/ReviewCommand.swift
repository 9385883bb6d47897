import ArgumentParser
import Foundation
import Logging
import ScrutinyBatch
import ScrutinyReview

/// `scrutiny review OUT`: a static site under `OUT/review/` to check every record against the
/// page it came from.
///
/// ```
/// $ scrutiny review out
/// review of 9 reports (9 pages written, 20 page images drawn) in 0.1 s → out/review/index.html
/// ```
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write a review site of an output folder: every record beside the page it was found on.",
        discussion: """
            Writes OUT/review/index.html (every report, sortable and filterable) and one page per report. \
            Page images are drawn by worker processes and kept: a rerun draws and writes only what changed. \
            Exit status: 0 every source shown; 1 some sources could not be shown (their pages say why) \
            or no review could be written; 64 usage error; 75 the review folder is being written by another review.
            """)

    @Argument(help: "The folder `scrutiny extract` wrote.")
    var out: String

    @Option(name: .long, help: "The folder the reports' source paths are relative to (default: the current folder, where extract ran).")
    var sourceRoot: String?

    @Option(name: .long, help: "Worker processes drawing pages at once (default: the number of processors).")
    var jobs: Int?

    @Option(name: .long, help: "Seconds one file's pages may take before it is given up.")
    var timeout: Double = 60

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds") }
    }

    func run() throws {
        let logger = Logger(label: "scrutiny") { _ in TerminalLogHandler(level: quiet ? .error : .info) }
        let problems = try Self.build(out: out, sourceRoot: sourceRoot, jobs: jobs, timeout: timeout, quiet: quiet, logger: logger)
        if problems > 0 { throw ExitCode(1) }
    }

    /// Builds the review of `out` and logs what it did; returns how many sources could not be
    /// shown. Shared with `extract --review`.
    /// - Throws: `ExitCode` 75 when another review holds the folder, 1 when no review could be built.
    static func build(out: String, sourceRoot: String?, jobs: Int?, timeout: Double, quiet: Bool, logger: Logger) throws -> Int {
        let pool = WorkerPoolConfiguration(
            executable: ExtractCommand.executablePath(), arguments: ["worker"],
            workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount, timeout: timeout)
        let root = URL(fileURLWithPath: sourceRoot ?? FileManager.default.currentDirectoryPath)
        let builder = ReviewBuilder(options: ReviewOptions(output: URL(fileURLWithPath: out), sourceRoot: root, pool: pool))
        let bar = (!quiet && isatty(STDERR_FILENO) == 1) ? ProgressBar() : nil
        let outcome: ReviewOutcome
        do {
            outcome = try builder.build { done, total in bar?.update(done: done, total: total) }
        } catch {
            bar?.finish()
            logger.error("\(error.description)")
            if case .busy = error { throw ExitCode(75) }
            throw ExitCode(1)
        }
        bar?.finish()
        for problem in outcome.problems {
            logger.warning("\(problem.file): not shown in the review: \(problem.message)")
        }
        let folder = out.hasSuffix("/") ? out : out + "/"
        logger.notice("""
            review of \(outcome.reports) report\(outcome.reports == 1 ? "" : "s") (\(outcome.pagesWritten) \
            page\(outcome.pagesWritten == 1 ? "" : "s") written, \(outcome.imagesDrawn) page image\(outcome.imagesDrawn == 1 ? "" : "s") drawn\
            \(outcome.problems.isEmpty ? "" : ", \(outcome.problems.count) source\(outcome.problems.count == 1 ? "" : "s") not shown")) \
            in \(String(format: "%.1f", outcome.seconds)) s → \(folder)review/index.html
            """)
        return outcome.problems.count
    }
}
