import Foundation
import Testing

/// Agenda packs through `extract`: each item a report of its own, in the folder, the tables and
/// the incremental state; and the real packs' items scored by `scripts/score-packs` (a ratchet).
@Suite("extract over agenda packs", .serialized, .enabled(if: ScrutinyBinary.isBuilt, "build the package first: swift build"))
struct PackExtractTests {
    static let packs = CorpusScoreTests.shared.appendingPathComponent("corpus/packs")
    static let scorer = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/score-packs")
    static var havePacks: Bool { FileManager.default.fileExists(atPath: packs.appendingPathComponent("gold").path) }

    /// The lowest pack scores a run may give: item F1 (exact pages), titles right, recommendation F1.
    static let floor = (items: 1.0, titles: 1.0, recommendations: 1.0)

    @Test("the real packs' items are found at their pages, titled and their recommendations read no worse than already reached",
          .enabled(if: havePacks && CorpusScoreTests.python != nil, "../shared/corpus/packs or python3 is absent: pack score skipped"))
    func realPacksHoldTheirScore() throws {
        let scratch = try Scratch()
        let run = try ScrutinyBinary.run(["extract", Self.packs.appendingPathComponent("docs").path, "--out", "out", "--quiet"],
                                         in: scratch.url)
        #expect(run.status == 0, "extract failed: \(run.stderr)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CorpusScoreTests.python!)
        process.arguments = [Self.scorer.path, Self.packs.appendingPathComponent("gold").path, scratch.url.appendingPathComponent("out").path, "--json"]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let score = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "score-packs printed no JSON")
        let summary = String(decoding: data, as: UTF8.self)
        #expect((score["item_f1"] as? Double ?? 0) >= Self.floor.items, "\(summary)")
        #expect((score["titles"] as? Double ?? 0) >= Self.floor.titles, "\(summary)")
        #expect((score["recommendation_f1"] as? Double ?? 0) >= Self.floor.recommendations, "\(summary)")
    }

    @Test("a pack's items are reports of their own: ids after the file's, where each lies, a row each, kept and pruned as the file is",
          .enabled(if: havePacks, "../shared/corpus/packs is absent: pack extraction skipped"))
    func packItemsAreReports() throws {
        let scratch = try Scratch()
        try scratch.write(try Data(contentsOf: Self.packs.appendingPathComponent("docs/k02.pdf")), to: "in/pack.pdf")
        let first = try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url)
        #expect(first.status == 0, "\(first.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out/reports").path).sorted()
        #expect(names.count == 4)
        let fileID = String(names.first?.prefix(16) ?? "")
        #expect(names == (1...4).map { "\(fileID)-00\($0).json" })
        var previousLast = 0
        for (index, name) in names.enumerated() {
            let report = try #require(try JSONSerialization.jsonObject(with: scratch.read("out/reports/\(name)")) as? [String: Any])
            let source = try #require(report["source"] as? [String: Any])
            let item = try #require(source["item"] as? [String: Any])
            #expect(source["file"] as? String == "in/pack.pdf")
            #expect(item["index"] as? Int == index + 1)
            let firstPage = try #require(item["first_page"] as? Int), lastPage = try #require(item["last_page"] as? Int)
            #expect(firstPage > previousLast && lastPage >= firstPage, "items in order, not overlapping")
            previousLast = lastPage
            #expect(source["meeting"] is [String: Any])
            // Provenance pages are the pack's own.
            for kind in ["recommendations", "budgets"] {
                for record in report[kind] as? [[String: Any]] ?? [] {
                    let page = (record["provenance"] as? [String: Any])?["page"] as? Int ?? 0
                    #expect((firstPage...lastPage).contains(page), "\(name) \(kind) on page \(page)")
                }
            }
        }
        let kinds = try names.map { name -> String in
            let report = try JSONSerialization.jsonObject(with: scratch.read("out/reports/\(name)")) as? [String: Any]
            return ((report?["source"] as? [String: Any])?["item"] as? [String: Any])?["kind"] as? String ?? ""
        }
        #expect(kinds == ["minutes", "report", "report", "report"])
        let documents = try scratch.text("out/documents.csv").split(separator: "\r\n")
        #expect(documents.count == 5, "a header and a row per item")
        #expect(try scratch.text("out/reports.jsonl").split(separator: "\n").count == 4)
        #expect(try scratch.text("out/errors.jsonl").isEmpty)

        // Unchanged: nothing read again, every item kept.
        let again = try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url)
        #expect(again.status == 0)
        let run = try #require(try JSONSerialization.jsonObject(with: scratch.read("out/run.json")) as? [String: Any])
        #expect(run["extracted"] as? Int == 0 && run["unchanged"] as? Int == 1, "\(run)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out/reports").path).count == 4)

        // Gone: every item's report goes with it.
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("in/pack.pdf"))
        try scratch.write("Report to the Harbour Panel\n\nRecommendations\n\n1. That the panel notes the report.\n", to: "in/note.txt")
        let after = try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url)
        #expect(after.status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out/reports").path)
        #expect(left.count == 1 && !left[0].contains("-"), "\(left)")
        #expect(try scratch.text("out/documents.csv").split(separator: "\r\n").count == 2)
    }
}
