import Foundation
import ScrutinyCore
import Testing
@testable import ScrutinyIngest

@Suite struct TextReaderTests {
    @Test func formFeedsStartNewPagesAndTabsMakeCells() throws {
        let document = try TextReader().read(Data("Title\r\nLegal:\tNone\n\u{0C}Second page\n".utf8))
        #expect(document.pages.count == 2)
        #expect(document.pages[0].lines.map(\.text) == ["Title", "Legal:\tNone"])
        #expect(document.pages[0].lines[1].cells == ["Legal:", "None"])
        #expect(document.pages[0].lines[1].role == .tableRow)
        #expect(document.pages[1].lines.first?.number == 3)
    }

    @Test func blankTextIsEmpty() {
        #expect(throws: InputFailure(.empty, "the file has no text")) { try TextReader().read(Data(" \n\n".utf8)) }
    }
}
