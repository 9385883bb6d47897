import Foundation
import Testing

/// What a review folder holds, read back by the tests.
struct ReviewFolder {
    let url: URL

    var index: String { (try? String(contentsOf: url.appendingPathComponent("index.html"), encoding: .utf8)) ?? "" }

    func page(_ id: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent("\(id).html"), encoding: .utf8)
    }

    /// Every file under the folder, relative paths.
    var files: [String] { (FileManager.default.subpaths(atPath: url.path) ?? []).sorted() }

    /// The `src` of every image on a page.
    static func imageSources(_ html: String) -> [String] {
        html.components(separatedBy: "<img src=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    /// Modification times of the files, to tell which a rerun wrote (the lock, which every run
    /// takes, aside).
    var stamps: [String: Date] {
        var out: [String: Date] = [:]
        for path in files where path != ".scrutiny.lock" {
            if let date = try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(path).path)[.modificationDate] as? Date {
                out[path] = date
            }
        }
        return out
    }
}

/// Text as the pages escape it.
func htmlEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}

/// One report as the test reads it from `reports/`.
struct ReportFile {
    let json: [String: Any]
    var id: String { json["document_id"] as! String }
    var source: [String: Any] { json["source"] as! [String: Any] }
    var format: String { source["format"] as! String }
    var title: String? { (json["document"] as! [String: Any])["title"] as? String }
    func records(_ kind: String) -> [[String: Any]] { json[kind] as? [[String: Any]] ?? [] }

    static func all(in folder: URL) throws -> [ReportFile] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted().map {
            ReportFile(json: try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent($0))) as! [String: Any])
        }
    }
}

@Suite("scrutiny review, end to end", .serialized, .enabled(if: ScrutinyBinary.isBuilt, "build the package first: swift build"))
struct ReviewCommandTests {
    static let samples = SamplesBatchTests.samples

    /// Checks what the acceptance asks of a review folder, without a browser: the index links every
    /// report; each page has its title, every recommendation and every budget's raw text; every
    /// image a page shows is on disk; no file asks for anything outside the folder.
    static func checkReview(of out: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let review = ReviewFolder(url: out.appendingPathComponent("review"))
        let reports = try ReportFile.all(in: out.appendingPathComponent("reports"))
        #expect(!reports.isEmpty, sourceLocation: sourceLocation)
        for report in reports {
            #expect(review.index.contains("href=\"\(report.id).html\""), "index lacks \(report.id)", sourceLocation: sourceLocation)
            let page = try review.page(report.id)
            if let title = report.title { #expect(page.contains(htmlEscaped(title)), "\(report.id): title", sourceLocation: sourceLocation) }
            for recommendation in report.records("recommendations") {
                let text = recommendation["text"] as! String
                #expect(page.contains(htmlEscaped(text)), "\(report.id): recommendation \(text.prefix(40))", sourceLocation: sourceLocation)
            }
            for (index, budget) in report.records("budgets").enumerated() {
                let raw = budget["raw"] as! String
                #expect(page.contains("id=\"budget-\(index + 1)\""), sourceLocation: sourceLocation)
                #expect(page.contains("<td class=\"raw\">\(htmlEscaped(raw))</td>"), "\(report.id): budget \(raw)", sourceLocation: sourceLocation)
            }
            let images = ReviewFolder.imageSources(page)
            for source in images {
                #expect(FileManager.default.fileExists(atPath: review.url.appendingPathComponent(source).path),
                        "\(report.id): \(source) is not on disk", sourceLocation: sourceLocation)
            }
            if report.format == "pdf" {
                let pages = Set(["recommendations", "recommendation_updates", "partnerships", "budgets", "implications"]
                    .flatMap { report.records($0) }.compactMap { ($0["provenance"] as? [String: Any])?["page"] as? Int })
                #expect(images.count == pages.count, "\(report.id): \(images.count) images for \(pages.count) pages", sourceLocation: sourceLocation)
            } else {
                #expect(page.contains("<ol class=\"lines\""), "\(report.id): no source lines", sourceLocation: sourceLocation)
            }
            #expect(NetworkReferences.in(page).isEmpty, "\(report.id): \(NetworkReferences.in(page))", sourceLocation: sourceLocation)
        }
        #expect(NetworkReferences.in(review.index).isEmpty, sourceLocation: sourceLocation)
        for asset in ["review.css", "review.js"] {
            let text = try String(contentsOf: review.url.appendingPathComponent(asset), encoding: .utf8)
            #expect(NetworkReferences.in(text, isCode: true).isEmpty, "\(asset)", sourceLocation: sourceLocation)
        }
    }

