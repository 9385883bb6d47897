import ScrutinyCore
import Foundation

/// Turns a tagged PDF's blocks into each page's lines, taking style, line number and box from the
/// visual line where each block's text starts. Running headers and footers, which tagged PDFs keep
/// out of the tree as artifacts, are taken from the page edges so the header filter can see them.
struct TaggedLayout {
    var bodySize: Double
    var headingSizes: [Double]
    /// Fraction of the page height from each edge where artifacts are looked for.
    var edgeFraction = 0.08
    /// Fraction of the page height from each edge where a page number the tree leaves out is kept,
    /// as furniture: an agenda pack's papers are told apart by their numbering starting again.
    var pageNumberFraction = 0.15

    /// Characters of a block's start compared with a visual line's cells.
    private static let keyLength = 16

    /// Each page's lines: the blocks in tree order, with the visual lines no block claims put
    /// back (see ``placeUnclaimed(_:visualLines:claimed:height:width:spilled:)``). `widths` are the page
    /// widths; without them a page's width is guessed from its text's margins.
    func pages(_ blocks: [TaggedBlock], visualLines: [[VisualLine]], heights: [Double], widths: [Double] = []) -> [[SourceLine]] {
        var pages: [[SourceLine]] = Array(repeating: [], count: visualLines.count)
        let cellKeys = visualLines.map(CellKeys.init)
        var cursors = Array(repeating: 0, count: visualLines.count)
        var matched = visualLines.map { Array(repeating: false, count: $0.count) }
        // Lines a block starts on or wraps onto.
        var claimed = matched
        for block in blocks where block.page < visualLines.count {
            let page = block.page
            let lineIndex = match(Self.key(block.cells.first { !$0.isEmpty } ?? ""), in: cellKeys[page], from: cursors[page],
                                  taken: matched[page])
            let visual = lineIndex.map { visualLines[page][$0] }
            if let lineIndex {
                cursors[page] = lineIndex
                matched[page][lineIndex] = true
                claimed[page][lineIndex] = true
            }
            guard let lineIndex, block.cells.count == 1 else {
                var block = block
                if let visual, block.cells.count > 1 { block.cells = Self.filledEmptyCells(block.cells, from: visual) }
                var sourceLine = line(for: block, visual: visual, number: (lineIndex ?? cursors[page]) + 1)
                if let lineIndex, block.cells.count > 1 {
                    sourceLine.box = Self.box(Self.rowBand(around: lineIndex, in: visualLines[page], cells: block.cells))
                }
                pages[page].append(sourceLine)
                continue
            }
            let located = Self.locate(block.cells[0], lines: visualLines[page], from: lineIndex)
            for start in located.starts { claimed[page][start.line] = true }
            var pieces = [(text: located.text, line: lineIndex)]
            if case .paragraph = block.kind {
                pieces = Self.splitByStyle(located.text, lines: visualLines[page], starts: located.starts)
            }
            // A line's box takes in every visual line its text wraps onto, as far as the block's text
            // runs, up to the next piece's first.
            let last = max(Self.lastLine(of: located.text, lines: visualLines[page], from: lineIndex), located.starts.last?.line ?? lineIndex)
            let wrapped = Array(lineIndex...last)
            for (position, piece) in pieces.enumerated() {
                var part = block
                part.cells = [piece.text]
                var sourceLine = line(for: part, visual: visualLines[page][piece.line], number: piece.line + 1)
                let end = position + 1 < pieces.count ? pieces[position + 1].line : Int.max
                let covered = wrapped.lazy.filter { $0 > piece.line && $0 < end }.map { visualLines[page][$0].box }
                if let first = covered.first {
                    let union = covered.dropFirst().reduce(LogicalLineGrouper.union(visualLines[page][piece.line].box, first),
                                                           LogicalLineGrouper.union)
                    sourceLine.box = Self.box(union)
                }
                pages[page].append(sourceLine)
            }
        }
        // Blocks running over a page break: their text is on the later pages too.
        var spilled: [[SourceLine]] = Array(repeating: [], count: visualLines.count)
        for block in blocks {
            guard let last = block.lastPage, last > block.page, block.page >= 0 else { continue }
            for page in block.page + 1...min(last, visualLines.count - 1) {
                spilled[page].append(SourceLine(number: 0, text: block.cells.joined(separator: "\t")))
            }
        }
        for page in pages.indices {
            let width = page < widths.count ? widths[page] : Self.guessedWidth(visualLines[page])
            pages[page] = placeUnclaimed(pages[page], visualLines: visualLines[page], claimed: claimed[page],
                                         height: heights[page], width: width, spilled: spilled[page])
        }
        return pages
    }

