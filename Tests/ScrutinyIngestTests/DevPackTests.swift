import Foundation
import ScrutinyCore
import Testing
@testable import ScrutinyIngest

/// Agenda packs bound at test time the way reviewers bind them: one of the project's fictional
/// front sheets, then three to five real reports of the dev corpus (`../shared/corpus/dev`),
/// concatenated by `scripts/make-pack` (qpdf), so the pack has no outline and no stamps. Every
/// report must come back as one item at its exact pages. And no real report, seed or sample
/// read alone is ever split. Skipped, with a message, where `../shared` or qpdf is absent.
@Suite("agenda packs bound from real reports", .serialized)
struct DevPackTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = package.appendingPathComponent("../shared").standardizedFileURL
    static let dev = shared.appendingPathComponent("corpus/dev/docs")
    static let fixtures = package.appendingPathComponent("Tests/ScrutinyIngestTests/Fixtures/pack")
    static let makePack = package.appendingPathComponent("scripts/make-pack")
    static let qpdf = ["/usr/bin/qpdf", "/usr/local/bin/qpdf"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var hasDev: Bool { FileManager.default.fileExists(atPath: dev.appendingPathComponent("d01.pdf").path) }
    static var canBind: Bool { hasDev && qpdf != nil }

    /// The text-layer dev reports (d21 is a scan), each in at least two packs, in several orders,
    /// behind the three front sheets.
    static let packs: [(front: String, reports: [String])] = [
        ("front-sheet-moderngov", ["d01", "d02", "d03", "d04"]),
        ("front-sheet-summons", ["d05", "d06", "d07", "d08", "d09"]),
        ("front-sheet-cmis", ["d10", "d11", "d12", "d13"]),
        ("front-sheet-summons", ["d14", "d15", "d16", "d17"]),
        ("front-sheet-moderngov", ["d19", "d18", "d20"]),
        ("front-sheet-summons", ["d20", "d18", "d17", "d19"]),
        ("front-sheet-cmis", ["d16", "d03", "d09", "d19"]),
        ("front-sheet-summons", ["d13", "d05", "d18", "d02", "d11"]),
        ("front-sheet-moderngov", ["d07", "d17", "d12", "d15", "d14"]),
        ("front-sheet-cmis", ["d08", "d20", "d06", "d10", "d01"]),
        ("front-sheet-moderngov", ["d04", "d14", "d19", "d03"]),
    ]

    /// Where `scripts/make-pack` put each report.
    struct Binding: Decodable {
        struct Pages: Decodable {
            var file: String
            var first_page: Int
            var last_page: Int
        }
        var front_sheet: Pages
        var items: [Pages]
    }

    /// Binds `reports` behind `front` into `out` with `scripts/make-pack`.
    static func bind(_ out: URL, front: URL, reports: [URL]) throws -> Binding {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", makePack.path, out.path, front.path] + reports.map(\.path)
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "make-pack exited \(process.terminationStatus)")
        return try JSONDecoder().decode(Binding.self, from: data)
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dev-packs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("every report bound behind a front sheet is found as one item at its exact first and last page",
          .enabled(if: canBind, "../shared/corpus/dev or qpdf is absent: bound packs skipped"))
    func boundReportsAreFoundAtTheirExactPages() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        var exact = 0, expected = 0, found = 0
        var covered: Set<String> = []
        for (number, pack) in Self.packs.enumerated() {
            let out = folder.appendingPathComponent("pack-\(number + 1).pdf")
            let binding = try Self.bind(out, front: Self.fixtures.appendingPathComponent(pack.front + ".pdf"),
                                        reports: pack.reports.map { Self.dev.appendingPathComponent($0 + ".pdf") })
            // The items the reader gives the document, as extraction reads them.
            let items = try DocumentIngester().ingest(path: out.path).items
            let want = binding.items.map { [$0.first_page, $0.last_page] }
            let got = items.map { [$0.firstPage, $0.lastPage] }
            let hits = want.filter(got.contains).count
            exact += hits
            expected += want.count
            found += got.count
            covered.formUnion(pack.reports)
            print("pack \(number + 1) (\(pack.front): \(pack.reports.joined(separator: " "))): \(hits)/\(want.count) exact; "
                  + items.map { "\($0.firstPage)-\($0.lastPage) [\($0.evidence)]" }.joined(separator: " | "))
            #expect(got == want, "pack \(number + 1): \(pack.reports)")
        }
        print("bound packs: \(exact)/\(expected) items at their exact pages, \(found) items found")
        #expect(covered == Set((1...20).map { String(format: "d%02d", $0) }), "every text-layer dev report is bound")
    }

    @Test("a pack that kept one report's own bookmarks is split by its pages, not by the bookmarks",
          .enabled(if: canBind, "../shared/corpus/dev or qpdf is absent: bound packs skipped"))
    func aReportsOwnOutlineDoesNotSplitAPack() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let front = Self.fixtures.appendingPathComponent("front-sheet-summons.pdf")
        // qpdf keeps the outline of its primary input: d20's section bookmarks, now pointing past the front sheet.
        let outlined = Self.dev.appendingPathComponent("d20.pdf")
        let reports = [outlined, Self.dev.appendingPathComponent("d05.pdf"), Self.dev.appendingPathComponent("d15.pdf")]
        let out = folder.appendingPathComponent("kept-outline.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.qpdf))
        process.arguments = [outlined.path, "--pages", front.path] + reports.map(\.path) + ["--", out.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let document = try DocumentIngester().ingest(path: out.path)
        #expect(document.outline.count > 10, "the report's bookmarks are in the pack")
        let pages = try reports.map { try DocumentIngester().ingest(path: $0.path).pages.count }
        let front1 = try DocumentIngester().ingest(path: front.path).pages.count
        var want: [[Int]] = []
        var next = front1 + 1
        for count in pages {
            want.append([next, next + count - 1])
            next += count
        }
        #expect(document.items.map { [$0.firstPage, $0.lastPage] } == want)
    }

    @Test("no real report read alone is split, not even one with its own bookmarks or appendices",
          .enabled(if: hasDev, "../shared/corpus/dev is absent: dev reports skipped"),
          arguments: (1...21).map { String(format: "d%02d", $0) })
    func aDevReportAloneIsNoPack(_ id: String) throws {
        let document = try DocumentIngester().ingest(path: Self.dev.appendingPathComponent(id + ".pdf").path)
        #expect(document.items.isEmpty && AgendaPack().items(of: document).isEmpty, "\(id)")
    }

    @Test("no seed report and no sample is split",
          .enabled(if: FileManager.default.fileExists(atPath: package.appendingPathComponent("samples").path), "samples/ is absent"))
    func seedsAndSamplesAreNoPacks() throws {
        var files = try FileManager.default.contentsOfDirectory(at: Self.package.appendingPathComponent("samples"),
                                                                includingPropertiesForKeys: nil)
        let seeds = Self.shared.appendingPathComponent("corpus/seeds")
        if FileManager.default.fileExists(atPath: seeds.path) {
            files += try FileManager.default.contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil)
        }
        let readable = files.filter { DocumentIngester.supportedExtensions.contains($0.pathExtension.lowercased()) }
        try #require(readable.count >= 5)
        for file in readable {
            let document = try DocumentIngester().ingest(path: file.path)
            #expect(document.items.isEmpty && AgendaPack().items(of: document).isEmpty, "\(file.lastPathComponent)")
        }
    }

    @Test("the real ModernGov pack's bookmarks are read with their pages",
          .enabled(if: FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/packs/docs/k02.pdf").path),
                   "../shared/corpus/packs is absent"))
    func realPackBookmarksAreRead() throws {
        let document = try DocumentIngester().ingest(path: Self.shared.appendingPathComponent("corpus/packs/docs/k02.pdf").path)
        let top = document.outline.filter { $0.depth == 0 }
        #expect(top.map(\.page) == [1, 3, 14, 21, 34, 45])
        #expect(top[1].title == "4 Minutes")
        #expect(document.outline.contains { $0.depth == 1 && $0.page == 46 }, "the distribution list under the blank page")
    }
}
