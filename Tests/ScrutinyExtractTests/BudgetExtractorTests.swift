import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyExtract

@Suite("BudgetExtractor")
struct BudgetExtractorTests {
    /// Outlined lines from plain strings: lines starting "- " are list items, tabs separate table cells.
    func outline(_ texts: [String], partnership: String? = nil) -> [OutlinedLine] {
        texts.enumerated().map { index, text in
            let cells = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return OutlinedLine(page: nil, lineNumber: index + 1, text: text, cells: cells,
                                role: cells.count > 1 ? .tableRow : (text.hasPrefix("- ") ? .listItem : .body),
                                section: "Finance", partnership: partnership)
        }
    }

    func extract(_ texts: [String], partnership: String? = nil) -> [Budget] {
        BudgetExtractor().extract(from: outline(texts, partnership: partnership))
    }

    @Test func everyAmountBecomesARecordWithItsSentenceAndProvenance() {
        let budgets = extract(["Intro line without money.", "The scheme cost £2.5m. Income was £300,000 in 2019/20."],
                              partnership: "Riverside Partnership")
        #expect(budgets.map(\.amount) == [2_500_000, 300_000])
        #expect(budgets.map(\.kind) == [.expenditure, .income])
        #expect(budgets.map(\.context) == ["The scheme cost £2.5m.", "Income was £300,000 in 2019/20."])
        #expect(budgets.map(\.provenance.line) == [2, 2])
        #expect(budgets.allSatisfy { $0.partnership == "Riverside Partnership" && $0.currency == "GBP" })
        #expect(budgets.map(\.period) == [nil, "2019/20"])
    }

    @Test func periodAttachedAfterTheAmountBeatsOneBeforeIt() {
        let budgets = extract(["Members paid £9,000 in 2018/19 and £8,500 for 2019/20 and £8,000 in 2020/21."])
        #expect(budgets.map(\.period) == ["2018/19", "2019/20", "2020/21"])
        #expect(budgets.map(\.kind) == [.payment, .payment, .payment])
    }

    @Test func aQuestionDatesOnlyTheFirstParagraphOfItsAnswer() {
        let budgets = extract([
            "What was the total budget for 2019/20?",
            "The board spent £40,000 on events.",
            "Separately, the growth fund has a budget of £2m.",
        ])
        #expect(budgets.map(\.period) == ["2019/20", nil])
    }

    @Test func aQuestionInsideTheSameParagraphDatesTheAnswerAfterIt() {
        let budgets = extract(["What was the budget for 2017/18? What does the council give? The panel holds £12,000.\t"])
        #expect(budgets.map(\.period) == ["2017/18"])
        #expect(budgets.map(\.kind) == [.budget])
    }

    @Test func aHeadingDatesItsListItemsButNotAfterTheNextHeading() {
        let budgets = extract([
            "Main achievements in 2015/16",
            "- Securing £1m from the county.",
            "- A £50,000 reserve kept.",
            "- Overall funding of £600,000 awarded to date.",
            "Priorities",
            "- Spend £20,000 on signs.",
        ])
        #expect(budgets.map(\.period) == ["2015/16", "2015/16", nil, nil])
        #expect(budgets.map(\.kind) == [.funding, .reserve, .funding, .expenditure])
    }

    @Test func aPeriodThatNamesSomethingDatesNothing() {
        let budgets = extract(["Progress on outstanding 2012/13 recommendations", "Recommendation\tProgress",
                               "Review fees.\tThe subscription has reduced to under £5,000."])
        #expect(budgets.count == 1)
        #expect(budgets.first?.period == nil)
        #expect(budgets.first?.approximate == true)
        #expect(budgets.first?.kind == .contribution)
    }

    @Test func aRepeatedHeaderLineDoesNotEndAHeadingsScope() {
        let budgets = extract([
            "Partnership name: Riverside",
            "Main achievements in 2015/16",
            "- A £50,000 reserve kept.",
            "Partnership name: Riverside",
            "- £30,000 grant funding allocated during the year.",
        ])
        #expect(budgets.map(\.period) == ["2015/16", "2015/16"])
    }

    @Test func aSentenceReferringBackTakesThePreviousKind() {
        let budgets = extract(["Each member pays an annual fee of £2,000. This fell to around £1,500 in 2021/22."])
        #expect(budgets.map(\.kind) == [.contribution, .contribution])
        #expect(budgets.map(\.approximate) == [false, true])
    }

    @Test func eachTableCellIsReadOnItsOwn() {
        let budgets = extract(["Budget £12,000\tSpent £11,500\tNotes"])
        #expect(budgets.map(\.amount) == [12_000, 11_500])
        #expect(budgets.map(\.kind) == [.budget, .expenditure])
        #expect(budgets.map(\.context) == ["Budget £12,000", "Spent £11,500"])
    }

    @Test func aParagraphWrappedOverLinesIsOneSentence() {
        let budgets = extract(["The partnership received a grant of", "£45,000 from the lottery. Then it ended."])
        #expect(budgets.map(\.kind) == [.funding])
        #expect(budgets.first?.context == "The partnership received a grant of £45,000 from the lottery.")
        #expect(budgets.first?.provenance.line == 2)
    }

