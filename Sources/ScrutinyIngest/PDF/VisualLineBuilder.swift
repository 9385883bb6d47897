import ScrutinyCore

/// One cell of a visual line: text that sits together with no wide gap.
struct VisualCell: Sendable {
    var text: String
    var x1: Double
    var x2: Double
    /// Top and bottom of the cell's characters.
    var y1: Double
    var y2: Double
    /// Where each word after the first starts: its UTF-8 offset in `text` and its x.
    var wordStarts: [WordStart] = []

    struct WordStart: Sendable {
        /// Offset in `text.utf8`.
        var offset: Int
        var x: Double
    }

    /// Splits the cell before the first word that starts at or right of `x`, if any.
    func split(at x: Double) -> (VisualCell, VisualCell)? {
        guard let index = wordStarts.firstIndex(where: { $0.x >= x - 1 }) else { return nil }
        let start = wordStarts[index]
        let cut = text.utf8.index(text.utf8.startIndex, offsetBy: start.offset)
        let left = text[..<cut].trimmingSpaces()
        let right = text[cut...].trimmingSpaces()
        guard !left.isEmpty, !right.isEmpty else { return nil }
        let leftStarts = Array(wordStarts[..<index])
        let rightStarts = wordStarts[(index + 1)...].map { WordStart(offset: $0.offset - start.offset, x: $0.x) }
        return (VisualCell(text: left, x1: x1, x2: start.x - 1, y1: y1, y2: y2, wordStarts: leftStarts),
                VisualCell(text: right, x1: start.x, x2: x2, y1: y1, y2: y2, wordStarts: rightStarts))
    }
}

/// One line as it is printed: the characters sharing a baseline band, split into cells at wide gaps.
struct VisualLine: Sendable {
    let cells: [VisualCell]
    var box: GlyphBox
    /// The size most of the characters have.
    var fontSize: Double
    /// True when most non-space characters are bold.
    var isBold: Bool
    /// The cells' texts joined by single spaces (kept, since every stage reads it).
    let text: String
    /// The number of scalars in ``text``.
    let scalarCount: Int

    init(cells: [VisualCell], box: GlyphBox, fontSize: Double, isBold: Bool) {
        self.init(cells: cells, box: box, fontSize: fontSize, isBold: isBold,
                  text: cells.count == 1 ? cells[0].text : cells.map(\.text).joined(separator: " "))
    }

    /// A line whose `text` (the cells' texts joined by single spaces) was built with its cells.
    init(cells: [VisualCell], box: GlyphBox, fontSize: Double, isBold: Bool, text: String) {
        self.cells = cells
        self.box = box
        self.fontSize = fontSize
        self.isBold = isBold
        self.text = text
        scalarCount = text.scalarCount
    }

    var height: Double { box.height }
}

/// Rebuilds visual lines from a page's character boxes.
///
/// poppler's text glues table cells ("forward17,635") and may give one row's cells as separate
/// lines; this puts characters on the same band back together in x order and splits cells where
/// the gap is wider than `cellGapFactor` × the character height.
struct VisualLineBuilder {
    var cellGapFactor = 0.6

    /// A run of characters poppler printed together on one line.
    private struct Fragment {
        var range: Range<Int>
        var box: GlyphBox
    }

    func lines(from glyphs: PageGlyphs) -> [VisualLine] {
        let fragments = self.fragments(glyphs)
        guard !fragments.isEmpty else { return [] }
        let ordered = fragments.sorted { $0.box.y1 != $1.box.y1 ? $0.box.y1 < $1.box.y1 : $0.box.x1 < $1.box.x1 }
        var lines: [VisualLine] = []
        var scratch = LineScratch()
        var band: [Fragment] = []
        var bandCenter = 0.0
        var bandHeight = 0.0
        for fragment in ordered {
            if !band.isEmpty, abs(fragment.box.centerY - bandCenter) < 0.5 * max(bandHeight, fragment.box.height) {
                band.append(fragment)
                continue
            }
            if !band.isEmpty { lines.append(line(from: band, glyphs, &scratch)) }
            band.removeAll(keepingCapacity: true)
            band.append(fragment)
            bandCenter = fragment.box.centerY
            bandHeight = fragment.box.height
        }
        if !band.isEmpty { lines.append(line(from: band, glyphs, &scratch)) }
        return lines
    }

