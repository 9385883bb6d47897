import Testing
import ScrutinyCore
@testable import ScrutinyExtract

@Suite("Implications")
struct ImplicationExtractorTests {
    @Test func twoColumnImplicationsTable() {
        let lines = TestDocuments.outline("""
        Corporate Implications
        Legal:\tThe council has the power to charge.
        Financial:\tNone
        Consultees
        Head of Finance
        """)
        let implications = ImplicationExtractor().extract(from: lines)
        #expect(implications.map(\.area) == ["Legal", "Financial"])
        #expect(implications.first?.text == "The council has the power to charge.")
    }

    @Test func aRowWhoseFirstCellIsOnlyAMarkNamesNoArea() {
        let lines = TestDocuments.outline("""
        Corporate Implications
        –\tSee the risk register.
        Legal:\tNone
        """)
        #expect(ImplicationExtractor().extract(from: lines).map(\.area) == ["Legal"])
    }

    @Test func impactOnItemsWithDashesAndSubBullets() {
        let lines = TestDocuments.outline("""
        7. IMPLICATIONS
        (i) **Impact on Residents** – Residents gain longer opening hours.
        (ii) **Impact on Risk:**
        - Legal risk – Low.
        - Reputational risk – Medium.
        (iii) **Impact on Resources (staff)** – None.
        Background Papers: None.
        """)
        let implications = ImplicationExtractor().extract(from: lines)
        #expect(implications.map(\.area) == ["Impact on Residents", "Impact on Risk", "Impact on Resources (staff)"])
        #expect(implications[0].text == "Residents gain longer opening hours.")
        #expect(implications[1].text == "Legal risk – Low. Reputational risk – Medium.")
        #expect(implications[2].text == "None.")
    }
}

@Suite("Implications as headings and as labels")
struct ImplicationShapesTests {
    @Test func headingPerAreaTakesItsParagraphs() {
        let lines = TestDocuments.outline("""
        6. Financial Implications
        6.1 The cost is met from the Parks budget.
        7. Legal Implications
        7.1 None.
        8. Conclusion
        8.1 The work goes ahead.
        """)
        let implications = ImplicationExtractor().extract(from: lines)
        #expect(implications.map(\.area) == ["Financial", "Legal"])
        #expect(implications.map(\.text) == ["The cost is met from the Parks budget.", "None."])
    }

    @Test func labelsWithValuesOnTheSameOrNextLineAndBackgroundPapersEnd() {
        let lines = TestDocuments.outline("""
        Implications
        Legal:
        None
        Climate: Fewer car journeys.
        Background Papers: None.
        """)
        let implications = ImplicationExtractor().extract(from: lines)
        #expect(implications.map(\.area) == ["Legal", "Climate"])
        #expect(implications.map(\.text) == ["None", "Fewer car journeys."])
    }
}