    @Test func rangesGiveTwoRecords() {
        let budgets = extract(["The works will cost £8-10m."])
        #expect(budgets.map(\.amount) == [8_000_000, 10_000_000])
        #expect(budgets.map(\.kind) == [.expenditure, .expenditure])
    }

    @Test func anAmountWithoutACueTakesWhatTheQuestionAsksAbout() {
        let budgets = extract(["What was the total budget for 2022/23? Include any grants.", "£50,500.00 in total."])
        #expect(budgets.map(\.kind) == [.budget])
        #expect(budgets.map(\.period) == ["2022/23"])
    }

    @Test func aPeriodAttachedToAnotherAmountIsNotShared() {
        let budgets = extract(["Made up of a fee of £10,000, a grant of £5,000 and £2,000 carried forward from 2021/22."])
        #expect(budgets.map(\.period) == [nil, nil, "2021/22"])
    }

    @Test func aPeriodOpeningTheSentenceDatesEveryAmountInIt() {
        let budgets = extract(["During 2016/17 expenditure was £90,000 and income was £95,000, leaving a surplus of £5,000."])
        #expect(budgets.map(\.period) == ["2016/17", "2016/17", "2016/17"])
        #expect(budgets.map(\.kind) == [.expenditure, .income, .surplus])
    }

    @Test func aPeriodFramingTheSentenceBeforeCarriesToTheNext() {
        let budgets = extract(["The net budget for 2023/24 was £500,000. Net expenditure was £480,000, an underspend of £20,000."])
        #expect(budgets.map(\.period) == ["2023/24", "2023/24", "2023/24"])
        #expect(budgets.map(\.kind) == [.budget, .expenditure, .surplus])
    }

    @Test func aPeriodAfterAnAmountStaysWithIt() {
        let budgets = extract(["A grant of £9,000 went to the food bank, paid in 2023/24. The new camera costs £40,000."])
        #expect(budgets.map(\.period) == ["2023/24", nil])
    }

    @Test func tableCellsTakeKindAndPeriodFromRowAndColumnHeadings() {
        let budgets = extract([
            "Outturn 2024/25\tBudget\tActual",
            "Staff\t£700,000\t£690,000",
            "Income\t(£100,000)\t(£120,000)",
            "Net expenditure\t£600,000\t£570,000",
        ])
        #expect(budgets.map(\.amount) == [700_000, 690_000, -100_000, -120_000, 600_000, 570_000])
        #expect(budgets.map(\.kind) == [.budget, .expenditure, .income, .income, .budget, .expenditure])
        #expect(budgets.allSatisfy { $0.period == "2024/25" })
    }

    @Test func aRowNamingAYearDatesItsAmountsAndAnUncuedColumnFollowsTheOneBeforeIt() {
        let budgets = extract(["Year\tTrees\tBudget\tRevised", "2026/27\t18,000\t£270,000\t£250,000"])
        #expect(budgets.map(\.period) == ["2026/27", "2026/27"])
        #expect(budgets.map(\.kind) == [.budget, .budget])
    }

    @Test func theLastWordOfANameSaysWhatItIs() {
        let budgets = extract(["The Committee approves the use of £350k from the Budget Equalisation Reserve."])
        #expect(budgets.map(\.kind) == [.reserve])
        let held = extract(["The shortfall would be met from the Equalisation Reserve, which holds £2.35m."])
        #expect(held.map(\.kind) == [.reserve])
    }

    @Test func byAfterExceedMakesTheAmountAnOverspend() {
        let budgets = extract(["The cost of hotels is forecast to exceed its budget by £1.2m."])
        #expect(budgets.map(\.kind) == [.deficit])
    }

    @Test func figuresUnderAThousandsHeadingAreScaledWithTheirRawText() {
        let budgets = extract([
            "Service\t£000 Budget\t£000 Forecast",
            "Housing\t2,460\t3,660",
            "Car parks\t(1,530)\t(1,592)",
            "Note\tsee text\t12 homes",
        ])
        #expect(budgets.map(\.amount) == [2_460_000, 3_660_000, -1_530_000, -1_592_000])
        #expect(budgets.map(\.raw) == ["2,460", "3,660", "(1,530)", "(1,592)"])
        #expect(budgets.allSatisfy { $0.kind == .budget && !$0.approximate })
    }

    @Test func stackedHeadingRowsAndMillionsAreUnderstood() {
        let budgets = extract(["\t£m\t£m", "Scheme\tBudget\tActual", "Depot\t1.5\t1.25", "Total £3m\t£3m\t2.75"])
        // Printed amounts first, then the table's bare figures.
        #expect(budgets.map(\.amount) == [3_000_000, 3_000_000, 1_500_000, 1_250_000, 2_750_000])
        #expect(budgets.map(\.kind) == [.other, .budget, .budget, .expenditure, .expenditure])
    }

    @Test func bareFiguresOutsideMoneyColumnsAreNotMoney() {
        let budgets = extract(["Year\tTrees\tBudget", "2026/27\t18,000\t£270,000", "Sites\t12\t4.5"])
        #expect(budgets.map(\.amount) == [270_000])
    }