    /// `lines` (a page's blocks) with the page's visual lines that no block claims and whose text
    /// is in no block: at the page edges, running headers and footers (which tagged PDFs keep out
    /// of the tree as artifacts) go first and last so the header filter can see them; in the
    /// body, each run of such lines (text the tree left untagged) is read as the geometry reader
    /// reads it and put after the block line printed above it, so nothing printed is lost. A page
    /// number within ``pageNumberFraction`` of an edge is kept as a running header or footer.
    /// `spilled` holds the blocks of earlier pages that run onto this one, whose text is not lost.
    func placeUnclaimed(_ lines: [SourceLine], visualLines: [VisualLine], claimed: [Bool], height: Double, width: Double,
                        spilled: [SourceLine] = []) -> [SourceLine] {
        let margin = height * edgeFraction
        var pageInk: PageInk?
        var top: [SourceLine] = []
        var bottom: [SourceLine] = []
        var runs: [Range<Int>] = []
        for (index, visual) in visualLines.enumerated() where !claimed[index] {
            // A page number near an edge, kept however short (its digits are in the tree's text too).
            if RunningHeaderFilter.isPageNumber(visual.text),
               visual.box.y1 < height * pageNumberFraction || visual.box.y2 > height * (1 - pageNumberFraction) {
                let isTop = visual.box.y1 < height * pageNumberFraction
                let line = SourceLine(number: index + 1, text: visual.text, role: isTop ? .runningHeader : .runningFooter,
                                      fontSize: visual.fontSize, isBold: visual.isBold, box: Self.box(visual.box))
                if isTop { top.append(line) } else { bottom.append(line) }
                continue
            }
            if pageInk == nil { pageInk = PageInk(lines + spilled) }
            // Lines inside the tree's text are not lost; nor is a table line with a cell in it.
            if pageInk?.containsAnyCell(of: visual) != false { continue }
            let isTop = visual.box.y1 < margin
            guard isTop || visual.box.y2 > height - margin else {
                // A page number printed above the footer band is page furniture the tree leaves out.
                if RunningHeaderFilter.isPageNumber(visual.text) { continue }
                if let last = runs.last, last.upperBound == index {
                    runs[runs.count - 1] = last.lowerBound..<index + 1
                } else {
                    runs.append(index..<index + 1)
                }
                continue
            }
            let line = SourceLine(number: index + 1, text: visual.text, fontSize: visual.fontSize,
                                  isBold: visual.isBold, box: Self.box(visual.box))
            if isTop { top.append(line) } else { bottom.append(line) }
        }
        guard !runs.isEmpty else { return top + lines + bottom }
        let grouper = LogicalLineGrouper(bodySize: bodySize, headingSizes: headingSizes)
        let untagged = runs.map { run in
            grouper.group(Array(visualLines[run]), pageWidth: width).map { line in
                var line = line
                line.number += run.lowerBound
                return line
            }
        }
        return top + Self.inserting(untagged, at: runs.map(\.lowerBound), into: lines) + bottom
    }

    /// `lines` with each of `groups` put after the line printed last above `starts` (its first
    /// visual line index), or first when none is; in one pass over the lines.
    static func inserting(_ groups: [[SourceLine]], at starts: [Int], into lines: [SourceLine]) -> [SourceLine] {
        let limit = (starts.max() ?? 0) + 1
        // above[n]: the position of the line with the greatest number up to n (the later of equals).
        var above = Array(repeating: -1, count: limit + 1)
        for (position, line) in lines.enumerated() where line.number >= 0 && line.number <= limit {
            above[line.number] = max(above[line.number], position)
        }
        for number in above.indices.dropFirst() where above[number] < 0 || lines[above[number]].number != number {
            above[number] = above[number - 1]
        }
        var groupsAfter: [Int: [Int]] = [:]
        for group in groups.indices { groupsAfter[above[starts[group]], default: []].append(group) }
        var out: [SourceLine] = []
        out.reserveCapacity(lines.count + groups.reduce(0) { $0 + $1.count })
        for group in groupsAfter[-1] ?? [] { out += groups[group] }
        for (position, line) in lines.enumerated() {
            out.append(line)
            for group in groupsAfter[position] ?? [] { out += groups[group] }
        }
        return out
    }

