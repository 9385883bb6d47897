import ScrutinyCore
import Testing
@testable import ScrutinyIngest

/// How an untagged page's characters become lines and cells: the rules that tell a table's gaps
/// from the wide spaces of running text. The pages are built here, word by word, in the shapes
/// council reports print (all text fictional).
@Suite struct GeometryLayoutTests {
    /// One printed word: where it starts and what it says. Each character is 5 pt wide, 11 pt tall.
    struct Word {
        var x: Double
        var text: String
    }

    static let charWidth = 5.0
    static let height = 11.0

    /// The page's characters for `lines` (a top y and its words each), as poppler would give them.
    static func glyphs(_ lines: [(y: Double, words: [Word])]) -> PageGlyphs {
        var glyphs = PageGlyphs()
        glyphs.styles = [GlyphStyle(size: 11, isBold: false)]
        func add(_ scalar: Unicode.Scalar, _ box: GlyphBox) {
            glyphs.scalars.append(scalar)
            glyphs.boxes.append(box)
            glyphs.styleIndex.append(0)
        }
        for line in lines {
            for (index, word) in line.words.enumerated() {
                if index > 0 { add(" ", GlyphBox(x1: word.x - 1, y1: line.y, x2: word.x, y2: line.y + height)) }
                for (offset, scalar) in word.text.unicodeScalars.enumerated() {
                    let x = word.x + Double(offset) * charWidth
                    add(scalar, GlyphBox(x1: x, y1: line.y, x2: x + charWidth, y2: line.y + height))
                }
            }
            add("\n", GlyphBox(x1: 0, y1: line.y, x2: 0, y2: line.y + height))
        }
        return glyphs
    }

    /// Words laid out from `x`, each `gap` points after the one before (or the gap given with it).
    static func words(_ text: String, from x: Double, gap: Double) -> [Word] {
        var out: [Word] = []
        var next = x
        for word in text.split(separator: " ") {
            out.append(Word(x: next, text: String(word)))
            next += Double(word.unicodeScalars.count) * charWidth + gap
        }
        return out
    }

    static func grouped(_ lines: [(y: Double, words: [Word])]) -> [SourceLine] {
        let visual = VisualLineBuilder().lines(from: glyphs(lines))
        return LogicalLineGrouper(bodySize: 11, headingSizes: []).group(visual, pageWidth: 595)
    }

    @Test("a justified line's evenly stretched spaces are spaces, not gaps between cells")
    func justifiedProseIsOneCell() {
        let line = Self.words("the committee is asked to note the revised timetable for the works", from: 72, gap: 8)
        let lines = VisualLineBuilder().lines(from: Self.glyphs([(100, line)]))
        #expect(lines.map(\.cells.count) == [1])
        #expect(lines.first?.text == "the committee is asked to note the revised timetable for the works")
    }

    @Test("a row of figures with even gaps keeps its cells: only lower-case prose is justified text")
    func evenlySpacedFiguresStayCells() {
        let row = Self.words("2024/25 2025/26 2026/27 2027/28 2028/29", from: 200, gap: 30)
        let lines = VisualLineBuilder().lines(from: Self.glyphs([(100, row)]))
        #expect(lines.first?.cells.map(\.text) == ["2024/25", "2025/26", "2026/27", "2027/28", "2028/29"])
    }

