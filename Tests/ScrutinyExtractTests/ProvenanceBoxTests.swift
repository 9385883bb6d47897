import Foundation
import ScrutinyCore
@testable import ScrutinyExtract
import Testing

/// A record's provenance carries its line's box where the ingest gave one (PDF), rounded to
/// hundredths of a point, and none for text and HTML.
@Suite struct ProvenanceBoxTests {
    /// A two-page PDF-shaped document of fictional lines, each with a box.
    static func pdfDocument() -> SourceDocument {
        func line(_ number: Int, _ text: String, y: Double, role: LineRole = .body) -> SourceLine {
            SourceLine(number: number, text: text, role: role, headingLevel: role == .heading ? 2 : nil, fontSize: 11,
                       isBold: role == .heading, box: Box(x: 72.004, y: y, width: 400.126, height: 13.3333))
        }
        return SourceDocument(format: .pdf, pages: [
            SourcePage(number: 1, width: 595, height: 842, lines: [
                line(1, "Report to the Quillham Scrutiny Panel", y: 80, role: .heading),
                line(2, "Recommendations", y: 120, role: .heading),
                line(3, "1. That the panel notes the report.", y: 140),
            ]),
            SourcePage(number: 2, width: 595, height: 842, lines: [
                line(1, "Financial implications", y: 72, role: .heading),
                line(2, "The ferry budget for 2025/26 is £1.25m.", y: 96.5),
            ]),
        ])
    }

    @Test func pdfRecordsCarryTheirLinesBoxRoundedToHundredths() throws {
        let report = ReportExtractor().extract(Self.pdfDocument(), source: SourceInfo(file: "a.pdf", sha256: "0", format: .pdf, pages: 2),
                                               documentID: "0")
        let budget = try #require(report.budgets.first { $0.raw == "£1.25m" })
        #expect(budget.provenance.page == 2)
        #expect(budget.provenance.box == Box(x: 72, y: 96.5, width: 400.13, height: 13.33))
        let recommendation = try #require(report.recommendations.first)
        #expect(recommendation.provenance.box == Box(x: 72, y: 140, width: 400.13, height: 13.33))
    }

    @Test func textRecordsHaveNoBox() {
        let report = TestDocuments.report("""
            Recommendations
            1. That the panel agrees the budget of £2m for 2025/26.
            """)
        #expect(!report.budgets.isEmpty)
        #expect(report.budgets.allSatisfy { $0.provenance.box == nil })
        #expect(report.recommendations.allSatisfy { $0.provenance.box == nil })
    }

    @Test func aBoxGivenFromItsFarCornerIsStandardized() {
        let box = Box(x: 100, y: 50, width: -20, height: -10).standardized
        #expect(box == Box(x: 80, y: 40, width: 20, height: 10))
    }

    @Test func theBoxIsWrittenOnlyWhenKnown() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let without = String(decoding: try encoder.encode(Provenance(page: 1, line: 2, section: nil)), as: UTF8.self)
        #expect(without == #"{"line":2,"page":1,"section":null}"#)
        let with = Provenance(page: 1, line: 2, section: nil, box: Box(x: 1.5, y: 2, width: 3, height: 4))
        let text = String(decoding: try encoder.encode(with), as: UTF8.self)
        #expect(text == #"{"box":{"height":4,"width":3,"x":1.5,"y":2},"line":2,"page":1,"section":null}"#)
        #expect(try JSONDecoder().decode(Provenance.self, from: Data(text.utf8)) == with)
    }
}
