import Foundation
import ScrutinyCore
import Testing
@testable import ScrutinyIngest

@Suite struct TextReaderTests {
    @Test func formFeedsStartNewPagesAndTabsMakeCells() throws {
        let document = try TextReader().read(Data("Title here\r\nLegal:\tNone\n\u{0C}Second page\n".utf8))
        #expect(document.pages.count == 2)
        #expect(document.pages[0].lines.map(\.text) == ["Title here", "Legal:\tNone"])
        #expect(document.pages[0].lines[1].cells == ["Legal:", "None"])
        #expect(document.pages[0].lines[1].role == .tableRow)
        #expect(document.pages[1].lines.first?.number == 3)
    }

    @Test func blankTextIsEmpty() {
        #expect(throws: InputFailure(.empty, "the file has no text")) { try TextReader().read(Data(" \n\n".utf8)) }
    }

    @Test func bytesThatAreNotUTF8AreReadAsWindows1252() throws {
        // "£5m – café" in Windows-1252, with one valid UTF-8 "é" mixed in.
        var bytes: [UInt8] = [0xA3, 0x35, 0x6D, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x20]
        bytes += Array("é".utf8)
        let document = try TextReader().read(Data(bytes))
        #expect(document.pages[0].lines[0].text == "£5m – café é")
    }

    @Test func paragraphMarkupInsideACellBecomesLineBreaks() throws {
        let text = "<p>Review the register.</p> <p>Confirm repayment.</p>\t<p>Reviewed quarterly.</p>\n"
        let line = try #require(try TextReader().read(Data(text.utf8)).pages[0].lines.first)
        #expect(line.role == .tableRow)
        #expect(line.cells == ["Review the register.\nConfirm repayment.", "Reviewed quarterly."])
        #expect(line.text == "Review the register.\nConfirm repayment.\tReviewed quarterly.")
    }

    @Test func inlineBulletsInsideAListFragmentBecomeItems() throws {
        let text = "Finance covers:\tProvisions to: <ul style=\"list-style-type: none\"> • name a treasurer • move the funds</ul>\n"
        let line = try #require(try TextReader().read(Data(text.utf8)).pages[0].lines.first)
        #expect(line.cells == ["Finance covers:", "Provisions to:\n• name a treasurer\n• move the funds"])
    }

    @Test func listItemMarkupKeepsOneBulletGlyph() throws {
        let text = "<ul style=\"list-style-type: none\"><li>• Won an award</li><li>Held a week of events</li></ul>\n"
        let line = try #require(try TextReader().read(Data(text.utf8)).pages[0].lines.first)
        #expect(line.text == "• Won an award\nHeld a week of events")
    }

    @Test func boldMarkersAreRemovedAndAWhollyBoldLineIsBold() throws {
        let text = "**REPORT of\nTHE DIRECTOR**\n\nName: Alliance (MA)**Purpose:** to help.\n- (i) **Impact on Risk** – none.\n"
        let lines = try TextReader().read(Data(text.utf8)).pages[0].lines
        #expect(lines.map(\.text) == ["REPORT of", "THE DIRECTOR", "Name: Alliance (MA) Purpose: to help.", "- (i) Impact on Risk – none."])
        #expect(lines.map(\.isBold) == [true, true, false, false])
    }

    @Test func shortCapitalNumberedOrBoldLinesAreHeadings() throws {
        let text = """
        3. SUMMARY OF KEY ISSUES
        2. The current list
        MID-ESSEX ALLIANCE – MEMORANDUM
        **Background**
        3.1 In the changing landscape of the NHS there is a need.
        That the Council agrees to be a signatory.
        - working with our communities
        A short line without a stop
        14 October 2025
        """
        let lines = try TextReader().read(Data(text.utf8)).pages[0].lines
        #expect(lines.map(\.role) == [.heading, .heading, .heading, .heading, .listItem, .body, .listItem, .body, .body])
        #expect(lines.map(\.headingLevel) == [2, 2, 1, 1, nil, nil, nil, nil, nil])
    }

    @Test func repeatedPartnershipNameIsARunningHeaderAfterItsFirstUse() throws {
        let text = "Partnership name: Essex Waste Partnership\nIts purpose is waste.\nPartnership name: Essex Waste Partnership\nMore text.\n"
        let lines = try TextReader().read(Data(text.utf8)).pages[0].lines
        #expect(lines.map(\.role) == [.body, .body, .runningHeader, .body])
    }

    @Test func pageNumbersAndRepeatedFootersAcrossFormFeedsAreFurniture() throws {
        let text = "Council Report\nFirst page text here.\nPage 1 of 2\n\u{0C}Council Report\nSecond page text.\nPage 2 of 2\n"
        let document = try TextReader().read(Data(text.utf8))
        #expect(document.pages.map { $0.lines.map(\.role) } == [
            [.runningHeader, .body, .runningFooter], [.runningHeader, .body, .runningFooter],
        ])
    }
}
