import Foundation
import ScrutinyCore
import Testing
@testable import ScrutinyIngest

/// The real seed reports in `/work/shared` (beside the package). Skipped where they are absent.
@Suite struct SeedCorpusTests {
    static let seeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/seeds").standardizedFileURL
    static let chelmsford = seeds.appendingPathComponent("chelmsford-2014-09-29-significant-partnerships.txt")
    static let maldon = seeds.appendingPathComponent("maldon-2021-06-30-mid-essex-alliance-mou.txt")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: chelmsford.path), "seed corpus ../shared/corpus/seeds is absent"))
    func chelmsfordAppendixTwoRowsAreTwoCellRowsWithParagraphBreaks() throws {
        let document = try DocumentIngester().ingest(path: Self.chelmsford.path)
        let lines = document.pages.flatMap(\.lines)
        let start = try #require(lines.lastIndex { $0.text.hasPrefix("Appendix 2") })
        let rows = lines[start...].filter { $0.role == .tableRow }
        #expect(rows.count >= 8)
        #expect(rows.allSatisfy { $0.cells.count == 2 })
        #expect(rows.first?.cells == ["Recommendation", "Progress"])
        let riskRow = try #require(rows.first { $0.cells[0].hasPrefix("Ensure a process is implemented") })
        #expect(riskRow.cells[0].split(separator: "\n").count == 2)
        #expect(riskRow.cells[1].hasPrefix("Risks are reviewed quarterly.\nReturn of contributions"))
        #expect(!lines.contains { $0.text.contains("<p>") || $0.text.contains("<ul") || $0.text.contains("**") })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: maldon.path), "seed corpus ../shared/corpus/seeds is absent"))
    func maldonNumberedSectionsAreHeadingsAndTheBoldTitleIsBold() throws {
        let lines = try DocumentIngester().ingest(path: Self.maldon.path).pages.flatMap(\.lines)
        let headings = lines.filter { $0.role == .heading }.map(\.text)
        #expect(headings.contains("1. PURPOSE OF THE REPORT"))
        #expect(headings.contains("3. SUMMARY OF KEY ISSUES"))
        let report = try #require(lines.first { $0.text == "REPORT of" })
        #expect(report.isBold)
    }
}
