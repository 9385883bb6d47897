import ArgumentParser
import Foundation
import ScrutinyCore
import ScrutinyIngest

/// `scrutiny dump FILE`: the ingested document, line by line.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump", abstract: "Print the ingested document: page, line, style marks and text.")

    @Argument(help: "A .pdf, .txt or .html file.")
    var file: String

    func run() throws {
        let document = try DocumentIngester().ingest(path: file)
        for page in document.pages {
            for line in page.lines {
                print("\(page.number)\t\(line.number)\t\(line.role.rawValue)\t\(line.text)")
            }
        }
    }
}
