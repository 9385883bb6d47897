import ArgumentParser

/// `scrutiny validate FILE_OR_DIR...`
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check report records against the schemas and print every violation.")

    @Argument(help: "Report JSON files or folders of them.")
    var paths: [String]

    func run() throws {
        throw ValidationError("validate is not built yet")
    }
}
