import ArgumentParser
import ScrutinyBatch
import ScrutinyIngest

/// `scrutiny worker`: the hidden subcommand `extract` starts in each worker process.
///
/// Reads one JSON request per line on standard input and answers with one JSON line each on
/// standard output, until its input closes. Not meant to be run by hand.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Internal: read documents for a running extract.", shouldDisplay: false)

    @Option(name: .long, help: "Address-space cap in MiB (RLIMIT_AS); 0 for none.")
    var addressSpaceLimit: UInt64 = 8192

    @OptionGroup var ocr: OCROptions

    func run() throws {
        WorkerService(processor: DocumentProcessor(hook: .fromEnvironment(), ocr: ocr.settings),
                      addressSpaceLimit: addressSpaceLimit == 0 ? nil : addressSpaceLimit << 20).run()
    }
}
