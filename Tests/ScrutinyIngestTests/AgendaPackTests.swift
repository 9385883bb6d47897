import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyIngest

/// Agenda packs found by their shape: a front sheet, items stamped "Agenda Item N" on their
/// first page or told apart by their bookmarks, covers, listed titles and page numbers, blank
/// pages and a distribution list at the end. Fictional pages only.
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

    static func document(_ pages: [SourcePage], outline: [OutlineEntry] = []) -> SourceDocument {
        SourceDocument(format: .pdf, pages: pages, outline: outline)
    }

    static func pages(_ items: [PackItem]) -> [[Int]] { items.map { [$0.firstPage, $0.lastPage] } }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/pack")

    /// A one-page front sheet: the agenda heading, the meeting, its numbered items, its members and contact.
    static let frontSheet = page(1, [
        "Agenda", "Harbour Scrutiny Panel", "Thursday 4 June 2026 at 10.00 am, Harbour Office, Wharf Road, Pellowan",
        "Members: Councillor Nia Trevose (Chair), Councillor Aled Morcom, Councillor Jory Penrose",
        "1. Apologies for absence", "2. Declarations of interest", "3. Minutes of the meeting held on 2 April 2026",
        "4. Ferry Fares Review", "5. Slipway Repairs Programme", "6. Moorings Waiting List Policy",
        "Contact: Cerys Angove, Democratic Services, 01632 960733",
    ])

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
        #expect(Self.pages(items) == [[2, 3], [5, 6]], "a blank page between items and the closing pages are dropped")
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
        #expect(ItemStamp.closingLetterSpacing("A g e n d a  I t e m  1 2") == "Agenda Item 12")
        #expect(ItemStamp.closingLetterSpacing("I t e m 5") == "Item 5")
        #expect(ItemStamp.closingLetterSpacing("Ferry Fares Review") == "Ferry Fares Review")
    }

    // MARK: - Unstamped packs

    @Test("after a front sheet, an unstamped item starts where the printed page numbers start again at 1")
    func restartingPageNumbersStartItems() {
        let pack = Self.document([
            Self.frontSheet,
            Self.page(2, ["Winter ferry timetable", "The harbour ferry runs hourly from April to October."], footer: "1"),
            Self.page(3, ["Fewer crossings are proposed for the winter months."], footer: "2"),
            Self.page(4, ["Pontoon inspection results", "Divers inspected the pontoons in March."], footer: "Page 1 of 3"),
            Self.page(5, ["Two pontoons need new chains."], footer: "Page 2 of 3"),
            Self.page(6, ["The work can be done in September."], footer: "Page 3 of 3"),
            Self.page(7, ["Harbour dues benchmarking", "Dues at four other ports were compared."]),
            Self.page(8, ["Pellowan's dues are the second lowest."], footer: "2"),
        ])
        let items = AgendaPack().items(of: pack)
        #expect(Self.pages(items) == [[2, 3], [4, 6], [7, 8]])
        #expect(items[0].evidence.contains("front sheet"))
        #expect(items[1].evidence.contains("starts again"), "\(items[1].evidence)")
        #expect(items[2].evidence.contains("starts again"), "an unnumbered first page before a page 2: \(items[2].evidence)")
        #expect(items.map(\.agendaItem) == [nil, nil, nil], "no stamp, bookmark or listed title gives a number")
    }

    @Test("page numbers running on keep a page in its item, even one that looks like a report's cover")
    func runningPageNumbersKeepAnAnnexedReportInItsItem() {
        let pack = Self.document([
            Self.frontSheet,
            Self.page(2, ["Report to: | Harbour Scrutiny Panel", "Date of meeting: | 4 June 2026", "Subject: | Ferry Fares Review",
                          "Report of: | Head of Harbour Services"], footer: "page 1"),
            Self.page(3, ["The earlier report is annexed for reference."], footer: "page 2"),
            Self.page(4, ["Report to: | Harbour Board", "Date of meeting: | 3 March 2025", "Subject: | Ferry Fares Review 2025",
                          "Report of: | Head of Harbour Services"], footer: "page 3"),
            Self.page(5, ["That report proposed no change."], footer: "page 4"),
        ])
        #expect(Self.pages(AgendaPack().items(of: pack)) == [[2, 5]])
    }

    @Test("after a front sheet, a report's cover starts an item: a label table, a by-line over its recommendations, labelled lines")
    func coverBlocksStartItems() {
        let pack = Self.document([
            Self.frontSheet,
            Self.page(2, ["Report to: | Harbour Scrutiny Panel", "Date of meeting: | 4 June 2026", "Report of: | Head of Harbour Services",
                          "Subject: | Ferry Fares Review", "1. Recommendations"]),
            Self.page(3, ["2. Fares were last changed in April 2024."]),
            Self.page(4, ["Slipway Repairs Programme", "Report of the Harbour Engineer", "1. Purpose of the report",
                          "1.1 To set out the repairs planned for 2026-27."]),
            Self.page(5, ["Contact officer: Morwenna Tregear, Harbour Engineer"]),
            Self.page(6, ["HARBOUR SCRUTINY PANEL 4 JUNE 2026", "Report title: Moorings Waiting List Policy", "Wards: Harbourside",
                          "Portfolio: Cabinet Member for the Harbour: Councillor Jory Penrose", "Summary"]),
            Self.page(7, ["The waiting list has 212 names on it."]),
        ])
        let items = AgendaPack().items(of: pack)
        #expect(Self.pages(items) == [[2, 3], [4, 5], [6, 7]])
        #expect(items[1].evidence.contains("by-line"), "\(items[1].evidence)")
        #expect(items[2].evidence.contains("report title"), "\(items[2].evidence)")
    }

    @Test("after a front sheet, a page whose top prints a listed item's title starts that item, with its number")
    func listedTitlesStartItems() {
        let pack = Self.document([
            Self.frontSheet,
            Self.page(2, ["FERRY FARES REVIEW", "The ferry's fares were last changed in April 2024."]),
            Self.page(3, ["Ferry Fares Review", "Fares at other ports are set out below."]),
            Self.page(4, ["Moorings Waiting List Policy", "The waiting list has 212 names on it."]),
        ])
        let items = AgendaPack().items(of: pack)
        #expect(Self.pages(items) == [[2, 3], [4, 4]], "the item's own title again is no new item")
        #expect(items.map(\.agendaItem) == ["4", "6"])
        #expect(items[1].evidence.contains("listed item 6"))
    }

    @Test("a listed title at a page's top is no new item where the item's first page prints it further down")
    func anItemsOwnTitleLowerOnItsFirstPageKeepsItsPages() {
        let opening = ["Harbour Services", "Head of Harbour Services", "4 June 2026", "Open", "Harbourside ward", "Not a key decision",
                       "Contact: Morwenna Tregear", "Summary", "Ferry Fares Review", "The fares were last changed in April 2024."]
        let pack = Self.document([
            Self.frontSheet,
            Self.page(2, opening),
            Self.page(3, ["Ferry Fares Review", "Appendix to the summary: fares at other ports."]),
        ])
        #expect(Self.pages(AgendaPack().items(of: pack)) == [[2, 3]])
    }

    @Test("an appendix the report names stays with it, even with a cover table and its own page 1; one it never names may start an item")
    func namedAppendicesStayWithTheirReport() {
        let pack = Self.document([
            Self.frontSheet,
            Self.page(2, ["Report to: | Harbour Scrutiny Panel", "Subject: | Ferry Fares Review", "Report of: | Head of Harbour Services",
                          "The fares proposed are in Appendix A."], footer: "1"),
            Self.page(3, ["Background papers: none."], footer: "2"),
            Self.page(4, ["Appendix A", "Report to: | Harbour Board", "Subject: | Ferry fares survey", "Report of: | Harbour Office"],
                      footer: "1"),
            Self.page(5, ["Most of those asked wanted a winter rate."], footer: "2"),
            Self.page(6, ["Annex 1", "Summary of dues at other ports"]),
        ])
        let items = AgendaPack().items(of: pack)
        #expect(Self.pages(items) == [[2, 5], [6, 6]], "an unnamed annex without a page number, after a numbered page")
        #expect(items[1].evidence.contains("never names"), "\(items[1].evidence)")
    }

    @Test("a page that continues a sentence never starts an item")
    func aContinuedSentenceKeepsItsPage() {
        let pack = Self.document([
            Self.frontSheet,
            Self.page(2, ["Ferry timetable", "The ferry will run hourly"], footer: "3"),
            Self.page(3, ["from April to October, and every two hours in winter."], footer: "1"),
        ])
        #expect(Self.pages(AgendaPack().items(of: pack)) == [[2, 3]])
    }

    @Test("blank pages between unstamped items and a closing distribution list belong to no item")
    func blankPagesAndTheDistributionListBelongToNoItem() {
        let pack = Self.document([
            Self.frontSheet,
            Self.page(2, ["Report to: | Harbour Scrutiny Panel", "Subject: | Ferry Fares Review", "Date: | 4 June 2026"]),
            Self.page(3, ["This page is intentionally left blank"]),
            Self.page(4, ["Report to: | Harbour Scrutiny Panel", "Subject: | Slipway Repairs Programme", "Date: | 4 June 2026"]),
            Self.page(5, []),
            Self.page(6, ["Distribution list", "Name | No of copies"]),
        ])
        #expect(Self.pages(AgendaPack().items(of: pack)) == [[2, 2], [4, 4]])
    }

    @Test("without a front sheet, covers and page numbers never split a file: a single report with appendices is one")
    func withoutAFrontSheetNothingIsSplit() {
        let report = Self.document([
            Self.page(1, ["Report to: | Cabinet", "Date of meeting: | 9 July 2026", "Subject: | Library Opening Hours",
                          "Report of: | Director of Communities"], footer: "1"),
            Self.page(2, ["Background papers: none.", "Appendices: Appendix A - survey results"], footer: "2"),
            Self.page(3, ["Appendix A", "Report to: | Libraries Board", "Date of meeting: | 2 June 2026", "Subject: | Survey results",
                          "Report of: | Head of Libraries"], footer: "1"),
            Self.page(4, ["Minutes of the Libraries Board held on 2 June 2026", "Present: Councillors"], footer: "1"),
        ])
        #expect(AgendaPack().items(of: report).isEmpty)
    }

    @Test("minutes open with their agenda's procedural items but are no front sheet")
    func minutesAreNoFrontSheet() {
        let minutes = Self.document([
            Self.page(1, ["MINUTES of the Harbour Scrutiny Panel held on Thursday 2 April 2026 at 10.00 am", "Present: Councillor Nia Trevose",
                          "1. Apologies for absence", "2. Declarations of interest", "3. Ferry Fares Review", "Agenda"]),
            Self.page(2, ["Report to: | Harbour Scrutiny Panel", "Subject: | Ferry Fares Review", "Date: | 2 April 2026"]),
        ])
        #expect(FrontSheet.find(in: minutes) == nil)
        #expect(AgendaPack().items(of: minutes).isEmpty)
    }

    // MARK: - Outlines

    @Test("a pack's bookmarks after the agenda's are its items, to the page before the next bookmark")
    func bookmarksAreItems() {
        let pack = Self.document([
            Self.frontSheet,
            Self.page(2, ["Ferry fares: the case for a winter rate"]),
            Self.page(3, ["Fares at other ports"]),
            Self.page(4, ["Slipway repairs"]),
            Self.page(5, ["Costs"]),
            Self.page(6, ["Distribution list"]),
        ], outline: [
            OutlineEntry(title: "Agenda", page: 1), OutlineEntry(title: "4 Ferry Fares Review", page: 2),
            OutlineEntry(title: "Appendix A", page: 3, depth: 1), OutlineEntry(title: "5 Slipway Repairs", page: 4),
            OutlineEntry(title: " ", page: 6),
        ])
        let items = AgendaPack().items(of: pack)
        #expect(Self.pages(items) == [[2, 3], [4, 5]])
        #expect(items.map(\.agendaItem) == ["4", "5"])
        #expect(items[0].evidence.contains("bookmark '4 Ferry Fares Review'"))
    }

    @Test("a single report's own bookmarks never split it: sections, an appendix, a first bookmark naming its agenda item")
    func aReportsOwnBookmarksAreNoItems() {
        let pages = [
            Self.page(1, ["Agenda Item 6: Library Opening Hours", "Report to: | Cabinet", "Subject: | Library Opening Hours"]),
            Self.page(2, ["2 Background"]),
            Self.page(3, ["Appendix A: Proposed opening hours"]),
        ]
        for outline in [
            [OutlineEntry(title: "Report to Cabinet", page: 1), OutlineEntry(title: "1 Introduction", page: 1),
             OutlineEntry(title: "2 Background", page: 2), OutlineEntry(title: "Appendix A", page: 3)],
            [OutlineEntry(title: "Agenda Item 6: Library Opening Hours", page: 1), OutlineEntry(title: "Appendix A", page: 3)],
            [OutlineEntry(title: "   5 September 2026", page: 1), OutlineEntry(title: "22 March 2026", page: 2)],
        ] {
            #expect(AgendaPack().items(of: Self.document(pages, outline: outline)).isEmpty, "\(outline.map(\.title))")
        }
    }

    @Test("bookmarks that do not start at the first page after the front sheet are some report's, and the pages decide")
    func bookmarksOfOneBoundReportAreIgnored() {
        let pack = Self.document([
            Self.frontSheet,
            Self.page(2, ["Report to: | Harbour Scrutiny Panel", "Subject: | Ferry Fares Review", "Date: | 4 June 2026"]),
            Self.page(3, ["Report to: | Harbour Scrutiny Panel", "Subject: | Slipway Repairs Programme", "Date: | 4 June 2026"]),
            Self.page(4, ["2 Costs"]),
        ], outline: [OutlineEntry(title: "1 Purpose", page: 3), OutlineEntry(title: "2 Costs", page: 4)])
        #expect(Self.pages(AgendaPack().items(of: pack)) == [[2, 2], [3, 4]])
    }

    @Test("a PDF's bookmarks are read with their pages, and a pack's are its items")
    func pdfOutlinesAreRead() throws {
        let pack = try DocumentIngester().ingest(path: Self.fixtures.appendingPathComponent("outlined-pack.pdf").path)
        #expect(pack.outline.filter { $0.depth == 0 }.map(\.title) == ["Agenda", "2 Minutes", "3 Ferry Fares Review", "4 Slipway Repairs"])
        #expect(pack.outline.filter { $0.depth == 0 }.map(\.page) == [1, 2, 3, 5])
        #expect(pack.outline.contains { $0.depth == 1 && $0.title.hasPrefix("Appendix A") && $0.page == 4 })
        let items = pack.items
        #expect(items == AgendaPack().items(of: pack))
        #expect(Self.pages(items) == [[2, 2], [3, 4], [5, 5]])
        #expect(items.map(\.agendaItem) == ["2", "3", "4"])
        #expect(items.map(\.kind) == [.minutes, .report, .report])

        let report = try DocumentIngester().ingest(path: Self.fixtures.appendingPathComponent("single-report-outlined.pdf").path)
        #expect(report.outline.count >= 4)
        #expect(report.items.isEmpty && AgendaPack().items(of: report).isEmpty)
        let text = try DocumentIngester().ingest(data: Data("Agenda\n1. Apologies\n".utf8), path: "agenda.txt")
        #expect(text.outline.isEmpty)
    }

    // MARK: - Evidence types

    @Test("front sheets are found with their pages and listed items: a two-page agenda, a summons, a notice without the word agenda")
    func frontSheetFixturesAreFound() throws {
        let modernGov = try DocumentIngester().ingest(path: Self.fixtures.appendingPathComponent("front-sheet-moderngov.pdf").path)
        let sheet = try #require(FrontSheet.find(in: modernGov))
        #expect(sheet.lastPage == 1, "its notes page is part of it")
        #expect(sheet.items.map(\.number) == (1...9).map(String.init))
        #expect(sheet.items[3].title == "Riverside Footbridge Maintenance Contract")
        #expect(sheet.items.filter(\.isProcedural).map(\.number) == ["1", "2", "3", "9"])
        let summons = try DocumentIngester().ingest(path: Self.fixtures.appendingPathComponent("front-sheet-summons.pdf").path)
        let notice = try #require(FrontSheet.find(in: SourceDocument(format: .pdf, pages: summons.pages + [Self.page(2, ["Report"])])))
        #expect(notice.lastPage == 0)
        #expect(notice.items.count == 9, "items run together on one line are cut apart: \(notice.items.map(\.title))")
        let cmis = try DocumentIngester().ingest(path: Self.fixtures.appendingPathComponent("front-sheet-cmis.pdf").path)
        let business = try #require(FrontSheet.find(in: SourceDocument(format: .pdf, pages: cmis.pages + [Self.page(2, ["Report"])])))
        #expect(business.items.map(\.number) == (1...8).map(String.init), "numbers in a cell of their own")
        #expect(business.items[4].title == "Street Trading Policy Review")
    }

    @Test("printed page numbers are read in their usual forms, and other numbers are not")
    func pageNumberForms() {
        for (text, number) in [("3", 3), ("- 3 -", 3), ("Page 3", 3), ("Page 3 of 12", 3), ("3 of 12", 3), ("3/12", 3),
                               ("Item 10 – Page 3", 3), ("page 14", 14), ("1 4", 14), ("[7]", 7)] {
            #expect(PrintedPageNumber.number(in: text) == number, "\(text)")
        }
        for text in ["2026", "24.", "Page of 6", "paragraph 3 of the report sets out", "£3", "3 September", "12/3"] {
            #expect(PrintedPageNumber.number(in: text) == nil, "\(text)")
        }
    }

    @Test("appendix labels are read at a page's top and found named in a report's text")
    func appendixLabels() {
        let label = AppendixLabel.atTop(of: Self.page(1, ["Options appraisal APPENDIX 1", "Option | Cost"]))
        #expect(label == AppendixLabel(word: "appendix", label: "1"))
        #expect(AppendixLabel.atTop(of: Self.page(1, ["ANNEX II: Dues"]))?.label == "2")
        #expect(AppendixLabel.atTop(of: Self.page(1, ["Appendices", "Appendix A - survey"])) == nil, "a list of appendices is no label")
        let lines = [SourceLine(number: 1, text: "The results are in Appendices 1 to 3 and the map in Annex B.")]
        #expect(AppendixLabel(word: "appendix", label: "2").isNamed(in: lines))
        #expect(AppendixLabel(word: "annex", label: "b").isNamed(in: lines))
        #expect(!AppendixLabel(word: "annex", label: "a").isNamed(in: lines))
        #expect(!AppendixLabel(word: "appendix", label: "b").isNamed(in: lines), "an annex is named as an annex")
    }
}
