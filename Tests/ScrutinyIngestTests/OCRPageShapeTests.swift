import Testing
import ScrutinyCore
@testable import ScrutinyIngest

/// What OCR needs beyond Tesseract's words: ruled tables cleared before reading, bold told from
/// stroke weight, bullets, bars and split month names mended, and justified lines Tesseract cut
/// in two put back together. Synthetic images and words only; no Tesseract run.
@Suite("OCR page shapes")
struct OCRPageShapeTests {
    /// A white 300 dpi image with black rectangles (x, y, width, height) painted on it.
    static func image(width: Int = 600, height: Int = 600, painting rects: [(Int, Int, Int, Int)]) -> GrayImage {
        var pixels = [UInt8](repeating: 255, count: width * height)
        for (x, y, w, h) in rects {
            for row in y..<(y + h) { for column in x..<(x + w) { pixels[row * width + column] = 0 } }
        }
        return GrayImage(width: width, height: height, pixels: pixels, dpi: 300)
    }

    static func word(_ text: String, left: Int, right: Int, top: Int = 100, bottom: Int = 140, stroke: Double = 4,
                     startsLine: Bool = false) -> OCRWord {
        OCRWord(text: text, left: left, top: top, right: right, bottom: bottom, confidence: 90, pointSize: 12,
                startsLine: startsLine, strokeWidth: stroke)
    }

    @Test("a table's thin borders are whitened and a letter's thick stroke is kept")
    func tableRulesAreRemovedAndLettersKept() {
        let original = Self.image(painting: [(50, 100, 500, 2), (50, 100, 3, 400), (300, 300, 40, 160)])
        let cleared = original.removingRules()
        #expect(cleared.pixels[101 * 600 + 300] == 255, "the horizontal border is gone")
        #expect(cleared.pixels[250 * 600 + 51] == 255, "the vertical border is gone")
        #expect(cleared.pixels[380 * 600 + 320] == 0, "the thick block (a display letter's stroke) stays")
        let plain = Self.image(painting: [(300, 300, 20, 60)])
        #expect(plain.removingRules().pixels == plain.pixels, "an image without rules is left as it is")
    }

    @Test("stroke width is the mean run of ink across the rows of a word's box")
    func strokeWidthMeasuresRuns() {
        let image = Self.image(painting: [(100, 100, 4, 40), (120, 100, 4, 40), (300, 100, 8, 40), (320, 100, 8, 40)])
        #expect(image.strokeWidth(left: 90, top: 100, right: 140, bottom: 140) == 4)
        #expect(image.strokeWidth(left: 290, top: 100, right: 340, bottom: 140) == 8)
        #expect(image.strokeWidth(left: 450, top: 100, right: 500, bottom: 140) == 0)
    }

    @Test("a word whose strokes are heavy for its size is bold; the page's usual words are not")
    func heavyWordsAreBold() {
        var words = [Self.word("Heading", left: 100, right: 260, stroke: 6.5, startsLine: true)]
        for (index, text) in ["the", "plain", "words", "of", "this", "body", "text"].enumerated() {
            words.append(Self.word(text, left: 100 + index * 120, right: 200 + index * 120, top: 200, bottom: 240, stroke: 4,
                                   startsLine: index == 0))
        }
        let glyphs = OCRGlyphs(dpi: 300).glyphs(from: OCRPageResult(words: words, width: 2550, height: 3300, turnedBy: 0))
        let boldText = String(String.UnicodeScalarView(glyphs.scalars.indices
            .filter { glyphs.styles[Int(glyphs.styleIndex[$0])].isBold && glyphs.scalars[$0] != "\n" }.map { glyphs.scalars[$0] }))
        #expect(boldText == "Heading")
    }

    @Test("a degree sign or small e hanging before a line's text is a bullet; an e in the text is not")
    func hangingBulletReadingsBecomeBullets() {
        let bullet = OCRGlyphs.markingBullets([Self.word("°", left: 100, right: 110), Self.word("Item", left: 200, right: 260)])
        #expect(bullet.map(\.text) == ["•", "Item"])
        let letter = OCRGlyphs.markingBullets([Self.word("e", left: 100, right: 110), Self.word("mail", left: 118, right: 180)])
        #expect(letter.map(\.text) == ["e", "mail"])
    }

