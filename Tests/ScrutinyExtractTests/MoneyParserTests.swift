import Testing
@testable import ScrutinyExtract

@Suite("MoneyParser")
struct MoneyParserTests {
    let parser = MoneyParser()

    func amounts(_ text: String) -> [Double] { parser.mentions(in: text).map(\.amount) }

    @Test func plainAmountsWithCommasAndPence() {
        #expect(amounts("It cost £1,234.56 in total.") == [1234.56])
        #expect(amounts("A grant of £400,000 and £4954 more.") == [400_000, 4954])
        #expect(amounts("£1,516,610 was spent") == [1_516_610])
    }

    @Test func unitsScaleTheNumber() {
        #expect(amounts("This payment was £1.312m") == [1_312_000])
        #expect(amounts("a budget of £6.8 million capital") == [6_800_000])
        #expect(amounts("Securing £12 m from the LEP") == [12_000_000])
        #expect(amounts("allocations of circa £20m in the area") == [20_000_000])
        #expect(amounts("a £1.2bn programme and £2 billion more") == [1_200_000_000, 2_000_000_000])
        #expect(amounts("a cut of £5k") == [5_000])
        #expect(amounts("half, £0.5m, went") == [500_000])
        #expect(amounts("£3 millions") == [3_000_000])
    }

    @Test func aLetterAfterASpaceIsNotAUnit() {
        #expect(amounts("£5 more than before") == [5])
        #expect(amounts("£12 members") == [12])
    }

    @Test func rawKeepsTheAmountAsPrinted() {
        let found = parser.mentions(in: "The figure was £6.8 million capital.")
        #expect(found.map(\.raw) == ["£6.8 million"])
        let text = "The figure was £6.8 million capital.".scalarText
        #expect(String(scalars: text[found[0].range]) == "£6.8 million")
    }

    @Test func spacesAndNonBreakingSpacesAfterThePoundSign() {
        #expect(amounts("about £ 5,000 was paid") == [5_000])
        #expect(amounts("about £\u{00A0}7,500 was paid") == [7_500])
        #expect(amounts("£12\u{00A0}m in total") == [12_000_000])
    }

    @Test func rangesAreTwoMentionsSharingTheUnit() {
        #expect(amounts("costs of £8-10m are likely") == [8_000_000, 10_000_000])
        #expect(amounts("between £5,000-£10,000 a year") == [5_000, 10_000])
        #expect(amounts("from £8m to £10m") == [8_000_000, 10_000_000])
        #expect(amounts("between £2 and £3m") == [2_000_000, 3_000_000])
        #expect(amounts("between £2m and £3m") == [2_000_000, 3_000_000])
        #expect(amounts("£1 to 2bn") == [1_000_000_000, 2_000_000_000])
    }

    @Test func aRangeEndWithoutItsOwnSignCarriesTheWholeRangeAsRaw() {
        let found = parser.mentions(in: "costs of £8-10m are likely")
        #expect(found.map(\.raw) == ["£8-10m", "£8-10m"])
        let both = parser.mentions(in: "from £8m to £10m")
        #expect(both.map(\.raw) == ["£8m", "£10m"])
    }

    @Test func toANumberOfThingsIsNoRange() {
        #expect(amounts("£5,000 to 10 schools") == [5_000])
        #expect(amounts("£17,000 in 2011/12 and £16,575 for 2012/13") == [17_000, 16_575])
    }

    @Test func negativesOnlyWherePrintedSo() {
        #expect(amounts("a variance of -£523k") == [-523_000])
        #expect(amounts("Net position (£1,000) overall") == [-1_000])
        #expect(amounts("a variance of –£2,500") == [-2_500])
        #expect(amounts("the balance was minus £300") == [-300])
        #expect(amounts("a deficit of £40,000") == [40_000])
        #expect(amounts("2013/14 – £5,000 was spent") == [5_000])
        #expect(amounts("(a budget of £6.8 million capital and £400,000 revenue)") == [6_800_000, 400_000])
    }