    /// A table row's `cells` with the empty ones (label cells some exports leave untagged) taken
    /// from the visual line the row starts on, when that line has a cell for each of the row's
    /// and its other cells start as the row's do.
    static func filledEmptyCells(_ cells: [String], from visual: VisualLine) -> [String] {
        guard visual.cells.count == cells.count, cells.contains(where: \.isEmpty) else { return cells }
        var filled = cells
        for (index, cell) in cells.enumerated() {
            let printed = visual.cells[index].text
            if cell.isEmpty {
                filled[index] = printed
                continue
            }
            let key = Self.key(cell), printedKey = Self.key(printed)
            let length = min(key.count, printedKey.count)
            guard length >= 1, key[..<length] == printedKey[..<length] else { return cells }
        }
        return filled
    }

    /// A page's width guessed from its text, taking the right margin as wide as the left.
    static func guessedWidth(_ lines: [VisualLine]) -> Double {
        guard let left = lines.lazy.map(\.box.x1).min(), let right = lines.lazy.map(\.box.x2).max() else { return 0 }
        return right + max(0, left)
    }

    /// Puts back the spaces the structure text lacks at hard line breaks ("COMMITTEE14 OCTOBER"):
    /// finds where each following visual line starts inside the block's text and makes sure a
    /// space comes before it.
    static func respace(_ text: String, lines: [VisualLine], from first: Int) -> String {
        locate(text, lines: lines, from: first).text
    }

    /// The respaced text and where each of its visual lines starts in it (scalar offset, line index).
    static func locate(_ text: String, lines: [VisualLine], from first: Int) -> (text: String, starts: [(offset: Int, line: Int)]) {
        let scalars = Array(text.unicodeScalars)
        var inkPositions: [Int] = []
        var ink: [Unicode.Scalar] = []
        for (position, scalar) in scalars.enumerated() where !Whitespace.isSpace(scalar) {
            inkPositions.append(position)
            ink.append(scalar)
        }
        var cursor = lines[first].cells.first.map { inkCount($0.text) } ?? 0
        var starts: [(offset: Int, line: Int, needsSpace: Bool)] = []
        var next = first + 1
        while next < lines.count, cursor < ink.count {
            guard let cell = lines[next].cells.first else { break }
            let key = Array(cell.text.unicodeScalars.lazy.filter { !Whitespace.isSpace($0) }.prefix(8))
            guard key.count >= 2 else { break }
            let limit = min(ink.count - key.count, cursor + 4)
            guard limit >= cursor, let found = (cursor...limit).first(where: { ink[$0..<$0 + key.count].elementsEqual(key) }) else { break }
            let position = inkPositions[found]
            starts.append((position, next, position > 0 && !Whitespace.isSpace(scalars[position - 1])))
            cursor = found + inkCount(cell.text)
            next += 1
        }
        var located: [(offset: Int, line: Int)] = [(0, first)]
        var shift = 0
        for start in starts {
            if start.needsSpace { shift += 1 }
            located.append((start.offset + shift, start.line))
        }
        // Structure text usually has its spaces already: then it is the answer as it is.
        guard shift > 0 else { return (text, located) }
        var respaced = ScalarTextBuilder(capacity: scalars.count + starts.count)
        var spaces = starts.lazy.filter(\.needsSpace).map(\.offset).makeIterator()
        var nextSpace = spaces.next()
        for (position, scalar) in scalars.enumerated() {
            if position == nextSpace {
                respaced.append(" ")
                nextSpace = spaces.next()
            }
            respaced.append(scalar)
        }
        return (respaced.string, located)
    }

