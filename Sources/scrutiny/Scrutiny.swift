import ArgumentParser

/// The `scrutiny` command: council committee reports in, validated records out.
@main
struct Scrutiny: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "scrutiny",
        abstract: "Turn council committee reports (PDF, text, HTML) into validated JSON, JSON Lines and CSV.",
        version: version,
        subcommands: [ExtractCommand.self, MergeCommand.self, ValidateCommand.self, ReviewCommand.self, DumpCommand.self,
                      WorkerCommand.self])

    static func main() {
        OpenMPThreadLimit.holdToOne()
        main(nil)
    }
}
