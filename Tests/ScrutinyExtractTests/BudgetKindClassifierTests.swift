import Testing
import ScrutinyCore
@testable import ScrutinyExtract

@Suite("BudgetKindClassifier")
struct BudgetKindClassifierTests {
    /// The kind of the `nth` amount in `sentence`.
    func kind(_ sentence: String, _ nth: Int = 0) -> BudgetKind? {
        let chars = sentence.scalarText
        let mentions = MoneyParser().mentions(in: chars)
        return BudgetKindClassifier().kind(in: chars, target: mentions[nth].range, amounts: mentions.map(\.range))
    }

    @Test func nearestClauseWinsOverWordsElsewhereInTheSentence() {
        let s = "Grant money available for allocation reached £90,000 (the panel agreed an allocation of £30,000 with the sum of £20,000 being held in reserve for later bids)."
        #expect(kind(s, 0) == .funding)
        #expect(kind(s, 1) == .allocation)
        #expect(kind(s, 2) == .reserve)
    }

    @Test func purposeCueGivesWayToTheThingItself() {
        #expect(kind("Funding available for allocation this year was £40,000.") == .funding)
        #expect(kind("The total recommended for allocation in May was £9,000.") == .allocation)
    }

    @Test func coordinatedAmountsShareTheirCue() {
        let s = "Members pay a yearly fee, which came to £3,000 in 2019/20 and £2,900 for 2020/21 and £2,800 in 2021/22."
        #expect(kind(s, 0) == .contribution)
        #expect(kind(s, 1) == .contribution)
        #expect(kind(s, 2) == .contribution)
    }

    @Test func expenditureIncomeAndSurplusInOneSentence() {
        let s = "In the year the service spent £900,000 and its income was £1,000,000, resulting in a surplus of £100,000."
        #expect(kind(s, 0) == .expenditure)
        #expect(kind(s, 1) == .income)
        #expect(kind(s, 2) == .surplus)
    }

    @Test func cueJustAfterTheAmountCounts() {
        #expect(kind("- £75,000 reserve kept.") == .reserve)
        #expect(kind("- £40,000 road funding allocated in the year.") == .funding)
        #expect(kind("The shared pot held £12,500 at the end of March.") == .budget)
    }

    @Test func revenueAsAnAdjectiveIsNotIncome() {
        #expect(kind("A budget of £2 million capital and £150,000 revenue.", 1) == .budget)
        #expect(kind("Ticket revenue of £8,000 came in.") == .income)
    }

    @Test func deficitSavingPaymentAndNoCue() {
        #expect(kind("The trust reported a deficit of £523k.") == .deficit)
        #expect(kind("Shared procurement delivered savings of £60,000.") == .saving)
        #expect(kind("This year the payment was £1.1m.") == .payment)
        #expect(kind("The figure quoted was £4,000.") == nil)
    }
}
extension BudgetKindClassifierTests {
    @Test func parenthesisAfterAnAmountEndsTheClause() {
        let s = "Money available for allocation amounted to £60,000 (total recommended for allocation on 2 May 2020 was £15,000)."
        #expect(kind(s, 0) == .allocation)
        #expect(kind(s, 1) == .allocation)
        #expect(kind("Funding of £50,000 (recommended for allocation in May was £10,000).", 1) == .allocation)
    }

    @Test func listOfAmountsKeepsTheCueBeforeIt() {
        let s = "The grants awarded were £5,000, £6,000 and £7,000."
        #expect(kind(s, 1) == .funding)
        #expect(kind(s, 2) == .funding)
    }

    @Test func moneyThatCameFromSomewhereIsFunding() {
        let s = "The scheme cost £500,000, of which £300,000 came from the national lottery and the rest from members."
        #expect(kind(s, 0) == .expenditure)
        #expect(kind(s, 1) == .funding)
    }
}

extension BudgetKindClassifierTests {
    @Test func variancesWithADirectionAreDeficitsOrSurplusesAndPlainOnesOther() {
        #expect(kind("The service shows an adverse variance of £1.4m at quarter 2.") == .deficit)
        #expect(kind("Waste collection reports a favourable variance of £0.3m.") == .surplus)
        #expect(kind("A net variance of £12,000 remains, an improvement of £4,000 on quarter 1.", 1) == .other)
    }

    @Test func underspendIsASurplusAsTheContractMaps() {
        #expect(kind("Vacant posts produce an underspend of £25,000.") == .surplus)
        #expect(kind("Leisure is forecast to underspend by £8,000.") == .surplus)
    }