    @Test func parenthesisedNegativeKeepsBracketsInRaw() {
        #expect(parser.mentions(in: "Net (£1,000) overall").map(\.raw) == ["(£1,000)"])
    }

    @Test func numbersWithoutAPoundSignAreNotMoney() {
        #expect(amounts("a 1.2m population over 5 years") == [])
        #expect(amounts("In 2013/14 the rate rose 49% (call 01245 606572)") == [])
        #expect(amounts("a 50p charge") == [])
        #expect(amounts("the £ sign alone") == [])
    }

    @Test func thousandsColumnHeadingsAreNotAmounts() {
        #expect(amounts("Budget £000") == [])
        #expect(amounts("£000s") == [])
        #expect(amounts("£'000") == [])
    }

    @Test func qualifiersMakeAnAmountApproximate() {
        let approximate = ["circa £20m", "around £4954", "approximately £214,000", "about £5,000", "up to £1m",
                           "under £5,000", "over £2m", "in excess of £3m", "some £40,000", "nearly £1bn", "almost £6,000",
                           "c. £10,000", "approx. £5,000", "more than £800"]
        for text in approximate {
            #expect(parser.mentions(in: "It was \(text) in total.").first?.approximate == true, "\(text)")
        }
        #expect(parser.mentions(in: "It was £5,000 in total.").first?.approximate == false)
        #expect(parser.mentions(in: "The fee has reduced to under £5,000.").first?.approximate == true)
        #expect(parser.mentions(in: "costs of circa £8-10m").map(\.approximate) == [true, true])
    }

    @Test func rangesAreScalarOffsetsIntoTheText() {
        let text = "Paid £5k and £6k."
        let chars = text.scalarText
        let found = parser.mentions(in: text)
        #expect(found.map { String(scalars: chars[$0.range]) } == ["£5k", "£6k"])
    }

    @Test func scaledFigureReadsOnlyCellsThatAreOneFigure() {
        #expect(ScaledFigure.value(of: "2,460") == 2460)
        #expect(ScaledFigure.value(of: "(44)") == -44)
        #expect(ScaledFigure.value(of: "-1.5") == -1.5)
        #expect(ScaledFigure.value(of: "1,34") == nil)
        #expect(ScaledFigure.value(of: "2,460 5,115") == nil)
        #expect(ScaledFigure.value(of: "2025/26") == nil)
        #expect(ScaledFigure.value(of: "42%") == nil)
        #expect(ScaledFigure.factor(inHeading: "£000\nBudget") == 1_000)
        #expect(ScaledFigure.factor(inHeading: "£'000") == 1_000)
        #expect(ScaledFigure.factor(inHeading: "(£m)") == 1_000_000)
        #expect(ScaledFigure.factor(inHeading: "Budget") == nil)
        #expect(ScaledFigure.factor(inHeading: "£ per head") == nil)
    }
}

extension MoneyParserTests {
    func approximate(_ text: String) -> [Bool] { parser.mentions(in: text).map(\.approximate) }

    @Test func anEstimatedEarlierInTheClauseMakesTheAmountApproximate() {
        #expect(approximate("The estimated value of the cleaning contract for 2025/26 is £812,400.") == [true])
        #expect(approximate("Voids (estimated loss £2.1m) continue.") == [true])
        #expect(approximate("Funding is £3m higher than we had estimated in June for 2026/27.") == [false])
        #expect(approximate("It beat the business plan estimate of £96,000.") == [false])
    }

    @Test func aBoundAfterTheAmountMakesItApproximate() {
        #expect(approximate("Premises with a rateable value of £9,000 or less pay nothing.") == [true])
        #expect(approximate("Band E covers £90,001 and above.") == [true])
        #expect(approximate("It may need £6m+ of earmarked reserves.") == [true])
        #expect(approximate("Spending is forecast exceeding £40m this year.") == [true])
        #expect(approximate("The hall costs £40,000 and the car park £5,000.") == [false, false])
    }
}