    /// Splits the page's characters at newlines and at vertical jumps; drops blank runs.
    private func fragments(_ glyphs: PageGlyphs) -> [Fragment] {
        var fragments: [Fragment] = []
        var start = -1
        var box = GlyphBox(x1: 0, y1: 0, x2: 0, y2: 0)
        var lastInk = -1
        func close(_ end: Int) {
            if start >= 0, lastInk >= start { fragments.append(Fragment(range: start..<(lastInk + 1), box: box)) }
            start = -1
            lastInk = -1
        }
        for index in glyphs.scalars.indices {
            let scalar = glyphs.scalars[index]
            if scalar == "\n" || scalar == "\r" {
                close(index)
                continue
            }
            if Whitespace.isSpace(scalar) { continue }
            let glyph = glyphs.boxes[index]
            if start >= 0, lastInk >= 0 {
                let previous = glyphs.boxes[lastInk]
                if abs(glyph.centerY - previous.centerY) > 0.5 * max(glyph.height, previous.height) {
                    close(index)
                }
            }
            if start < 0 {
                start = index
                box = glyph
            } else {
                box.x1 = min(box.x1, glyph.x1)
                box.y1 = min(box.y1, glyph.y1)
                box.x2 = max(box.x2, glyph.x2)
                box.y2 = max(box.y2, glyph.y2)
            }
            lastInk = index
        }
        close(glyphs.scalars.count)
        return fragments
    }

    /// "•", "1.1", "3.", "(a)", "iv)": a list marker on its own.
    static func isListMarker(_ text: String) -> Bool {
        // Five scalars take at most 20 bytes: longer text is no marker, without reading its scalars.
        guard text.utf8.count <= 20 else { return false }
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 5 else { return false }
        if scalars.count == 1 { return Bullets.glyphs.contains(scalars[0]) && scalars[0] != "-" }
        let isDigit = { (s: Unicode.Scalar) in s.value >= 0x30 && s.value <= 0x39 }
        if scalars.allSatisfy({ isDigit($0) || $0 == "." }) {
            return scalars.contains(where: isDigit) && scalars.contains(".")
        }
        guard scalars.last == ")" else { return false }
        let inner = scalars.drop { $0 == "(" }.dropLast()
        return !inner.isEmpty && inner.allSatisfy { isDigit($0) || $0.properties.isLowercase }
    }

    /// Characters after which typists put two spaces: the end of a sentence or of a label.
    static let sentenceEnds: Set<Unicode.Scalar> = [".", ":", ";", "?", "!", ")", "\u{201D}", "\u{2019}", "\""]

    /// True when a wide `gap` after `previous` is a double space in running text, not a gap between
    /// cells: it follows the end of a sentence or label and is at most about two of the line's
    /// usual spaces ("… their use.  In addition", "Report title:  Developer …"). A justified line
    /// stretches every space alike, so the comparison is with the line's own spaces; a line with
    /// no ordinary space to compare with keeps the cell.
    private func isDoubleSpace(_ gap: Double, after previous: Unicode.Scalar, in band: [Fragment], _ glyphs: PageGlyphs,
                               typicalGap: inout Double??) -> Bool {
        guard Self.sentenceEnds.contains(previous) else { return false }
        if typicalGap == nil { typicalGap = .some(usualWordGap(band, glyphs)) }
        guard let usual = typicalGap ?? nil else { return false }
        return gap <= 2.4 * usual
    }

    /// The median gap between words of a line (gaps wider than a letter space and narrower than a
    /// cell gap), or nil when the line has fewer than two.
    private func usualWordGap(_ band: [Fragment], _ glyphs: PageGlyphs) -> Double? {
        var gaps: [Double] = []
        var previous: GlyphBox?
        for fragment in band {
            for index in fragment.range where !Whitespace.isSpace(glyphs.scalars[index]) {
                let glyph = glyphs.boxes[index]
                if let previous {
                    let gap = glyph.x1 - previous.x2
                    let height = max(glyph.height, previous.height)
                    if gap > 0.15 * height, gap <= cellGapFactor * height { gaps.append(gap) }
                }
                previous = glyph
            }
        }
        guard gaps.count >= 2 else { return nil }
        gaps.sort()
        return gaps[gaps.count / 2]
    }

