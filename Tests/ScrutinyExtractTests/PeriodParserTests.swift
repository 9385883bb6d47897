import Testing
@testable import ScrutinyExtract

@Suite("PeriodParser")
struct PeriodParserTests {
    let parser = PeriodParser()

    @Test func printedFormsBecomeCanonical() {
        #expect(parser.periods(in: "in 2013/14").map(\.period) == ["2013/14"])
        #expect(parser.periods(in: "in 2013-14").map(\.period) == ["2013/14"])
        #expect(parser.periods(in: "in 2013–14").map(\.period) == ["2013/14"])
        #expect(parser.periods(in: "the work in 2013/2014").map(\.period) == ["2013/14"])
        #expect(parser.periods(in: "FY2024/25 plan").map(\.period) == ["2024/25"])
        #expect(parser.periods(in: "financial year 2013/14").map(\.period) == ["2013/14"])
        #expect(parser.periods(in: "1999/2000 accounts").map(\.period) == ["1999/00"])
        #expect(parser.canonical("2013/2014") == "2013/14")
    }

    @Test func yearsThatDoNotFollowAreNoPeriod() {
        #expect(parser.periods(in: "between 2013-15 and 2014/16").isEmpty)
        #expect(parser.periods(in: "July 2014 and 5-10 years").isEmpty)
        #expect(parser.periods(in: "ref 12013/14 or 2013/14/15").isEmpty)
        #expect(parser.periods(in: "£2013/14").isEmpty)
    }

    @Test func temporalPeriodsAreThoseIntroducedAsATime() {
        #expect(parser.periods(in: "achievements in 2013/14").first?.isTemporal == true)
        #expect(parser.periods(in: "budget for 2013/14?").first?.isTemporal == true)
        #expect(parser.periods(in: "during the financial year 2013/14").first?.isTemporal == true)
        #expect(parser.periods(in: "FY2013/14").first?.isTemporal == true)
        #expect(parser.periods(in: "outstanding 2012/13 recommendations").first?.isTemporal == false)
    }

    @Test func rangesPointAtThePrintedPeriod() {
        let text = "spent in FY2024/25 only".scalarText
        let found = parser.periods(in: text)
        #expect(found.map { String(scalars: text[$0.range]) } == ["FY2024/25"])
    }
}

extension PeriodParserTests {
    @Test func aRunOfYearsMarksBothEndsAsASpan() {
        let found = parser.periods(in: "a gap of £84m over 2026/27 to 2029/30, and £5m in 2025/26")
        #expect(found.map(\.isSpan) == [true, true, false])
        #expect(found.map(\.datesOneYear) == [nil, nil, "2025/26"])
    }

    @Test func anEndPointDatesNoOneYear() {
        let found = parser.periods(in: "grown by £12m by 2028/29")
        #expect(found.map(\.isEndPoint) == [true])
        #expect(found.map(\.datesOneYear) == [nil])
    }

    @Test func aPeriodBrokenAfterItsDashIsRead() {
        #expect(parser.periods(in: "with £7.7m for 2026- 27.").map(\.period) == ["2026/27"])
    }
}

extension PeriodParserTests {
    @Test func twoDigitYearsWithASlashAreAFinancialYear() {
        #expect(parser.periods(in: "the statement for 23/24 shows").map(\.period) == ["2023/24"])
        #expect(parser.periods(in: "signed 12/03/24 and 1/2 of it").map(\.period) == [])
        #expect(parser.periods(in: "scored 12/14 in the audit").map(\.period) == [])
    }
}
