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

/// The shapes of recommendation sections in English and Welsh council reports.
extension RecommendationExtractorTests {
    @Test func subHeadingsAddressingOtherBodiesContinueTheList() {
        let recs = recommendations("""
        RECOMMENDATIONS
        Recommendations for the Cabinet to Note
        1. The outcome of the residents' survey held in March.
        Recommendations for the Cabinet to Approve
        2. The increase in allotment rents set out in paragraph 12.
        Recommendations for the Leader of the Council
        3. That the leader delegates the final charging schedule to the cabinet member for parks.
        BACKGROUND INFORMATION
        4. Ashcombe District Council manages 14 allotment sites.
        """)
        #expect(recs.map(\.number) == ["1", "2", "3"])
    }

    @Test func bulletsCompleteAnItemEndingWithAColon() {
        let recs = recommendations("""
        RECOMMENDATIONS
        1. To approve the proposed continuation of the council tax
        • discounts for care leavers as set out in paragraph 6
        • relief for foster carers as set out in paragraph 7.
        2. To note the collection rate.
        BACKGROUND
        """)
        #expect(recs.count == 2)
        #expect(recs.first?.text == "To approve the proposed continuation of the council tax discounts for care leavers as set out in paragraph 6 relief for foster carers as set out in paragraph 7.")
    }

    @Test func optionsOfAChoiceStayInTheirItem() {
        let recs = recommendations("""
        RECOMMENDATION(S)
        1. That the committee review the street trading charges and determine to: -
        (a) keep the charges as they are;
        (b) remove the charges.
        2. That the committee notes the consultation responses.
        BACKGROUND INFORMATION
        """)
        #expect(recs.map(\.number) == ["1", "2"])
        #expect(recs.first?.text == "That the committee review the street trading charges and determine to: - (a) keep the charges as they are; (b) remove the charges.")
    }

    @Test func letteredSubItemsOfAnInstructionAreItemsNumberedUnderTheirParent() {
        let recs = recommendations("""
        2. Recommendations
        2.1 Approve the scheme, and in doing so:
        (a) approve funding of £10,000 from reserves;
        (b) delegate the contract award to the Director.
        2.2 Note the timetable.
        3. Background
        """)
        #expect(recs.map(\.number) == ["2.1", "2.1(a)", "2.1(b)", "2.2"])
    }

    @Test func aTableAfterABulletedListEndsIt() {
        let recs = recommendations("""
        Recommendations
        The Executive is recommended to:
        • Approve the masterplan for the Fenwick Road site;
        • Note the consultation responses.
        Wards Affected:\tFenwick
        Community Strategy Spine\tSummary of the contribution
        """)
        #expect(recs.map(\.text) == ["Approve the masterplan for the Fenwick Road site;", "Note the consultation responses."])
    }

    @Test func aPlainParagraphAfterABulletedLeadInListEndsIt() {
        let recs = recommendations("""
        The Committee is requested to:
        • note the annual report;
        • agree the work programme.
        The report was prepared with the help of the partnership board members.
        """)
        #expect(recs.count == 2)
    }

    @Test func aHeadingRunIntoItsItemIsSplitOff() {
        let recs = recommendations("""
        Recommendation That Ashcombe District Council be advised that the Mayor is content for it to determine the case itself.
        Context
        The application was received on 3 May.
        """)
        #expect(recs.map(\.text) == ["That Ashcombe District Council be advised that the Mayor is content for it to determine the case itself."])
    }

    @Test func theNextSectionsNumberEndsTheRecommendations() {
        let recs = recommendations("""
        2. RECOMMENDATIONS
        2.1 That the Committee notes the progress made.
        2.2 That the Committee agrees the revised timetable.
        3.1 The strategy was adopted in 2021 and is reviewed every two years.
        """)
        #expect(recs.map(\.number) == ["2.1", "2.2"])
    }

    @Test func aStartWithoutItemsGivesWayToTheNextOne() {
        let recs = recommendations("""
        RECOMMENDATIONS
        BACKGROUND
        The plan was drafted in 2024.
        Decision(s) required:
        1. To approve the draft plan for consultation.
        2. To note the timetable.
        """)
        #expect(recs.map(\.number) == ["1", "2"])
    }

