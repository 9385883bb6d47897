import Testing
import ScrutinyCore
@testable import ScrutinyExtract

@Suite("Recommendations")
struct RecommendationExtractorTests {
    func recommendations(_ text: String) -> [Recommendation] {
        RecommendationExtractor().extract(from: TestDocuments.outline(text))
    }

    @Test func numberedItemsKeepTheirNumbersAndWrappedLinesJoin() {
        let recs = recommendations("""
        RECOMMENDATIONS
        2.1 That the Committee approves the draft play area strategy for
        consultation over six weeks.
        2.2 That delegated authority is given to the Director.
        3. BACKGROUND
        3.1 The strategy was last reviewed in 2015.
        """)
        #expect(recs.map(\.number) == ["2.1", "2.2"])
        #expect(recs.first?.text == "That the Committee approves the draft play area strategy for consultation over six weeks.")
        #expect(recs.first?.provenance.section == "RECOMMENDATIONS")
    }

    @Test func letteredItemsAfterAnAskedToLeadIn() {
        let recs = recommendations("""
        Cabinet is asked to RESOLVE:
        (a) to adopt the parking charges in Appendix A;
        (b) to review the charges in April 2026.
        Background
        Charges were last changed in 2019.
        """)
        #expect(recs.map(\.number) == ["a", "b"])
        #expect(recs.last?.text == "to review the charges in April 2026.")
    }

    @Test func unnumberedRecommendationUnderAHeading() {
        let recs = recommendations("Recommendation\nThat the annual report is noted.\nCorporate Implications\nLegal:\tNone")
        #expect(recs.count == 1)
        #expect(recs.first?.number == nil)
        #expect(recs.first?.text == "That the annual report is noted.")
    }

    @Test func recommendedThatInline() {
        let recs = recommendations("RECOMMENDED that the revised constitution is adopted.\nReasons\nThe law changed.")
        #expect(recs.map(\.text) == ["RECOMMENDED that the revised constitution is adopted."])
    }

    @Test func aReportWithoutRecommendationsHasNone() {
        #expect(recommendations("Purpose\nTo inform Members.\nBackground\nNothing to decide.").isEmpty)
    }
}

@Suite("Recommendations in a cover-table cell")
struct TableCellRecommendationTests {
    @Test func paragraphsOfTheCellAreTheItems() {
        let row = SourceLine(number: 1, text: "", cells: ["Recommendations", "1. That the plan is approved.\n2. That fees rise by\n3% from April."],
                             role: .tableRow)
        let document = SourceDocument(format: .html, pages: [SourcePage(number: 1, lines: [row])])
        let recs = RecommendationExtractor().extract(from: DocumentOutliner().outline(document))
        #expect(recs.map(\.number) == ["1", "2"])
        #expect(recs.last?.text == "That fees rise by 3% from April.")
    }
}