    /// True when a line's wide gaps are the stretched spaces of justified prose, not gaps between
    /// cells: justification widens every space of a line alike, so its word gaps are all about one
    /// width, and prose runs on in lower-case words (a third of them at least, in title-case prose), where a table row's cells leave gaps as
    /// uneven as their texts' widths. The gap after a leading list marker is its indent and is
    /// left out.
    static func isJustifiedProse(gaps: [Double], lowercaseWords: Int, afterMarker: Bool) -> Bool {
        let spaces = afterMarker ? gaps.dropFirst() : gaps[...]
        guard spaces.count >= 4, let narrowest = spaces.min(), let widest = spaces.max() else { return false }
        return widest <= 1.2 * narrowest + 0.6 && lowercaseWords * 3 >= spaces.count
    }

    /// Cells put back together as one, their texts joined by single spaces.
    static func joined(_ cells: [VisualCell]) -> VisualCell {
        var text = cells[0].text
        var starts = cells[0].wordStarts
        for cell in cells.dropFirst() {
            text += " "
            let offset = text.utf8.count
            starts.append(VisualCell.WordStart(offset: offset, x: cell.x1))
            starts += cell.wordStarts.map { VisualCell.WordStart(offset: $0.offset + offset, x: $0.x) }
            text += cell.text
        }
        return VisualCell(text: text, x1: cells[0].x1, x2: cells[cells.count - 1].x2,
                          y1: cells.map(\.y1).min() ?? cells[0].y1, y2: cells.map(\.y2).max() ?? cells[0].y2, wordStarts: starts)
    }

    /// Buffers one page's lines reuse, so a line allocates only what it keeps.
    private struct LineScratch {
        /// The current cell's text.
        var cellText = UTF8Buffer(capacity: 64)
        /// The whole line's text: its cells joined by spaces.
        var lineText = UTF8Buffer(capacity: 64)
        var sizes = SizeTally()
        /// Every gap between words on the line, cell gaps included, in x order.
        var wordGaps: [Double] = []
        /// How many of the line's words start with a lower-case letter.
        var lowercaseWords = 0
    }

