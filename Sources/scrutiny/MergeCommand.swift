import ArgumentParser
import Foundation
import Logging
import ScrutinyBatch

/// `scrutiny merge DIR... --out DIR`
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the output folders of `extract --shard K/N` runs into one output folder.",
        discussion: """
            The merged folder holds every shard's reports (one per document id) and the tables, errors, \
            changes, incremental state and run summary over them: the reports, reports.jsonl, the CSVs and \
            datapackage.json are byte for byte what one extract over all the inputs writes. \
            Exit status: 0 merged; 1 a folder could not be read or written; 75 the output folder is in use.
            """)

    @Argument(help: "The shards' output folders.")
    var folders: [String]

    @Option(name: .long, help: "The merged output folder (not one of the shards').")
    var out: String

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    func run() throws {
        let logger = Logger(label: "scrutiny") { _ in TerminalLogHandler(level: quiet ? .error : .info) }
        let merger = ShardMerger(sources: folders.map { URL(fileURLWithPath: $0) }, output: URL(fileURLWithPath: out), logger: logger)
        do {
            let outcome = try merger.merge()
            logger.notice("merged \(folders.count) folders: \(outcome.reports) reports (\(outcome.duplicates) duplicates dropped) → \(out)")
        } catch let busy as OutputFolderBusy {
            logger.error("\(busy.description)")
            throw ExitCode(75)
        } catch {
            logger.error("\(error)")
            throw ExitCode(1)
        }
    }
}