    @Test func amountsInAMergedCellAreReadAsTheColumnsInOrder() {
        let budgets = extract(["Outturn\tBudget\tActual", "Staff\t£700,000 £690,000"])
        #expect(budgets.map(\.kind) == [.budget, .expenditure])
    }

    @Test func aCaptionNamesATableWithoutAHeadingRow() {
        var lines = outline(["Table 2 – Member contributions 2025/26", "North Council\t40%\t£400,000", "South Council\t60%\t£600,000"])
        lines[0].role = .heading
        let budgets = BudgetExtractor().extract(from: lines)
        #expect(budgets.map(\.kind) == [.contribution, .contribution])
        #expect(budgets.map(\.period) == ["2025/26", "2025/26"])
    }

    @Test func aSentenceOutsideAnyPartnershipSectionCanNameOne() {
        let budgets = extract(["The review led to a grant of £15,000 to the Riverside Food Partnership, paid in 2024/25.",
                               "The camera upgrade is funded at a cost of £86,000."])
        #expect(budgets.map(\.partnership) == ["Riverside Food Partnership", nil])
        #expect(BudgetExtractor.namedPartnership(in: "Both the Vale Alliance and the Hill Partnership gave £5.") == nil)
    }
}

extension BudgetExtractorTests {
    @Test func aMultiYearSentenceDatesNoOneYearButAnAttachedPeriodStillDoes() {
        let budgets = extract([
            "The plan shows a gap of £3.1m for 2026/27 and £9.4m over the four-year period.",
            "A gap of £9.4m was reported for the period from 2026/27 to 2029/30.",
            "By 2028/29 core spending will have grown by £6m.",
        ])
        #expect(budgets.map(\.period) == ["2026/27", nil, nil, nil])
    }

    @Test func aYearNamedRelativeToTheReportsDatesOnlyTheAmountNearIt() {
        let year = ReportYear(title: "Ashcombe Village Trust Annual Report 2024/25", meetingDate: nil)
        let budgets = BudgetExtractor().extract(from: outline([
            "Repairs cost £8,200 (up from £6,900 in the previous year).",
            "The grant rises next year by £1,000, a change agreed because the hall flooded last year.",
        ]), reportYear: year)
        #expect(budgets.map(\.period) == ["2024/25", "2023/24", "2025/26"])
    }

    @Test func aRateTakesNoReportYear() {
        let year = ReportYear(title: "Ashcombe Rents and Charges 2026/27", meetingDate: nil)
        let budgets = BudgetExtractor().extract(from: outline([
            "Garage rents rise to £14.60 per week.", "The garages bring in £310,000 of income.",
        ]), reportYear: year)
        #expect(budgets.map(\.period) == [nil, "2026/27"])
    }

    @Test func aTableCellTakesItsColumnsYearBeforeANotesCellsYear() {
        let budgets = extract([
            "Programme\tSavings 2025/26\tSavings 2026/27\tNotes",
            "Estates\t£0.4M\t£0.9M\tA review is planned for 2025/26.",
            "Income review\tTBC\tTBC\tNo target this year.",
            "\t\t\tagreed in quarter 3 to deliver in 2026/27.",
            "Total\t£0.4M\t£0.9M\t",
        ])
        #expect(budgets.map(\.period) == ["2025/26", "2026/27", "2025/26", "2026/27"])
        #expect(budgets.map(\.kind).allSatisfy { $0 == .saving })
    }
}

extension BudgetExtractorTests {
    @Test func aTableCaptionDatesItsTableNotTheParagraphsAfterIt() {
        let budgets = extract([
            "Table 4: Unspent developer contributions in 24/25",
            "Borough\tUnspent",
            "Ashcombe\t£3.2m",
            "The new bridge scheme has a £6.5m funding allocation.",
        ])
        #expect(budgets.map(\.period) == ["2024/25", nil])
    }
}

extension BudgetExtractorTests {
    @Test func aListOfRatesTakesNoReportYear() {
        let year = ReportYear(title: "Ashcombe Garage Charges 2026/27", meetingDate: nil)
        let budgets = BudgetExtractor().extract(from: outline(["A £1, £2 or £3 weekly rise is proposed."]), reportYear: year)
        #expect(budgets.map(\.period) == [nil, nil, nil])
    }
}

extension BudgetExtractorTests {
    @Test func justifiedProseSplitIntoCellsIsReadAsItsParagraph() {
        let budgets = extract([
            "12. There is\ta total\tof £4.5m\tallocated\tin the district’s\tcapital\tprogramme",
            "for the\trenewal of\tthe leisure\tcentre\tin 2025/26.",
        ])
        #expect(budgets.map(\.amount) == [4_500_000])
        #expect(budgets.map(\.kind) == [.allocation])
        #expect(budgets.map(\.period) == ["2025/26"])
        #expect(budgets.map(\.context) == [
            "There is a total of £4.5m allocated in the district’s capital programme for the renewal of the leisure centre in 2025/26.",
        ])
    }
}