    /// The number of scalars in `text` that are not white space.
    /// The box of a table row whose first cell is on visual line `index`: that line, every line
    /// beside it (its other cells, which the page may hold as lines of their own, told by their
    /// sharing a fifth of its height), and the lines below that carry on the row's `cells` (each of
    /// their cells' text is in one of the row's cells), down to the first that does not.
    static func rowBand(around index: Int, in lines: [VisualLine], cells: [String]) -> GlyphBox {
        func ink(_ text: String) -> String { String(text.unicodeScalars.filter { !Whitespace.isSpace($0) }) }
        let row = lines[index].box
        let height = row.y2 - row.y1
        var band = row
        for line in lines {
            let overlap = min(row.y2, line.box.y2) - max(row.y1, line.box.y1)
            if overlap > 0.2 * min(height, line.box.y2 - line.box.y1) { band = LogicalLineGrouper.union(band, line.box) }
        }
        let cellInk = cells.map(ink).filter { !$0.isEmpty }
        var next = index + 1
        while next < lines.count {
            let line = lines[next]
            next += 1
            if line.box.y2 <= band.y2 { continue }
            guard line.box.y1 <= band.y2 + 1.5 * height else { break }
            let parts = line.cells.map { ink($0.text) }.filter { !$0.isEmpty }
            guard !parts.isEmpty, parts.allSatisfy({ part in cellInk.contains { $0.contains(part) } }) else { break }
            band = LogicalLineGrouper.union(band, line.box)
        }
        return band
    }

    /// The last of `lines` that the text of a block starting on line `first` runs onto: each next
    /// line whose opening ink follows the ink read so far (give or take four characters). Unlike
    /// ``locate(_:lines:from:)``, which respaces the text, every cell of a line counts, so a list
    /// item whose number stands apart from its text is followed onto its wrapped lines too.
    static func lastLine(of text: String, lines: [VisualLine], from first: Int) -> Int {
        let ink = Array(text.unicodeScalars.lazy.filter { !Whitespace.isSpace($0) })
        func inkOf(_ line: VisualLine) -> Int { line.cells.reduce(0) { $0 + inkCount($1.text) } }
        var cursor = inkOf(lines[first])
        var last = first
        var next = first + 1
        while next < lines.count, cursor < ink.count {
            guard let cell = lines[next].cells.first else { break }
            let key = Array(cell.text.unicodeScalars.lazy.filter { !Whitespace.isSpace($0) }.prefix(8))
            guard key.count >= 2, ink.count >= key.count else { break }
            let limit = min(ink.count - key.count, cursor + 4)
            guard limit >= cursor, let found = (cursor...limit).first(where: { ink[$0..<$0 + key.count].elementsEqual(key) }) else { break }
            cursor = found + inkOf(lines[next])
            last = next
            next += 1
        }
        return last
    }

