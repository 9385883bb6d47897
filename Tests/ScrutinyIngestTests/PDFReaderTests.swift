import Foundation
import ScrutinyCore
import Testing
@testable import ScrutinyIngest

/// The fictional report made into a PDF by LibreOffice (`Fixtures/make-fixtures.sh`).
@Suite struct PDFReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func read(_ name: String) throws -> SourceDocument {
        try DocumentIngester().ingest(path: Self.fixtures.appendingPathComponent(name).path)
    }

    @Test func pagesSizeAndMetadata() throws {
        let document = try read("report-untagged.pdf")
        #expect(document.format == .pdf)
        #expect(document.reportedPageCount == 2)
        #expect(document.pages.map(\.number) == [1, 2])
        #expect(abs((document.pages[0].width ?? 0) - 595.3) < 1)
        #expect(document.metadata.title == "Review of Shared Waste Services")
        #expect(document.metadata.created?.hasSuffix("Z") == true)
        #expect(document.warnings.isEmpty)
    }

    @Test func boldLargerLinesAreHeadingsWithLevelsBySize() throws {
        let lines = try read("report-untagged.pdf").pages[0].lines
        let title = try #require(lines.first { $0.text == "Review of Shared Waste Services" })
        #expect(title.role == .heading)
        #expect(title.headingLevel == 1)
        #expect(title.isBold)
        let section = try #require(lines.first { $0.text == "1. Purpose of Report" })
        #expect(section.role == .heading)
        #expect(section.headingLevel == 2)
        #expect(section.fontSize == 18)
    }

    @Test func wrappedParagraphLinesJoinIntoOneLogicalLine() throws {
        let lines = try read("report-untagged.pdf").pages[0].lines
        let paragraph = try #require(lines.first { $0.text.hasPrefix("1.1 ") })
        #expect(paragraph.text == "1.1 This report sets out the progress of the Brackenford and Lowmere Waste Partnership against the recommendations agreed by the Committee in 2024.")
        #expect(paragraph.role == .listItem)
        #expect(paragraph.fontSize == 11)
        #expect(!paragraph.isBold)
    }

    @Test func bulletsStayWithTheirItems() throws {
        let lines = try read("report-untagged.pdf").pages[0].lines
        #expect(lines.filter { $0.role == .listItem && $0.text.hasPrefix("• ") }.map(\.text) == [
            "• A single collection calendar for both districts",
            "• Joint procurement of food waste caddies",
            "• A shared depot at Lowmere Road",
        ])
    }

    @Test func tableRowsKeepCellsAndCellParagraphs() throws {
        let rows = try read("report-untagged.pdf").pages[0].lines.filter { $0.role == .tableRow }
        #expect(rows.map(\.cells) == [
            ["Recommendation", "Progress"],
            ["Agree a risk register", "The register was agreed in May.\nIt is reviewed every quarter."],
            ["Publish the annual accounts", "Published in July 2024."],
        ])
        #expect(rows[0].isBold)
    }

    @Test func runningHeaderAndPageFooterAreMarked() throws {
        let document = try read("report-untagged.pdf")
        for page in document.pages {
            #expect(page.lines.first?.role == .runningHeader)
            #expect(page.lines.first?.text == "Brackenford District Council – Audit Committee – 4 March 2025")
            #expect(page.lines.last?.role == .runningFooter)
            #expect(page.lines.last?.text == "Page \(page.number) of 2")
        }
        #expect(document.pages.flatMap(\.lines).filter(\.isFurniture).count == 4)
    }

    @Test func readingFromBytesMatchesReadingFromThePath() throws {
        let url = Self.fixtures.appendingPathComponent("report-untagged.pdf")
        let fromBytes = try PDFReader().read(data: Data(contentsOf: url))
        #expect(fromBytes == (try read("report-untagged.pdf")))
    }
}

/// The same report exported as a tagged PDF: blocks come from the structure tree.
@Suite struct TaggedPDFReaderTests {
    func read(_ name: String) throws -> SourceDocument {
        try DocumentIngester().ingest(path: PDFReaderTests.fixtures.appendingPathComponent(name).path)
    }

