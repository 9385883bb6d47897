import Testing
@testable import ScrutinyExtract

@Suite("UK meeting dates")
struct UKDateParserTests {
    let parser = UKDateParser()

    @Test("day, month name and year in capitals", arguments: [
        ("14 MARCH 2019", "2019-03-14"),
        ("3 December 2020", "2020-12-03"),
    ])
    func dayMonthYear(_ text: String, _ iso: String) {
        #expect(parser.firstDate(in: text) == iso)
    }

    @Test func ordinalSuffixes() {
        #expect(parser.firstDate(in: "Meeting of 21st April 2022") == "2022-04-21")
        #expect(parser.firstDate(in: "2nd February 2016") == "2016-02-02")
    }

    @Test func weekdayAndCommas() {
        #expect(parser.firstDate(in: "Wednesday, 9th November, 2016") == "2016-11-09")
    }

    @Test func numericDatesAreDayFirst() {
        #expect(parser.firstDate(in: "Date: 05/04/2023") == "2023-04-05")
        #expect(parser.firstDate(in: "held 7.10.21") == "2021-10-07")
    }

    @Test func abbreviatedMonthAndMonthFirst() {
        #expect(parser.firstDate(in: "Sept 12 2018") == "2018-09-12")
        #expect(parser.firstDate(in: "1 Aug. 2017") == "2017-08-01")
    }

    @Test func impossibleDatesAreRejected() {
        #expect(parser.firstDate(in: "31 November 2020") == nil)
        #expect(parser.firstDate(in: "29 February 2019") == nil)
        #expect(parser.firstDate(in: "29 February 2020") == "2020-02-29")
        #expect(parser.firstDate(in: "13/13/2020") == nil)
    }

    @Test func theEarliestDateInTheTextWins() {
        #expect(parser.firstDate(in: "Report of 2 May 2019 on the meeting of 10/06/2019") == "2019-05-02")
    }

    @Test func textWithoutDatesGivesNil() {
        #expect(parser.firstDate(in: "Financial year 2019/20 and item 12") == nil)
    }
}
