import Foundation
import ScrutinyCore
import Testing
@testable import ScrutinyIngest

/// The project's own sample reports in `samples/` (made by the samples branch).
@Suite struct SamplePDFTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    static func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: samples.appendingPathComponent(name).path)
    }

    func read(_ name: String) throws -> SourceDocument {
        try DocumentIngester().ingest(path: Self.samples.appendingPathComponent(name).path)
    }

    static let hallowmere = "hallowmere-2025-10-14-significant-partnerships.pdf"
    static let brackenford = "brackenford-2025-11-20-budget-monitoring.pdf"
    static let valeMuseums = "vale-museums-2025-06-30-joint-committee-annual-report.pdf"

    @Test(.enabled(if: exists(hallowmere), "samples/ is absent"))
    func taggedPartnershipReviewHasHeadingsHeadersAndRepeatedPartnershipNames() throws {
        let document = try read(Self.hallowmere)
        #expect(document.pages.count == 7)
        #expect(document.metadata.tagged)
        let lines = document.pages.flatMap(\.lines)
        let introduction = try #require(lines.first { $0.text == "1. Introduction" })
        #expect(introduction.role == .heading)
        #expect(introduction.isBold)
        for page in document.pages {
            #expect(page.lines.first?.role == .runningHeader)
            #expect(page.lines.last?.text == "Page \(page.number) of 7")
            #expect(page.lines.last?.role == .runningFooter)
        }
        let names = lines.filter { $0.text == "Partnership name: Hallowmere Community Safety Partnership (HCSP)" }
        #expect(names.map(\.role) == [.heading, .runningHeader])
        let legal = try #require(lines.first { $0.cells.first == "Legal:" })
        #expect(legal.role == .tableRow)
        #expect(legal.cells == ["Legal:", "None"])
    }

    @Test(.enabled(if: exists(brackenford), "samples/ is absent"))
    func untaggedBudgetReportTableRowsKeepTheirColumns() throws {
        let document = try read(Self.brackenford)
        #expect(document.pages.count == 4)
        #expect(!document.metadata.tagged)
        let lines = document.pages.flatMap(\.lines)
        let summary = try #require(lines.first { $0.text == "1. Summary" })
        #expect(summary.role == .heading)
        #expect(summary.isBold)
        #expect(summary.fontSize == 13)
        #expect(lines.contains { $0.cells == ["Car Parks", "(1,530)", "(1,592)", "(62)"] && $0.role == .tableRow })
        #expect(lines.contains { $0.cells == ["Hold vacant posts until March 2026", "£95,500", "Chief Executive"] })
        #expect(document.pages.allSatisfy { $0.lines.first?.role == .runningHeader && $0.lines.last?.role == .runningFooter })
    }

    @Test(.enabled(if: exists(valeMuseums), "samples/ is absent"))
    func untaggedAnnualReportHasBulletsAndATableSplitAcrossPages() throws {
        let document = try read(Self.valeMuseums)
        #expect(document.pages.count == 3)
        let lines = document.pages.flatMap(\.lines)
        #expect(lines.first { $0.text.hasPrefix("Vale Museums Joint Committee – Annual Report") }?.headingLevel == 1)
        #expect(lines.filter { $0.role == .listItem && $0.text.hasPrefix("• ") }.count == 6)
        #expect(lines.contains { $0.cells == ["Steepleton City Council", "25%", "£269,250"] })
        #expect(document.pages[1].lines.first?.text == "Kirkbridge Borough Council – Vale Museums Joint Committee – 30/06/2025")
        #expect(document.pages[1].lines.first?.role == .runningHeader)
    }
}