    private func line(from band: [Fragment], _ glyphs: PageGlyphs, _ scratch: inout LineScratch) -> VisualLine {
        let fragments = band.count == 1 ? band : band.sorted { $0.box.x1 < $1.box.x1 }
        var cells: [VisualCell] = []
        scratch.cellText.removeAll()
        scratch.lineText.removeAll()
        scratch.sizes.removeAll()
        scratch.wordGaps.removeAll(keepingCapacity: true)
        scratch.lowercaseWords = 0
        // Handed to each cell, so a fresh array per cell.
        var wordStarts: [VisualCell.WordStart] = []
        var cellX1 = 0.0
        var cellY1 = Double.infinity
        var cellY2 = -Double.infinity
        var previousInk: GlyphBox?
        var previousScalar: Unicode.Scalar = " "
        // The line's usual space between words, measured only when a double space is in question.
        var typicalGap: Double??
        var pendingSpace = false
        var box = fragments[0].box
        var boldCount = 0
        var inkCount = 0
        // Characters come in runs of one style: sizes and weight are counted per run.
        var runStyle: Int32 = -1
        var runLength = 0
        func closeRun() {
            if runStyle >= 0, runLength > 0 {
                let style = glyphs.styles[Int(runStyle)]
                scratch.sizes.count((style.size * 2).rounded() / 2, times: runLength)
                if style.isBold { boldCount += runLength }
            }
            runLength = 0
        }

        func closeCell() {
            if !scratch.cellText.isEmpty, let previousInk {
                cells.append(VisualCell(text: scratch.cellText.string, x1: cellX1, x2: previousInk.x2, y1: cellY1, y2: cellY2,
                                        wordStarts: wordStarts))
                // A one-cell line's text is its cell's; only a second cell needs the line built.
                if cells.count == 2 { scratch.lineText.append(cells[0].text) }
                if cells.count >= 2 {
                    scratch.lineText.appendSpace()
                    scratch.lineText.append(cells[cells.count - 1].text)
                }
            }
            wordStarts = []
            scratch.cellText.removeAll()
            cellY1 = .infinity
            cellY2 = -.infinity
        }
        for fragment in fragments {
            box.x1 = min(box.x1, fragment.box.x1)
            box.y1 = min(box.y1, fragment.box.y1)
            box.x2 = max(box.x2, fragment.box.x2)
            box.y2 = max(box.y2, fragment.box.y2)
            for index in fragment.range {
                let scalar = glyphs.scalars[index]
                if Whitespace.isSpace(scalar) {
                    pendingSpace = true
                    continue
                }
                let glyph = glyphs.boxes[index]
                if let previous = previousInk {
                    let gap = glyph.x1 - previous.x2
                    let height = max(glyph.height, previous.height)
                    if gap > 0.15 * height {
                        scratch.wordGaps.append(gap)
                        if scalar.properties.isLowercase { scratch.lowercaseWords += 1 }
                    }
                    if gap > cellGapFactor * height,
                       !isDoubleSpace(gap, after: previousScalar, in: fragments, glyphs, typicalGap: &typicalGap) {
                        closeCell()
                        cellX1 = glyph.x1
                    } else if pendingSpace || gap > 0.15 * height {
                        scratch.cellText.appendSpace()
                        // One allocation for the usual cell's words rather than growing from one.
                        if wordStarts.isEmpty { wordStarts.reserveCapacity(16) }
                        wordStarts.append(VisualCell.WordStart(offset: scratch.cellText.count, x: glyph.x1))
                    }
                } else {
                    cellX1 = glyph.x1
                }
                pendingSpace = false
                cellY1 = min(cellY1, glyph.y1)
                cellY2 = max(cellY2, glyph.y2)
                scratch.cellText.append(scalar)
                previousInk = glyph
                previousScalar = scalar
                inkCount += 1
                let styleNumber = glyphs.styleIndex[index]
                if styleNumber != runStyle {
                    closeRun()
                    runStyle = styleNumber
                }
                runLength += 1
            }
            pendingSpace = true
        }
        closeCell()
        closeRun()
        // A bullet or list number set apart by a hanging indent belongs to its item, not a cell.
        // A marker far from its text is a cell of its own ("6." under "Item No." in a cover table).
        if cells.count >= 2, Self.isListMarker(cells[0].text), cells[1].x1 - cells[0].x2 < 5 * (cells[0].y2 - cells[0].y1) {
            let shift = cells[0].text.utf8.count + 1
            cells[1] = VisualCell(text: cells[0].text + " " + cells[1].text, x1: cells[0].x1, x2: cells[1].x2,
                                  y1: min(cells[0].y1, cells[1].y1), y2: max(cells[0].y2, cells[1].y2),
                                  wordStarts: cells[1].wordStarts.map { .init(offset: $0.offset + shift, x: $0.x) })
            cells.remove(at: 0)
        }
        if cells.count >= 3,
           Self.isJustifiedProse(gaps: scratch.wordGaps, lowercaseWords: scratch.lowercaseWords,
                                 afterMarker: Self.isListMarker(String(cells[0].text.prefix { $0 != " " }))) {
            cells = [Self.joined(cells)]
        }
        let fontSize = scratch.sizes.mostCommon ?? box.height
        // Merging a list marker into the next cell keeps the line's text: they were joined by a space.
        let text = cells.count == 1 ? cells[0].text : scratch.lineText.string
        return VisualLine(cells: cells, box: box, fontSize: fontSize, isBold: inkCount > 0 && boldCount * 2 > inkCount, text: text)
    }
}

/// How many characters of a line have each font size: a line has only a few sizes, so a short
/// list searched in order does better than a dictionary.
struct SizeTally {
    private var sizes: [Double] = []
    private var counts: [Int] = []

    /// Forgets the sizes counted, keeping the storage.
    mutating func removeAll() {
        sizes.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
    }

    mutating func count(_ size: Double, times: Int = 1) {
        if let index = sizes.firstIndex(of: size) {
            counts[index] += times
        } else {
            sizes.append(size)
            counts.append(times)
        }
    }

    /// The size with the most characters; on a tie, the larger size.
    var mostCommon: Double? {
        var best: Int?
        for index in sizes.indices {
            guard let current = best else { best = index; continue }
            if counts[index] > counts[current] || (counts[index] == counts[current] && sizes[index] > sizes[current]) { best = index }
        }
        return best.map { sizes[$0] }
    }
}

/// Text built a scalar at a time as UTF-8 bytes: the per-character buffer of ``VisualLineBuilder``.
struct UTF8Buffer {
    private var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }
    /// The number of bytes so far.
    var count: Int { bytes.count }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            bytes.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func appendSpace() {
        bytes.append(0x20)
    }

    /// Empties the buffer, keeping its storage.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
