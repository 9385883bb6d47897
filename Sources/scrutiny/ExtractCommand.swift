import ArgumentParser
import Foundation
import ScrutinyCore
import ScrutinyExport
import ScrutinyExtract
import ScrutinyIngest

/// `scrutiny extract PATH... --out DIR`
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Extract records from reports (files or folders) into an output folder.")

    @Argument(help: "Files or folders (recursive): .pdf .txt .text .html .htm")
    var paths: [String]

    @Option(name: .long, help: "The output folder.")
    var out: String

    func run() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: out + "/reports", withIntermediateDirectories: true)
        var files: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                for rel in (try? fm.subpathsOfDirectory(atPath: path)) ?? [] {
                    let ext = (rel as NSString).pathExtension.lowercased()
                    if DocumentIngester.supportedExtensions.contains(ext) { files.append((path as NSString).appendingPathComponent(rel)) }
                }
            } else {
                files.append(path)
            }
        }
        var failed = false
        for file in files.sorted() {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                let sha = ContentHash.sha256(data)
                let document = try DocumentIngester().ingest(data: data, path: file)
                let id = Report.documentID(sha256: sha)
                let report = ReportExtractor().extract(
                    document, source: SourceInfo(file: file, sha256: sha, format: document.format, pages: document.reportedPageCount),
                    documentID: id)
                try ReportJSON.encode(report).write(to: URL(fileURLWithPath: "\(out)/reports/\(id).json"), options: .atomic)
            } catch {
                failed = true
                FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