    private static func inkCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where !Whitespace.isSpace(scalar) { count += 1 }
        return count
    }

    /// A paragraph whose visual lines change style ("**Background papers**" then "None" after a
    /// hard break) split where the style changes, as the geometry reader would see it.
    static func splitByStyle(_ text: String, lines: [VisualLine], starts: [(offset: Int, line: Int)]) -> [(text: String, line: Int)] {
        var pieces: [(text: String, line: Int)] = []
        var pieceStart = starts[0]
        // Scalar offsets become string indices in one walk, since starts only move forward.
        let scalars = text.unicodeScalars
        var cursor = (offset: 0, index: scalars.startIndex)
        func index(of offset: Int) -> String.Index {
            cursor.index = scalars.index(cursor.index, offsetBy: offset - cursor.offset)
            cursor.offset = offset
            return cursor.index
        }
        var pieceIndex = index(of: pieceStart.offset)
        for (previous, current) in zip(starts, starts.dropFirst()) {
            let a = lines[previous.line], b = lines[current.line]
            guard a.isBold != b.isBold || abs(a.fontSize - b.fontSize) >= 0.5 else { continue }
            let currentIndex = index(of: current.offset)
            let piece = text[pieceIndex..<currentIndex].trimmingSpaces()
            if !piece.isEmpty { pieces.append((piece, pieceStart.line)) }
            pieceStart = current
            pieceIndex = currentIndex
        }
        let last = text[pieceIndex...].trimmingSpaces()
        if !last.isEmpty { pieces.append((last, pieceStart.line)) }
        return pieces
    }

    private func line(for block: TaggedBlock, visual: VisualLine?, number: Int) -> SourceLine {
        let box = visual.map { Self.box($0.box) }
        let fontSize = visual?.fontSize
        let isBold = visual?.isBold ?? false
        switch block.kind {
        case .tableRow:
            let cells = block.cells
            if cells.count < 2 {
                return SourceLine(number: number, text: cells.first ?? "", fontSize: fontSize, isBold: isBold, box: box)
            }
            return SourceLine(number: number, text: cells.joined(separator: "\t"), cells: cells, role: .tableRow,
                              fontSize: fontSize, isBold: isBold, box: box)
        case .heading(let level):
            return SourceLine(number: number, text: block.cells[0], role: .heading, headingLevel: level ?? sizeLevel(fontSize),
                              fontSize: fontSize, isBold: isBold, box: box)
        case .listItem:
            return SourceLine(number: number, text: block.cells[0], role: .listItem, fontSize: fontSize, isBold: isBold, box: box)
        case .paragraph:
            // Read a paragraph the way the geometry reader would: short bold or large lines are headings.
            let text = block.cells[0]
            let shape = LineShape(text)
            let styled = isBold || (fontSize ?? bodySize) > bodySize + 0.75
            if styled, shape.length <= LineShape.headingMaximumLength, !shape.endsLikeProse,
               shape.listMarkerLength == 0 || shape.isNumberedHeading {
                return SourceLine(number: number, text: text, role: .heading, headingLevel: sizeLevel(fontSize),
                                  fontSize: fontSize, isBold: isBold, box: box)
            }
            return SourceLine(number: number, text: text, role: shape.listMarkerLength > 0 ? .listItem : .body,
                              fontSize: fontSize, isBold: isBold, box: box)
        }
    }

    private func sizeLevel(_ size: Double?) -> Int {
        guard let size else { return 1 }
        let position = headingSizes.firstIndex { abs($0 - size) < 0.5 } ?? headingSizes.count
        return min(6, position + 1)
    }

    /// The visual line at or after `start` (then before it) with a cell that starts like `key`.
    /// The visual line, from `start` on (then from the page top), with a cell starting like
    /// `key`; a line no earlier block took comes first, so repeated rows get their own lines.
    private func match(_ key: [Unicode.Scalar], in lines: CellKeys, from start: Int, taken: [Bool]) -> Int? {
        guard key.count >= 2 else { return nil }
        func starts(_ index: Int) -> Bool {
            lines.cells(ofLine: index).contains { cell in
                let length = min(key.count, cell.count)
                return length >= 2 && key[..<length].elementsEqual(lines.scalars[cell.lowerBound..<cell.lowerBound + length])
            }
        }
        let order = [start..<lines.lineCount, 0..<min(start, lines.lineCount)]
        for range in order {
            for index in range where !taken[index] && starts(index) { return index }
        }
        for range in order {
            for index in range where starts(index) { return index }
        }
        return nil
    }

    /// The first characters of `text`, lowercased, without white space. Lowercases scalar by
    /// scalar (as `String.lowercased()` does) and stops after ``keyLength``, rather than
    /// lowercasing the whole text.
    static func key(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(keyLength)
        appendKey(of: text, to: &out)
        return out
    }

    /// Appends ``key(_:)`` of `text` to `out`.
    static func appendKey(of text: String, to out: inout [Unicode.Scalar]) {
        var count = 0
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                guard !Whitespace.isSpace(scalar) else { continue }
                let isUpper = scalar.value >= 0x41 && scalar.value <= 0x5A
                out.append(isUpper ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar)
                count += 1
                if count == keyLength { return }
                continue
            }
            for lowered in scalar.properties.lowercaseMapping.unicodeScalars where !Whitespace.isSpace(lowered) {
                out.append(lowered)
                count += 1
                if count == keyLength { return }
            }
        }
    }

    /// The ``key(_:)`` of every cell of a page's visual lines, in one scalar array per page
    /// rather than one small array per cell.
    struct CellKeys {
        /// All the keys, one after another.
        private(set) var scalars: [Unicode.Scalar] = []
        /// Each cell's key in ``scalars``, line by line.
        private var cellRanges: [Range<Int>] = []
        /// Each line's cells in ``cellRanges``.
        private var lineRanges: [Range<Int>] = []

        init(_ lines: [VisualLine]) {
            lineRanges.reserveCapacity(lines.count)
            for line in lines {
                let firstCell = cellRanges.count
                for cell in line.cells {
                    let start = scalars.count
                    TaggedLayout.appendKey(of: cell.text, to: &scalars)
                    cellRanges.append(start..<scalars.count)
                }
                lineRanges.append(firstCell..<cellRanges.count)
            }
        }

        var lineCount: Int { lineRanges.count }

        /// Where the keys of line `index`'s cells are in ``scalars``.
        func cells(ofLine index: Int) -> ArraySlice<Range<Int>> { cellRanges[lineRanges[index]] }
    }

    private static func box(_ box: GlyphBox) -> Box {
        Box(x: box.x1, y: box.y1, width: box.x2 - box.x1, height: box.y2 - box.y1)
    }
}