    @Test func theNounAfterACueSaysWhatTheMoneyIs() {
        #expect(kind("The plan shows a funding gap of £6.1m by the third year.") == .deficit)
        #expect(kind("The parish expects grant income of £3,500.") == .income)
        #expect(kind("Care services face cost pressures of £900,000.") == .deficit)
    }

    @Test func aNounJoinedByOfOrInAfterTheAmountGivesItsKind() {
        let s = "The forecast is an overspend of £2.4m after the use of £0.8m of reserves."
        #expect(kind(s, 0) == .deficit)
        #expect(kind(s, 1) == .reserve)
        #expect(kind("Only £0.3m in savings will be delivered this year.") == .saving)
    }

    @Test func aRatePerUnitIsAPriceNotATotal() {
        #expect(kind("Garage rents rise by £1.20 to £14.60 per week.", 1) == .other)
        #expect(kind("The concession is £3 pw for older tenants.") == .other)
        #expect(kind("The site earns £40,000 per annum in rent income.") != .other)
    }

    @Test func budgetMeasuredAgainstOrNamedAsAPurposeGivesWay() {
        #expect(kind("Parking shows an income shortfall against budget of £75,000.") == .deficit)
        #expect(kind("The planned contribution to reserves of £50,000 is deferred.") == .contribution)
        #expect(kind("These savings proposals represent a total value of £1.1m.") == .saving)
    }
}

extension BudgetKindClassifierTests {
    @Test func aShortFormInParenthesesEndsNoClause() {
        #expect(kind("There are overspends in Temporary Accommodation (TA) budgets of £2.2m.") == .deficit)
    }

    @Test func aPhraseNamedAsAPurposeGivesWayToo() {
        #expect(kind("The lower revenue contribution to the capital programme (£3.5m) is needed.") == .contribution)
    }

    @Test func anAmountLessOrMoreThanAnotherIsAnOtherFigure() {
        #expect(kind("The district now has £40m a year less to spend on services.") == .other)
        #expect(kind("The outturn came in £2m lower than forecast.") == .other)
        #expect(kind("Receipts came in £2m lower than forecast.") == .income)
        #expect(kind("The settlement gives £1m more funding than last year.") == .funding)
    }
}

extension BudgetKindClassifierTests {
    @Test func toWeakensOnlyACueNamingWhereMoneyGoes() {
        #expect(kind("The 2026/27 budget relies on being able to save £2m through shared services.") == .saving)
        #expect(kind("A reduction in borrowing (£0.6m), as a result of extra grant funding.") == .other)
    }
}

extension BudgetKindClassifierTests {
    @Test func aNounJoinedAfterTheAmountWinsATieWithAVerbBeforeIt() {
        #expect(kind("The district expects to receive a total of £1.2m in further contributions from partners.") == .contribution)
        #expect(kind("A total of £3m will be provided towards the new bus station.") == .funding)
    }
}

extension BudgetKindClassifierTests {
    @Test func moneyApprovedForAPurposeIsAnAllocationButAnApprovedBudgetABudget() {
        #expect(kind("Cabinet approved £250,000 for the new play area.") == .allocation)
        #expect(kind("The approved budget of £4.2m stands.") == .budget)
    }
}

extension BudgetKindClassifierTests {
    @Test func aListOfAmountsSharesTheRateAfterItsLast() {
        let s = "A £1, £2 or £3 weekly rise would raise £0.6m, £1.2m or £1.8m of income."
        #expect((0...2).map { kind(s, $0) } == [.other, .other, .other])
        #expect(kind(s, 3) == .income)
    }
}

extension BudgetKindClassifierTests {
    /// The kinds of every amount in `sentence`, read together as the extractor reads them.
    func kinds(_ sentence: String) -> [BudgetKind?] {
        let chars = sentence.scalarText
        return BudgetKindClassifier().kinds(in: chars, amounts: MoneyParser().mentions(in: chars).map(\.range))
    }

    @Test func aPartNamedAfterWithIsWhatTheWholeIs() {
        #expect(kinds("New savings of £9.2m have been approved over the plan, with £4.1m for 2026/27.") == [.saving, .saving])
    }
}

extension BudgetKindClassifierTests {
    @Test func anAmountRestatingAShareIsWhatTheShareIsNotItsBase() {
        #expect(kind("The plan raises general balances to 5% of net budget requirement (about £8m) by 2028.") == .reserve)
        #expect(kind("Savings worth 3 per cent of gross expenditure (£2.4m) are needed.") == .saving)
        // No percentage before the parenthesis: the nearest cue still decides.
        #expect(kind("The scheme was paid for from the capital expenditure line (£1.1m).") == .expenditure)
    }
}
