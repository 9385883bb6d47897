import ScrutinyCore
import Testing
@testable import ScrutinyIngest

/// How a tagged page's visual lines that no structure block claims are kept (fictional text).
@Suite struct TaggedLayoutTests {
    /// A visual line of one cell, or of several cells side by side, at height `y`.
    func line(_ cells: [String], y: Double, bold: Bool = false) -> VisualLine {
        let visualCells = cells.enumerated().map { index, text in
            VisualCell(text: text, x1: 72 + Double(index) * 200, x2: 72 + Double(index) * 200 + 180, y1: y, y2: y + 12)
        }
        let box = GlyphBox(x1: 72, y1: y, x2: 72 + Double(cells.count) * 200 - 20, y2: y + 12)
        return VisualLine(cells: visualCells, box: box, fontSize: 11, isBold: bold)
    }

    func layout(_ blocks: [TaggedBlock], _ pages: [[VisualLine]]) -> [[SourceLine]] {
        TaggedLayout(bodySize: 11, headingSizes: []).pages(blocks, visualLines: pages, heights: pages.map { _ in 800 },
                                                         widths: pages.map { _ in 595 })
    }

    @Test func untaggedBodyLinesAreKeptAfterTheBlockPrintedAboveThem() {
        let lines = [line(["Context"], y: 100, bold: true), line(["7."], y: 120),
                     line(["Ashcombe District Council owns land valued at £1.4 billion and earns"], y: 134),
                     line(["rent of £2.5 million a year."], y: 148), line(["Next steps"], y: 180, bold: true)]
        let blocks = [TaggedBlock(kind: .heading(level: 2), page: 0, cells: ["Context"]),
                      TaggedBlock(kind: .listItem, page: 0, cells: ["7."]),
                      TaggedBlock(kind: .heading(level: 2), page: 0, cells: ["Next steps"])]
        let page = layout(blocks, [lines])[0]
        #expect(page.map(\.text) == ["Context", "7.",
                                     "Ashcombe District Council owns land valued at £1.4 billion and earns rent of £2.5 million a year.",
                                     "Next steps"])
        #expect(page[2].number == 3)
    }

    @Test func aPageTheTreeLeavesEmptyIsReadByGeometry() {
        let blocks = [TaggedBlock(kind: .paragraph, page: 0, cells: ["Appendix B"])]
        let flowchart = [line(["Bid received", "Panel review"], y: 100), line(["by officers", "within a month"], y: 114)]
        let pages = layout(blocks, [[line(["Appendix B"], y: 100)], flowchart])
        #expect(pages[0].map(\.text) == ["Appendix B"])
        let printed = pages[1].flatMap { $0.cells.isEmpty ? [$0.text] : $0.cells }
        #expect(printed == ["Bid received", "Panel review", "by officers", "within a month"])
        #expect(pages[1].allSatisfy { $0.role == .tableRow })
    }

    @Test func wrappedLinesOfABlockAndOfTableCellsAreNotRepeated() {
        let lines = [line(["The Partnership should publish", "Published in"], y: 100),
                     line(["its annual accounts.", "July 2025."], y: 114),
                     line(["Officers will report again in the"], y: 140), line(["spring."], y: 154)]
        let blocks = [TaggedBlock(kind: .tableRow, page: 0,
                                  cells: ["The Partnership should publish its annual accounts.", "Published in July 2025."]),
                      TaggedBlock(kind: .paragraph, page: 0, cells: ["Officers will report again in the spring."])]
        #expect(layout(blocks, [lines])[0].count == 2)
    }

    @Test func aBlockRunningOverAPageBreakIsNotRepeatedOnTheNextPage() {
        let first = [line(["• Reduce the number of sites the Council"], y: 700)]
        let second = [line(["leases to other bodies;"], y: 80), line(["Finance"], y: 120, bold: true)]
        let blocks = [TaggedBlock(kind: .listItem, page: 0, lastPage: 1,
                                  cells: ["• Reduce the number of sites the Council leases to other bodies;"]),
                      TaggedBlock(kind: .heading(level: 2), page: 1, cells: ["Finance"])]
        let pages = layout(blocks, [first, second])
        #expect(pages[1].map(\.text) == ["Finance"])
    }

    @Test func pageInkFindsLinesOutOfOrderToo() {
        var ink = PageInk([SourceLine(number: 1, text: "First line"), SourceLine(number: 2, text: "Second line")])
        let found = [ink.contains(PageInk.of("Second line")), ink.contains(PageInk.of("First")),
                     ink.contains(PageInk.of("lineSecond"))]
        #expect(found == [true, true, false])
    }
}

extension TaggedLayoutTests {
    @Test func aTableRowsUntaggedLabelCellIsTakenFromThePrintedLine() {
        let lines = [line(["Report Author", "Priya Marsh"], y: 100), line(["Dated", "3rd March 2025"], y: 114)]
        let blocks = [TaggedBlock(kind: .tableRow, page: 0, cells: ["Report Author", "Priya Marsh"]),
                      TaggedBlock(kind: .tableRow, page: 0, cells: ["", "3rd March 2025"])]
        #expect(layout(blocks, [lines])[0].map(\.cells) == [["Report Author", "Priya Marsh"], ["Dated", "3rd March 2025"]])
    }

    @Test func aTableRowKeepsItsEmptyCellWhenThePrintedLineDoesNotLineUp() {
        let lines = [line(["Total", "£12,000", "£3,000"], y: 100)]
        let blocks = [TaggedBlock(kind: .tableRow, page: 0, cells: ["", "£12,000"])]
        #expect(layout(blocks, [lines])[0].map(\.cells) == [["", "£12,000"]])
    }
}

extension TaggedLayoutTests {
    /// Kept as furniture, not text: an agenda pack's papers are told apart by their numbering.
    @Test func anUntaggedPageNumberAboveTheFooterBandIsAFooterNotText() {
        let lines = [line(["Budget position"], y: 100, bold: true), line(["12"], y: 700)]
        let blocks = [TaggedBlock(kind: .heading(level: 1), page: 0, cells: ["Budget position"])]
        let page = layout(blocks, [lines])[0]
        #expect(page.filter { !$0.isFurniture }.map(\.text) == ["Budget position"])
        #expect(page.filter(\.isFurniture).map(\.text) == ["12"])
        #expect(page.last?.role == .runningFooter)
    }
}