    @Test("two spaces after a full stop or a label's colon do not start a cell; a table's gap does")
    func aDoubleSpaceIsNotACellGap() {
        var sentence = Self.words("The work is done.", from: 72, gap: 3)
        sentence += Self.words("It ends in May this year.", from: sentence.last!.x + 5 * 5 + 7, gap: 3)
        var label = Self.words("Report title:", from: 72, gap: 3)
        label += Self.words("Harbour Wall Repairs", from: label.last!.x + 6 * 5 + 7, gap: 3)
        let row = Self.words("Harbour wall", from: 72, gap: 3) + [Word(x: 300, text: "£12,000")]
        let lines = VisualLineBuilder().lines(from: Self.glyphs([(100, sentence), (130, label), (160, row)]))
        #expect(lines.map(\.cells.count) == [1, 1, 2])
        #expect(lines.map(\.text) == ["The work is done. It ends in May this year.", "Report title: Harbour Wall Repairs",
                                      "Harbour wall £12,000"])
    }

    @Test("a paragraph number in the margin starts one paragraph with the lines that wrap back under it")
    func aMarginNumberOpensAParagraph() {
        let first = [Word(x: 68, text: "26")] + Self.words("The operator will set up a Harbour Users Group to", from: 103, gap: 3)
        let second = Self.words("oversee the works and report to the board each year.", from: 68, gap: 3)
        let lines = Self.grouped([(100, first), (113, second)])
        #expect(lines.map(\.text) == ["26 The operator will set up a Harbour Users Group to oversee the works and report to the board each year."])
        #expect(lines.first?.role != .tableRow)
    }

    @Test("a numbered table row whose next row stays in its columns is still a table")
    func aNumberedTableRowStaysATable() {
        let first = [Word(x: 68, text: "1"), Word(x: 103, text: "Equality"), Word(x: 300, text: "Appendix")]
        let second = [Word(x: 68, text: "2"), Word(x: 103, text: "Risks"), Word(x: 300, text: "Appendix")]
        let lines = Self.grouped([(100, first), (113, second)])
        #expect(lines.map(\.cells) == [["1", "Equality", "Appendix"], ["2", "Risks", "Appendix"]])
    }

    @Test("a justified cell's stretched spaces in one row do not make columns the other rows lack")
    func aJustifiedCellDoesNotMakeColumns() {
        let header = [Word(x: 100, text: "Item"), Word(x: 160, text: "Date:"), Word(x: 260, text: "Meeting:")]
        let values = [Word(x: 100, text: "7"), Word(x: 160, text: "4 May 2026")]
            + [Word(x: 260, text: "Harbour"), Word(x: 320, text: "(Trust)"), Word(x: 380, text: "Board")]
        let lines = Self.grouped([(100, header), (114, values)])
        #expect(lines.map(\.cells) == [["Item", "Date:", "Meeting:"], ["7", "4 May 2026", "Harbour (Trust) Board"]])
    }

    @Test("a dash line that starts where a cell of the row above starts wraps that cell")
    func aDashLineWrapsTheCellAbove() {
        let title = Self.words("Report title:", from: 100, gap: 3) + Self.words("Harbour Wall Repairs", from: 275, gap: 3)
        let wrapped = Self.words("– Second Phase", from: 275, gap: 3)
        let from = Self.words("From:", from: 100, gap: 3) + Self.words("Head of Harbours", from: 275, gap: 3)
        let lines = Self.grouped([(100, title), (113, wrapped), (140, from)])
        #expect(lines.map(\.cells) == [["Report title:", "Harbour Wall Repairs – Second Phase"], ["From:", "Head of Harbours"]])
    }
}

/// Tables under a bold header row, read by geometry.
@Suite struct HeaderLedTableTests {
    typealias Word = GeometryLayoutTests.Word

    static func bold(_ lines: [(y: Double, words: [Word])], boldLines: Set<Int>) -> [SourceLine] {
        var glyphs = GeometryLayoutTests.glyphs(lines)
        glyphs.styles.append(GlyphStyle(size: 11, isBold: true))
        // Mark the characters of the bold lines with the bold style (lines end at "\n").
        var line = 0
        for index in glyphs.scalars.indices {
            if boldLines.contains(line) { glyphs.styleIndex[index] = 1 }
            if glyphs.scalars[index] == "\n" { line += 1 }
        }
        let visual = VisualLineBuilder().lines(from: glyphs)
        return LogicalLineGrouper(bodySize: 11, headingSizes: []).group(visual, pageWidth: 595)
    }