    @Test func taggedPDFIsReadFromItsStructureTree() throws {
        let tagged = try read("report-tagged.pdf")
        #expect(tagged.metadata.tagged)
        #expect(try !read("report-untagged.pdf").metadata.tagged)
    }

    @Test func taggedAndUntaggedExportsGiveTheSameTextRolesAndStyle() throws {
        let tagged = try read("report-tagged.pdf").pages.flatMap(\.lines)
        let untagged = try read("report-untagged.pdf").pages.flatMap(\.lines)
        #expect(tagged.map(\.text) == untagged.map(\.text))
        #expect(tagged.map(\.role) == untagged.map(\.role))
        #expect(tagged.map(\.headingLevel) == untagged.map(\.headingLevel))
        #expect(tagged.map(\.isBold) == untagged.map(\.isBold))
        #expect(tagged.map(\.fontSize) == untagged.map(\.fontSize))
    }

    @Test func taggedTextDecodesNonASCIICharacters() throws {
        let lines = try read("report-tagged.pdf").pages[0].lines
        #expect(lines.contains { $0.text == "2.2 That the Committee approves a contribution of £45,000 for 2025/26." })
        #expect(lines.contains { $0.text == "• Joint procurement of food waste caddies" && $0.role == .listItem })
    }

    @Test func structureTextGetsSpacesBackAtHardLineBreaks() {
        func line(_ text: String, y: Double) -> VisualLine {
            let box = GlyphBox(x1: 0, y1: y, x2: 100, y2: y + 12)
            return VisualLine(cells: [VisualCell(text: text, x1: 0, x2: 100, y1: y, y2: y + 12)], box: box, fontSize: 11, isBold: true)
        }
        let lines = [line("SCRUTINY COMMITTEE", y: 0), line("14 OCTOBER 2025", y: 14), line("Agenda item 6", y: 40)]
        #expect(TaggedLayout.respace("SCRUTINY COMMITTEE14 OCTOBER 2025", lines: lines, from: 0) == "SCRUTINY COMMITTEE 14 OCTOBER 2025")
        #expect(TaggedLayout.respace("SCRUTINY COMMITTEE 14 OCTOBER 2025", lines: lines, from: 0) == "SCRUTINY COMMITTEE 14 OCTOBER 2025")
    }

    @Test func aParagraphSplitsWhereItsLinesChangeStyle() {
        func line(_ text: String, y: Double, bold: Bool) -> VisualLine {
            let box = GlyphBox(x1: 0, y1: y, x2: 100, y2: y + 12)
            return VisualLine(cells: [VisualCell(text: text, x1: 0, x2: 100, y1: y, y2: y + 12)], box: box, fontSize: 11, isBold: bold)
        }
        let lines = [line("Background papers", y: 0, bold: true), line("None", y: 14, bold: false), line("at all", y: 28, bold: false)]
        let located = TaggedLayout.locate("Background papersNone at all", lines: lines, from: 0)
        #expect(located.text == "Background papers None at all")
        let pieces = TaggedLayout.splitByStyle(located.text, lines: lines, starts: located.starts)
        #expect(pieces.map(\.text) == ["Background papers", "None at all"])
        #expect(pieces.map(\.line) == [0, 1])
    }

    @Test("a short heading over a longer one is two headings; a heading wrapped at its width stays one")
    func stackedHeadingsStaySeparateAndWrappedHeadingsJoin() {
        func line(_ text: String, y: Double) -> VisualLine {
            let width = Double(text.count) * 6
            let box = GlyphBox(x1: 72, y1: y, x2: 72 + width, y2: y + 13)
            return VisualLine(cells: [VisualCell(text: text, x1: 72, x2: 72 + width, y1: y, y2: y + 13)], box: box,
                              fontSize: 11, isBold: true)
        }
        let grouper = LogicalLineGrouper(bodySize: 11, headingSizes: [])
        let stacked = grouper.group([line("2. BACKGROUND", y: 100), line("How the grant scheme is run today", y: 115)], pageWidth: 595)
        #expect(stacked.map(\.text) == ["2. BACKGROUND", "How the grant scheme is run today"])
        let wrapped = grouper.group([line("Review of the community grants scheme and", y: 100), line("its funding", y: 115)],
                                    pageWidth: 595)
        #expect(wrapped.map(\.text) == ["Review of the community grants scheme and its funding"])
    }