    @Test func aMarkerWhoseTextWasLostIsNoItem() {
        let recs = recommendations("RECOMMENDATIONS\n1.\n2. That the Committee notes the report.\nBACKGROUND")
        #expect(recs.map(\.number) == ["2"])
    }

    @Test func aHeadingWithItsItemOnTheSameLine() {
        let recs = recommendations("Proposed decision: To adopt the Brackley Green conservation area appraisal.\nBackground\nThe appraisal was consulted on in May.")
        #expect(recs.map(\.text) == ["To adopt the Brackley Green conservation area appraisal."])
    }

    @Test func aLeadInGluedToItsItemIsLeftOut() {
        let recs = recommendations("RECOMMENDATIONS\n1. The Cabinet is recommended to: approve the revised fees for pest control.\nBACKGROUND")
        #expect(recs.map(\.text) == ["approve the revised fees for pest control."])
    }

    @Test func leadInsForTwoBodiesGiveAllTheirItems() {
        let recs = recommendations("""
        RECOMMENDATIONS
        The Cabinet is recommended to:
        (a) approve the capital programme;
        The Cabinet is asked to recommend that Council:
        (b) approves the borrowing limit.
        REASONS
        """)
        #expect(recs.map(\.number) == ["a", "b"])
    }

    @Test func coverTableItemsGoOnInRowsWithAnEmptyFirstCell() {
        let rows = [
            SourceLine(number: 1, text: "", cells: ["Recommendations:", "1. That the Cabinet approves the pool opening hours."], role: .tableRow),
            SourceLine(number: 2, text: "", cells: ["", "2. That the Cabinet notes the survey results."], role: .tableRow),
            SourceLine(number: 3, text: "", cells: ["Wards:", "All"], role: .tableRow),
        ]
        let document = SourceDocument(format: .html, pages: [SourcePage(number: 1, lines: rows)])
        let recs = RecommendationExtractor().extract(from: DocumentOutliner().outline(document))
        #expect(recs.map(\.number) == ["1", "2"])
    }

    @Test func theHeaderRowOfATableOfRecommendationsIsNoItem() {
        let recs = recommendations("""
        RECOMMENDATIONS
        No.\tRecommendation
        1\tThat the Panel notes the tracker.
        2\tThat the Panel closes the completed actions.
        BACKGROUND
        """)
        #expect(recs.map(\.number) == ["1", "2"])
        #expect(recs.first?.text == "That the Panel notes the tracker.")
    }

    @Test func anOpeningSentenceEndingWithAColonIsALeadIn() {
        let recs = recommendations("""
        It is recommended that the Committee:
        (a) notes the report;
        (b) agrees the work plan.
        Background
        """)
        #expect(recs.map(\.number) == ["a", "b"])
    }

    @Test func aLeadInWrappedBeforeItsColonIsNoItem() {
        let recs = recommendations("""
        Recommendations
        The Executive is recommended to
        • approve the Marlow Street masterplan;
        • note the consultation responses.
        Wards Affected
        """)
        #expect(recs.map(\.text) == ["approve the Marlow Street masterplan;", "note the consultation responses."])
    }

    @Test func columnHeadingsBesideARecommendationCellAreNoItems() {
        let recs = recommendations("""
        Recommendation\tProgress\tRAG
        Review the lettings policy\tUnder way\tAmber
        RECOMMENDATION
        That the Panel notes the tracker.
        BACKGROUND
        """)
        #expect(recs.map(\.text) == ["That the Panel notes the tracker."])
    }

    @Test func aParentThatOnlyNamesTheBodyGivesWayToItsSubItems() {
        let recs = recommendations("""
        2. Recommendations
        2.1 That Cabinet:
        (a) approves the revised parking charges in Appendix A;
        (b) delegates minor changes to the Director of Place.
        2.2 That Council be recommended to approve the capital budget.
        3. Reasons for Recommendations
        """)
        #expect(recs.map(\.number) == ["2.1(a)", "2.1(b)", "2.2"])
    }

    @Test func aCoverValuePointingElsewhereGivesWayToTheRecommendationsItPointsTo() {
        let recs = recommendations("""
        Report of:\tHead of Housing
        Recommendations:\tSee section 2 of the report.
        Decision required: None
        2. RECOMMENDATIONS
        2.1 That the Committee approves the tenancy strategy.
        3. BACKGROUND
        """)
        #expect(recs.map(\.text) == ["That the Committee approves the tenancy strategy."])
    }
}
