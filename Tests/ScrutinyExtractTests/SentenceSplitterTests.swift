import Testing
@testable import ScrutinyExtract

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    @Test func splitsAtStopsQuestionMarksAndExclamations() {
        #expect(splitter.sentences(in: "It rose. It fell? Then it stopped!  Done") == ["It rose.", "It fell?", "Then it stopped!", "Done"])
    }

    @Test func keepsAbbreviationsDecimalsAndInitialsInsideTheSentence() {
        #expect(splitter.sentences(in: "Costs, e.g. rent, were £1.2m in total. Next one.") == ["Costs, e.g. rent, were £1.2m in total.", "Next one."])
        #expect(splitter.sentences(in: "See item No. 4 of the list. Then stop.") == ["See item No. 4 of the list.", "Then stop."])
        #expect(splitter.sentences(in: "Signed by J. Smith and Cllr. Jones today. Agreed.") == ["Signed by J. Smith and Cllr. Jones today.", "Agreed."])
        #expect(splitter.sentences(in: "The ECC staff (i.e. the team) met. Fine.") == ["The ECC staff (i.e. the team) met.", "Fine."])
        #expect(splitter.sentences(in: "Item 2.1 says so. Yes.") == ["Item 2.1 says so.", "Yes."])
    }

    @Test func aLowerCaseWordAfterAStopDoesNotStartASentence() {
        #expect(splitter.sentences(in: "approx. five people came.") == ["approx. five people came."])
        #expect(splitter.sentences(in: "the etc. and so on.") == ["the etc. and so on."])
    }

    @Test func newlinesInsideATableCellEndSentences() {
        #expect(splitter.sentences(in: "First part\nSecond part") == ["First part", "Second part"])
    }

    @Test func closingQuotesAndBracketsStayWithTheirSentence() {
        #expect(splitter.sentences(in: "He said \"stop.\" Then left. (It ended.) Next.") == ["He said \"stop.\"", "Then left.", "(It ended.)", "Next."])
    }
}