    @Test("a label row's value spanning two columns of the header row above stays one value, its wrapped line after it")
    func aLabelValueAcrossColumnsStaysWhole() {
        func cell(_ text: String, _ x: Double, _ y: Double, words: [Double] = []) -> VisualCell {
            var starts: [VisualCell.WordStart] = []
            var offset = 0
            for (index, word) in text.split(separator: " ").enumerated() {
                if index > 0, index - 1 < words.count { starts.append(.init(offset: offset, x: words[index - 1])) }
                offset += word.utf8.count + 1
            }
            return VisualCell(text: text, x1: x, x2: (words.last ?? x) + 40, y1: y, y2: y + 11, wordStarts: starts)
        }
        func line(_ cells: [VisualCell], bold: Bool = false) -> VisualLine {
            VisualLine(cells: cells, box: GlyphBox(x1: cells[0].x1, y1: cells[0].y1, x2: cells.last!.x2, y2: cells[0].y2),
                       fontSize: 11, isBold: bold)
        }
        let lines = [
            line([cell("Item No.", 30, 100), cell("Classification:", 133, 100), cell("Date:", 254, 100), cell("Meeting Name:", 368, 100)], bold: true),
            line([cell("8", 30, 114), cell("Open", 154, 114), cell("4 June 2026", 254, 114, words: [262, 290]), cell("Harbour Panel", 368, 114, words: [410])]),
            line([cell("Report title:", 30, 132, words: [70]), cell("Harbour Scrutiny Panel Work Programme", 254, 132, words: [300, 340, 372, 402])]),
            line([cell("2026 - 27", 254, 146, words: [280, 290])]),
            line([cell("From:", 30, 164), cell("Head of Harbour Services", 254, 164, words: [284, 296, 330])]),
        ]
        let rows = LogicalLineGrouper(bodySize: 11, headingSizes: []).group(lines, pageWidth: 595)
        let title = rows.first { $0.cells.first == "Report title:" }
        #expect(title?.cells.contains("Harbour Scrutiny Panel Work Programme 2026 - 27") == true, "\(rows.map(\.cells))")
    }

    @Test func repeatedTableRowsTakeTheirOwnVisualLines() {
        func line(_ text: String, y: Double) -> VisualLine {
            let box = GlyphBox(x1: 0, y1: y, x2: 100, y2: y + 12)
            return VisualLine(cells: [VisualCell(text: text, x1: 0, x2: 100, y1: y, y2: y + 12)], box: box, fontSize: 11, isBold: false)
        }
        let lines = [line("Premises", y: 100), line("Premises", y: 114), line("Income", y: 128)]
        let row = { (text: String) in TaggedBlock(kind: .tableRow, page: 0, cells: [text, "£1"]) }
        let pages = TaggedLayout(bodySize: 11, headingSizes: []).pages([row("Premises"), row("Premises"), row("Income")],
                                                                       visualLines: [lines], heights: [800])
        #expect(pages[0].map(\.number) == [1, 2, 3])
    }

