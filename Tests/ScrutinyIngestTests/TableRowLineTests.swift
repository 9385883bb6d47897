import Testing
@testable import ScrutinyIngest

/// How a visual line whose table columns share visual cells is cut back into the row's cells.
@Suite struct TableRowLineTests {
    /// A cell of words, each starting 6 pt after the previous word's start.
    private func cell(_ words: [String], at x: Double) -> VisualCell {
        var text = ""
        var starts: [VisualCell.WordStart] = []
        for (index, word) in words.enumerated() {
            if index > 0 {
                text += " "
                starts.append(.init(offset: text.unicodeScalars.count, x: x + Double(index) * 6))
            }
            text += word
        }
        return VisualCell(text: text, x1: x, x2: x + Double(words.count) * 6, y1: 0, y2: 10, wordStarts: starts)
    }

    private func line(_ cells: [VisualCell]) -> RowLine {
        RowLine(VisualLine(cells: cells, box: GlyphBox(x1: 0, y1: 0, x2: 500, y2: 10), fontSize: 10, isBold: false))
    }

    @Test func mergedCodeAndNameCellsSplitWhereTheNameColumnStarts() {
        let row = line([cell(["CC1043", "Markets", "–", "Town", "Centre"], at: 50), cell(["£3,940,000"], at: 300)])
        #expect(row.split(at: [55.5, 299]) == ["CC1043", "Markets – Town Centre", "£3,940,000"])
    }

    @Test func columnStartsComeFromTheRowsWordCounts() {
        let row = line([cell(["CC1043", "Markets", "Centre"], at: 50), cell(["£1"], at: 300)])
        let columns = row.columns(wordCounts: [1, 2, 1])
        #expect(columns?.map(\.first) == [50, 56, 300])
        #expect(columns?.map(\.last) == [50, 62, 300])
        #expect(row.columns(wordCounts: [1, 1, 1]) == nil)
    }

    @Test func aCellGapInsideOneColumnRulesTheSplitOut() {
        let row = line([cell(["Markets"], at: 50), cell(["Town"], at: 120), cell(["£1"], at: 300)])
        #expect(row.split(at: [299]) == nil)
    }

    @Test func anEmptyColumnRulesTheSplitOut() {
        let row = line([cell(["CC1043", "Markets"], at: 50)])
        #expect(row.split(at: [55.5, 299]) == nil)
    }
}
