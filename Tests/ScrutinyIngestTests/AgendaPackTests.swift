import Testing
import ScrutinyCore
@testable import ScrutinyIngest

/// Agenda packs found by their shape: a front sheet, items stamped "Agenda Item N" on their
/// first page, blank pages and a distribution list at the end. Fictional pages only.
@Suite("Agenda packs")
struct AgendaPackTests {
    static func page(_ number: Int, _ texts: [String], footer: String? = nil) -> SourcePage {
        var lines = texts.enumerated().map { index, text in
            SourceLine(number: index + 1, text: text, cells: text.components(separatedBy: " | "),
                       role: text.contains(" | ") ? .tableRow : .body)
        }
        if let footer { lines.append(SourceLine(number: lines.count + 1, text: footer, role: .runningFooter)) }
        return SourcePage(number: number, lines: lines)
    }

    static func document(_ pages: [SourcePage]) -> SourceDocument { SourceDocument(format: .pdf, pages: pages) }

    static let pack = document([
        page(1, ["Open Agenda", "Harbour Scrutiny Panel", "Thursday 4 June 2026", "1. Apologies", "2. Minutes", "3. Ferry fares"]),
        page(2, ["Open Agenda | Agenda Item 2", "MINUTES of the Harbour Scrutiny Panel held on 2 April 2026", "Present: Councillors"]),
        page(3, ["3", "The panel noted the update."], footer: "Harbour Scrutiny Panel - 2 April 2026"),
        page(4, []),
        page(5, ["A g e n d a", "I t e m 3", "Ferry Fares Review", "Recommendations", "1. That the panel notes the review."]),
        page(6, ["Appendix 1", "Meeting Name: | Harbour Scrutiny Panel", "Fares in other ports"]),
        page(7, ["This page is intentionally left blank"]),
        page(8, ["HARBOUR SCRUTINY PANEL AGENDA DISTRIBUTION LIST (OPEN)", "Name | No of copies"]),
    ])

    @Test("each stamped item runs from its stamp to the next, the front sheet and the closing pages belong to none")
    func stampedItemsAreFoundAtTheirPages() {
        let items = AgendaPack().items(of: Self.pack)
        #expect(items.map { [$0.firstPage, $0.lastPage] } == [[2, 3], [5, 6]], "a blank page between items and the closing pages are dropped")
        #expect(items.map(\.agendaItem) == ["2", "3"])
        #expect(items.map(\.kind) == [.minutes, .report])
        #expect(items.map(\.index) == [1, 2])
        #expect(items[1].evidence.contains("page 5"))
    }

    @Test("a single report stamped on its first page, with appendices and repeated cover-like tables, is not split")
    func aSingleStampedReportIsNoPack() {
        let report = Self.document([
            Self.page(1, ["Agenda Item 6", "Meeting Name: | Cabinet", "Report title: | Library Opening Hours"]),
            Self.page(2, ["Agenda Item 6", "2. The libraries open six days a week."]),
            Self.page(3, ["Appendix A", "Meeting Name: | Cabinet", "Report title: | Library Opening Hours: survey"]),
        ])
        #expect(AgendaPack().items(of: report).isEmpty)
        let plain = Self.document([Self.page(1, ["Report to Cabinet", "Item 6"]), Self.page(2, ["The agenda item 6 was deferred."])])
        #expect(AgendaPack().items(of: plain).isEmpty, "a sentence naming an agenda item is no stamp")
    }

    @Test("letter-spaced stamps read as words")
    func letterSpacingIsClosed() {
        #expect(AgendaPack.closingLetterSpacing("A g e n d a  I t e m  1 2") == "Agenda Item 12")
        #expect(AgendaPack.closingLetterSpacing("I t e m 5") == "Item 5")
        #expect(AgendaPack.closingLetterSpacing("Ferry Fares Review") == "Ferry Fares Review")
    }
}