    @Test("a bar read for a capital I is mended, and a month's capital split off is joined")
    func barsAndSplitMonthsAreMended() {
        #expect(OCRGlyphs.mendingBars([Self.word("|", left: 0, right: 5), Self.word("am", left: 12, right: 40)]).map(\.text) == ["I", "am"])
        #expect(OCRGlyphs.mendingBars([Self.word("|The", left: 0, right: 40)]).map(\.text) == ["The"])
        let date = OCRGlyphs.mendingSplitMonths([Self.word("6", left: 0, right: 10), Self.word("J", left: 20, right: 26),
                                                 Self.word("une", left: 40, right: 80), Self.word("J", left: 100, right: 106),
                                                 Self.word("Smith", left: 120, right: 180)])
        #expect(date.map(\.text) == ["6", "June", "J", "Smith"])
        #expect(date[1].left == 20)
        let clipped = OCRGlyphs.mendingSplitMonths([Self.word("29", left: 0, right: 20), Self.word("anuary", left: 40, right: 120),
                                                    Self.word("2026", left: 140, right: 200)])
        #expect(clipped.map(\.text) == ["29", "January", "2026"])
        let plain = OCRGlyphs.mendingSplitMonths([Self.word("3", left: 0, right: 10), Self.word("ugusta", left: 20, right: 90),
                                                  Self.word("the", left: 100, right: 140), Self.word("arch", left: 150, right: 200)])
        #expect(plain.map(\.text) == ["3", "ugusta", "the", "arch"], "only a clipped name after a day's number is mended")
        let ordinal = OCRGlyphs.droppingOrdinalMarks([Self.word("19\"", left: 0, right: 30), Self.word("September", left: 40, right: 200),
                                                      Self.word("12\"", left: 220, right: 250), Self.word("inches", left: 260, right: 340)])
        #expect(ordinal.map(\.text) == ["19", "September", "12\"", "inches"])
    }

    @Test("a line Tesseract cut in two at a word space is one cell; a column gap still splits cells")
    func justifiedLineCutInTwoIsOneCell() {
        // 12 pt at 300 dpi is 50 px: a 20 px gap is a word space, a 200 px gap a column gap.
        let words = [
            Self.word("through", left: 100, right: 260, startsLine: true),
            Self.word("the", left: 280, right: 340, startsLine: true), Self.word("ongoing", left: 360, right: 500),
            Self.word("Label:", left: 100, right: 240, top: 300, bottom: 340, startsLine: true),
            Self.word("Value", left: 700, right: 820, top: 300, bottom: 340, startsLine: true),
        ]
        let glyphs = OCRGlyphs(dpi: 300).glyphs(from: OCRPageResult(words: words, width: 2550, height: 3300, turnedBy: 0))
        let lines = VisualLineBuilder().lines(from: glyphs)
        #expect(lines.map { $0.cells.map(\.text) } == [["through the ongoing"], ["Label:", "Value"]])
    }
}

extension OCRPageShapeTests {
    @Test("a narrow gap before a word that starts a column other rows start after a wide gap is a gutter; a bar before a lower-case word is a letter")
    func narrowGuttersShownByOtherRowsSplitCells() {
        // 12 pt at 300 dpi is 50 px: 70 px is a narrow gutter (1.4 em), 300 px a clear column gap.
        func row(_ top: Int, _ words: [(String, Int, Int)]) -> [OCRWord] {
            words.enumerated().map { Self.word($1.0, left: $1.1, right: $1.2, top: top, bottom: top + 40, startsLine: $0 == 0) }
        }
        let words = row(100, [("Status:", 100, 270), ("Date:", 340, 460)])
            + row(160, [("Open", 100, 200), ("3", 340, 365), ("May", 385, 470)])
            + row(220, [("Report:", 100, 200), ("Annual", 340, 490), ("accounts", 510, 700)])
            + row(280, [("On", 100, 150), ("the", 170, 240), ("29", 260, 300), ("|", 310, 320), ("une", 335, 420)])
        let glyphs = OCRGlyphs(dpi: 300).glyphs(from: OCRPageResult(words: words, width: 2550, height: 3300, turnedBy: 0))
        let lines = VisualLineBuilder().lines(from: glyphs)
        #expect(lines.map { $0.cells.map(\.text) } == [["Status:", "Date:"], ["Open", "3 May"], ["Report:", "Annual accounts"],
                                                        ["On the 29 une"]])
    }

    @Test("a line of doubtful fragments is noise; a poorly read line with a word Tesseract is sure of is text")
    func picturesReadAsFragmentsAreNoise() {
        func word(_ text: String, _ confidence: Double) -> OCRWord {
            OCRWord(text: text, left: 0, top: 0, right: 10, bottom: 10, confidence: confidence, pointSize: 12, startsLine: false)
        }
        #expect(OCRGlyphs.isNoise([word("S-", 0), word("ee", 23), word("=", 10), word("as", 61)]))
        #expect(!OCRGlyphs.isNoise([word("1.", 40), word("Tbe", 30), word("council", 92), word("agreed", 45)]))
        #expect(!OCRGlyphs.isNoise([word("No", 90), word("Yes", 88)]), "a confident short row is text")
    }
}

