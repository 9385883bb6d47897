import Foundation
@testable import ScrutinyBatch
import ScrutinyCore
import ScrutinyExport
import Testing

@Suite("The export tables fed while a run goes on")
struct TableFeedTests {
    /// A small report whose id is `digit` repeated, with one recommendation and one amount.
    static func report(_ digit: Character) -> Report {
        let sha = String(repeating: digit, count: 64)
        return Report(
            documentID: String(sha.prefix(16)),
            source: SourceInfo(file: "in/\(digit).txt", sha256: sha, format: .text, pages: nil),
            document: DocumentBlock(council: "Council \(digit)", title: "Report \(digit)"),
            recommendations: [Recommendation(number: "1", text: "Note report \(digit).",
                                             provenance: Provenance(page: nil, line: 2, section: nil))],
            budgets: [Budget(amount: 1000, raw: "£1,000", approximate: false, kind: .budget, period: nil, partnership: nil,
                             context: "A budget of £1,000 for \(digit).", provenance: Provenance(page: nil, line: 3, section: nil))])
    }

    /// An output folder holding the reports' files, as a run leaves them.
    struct Output {
        let root: TemporaryFolder
        init() throws { root = try TemporaryFolder() }
        var folder: ReportFolder { ReportFolder(url: root.url.appendingPathComponent("reports")) }

        func store(_ reports: [Report]) throws {
            try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
            for report in reports { try ReportJSON.encode(report).write(to: folder.fileURL(for: report.documentID)) }
        }

        func feed(unchanged: [Report], extracting: [Report]) throws -> TableFeed {
            TableFeed(unchanged: unchanged.map(\.documentID), extracting: extracting.map(\.documentID), folder: folder,
                      spool: try RowSpool(directory: root.url), writer: try TableWriter(directory: root.url.path, excel: false))
        }

        func tables() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in TableExporter.fileNames { files[name] = try Data(contentsOf: root.url.appendingPathComponent(name)) }
            return files
        }
    }

    /// The tables a rebuild from `reports` in document_id order writes.
    static func rebuilt(_ reports: [Report]) throws -> [String: Data] {
        let folder = try TemporaryFolder()
        try TableExporter().rebuild(from: reports.sorted { $0.documentID < $1.documentID }, into: folder.url.path)
        var files: [String: Data] = [:]
        for name in TableExporter.fileNames { files[name] = try Data(contentsOf: folder.url.appendingPathComponent(name)) }
        return files
    }

    @Test("reports arriving out of order, between unchanged ones and failures, give the tables of a rebuild in id order")
    func outOfOrderArrivalsMatchARebuild() throws {
        let output = try Output()
        let unchanged = [Self.report("2"), Self.report("5")]
        let extracting = ["1", "3", "4", "6", "7"].map { Self.report(Character($0)) }
        try output.store(unchanged)
        let feed = try output.feed(unchanged: unchanged, extracting: extracting)
        // 4 overtakes 3, 7 overtakes 6, and 6 fails.
        for report in [extracting[0], extracting[2], extracting[1], extracting[4]] {
            try feed.extracted(report.documentID, rows: ReportRows(report))
        }
        try feed.failed(extracting[3].documentID)
        try feed.commit()

        let expected = try Self.rebuilt(unchanged + extracting.filter { $0.documentID != extracting[3].documentID })
        let written = try output.tables()
        for name in TableExporter.fileNames {
            #expect(written[name] == expected[name], "\(name) differs from the rebuild")
        }
        let lines = String(decoding: written["reports.jsonl"]!, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 6)
    }

    @Test("the folder's tables stay as they were until the feed commits, and after a discard")
    func nothingChangesBeforeCommit() throws {
        let output = try Output()
        let old = [Self.report("8")]
        try TableExporter().rebuild(from: old, into: output.root.url.path)
        let before = try output.tables()

        let fresh = [Self.report("1")]
        let discarded = try output.feed(unchanged: [], extracting: fresh)
        try discarded.extracted(fresh[0].documentID, rows: ReportRows(fresh[0]))
        #expect(try output.tables() == before)
        discarded.discard()
        #expect(try output.tables() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.root.url.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)

        let committed = try output.feed(unchanged: [], extracting: fresh)
        try committed.extracted(fresh[0].documentID, rows: ReportRows(fresh[0]))
        try committed.commit()
        #expect(try output.tables() == Self.rebuilt(fresh))
    }

    @Test("a run whose only results are failures reads no unchanged report until it commits")
    func failuresAloneReadNothing() throws {
        let output = try Output()
        let unchanged = [Self.report("1"), Self.report("3")]
        try output.store(unchanged)
        let failing = Self.report("2")
        let feed = try output.feed(unchanged: unchanged, extracting: [failing])
        try feed.failed(failing.documentID)
        // Had the feed read report 1 already, removing it now would not take it out of the tables.
        try FileManager.default.removeItem(at: output.folder.fileURL(for: unchanged[0].documentID))
        try feed.commit()
        #expect(try output.tables() == Self.rebuilt([unchanged[1]]))
    }

    @Test("a report whose id was not expected makes the tables be rebuilt from the folder, with it in its place")
    func unexpectedIDRebuildsFromTheFolder() throws {
        let output = try Output()
        let unchanged = [Self.report("2")]
        let expectedButChanged = Self.report("1")
        let stray = Self.report("3")
        let inOrder = Self.report("4")
        try output.store(unchanged)
        let feed = try output.feed(unchanged: unchanged, extracting: [expectedButChanged, inOrder])
        // The input of "1" changed before its worker read it: its report came back as "3".
        try output.store([stray])
        try feed.extracted(stray.documentID, rows: ReportRows(stray))
        try output.store([inOrder])
        try feed.extracted(inOrder.documentID, rows: ReportRows(inOrder))
        try feed.commit()
        #expect(try output.tables() == Self.rebuilt(unchanged + [stray, inOrder]))
    }
}
