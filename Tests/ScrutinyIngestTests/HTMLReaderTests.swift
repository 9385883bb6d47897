import Foundation
import ScrutinyCore
import Testing
@testable import ScrutinyIngest

@Suite struct HTMLReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func read(_ html: String) throws -> [SourceLine] {
        try HTMLReader().read(Data(html.utf8)).pages[0].lines
    }

    @Test func headingsParagraphsAndListItemsBecomeBlocks() throws {
        let lines = try read("""
            <html><head><title>Waste Review</title><script>var x = "<p>no</p>";</script></head><body>
            <nav>Home | Reports</nav><h2>1. Purpose</h2><p>The  report
            sets out progress.</p><ul><li>One &amp; two</li><li>Three</li></ul><div>Loose text</div>
            <footer>Site footer</footer></body></html>
            """)
        #expect(lines.map(\.text) == ["1. Purpose", "The report sets out progress.", "One & two", "Three", "Loose text"])
        #expect(lines.map(\.role) == [.heading, .body, .listItem, .listItem, .body])
        #expect(lines.map(\.headingLevel) == [2, nil, nil, nil, nil])
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
    }

    @Test func orderedListItemsCarryTheirNumbers() throws {
        let lines = try read("<ol><li>Notes the report.</li><li>Agrees the fee.</li></ol><ol start=\"4\"><li>Fourth</li><li value=\"9\">Ninth</li></ol><ul><li>Plain</li></ul>")
        #expect(lines.map(\.text) == ["1. Notes the report.", "2. Agrees the fee.", "4. Fourth", "9. Ninth", "Plain"])
        #expect(lines.allSatisfy { $0.role == .listItem })
    }

    @Test func titleBecomesMetadata() throws {
        let document = try HTMLReader().read(Data("<title> Waste\nReview </title><p>x</p>".utf8))
        #expect(document.metadata.title == "Waste Review")
        #expect(document.format == .html)
        #expect(document.reportedPageCount == nil)
    }

    @Test func tableRowsKeepCellsAndCellParagraphs() throws {
        let lines = try read("""
            <table><thead><tr><th>Recommendation</th><th>Progress</th></tr></thead><tbody>
            <tr><td>Agree a register</td><td><p>Agreed in May.</p><p>Reviewed quarterly.</p></td></tr>
            <tr><td>Publish accounts</td><td>Published.<br>Online too.</td></tr></tbody></table>
            """)
        #expect(lines.map(\.role) == [.tableRow, .tableRow, .tableRow])
        #expect(lines[0].isBold)
        #expect(lines[1].cells == ["Agree a register", "Agreed in May.\nReviewed quarterly."])
        #expect(lines[1].text == "Agree a register\tAgreed in May.\nReviewed quarterly.")
        #expect(lines[2].cells == ["Publish accounts", "Published.\nOnline too."])
    }

    @Test func boldWrappingAWholeBlockMarksItBold() throws {
        let lines = try read("<p><strong>Partnership name:</strong> Essex Waste</p><p><b>Financial <i>Implications</i></b></p>")
        #expect(lines.map(\.isBold) == [false, true])
    }

    @Test func fragmentsWithoutHtmlAndBodyKeepSiblingsApart() throws {
        let lines = try read("<h3>Aims</h3><p>First.</p><p>Second.</p>")
        #expect(lines.map(\.text) == ["Aims", "First.", "Second."])
    }

    @Test func anEmptyDocumentIsEmpty() {
        #expect(throws: InputFailure(.empty, "the HTML has no text outside scripts, styles and navigation")) {
            try HTMLReader().read(Data("<html><body><script>x()</script></body></html>".utf8))
        }
    }

    @Test func fixtureReportReadsThroughTheIngester() throws {
        let document = try DocumentIngester().ingest(path: Self.fixtures.appendingPathComponent("report.html").path)
        let lines = document.pages[0].lines
        #expect(document.metadata.title == "Review of Shared Waste Services")
        #expect(lines.first { $0.role == .heading && $0.headingLevel == 1 }?.text == "Review of Shared Waste Services")
        #expect(lines.filter { $0.role == .listItem }.count == 3)
        #expect(lines.contains { $0.cells == ["Agree a risk register", "The register was agreed in May.\nIt is reviewed every quarter."] })
    }
}