    @Test func theStructureTreeGivesEachBlockItsMarkedContentText() throws {
        let file = try #require(PopplerTextFile(data: Data(contentsOf: PDFReaderTests.fixtures.appendingPathComponent("report-tagged.pdf")),
                                                readsStructure: true))
        for page in 0..<file.pageCount { _ = file.readPage(page) }
        let tree = try #require(StructureTree(file))
        let blocks = tree.blocks()
        #expect(blocks.contains { $0.cells == ["2.2 That the Committee approves a contribution of £45,000 for 2025/26."] })
        let rows = blocks.filter { if case .tableRow = $0.kind { true } else { false } }
        #expect(rows.contains { $0.cells == ["Publish the annual accounts", "Published in July 2024."] })
        #expect(blocks.first?.page == 0)
        #expect(blocks.map(\.page) == blocks.map(\.page).sorted())
    }

    @Test func theStructureTreeReadsAsPopplersOwnTreeDoes() throws {
        let samples = PDFReaderTests.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples")
        let pdfs = try FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil).filter { $0.pathExtension == "pdf" }
            + ["report-tagged.pdf", "report-tagged-unusual-syntax.pdf", "report-tagged-object-streams.pdf", "report-tagged-encrypted.pdf"]
            .map { PDFReaderTests.fixtures.appendingPathComponent($0) }
        #expect(pdfs.count >= 8)
        for url in pdfs {
            let file = try #require(PopplerTextFile(data: Data(contentsOf: url), readsStructure: true))
            #expect(file.structureMatchesPoppler, "\(url.lastPathComponent)")
        }
    }

    /// The tree's blocks, after every page is read.
    func blocks(_ name: String) throws -> (blocks: [TaggedBlock], sources: (fromBytes: Int, fromPoppler: Int)) {
        let file = try #require(PopplerTextFile(data: Data(contentsOf: PDFReaderTests.fixtures.appendingPathComponent(name)), readsStructure: true))
        for page in 0..<file.pageCount { _ = file.readPage(page) }
        return (try #require(StructureTree(file)).blocks(), file.structureObjectSources)
    }

    @Test func aStandardTypeSpeltInAnotherCaseKeepsItsText() throws {
        // The fixture's list bodies are typed "Lbody": dropping them lost every item's text.
        let texts = { (blocks: [TaggedBlock]) in blocks.map { "\($0.page) \($0.kind) \($0.cells)" } }
        #expect(texts(try blocks("report-tagged-lowercase-type.pdf").blocks) == texts(try blocks("report-tagged.pdf").blocks))
    }

    @Test func structureElementsAreReadFromTheBytesUnlessOnlyPopplerCanReadThem() throws {
        let plain = try blocks("report-tagged.pdf")
        #expect(plain.sources.fromBytes == 49)
        #expect(plain.sources.fromPoppler == 0)
        // Comments, nested and escaped strings, hex strings and reals inside the elements.
        let unusual = try blocks("report-tagged-unusual-syntax.pdf")
        #expect(unusual.sources.fromBytes == 49)
        #expect(unusual.sources.fromPoppler == 0)
        // Objects inside object streams, and an encrypted file, are poppler's to read.
        let packed = try blocks("report-tagged-object-streams.pdf")
        let encrypted = try blocks("report-tagged-encrypted.pdf")
        #expect(packed.sources.fromBytes == 0)
        #expect(packed.sources.fromPoppler == 49)
        #expect(encrypted.sources.fromBytes == 0)
        #expect(encrypted.sources.fromPoppler == 49)
        let texts = { (blocks: [TaggedBlock]) in blocks.map { "\($0.page) \($0.kind) \($0.cells)" } }
        #expect(texts(plain.blocks).count > 20)
        #expect(texts(unusual.blocks) == texts(plain.blocks))
        #expect(texts(packed.blocks) == texts(plain.blocks))
        #expect(texts(encrypted.blocks) == texts(plain.blocks))
    }

    @Test func anUntaggedPDFHasNoStructureTree() throws {
        let untagged = try #require(PopplerTextFile(data: Data(contentsOf: PDFReaderTests.fixtures.appendingPathComponent("report-untagged.pdf")),
                                                    readsStructure: true))
        #expect(StructureTree(untagged) == nil)
        #expect(PopplerTextFile(data: Data("%PDF-1.4 truncated".utf8), readsStructure: true) == nil)
    }
}

