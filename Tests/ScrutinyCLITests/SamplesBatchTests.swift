import Foundation
import Testing

/// The project's own `samples/` through one extract run.
@Suite("extract over the project's samples", .serialized, .enabled(if: ScrutinyBinary.isBuilt, "build the package first: swift build"))
struct SamplesBatchTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    static var hasSamples: Bool { FileManager.default.fileExists(atPath: samples.appendingPathComponent("expected").path) }

    @Test("every sample (PDF, text, HTML) gives a report, with its rows in the CSVs",
          .enabled(if: hasSamples, "samples/ is not in this checkout"))
    func samplesBecomeReports() throws {
        let scratch = try Scratch()
        let run = try ScrutinyBinary.run(["extract", Self.samples.path, "--out", "out", "--jobs", "2"], in: scratch.url)

        let names = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path)
        let readable = names.filter { ["txt", "html", "htm", "pdf"].contains(($0 as NSString).pathExtension.lowercased()) }
        let reports = try scratch.jsonLines("out/reports.jsonl")
        let reportedFiles = Set(reports.map { (($0["source"] as! [String: Any])["file"] as! String as NSString).lastPathComponent })
        let errors = try scratch.jsonLines("out/errors.jsonl")
        let failedFiles = Dictionary(uniqueKeysWithValues: errors.map {
            (($0["path"] as! String as NSString).lastPathComponent, $0["kind"] as! String)
        })

        #expect(run.status == 0, "\(run.stderr)")
        for name in readable {
            #expect(reportedFiles.contains(name), "\(name): \(failedFiles[name] ?? "no report, no error")")
        }
        #expect(reportedFiles.count == readable.count)

        let ids = reports.map { $0["document_id"] as! String }
        let documentRows = try scratch.text("out/documents.csv").split(whereSeparator: \.isNewline).dropFirst()
        #expect(documentRows.map { String($0.prefix(16)) } == ids)
        for table in ["recommendations", "budgets", "partnerships", "implications"] {
            let rowIDs = Set(try scratch.text("out/\(table).csv").split(whereSeparator: \.isNewline).map { String($0.prefix(16)) })
            for report in reports where !((report[table] as? [Any]) ?? []).isEmpty {
                #expect(rowIDs.contains(report["document_id"] as! String), "\(table).csv lacks rows of \(report["document_id"]!)")
            }
        }
    }
}