extension OCRPageShapeTests {
    @Test("the lines of one paragraph read a point apart take one size; a header set apart keeps its smaller size")
    func paragraphLinesTakeOneSize() {
        func line(_ size: Double, top: Double, characters: Int = 60) -> OCRGlyphs.SizedLine {
            OCRGlyphs.SizedLine(size: size, characters: characters, top: top, bottom: top + 14.4, left: 72, right: 500)
        }
        let page = [line(11, top: 30, characters: 30), line(12, top: 72), line(11, top: 86), line(12, top: 100), line(12, top: 114),
                    line(10, top: 160, characters: 40), line(18, top: 200, characters: 20), line(12, top: 214)]
        #expect(OCRGlyphs.snappedSizes(page) == [11, 12, 12, 12, 12, 10, 18, 12])
    }
}

extension OCRPageShapeTests {
    @Test("ink bands are the runs of inked rows, gaps of a few rows closed, specks too short to be text left out")
    func inkBandsAreRunsOfInkedRows() {
        // At 300 dpi: a 40-row line, a 2-row gap inside a 60-row line, a 10-row speck (under 0.1 inch).
        let image = Self.image(painting: [(50, 20, 200, 40), (50, 100, 200, 30), (50, 132, 200, 28), (50, 300, 100, 10)])
        #expect(image.inkBands() == [20..<60, 100..<160])
        let band = image.band(100..<160, margin: 5)
        #expect(band.height == 70 && band.width == 600)
        #expect(band.pixels[5 * 600 + 60] == 0 && band.pixels[2 * 600 + 60] == 255)
    }
}

/// A chart on a scanned page: its labels left out, a small-type table and a footnote kept.
@Suite("OCR chart text")
struct ChartTextTests {
    static func line(_ text: String, size: Double, top: Double) -> ChartText.Line {
        ChartText.Line(words: text.split(separator: " ").map(String.init), size: size, top: top, bottom: top + size * 1.2)
    }

    static let body = [
        line("The forecast shows the balance of the fund over the next four years.", size: 12, top: 100),
        line("The table below sets out how each year's figure was reached by officers.", size: 12, top: 115),
        line("It was agreed by the panel at its meeting in the spring of this year.", size: 12, top: 130),
    ]

    @Test("a chart's axis ticks, bar values and year labels are chart text; its caption and the prose are not")
    func chartLabelsAreFound() {
        let lines = Self.body + [
            Self.line("Fund balance by year", size: 10, top: 150),
            Self.line("£30m", size: 6, top: 165),
            Self.line("£20m £24m £18m", size: 6, top: 175),
            Self.line("£10m", size: 6, top: 185),
            Self.line("oom dah Pate", size: 20, top: 190),
            Self.line("£0m 2025/26 2026/27 2027/28", size: 6, top: 200),
            Self.line("The balance falls in the last year as the reserve is drawn down.", size: 12, top: 220),
        ]
        #expect(ChartText.chartLines(lines) == [4, 5, 6, 7, 8])
    }

    @Test("a table in small type, with a label on every row, and a footnote are no chart")
    func smallTablesAndFootnotesStay() {
        let lines = Self.body + [
            Self.line("Staff costs £1,200 £1,300", size: 7, top: 150),
            Self.line("Premises £400 £420", size: 7, top: 160),
            Self.line("Total £1,600 £1,720", size: 7, top: 170),
            Self.line("1 Figures are rounded to the nearest hundred pounds and exclude VAT.", size: 7, top: 300),
        ]
        #expect(ChartText.chartLines(lines).isEmpty)
    }
}
