import ArgumentParser
import Foundation
import ScrutinyCore
import ScrutinyIngest

/// `scrutiny dump FILE`: the ingested document, line by line, with its style marks.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the ingested document: one header per page, then page:line, style marks and text.",
        discussion: "Marks: [H2] heading level, [li] list item, [tr] table row (cells separated by |), "
            + "[hdr]/[ftr] running header/footer, [B] bold, [11pt] font size.")

    @Argument(help: "A .pdf, .txt or .html file.")
    var file: String

    @OptionGroup var ocr: OCROptions

    func run() throws {
        let document: SourceDocument
        do {
            document = try DocumentIngester(ocr: ocr.settings).ingest(path: file)
        } catch {
            FileHandle.standardError.write(Data("\(file): \(error.kind.rawValue): \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        var output = DocumentDump.lines(of: document).joined(separator: "\n")
        output += "\n"
        for warning in document.warnings { output += "warning: \(warning)\n" }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
