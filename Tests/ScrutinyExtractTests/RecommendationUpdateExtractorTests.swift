import Testing
import ScrutinyCore
@testable import ScrutinyExtract

@Suite("Recommendation updates from progress tables")
struct RecommendationUpdateExtractorTests {
    static let table = """
    Partnership name: Harbour Leisure Trust (HLT)
    Aims and objectives:
    - Run the pools
    Appendix B – Progress on earlier recommendations
    Recommendation\tUpdate
    Harbour Leisure Trust
    Publish the trust's accounts each year.\tAccounts for 2023 were published in May.
    Agree a risk register with the trust.\tA draft register was shared
    Recommendation\tUpdate
    \tand agreed in July.
    Coastal Path Forum
    <p>Set up a steering group.</p> <p>Report on footfall twice a year.</p>\t<p>The group met twice.</p> <p>First report due in spring.</p>
    """

    @Test func oneRecordPerRecommendationWithItsGroup() {
        let updates = RecommendationUpdateExtractor().extract(from: TestDocuments.outline(Self.table))
        #expect(updates.count == 4)
        #expect(updates.map(\.partnership) == ["Harbour Leisure Trust", "Harbour Leisure Trust", "Coastal Path Forum", "Coastal Path Forum"])
        #expect(updates[0].progress == "Accounts for 2023 were published in May.")
    }

    @Test func repeatedHeaderIsSkippedAndEmptyFirstCellContinuesProgress() {
        let updates = RecommendationUpdateExtractor().extract(from: TestDocuments.outline(Self.table))
        #expect(updates[1].text == "Agree a risk register with the trust.")
        #expect(updates[1].progress == "A draft register was shared and agreed in July.")
    }

    @Test func paragraphsInOneCellArePairedWithProgressParagraphs() {
        let updates = RecommendationUpdateExtractor().extract(from: TestDocuments.outline(Self.table))
        #expect(updates[2].text == "Set up a steering group.")
        #expect(updates[2].progress == "The group met twice.")
        #expect(updates[3].text == "Report on footfall twice a year.")
        #expect(updates[3].progress == "First report due in spring.")
    }

    @Test func cellsWithLineBreaksFromAReaderArePaired() {
        let line = SourceLine(number: 2, text: "A\nB\tX\nY", cells: ["Do A.\nDo B.", "A done.\nB pending."], role: .tableRow)
        let header = SourceLine(number: 1, text: "Recommendation\tStatus", cells: ["Recommendation", "Status"], role: .tableRow)
        let document = SourceDocument(format: .html, pages: [SourcePage(number: 1, lines: [header, line])])
        let updates = RecommendationUpdateExtractor().extract(from: DocumentOutliner().outline(document))
        #expect(updates.map(\.text) == ["Do A.", "Do B."])
        #expect(updates.map(\.progress) == ["A done.", "B pending."])
    }
}

@Suite("Progress tables exported as text, one cell per line")
struct FlatProgressTableTests {
    @Test func recommendationsAndProgressArePairedWithinEachGroup() {
        let lines = TestDocuments.outline("""
        Appendix C – Progress on last year's recommendations
        Recommendation
        Progress
        Riverside Markets Board
        The Board should publish its minutes online.
        Minutes have been published since April.
        Dene Valley Trust
        The Trust should set a reserves policy.
        The Trust should report its visitor numbers.
        A reserves policy was agreed in June.
        Visitor numbers are now in the quarterly report.
        """)
        let updates = RecommendationUpdateExtractor().extract(from: lines)
        #expect(updates.map(\.text) == ["The Board should publish its minutes online.", "The Trust should set a reserves policy.",
                                        "The Trust should report its visitor numbers."])
        #expect(updates.map(\.progress) == ["Minutes have been published since April.", "A reserves policy was agreed in June.",
                                            "Visitor numbers are now in the quarterly report."])
        #expect(updates.map(\.partnership) == ["Riverside Markets Board", "Dene Valley Trust", "Dene Valley Trust"])
    }
}

@Suite("Progress tables with reference and status columns")
struct ProgressColumnsTests {
    @Test func recommendationAndProgressColumnsAreFoundByTheirHeaders() {
        func row(_ n: Int, _ cells: [String]) -> SourceLine {
            SourceLine(number: n, text: cells.joined(separator: "\t"), cells: cells, role: .tableRow)
        }
        let lines = [
            row(1, ["Ref", "Recommendation", "Cabinet response", "Progress", "RAG"]),
            row(2, ["R1", "Open the library on Sundays.", "Accepted", "Sunday opening began in May.", "Green"]),
            row(3, ["", "", "", "Visitor numbers are up 8%.", ""]),
            row(4, ["R2", "Review the fees.", "Accepted in part", "Review due in autumn.", "Amber"]),
        ]
        let document = SourceDocument(format: .pdf, pages: [SourcePage(number: 1, lines: lines)])
        let updates = RecommendationUpdateExtractor().extract(from: DocumentOutliner().outline(document))
        #expect(updates.map(\.text) == ["Open the library on Sundays.", "Review the fees."])
        #expect(updates.map(\.progress) == ["Sunday opening began in May. Visitor numbers are up 8%.", "Review due in autumn."])
        #expect(updates.first?.provenance.page == 1)
    }
}