    @Test("the review of the samples links every report and shows every record beside its page",
          .enabled(if: SamplesBatchTests.hasSamples, "samples/ is not in this checkout"))
    func samplesReview() throws {
        let scratch = try Scratch()
        #expect(try ScrutinyBinary.run(["extract", Self.samples.path, "--out", "out", "--quiet"], in: scratch.url).status == 0)
        let run = try ScrutinyBinary.run(["review", "out"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("review of 9 reports"), "\(run.stderr)")
        try Self.checkReview(of: scratch.url.appendingPathComponent("out"))
    }

    @Test("a rerun with nothing changed writes nothing; a changed report rewrites its page alone; a gone one is removed")
    func rerunsWriteOnlyWhatChanged() throws {
        let scratch = try Scratch()
        for number in 1...3 { try scratch.write(sampleReport(number), to: "in/r\(number).txt") }
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url).status == 0)
        #expect(try ScrutinyBinary.run(["review", "out"], in: scratch.url).status == 0)
        let review = ReviewFolder(url: scratch.url.appendingPathComponent("out/review"))
        let before = review.stamps
        let again = try ScrutinyBinary.run(["review", "out"], in: scratch.url)
        #expect(again.stderr.contains("(0 pages written, 0 page images drawn)"), "\(again.stderr)")
        #expect(review.stamps == before)

        // The second report changes: its page and the index are written again, nothing else.
        try scratch.write(sampleReport(2).replacingOccurrences(of: "Meeting date: 2 March", with: "Meeting date: 12 March"), to: "in/r2.txt")
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url).status == 0)
        let changed = try ScrutinyBinary.run(["review", "out"], in: scratch.url)
        #expect(changed.stderr.contains("(1 page written"), "\(changed.stderr)")
        let after = review.stamps
        let rewritten = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(rewritten.contains("index.html"))
        #expect(rewritten.filter { $0.hasSuffix(".html") && $0 != "index.html" }.count == 1, "\(rewritten)")
        #expect(review.index.contains("12 March 2024"))
        // The old version's page and preview are gone with its report.
        let pages = review.files.filter { $0.hasSuffix(".html") && $0 != "index.html" }
        #expect(pages.count == 3)
        let previews = review.files.filter { $0.hasPrefix("sources/") && $0.hasSuffix("preview.json") }
        #expect(previews.count == 3)
    }

    @Test("a source that cannot be found is named, its page says why, and --source-root finds it")
    func missingSourceIsReported() throws {
        let scratch = try Scratch()
        try scratch.write(sampleReport(4), to: "work/in/r4.txt")
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "../out", "--quiet"], in: scratch.url.appendingPathComponent("work")).status == 0)
        let lost = try ScrutinyBinary.run(["review", "out"], in: scratch.url)
        #expect(lost.status == 1)
        #expect(lost.stderr.contains("in/r4.txt: not shown in the review"), "\(lost.stderr)")
        #expect(lost.stderr.contains("--source-root"))
        let review = ReviewFolder(url: scratch.url.appendingPathComponent("out/review"))
        let id = try #require(review.files.first { $0.hasSuffix(".html") && $0 != "index.html" }).dropLast(5)
        #expect(try review.page(String(id)).contains("The source cannot be shown"))
        #expect(review.index.contains("Source not shown"))

        let found = try ScrutinyBinary.run(["review", "out", "--source-root", "work"], in: scratch.url)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(try review.page(String(id)).contains("<ol class=\"lines\""))
        #expect(!review.index.contains("Source not shown"))
    }

    @Test("extract --review writes the review after the reports")
    func extractWithReview() throws {
        let scratch = try Scratch()
        try scratch.write(sampleReport(5), to: "in/r5.txt")
        let run = try ScrutinyBinary.run(["extract", "in", "--out", "out", "--review"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("review of 1 report"))
        try Self.checkReview(of: scratch.url.appendingPathComponent("out"))
    }

    @Test("a folder without reports is an error that says to extract first")
    func noReportsIsAnError() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let run = try ScrutinyBinary.run(["review", "empty"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("run `scrutiny extract"), "\(run.stderr)")
    }
}