    @Test("under a header row, a narrow gap before a header cell's start still splits the cell, a justified cell's stretched spaces join, and full cells wrap together into one row")
    func bodyCellsFollowTheHeader() {
        func words(_ text: String, _ x: Double, _ gap: Double) -> [Word] { GeometryLayoutTests.words(text, from: x, gap: gap) }
        let header = words("Background Papers", 86, 3) + words("Held At", 281, 3) + words("Contact", 434, 3)
        // "…the harbour" ends at 276, five points before "Held At" starts; "Harbour  &  Quay" is justified.
        let first = words("Review of moorings on the harbour", 121, 3) + [Word(x: 281, text: "Harbour"), Word(x: 350, text: "&"),
                    Word(x: 394, text: "Quay")] + words("Ann Lowe", 434, 3)
        let second = words("walls and slipways", 86, 3) + words("Office", 281, 3) + words("07700 900123", 434, 3)
        let rows = Self.bold([(100, header), (119, first), (133, second)], boldLines: [0])
        #expect(rows.map(\.cells) == [["Background Papers", "Held At", "Contact"],
                                      ["Review of moorings on the harbour walls and slipways", "Harbour & Quay Office", "Ann Lowe 07700 900123"]])
    }

    @Test("under a header row, a tight row of figures is a row of its own, not a wrapped line")
    func figuresUnderAHeaderStartRows() {
        func words(_ text: String, _ x: Double, _ gap: Double) -> [Word] { GeometryLayoutTests.words(text, from: x, gap: gap) }
        let header = words("Service", 86, 3) + words("Budget", 300, 3) + words("Forecast", 400, 3)
        let first = words("Moorings and harbour walls", 86, 3) + [Word(x: 300, text: "£12,000"), Word(x: 400, text: "£13,500")]
        let second = words("Slipways", 86, 3) + [Word(x: 300, text: "£4,000"), Word(x: 400, text: "£3,900")]
        let rows = Self.bold([(100, header), (119, first), (133, second)], boldLines: [0])
        #expect(rows.map(\.cells) == [["Service", "Budget", "Forecast"], ["Moorings and harbour walls", "£12,000", "£13,500"],
                                      ["Slipways", "£4,000", "£3,900"]])
    }

    @Test("a header of bold lines whose first column's cell sits lower than the others reads as one header row")
    func aStackedHeaderIsOneRow() {
        let header1 = [Word(x: 200, text: "Budget"), Word(x: 300, text: "Forecast")]
        let header2 = [Word(x: 200, text: "2025/26"), Word(x: 300, text: "2025/26")]
        let label = [Word(x: 86, text: "Service")]
        let body = [Word(x: 86, text: "Harbour"), Word(x: 200, text: "£5,000"), Word(x: 300, text: "£6,000")]
        let rows = Self.bold([(100, header1), (113, header2), (118, label), (140, body)], boldLines: [0, 1, 2])
        #expect(rows.map(\.cells) == [["Service", "Budget 2025/26", "Forecast 2025/26"], ["Harbour", "£5,000", "£6,000"]])
    }

    @Test("figures right-aligned under centred header cells keep their columns, each named by its header cell")
    func rightAlignedFiguresKeepTheirColumns() {
        let header = [Word(x: 66, text: "Code"), Word(x: 175, text: "Centre"), Word(x: 318, text: "Budget"), Word(x: 400, text: "Actual")]
        let first = [Word(x: 58, text: "HB100"), Word(x: 91, text: "Moorings"), Word(x: 309, text: "3,619"), Word(x: 392, text: "3,099")]
        let second = [Word(x: 58, text: "HB101"), Word(x: 91, text: "Slipways"), Word(x: 324, text: "195"), Word(x: 407, text: "203")]
        let rows = Self.bold([(100, header), (119, first), (133, second)], boldLines: [0])
        #expect(rows.dropFirst().map { $0.cells.suffix(2) } == [["3,619", "3,099"], ["195", "203"]], "\(rows.map(\.cells))")
    }

    @Test("under a header row, tight rows of capitalised cells and a new label stay rows of their own")
    func capitalisedTightRowsStayRows() {
        func words(_ text: String, _ x: Double, _ gap: Double) -> [Word] { GeometryLayoutTests.words(text, from: x, gap: gap) }
        let header = words("Milestone", 86, 3) + words("Date", 330, 3) + words("Owner", 420, 3)
        let first = words("Harbour wall survey completed", 86, 3) + words("June 2026", 330, 3) + words("Harbour Engineer", 420, 3)
        let second = words("Slipway resurfaced", 86, 3) + words("October 2026", 330, 3) + words("Contractor", 420, 3)
        let rows = Self.bold([(100, header), (119, first), (133, second)], boldLines: [0])
        #expect(rows.map(\.cells) == [["Milestone", "Date", "Owner"], ["Harbour wall survey completed", "June 2026", "Harbour Engineer"],
                                      ["Slipway resurfaced", "October 2026", "Contractor"]])
    }
}
