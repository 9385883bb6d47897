import Testing
@testable import ScrutinyExtract

@Suite("Title case for ALL CAPS headings")
struct TitleCaserTests {
    @Test func smallWordsStayLowerExceptFirst() {
        #expect(TitleCaser().titleCase("THE FUTURE OF THE TOWN CENTRE AND ITS MARKETS") == "The Future of the Town Centre and Its Markets")
    }

    @Test func hyphenatedAndBracketedPartsAreCapitalised() {
        #expect(TitleCaser().titleCase("NORTH-WEST FLOOD BOARD (SPECIAL)") == "North-West Flood Board (Special)")
    }

    @Test func knownAcronymsAndVowellessWordsStayUpper() {
        let caser = TitleCaser(acronyms: ["LEP"])
        #expect(caser.titleCase("LEP FUNDING FOR CCTV") == "LEP Funding for CCTV")
    }

    @Test func mixedCaseTextIsLeftAlone() {
        #expect(TitleCaser().titleCaseIfAllCaps("Review of Leisure Services") == "Review of Leisure Services")
        #expect(TitleCaser.isAllCaps("PLANNING COMMITTEE"))
        #expect(!TitleCaser.isAllCaps("Planning Committee"))
    }
}