@Suite struct StructureTreeSwitchTests {
    @Test func aTaggedPDFCanBeReadByGeometryInstead() throws {
        let url = PDFReaderTests.fixtures.appendingPathComponent("report-tagged.pdf")
        let document = try PDFReader(readsStructureTree: false).read(data: Data(contentsOf: url))
        #expect(!document.metadata.tagged)
        #expect(document.pages[0].lines.contains { $0.cells == ["Publish the annual accounts", "Published in July 2024."] })
    }
}

@Suite struct LineJoiningTests {
    func joined(_ first: String, _ second: String) -> String {
        var text = WrappedText(first)
        text.appendWrapped(second)
        return text.string
    }

    @Test func wrappedWordsGetOneSpace() { #expect(joined("the risks", "that remain") == "the risks that remain") }
    @Test func aSoftHyphenAtTheLineEndGoes() { #expect(joined("informa\u{00AD}", "tion") == "information") }
    @Test func aRealHyphenStaysWithoutASpace() {
        #expect(joined("co-", "ordinate") == "co-ordinate")
        #expect(joined("£5,000-", "£10,000") == "£5,000-£10,000")
    }
    @Test func aSpacedDashKeepsItsSpace() { #expect(joined("the work -", "and more") == "the work - and more") }
    @Test func aLoneHyphenKeepsItsSpace() { #expect(joined("-", "and more") == "- and more") }
    @Test func anEnDashAfterAWordStaysWithoutASpace() { #expect(joined("2024\u{2013}", "25") == "2024\u{2013}25") }
    @Test func aHyphenAfterANoBreakSpaceKeepsItsSpace() { #expect(joined("total\u{00A0}-", "net") == "total\u{00A0}- net") }
}

@Suite struct DocumentDumpTests {
    @Test func dumpShowsPageHeadersMarksAndCells() {
        let document = SourceDocument(format: .pdf, pages: [
            SourcePage(number: 1, lines: [
                SourceLine(number: 1, text: "Council", role: .runningHeader, fontSize: 9),
                SourceLine(number: 2, text: "1. Purpose", role: .heading, headingLevel: 2, fontSize: 13.5, isBold: true),
                SourceLine(number: 4, text: "Legal:\tNone\nSee note", cells: ["Legal:", "None\nSee note"], role: .tableRow),
            ]),
            SourcePage(number: 2, lines: [SourceLine(number: 9, text: "Page 2 of 2", role: .runningFooter)]),
        ])
        #expect(DocumentDump.lines(of: document) == [
            "--- page 1 of 2 ---",
            "1:1  [9pt][hdr]  Council",
            "1:2  [H2][B][13.5pt]  1. Purpose",
            "1:4  [tr]  Legal: | None ⏎ See note",
            "--- page 2 of 2 ---",
            "2:9  [ftr]  Page 2 of 2",
        ])
    }
}

@Suite struct VisualCellSplitTests {
    @Test func aCellWithNonASCIITextSplitsBeforeTheWordPastTheBoundary() throws {
        let text = "Café costs £1,342"
        let costs = text.utf8.count - "costs £1,342".utf8.count
        let amount = text.utf8.count - "£1,342".utf8.count
        let cell = VisualCell(text: text, x1: 0, x2: 200, y1: 0, y2: 10,
                              wordStarts: [.init(offset: costs, x: 40), .init(offset: amount, x: 150)])
        let (left, right) = try #require(cell.split(at: 120))
        #expect(left.text == "Café costs")
        #expect(right.text == "£1,342")
        #expect(left.x2 == 149)
        #expect(right.x1 == 150)
        #expect(left.wordStarts.map(\.offset) == [costs])
        #expect(right.wordStarts.isEmpty)
    }

    @Test func aCellDoesNotSplitWhenNoWordStartsPastTheBoundary() {
        let cell = VisualCell(text: "Café costs", x1: 0, x2: 90, y1: 0, y2: 10, wordStarts: [.init(offset: 6, x: 40)])
        #expect(cell.split(at: 120) == nil)
    }
}
