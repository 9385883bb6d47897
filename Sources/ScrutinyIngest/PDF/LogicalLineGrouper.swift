import ScrutinyCore

/// Groups a page's visual lines into logical lines: headings, paragraphs, list items and table rows.
///
/// Uses the document's body font size (the size most text has) to tell headings (bold or larger,
/// short, not ending a sentence) from body text; joins a paragraph's wrapped lines with spaces;
/// starts a new line at every bullet or list number; turns runs of lines with two or more cells
/// into one row per table row, merging each row's wrapped cell lines by column.
struct LogicalLineGrouper {
    /// The size most of the document's text has.
    var bodySize: Double
    /// Heading sizes larger than the body, largest first: index + 1 is the heading level.
    var headingSizes: [Double]

    /// Visual-line gap (fraction of line height) above which a paragraph has ended.
    static let paragraphGap = 0.5

    func group(_ lines: [VisualLine], pageWidth: Double) -> [SourceLine] {
        var out: [SourceLine] = []
        var lines = lines
        let rightEdge = lines.lazy.filter { $0.cells.count == 1 }.map(\.box.x2).max() ?? pageWidth
        var index = 0
        while index < lines.count {
            if index + 1 < lines.count, Self.opensNumberedParagraph(lines[index], next: lines[index + 1]) {
                let line = lines[index]
                lines[index] = VisualLine(cells: [VisualLineBuilder.joined(line.cells)], box: line.box, fontSize: line.fontSize,
                                          isBold: line.isBold, text: line.text)
            }
            let first = lines[index]
            if first.cells.count >= 2 {
                let table = TableRegion.collect(lines, from: index)
                for row in table.rows {
                    let filled = row.cells.filter { !$0.isEmpty }
                    if filled.count == 1 {
                        // A row with one filled cell (a section label inside a table) reads as a plain line.
                        out.append(SourceLine(number: row.firstLine + 1, text: filled[0], fontSize: row.fontSize, isBold: row.isBold,
                                              box: row.box))
                        continue
                    }
                    out.append(SourceLine(number: row.firstLine + 1, text: row.cells.joined(separator: "\t"), cells: row.cells,
                                          role: .tableRow, fontSize: row.fontSize, isBold: row.isBold, box: row.box))
                }
                index = table.end
                continue
            }
            let text = first.text
            let shape = LineShape(text)
            let isHeading = isHeadingStyle(first) && shape.length <= LineShape.headingMaximumLength && !shape.endsLikeProse
                && (shape.listMarkerLength == 0 || shape.isNumberedHeading)
            let role: LineRole = isHeading ? .heading : (shape.listMarkerLength > 0 ? .listItem : .body)
            // Bytes are gathered only when a wrapped line follows; a one-line paragraph keeps its text.
            var joined: WrappedText?
            var box = first.box
            var next = index + 1
            while next < lines.count, continues(lines[next - 1], lines[next], role: role, rightEdge: rightEdge, pageWidth: pageWidth) {
                if joined == nil { joined = WrappedText(text) }
                joined?.appendWrapped(lines[next].text)
                box = Self.union(box, lines[next].box)
                next += 1
            }
            let finalText = joined?.string ?? text
            out.append(SourceLine(number: index + 1, text: finalText, role: role,
                                  headingLevel: isHeading ? level(of: first) : nil, fontSize: first.fontSize,
                                  isBold: first.isBold, box: Box(x: box.x1, y: box.y1, width: box.x2 - box.x1, height: box.y2 - box.y1)))
            index = next
        }
        return out
    }

    /// True when `line` is a paragraph number set out in the margin and the paragraph's first line
    /// ("26   The applicant will …"), whose next line wraps back under the number: a table's
    /// wrapped cell stays in its column, prose returns to the left edge.
    static func opensNumberedParagraph(_ line: VisualLine, next: VisualLine) -> Bool {
        guard line.cells.count == 2, next.cells.count == 1 else { return false }
        let number = line.cells[0].text.utf8
        guard (1...3).contains(number.count), number.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              line.cells[1].text.unicodeScalars.first?.properties.isUppercase == true else { return false }
        let gap = next.box.y1 - line.box.y2
        return abs(next.box.x1 - line.box.x1) < 2 && next.box.x2 > line.cells[1].x1 + 0.5 * (line.cells[1].x2 - line.cells[1].x1)
            && gap < paragraphGap * line.height && abs(next.fontSize - line.fontSize) < 0.5
    }

    private func isHeadingStyle(_ line: VisualLine) -> Bool {
        line.isBold || line.fontSize > bodySize + 0.75
    }

    private func level(of line: VisualLine) -> Int {
        let position = headingSizes.firstIndex { abs($0 - line.fontSize) < 0.5 } ?? headingSizes.count
        return min(6, position + 1)
    }

    /// Whether `next` carries on the logical line that `previous` belongs to.
    private func continues(_ previous: VisualLine, _ next: VisualLine, role: LineRole, rightEdge: Double, pageWidth: Double) -> Bool {
        guard next.cells.count == 1, next.isBold == previous.isBold, abs(next.fontSize - previous.fontSize) < 0.5 else { return false }
        let gap = next.box.y1 - previous.box.y2
        guard gap < Self.paragraphGap * max(previous.height, next.height), gap > -0.5 * previous.height else { return false }
        let shape = LineShape(next.text)
        if shape.listMarkerLength > 0 || shape.isNumberedHeading { return false }
        if role == .heading { return isHeadingStyle(next) && !Self.startsAnotherHeading(previous, next) }
        // A short line that ends a sentence ends its paragraph.
        if let last = previous.text.unicodeScalars.last, ".:?!".unicodeScalars.contains(last),
           previous.box.x2 < rightEdge - 0.15 * pageWidth {
            return false
        }
        return true
    }

    /// True when `next` is a heading of its own under the heading line `previous`, not its
    /// wrapped end: `next`'s first word would have fitted beside `previous` within `next`'s own
    /// width ("1. CONTEXT" over "Understanding the contributions"), so the break was the author's.
    /// A wrapped heading fills its first line; a text box's width is at least its widest line.
    static func startsAnotherHeading(_ previous: VisualLine, _ next: VisualLine) -> Bool {
        guard next.scalarCount > 0 else { return false }
        let firstWord = next.text.prefix { $0 != " " }.count
        let charWidth = (next.box.x2 - next.box.x1) / Double(next.scalarCount)
        let widthWithWord = (previous.box.x2 - previous.box.x1) + charWidth * Double(firstWord + 2)
        return widthWithWord < next.box.x2 - next.box.x1
    }

    static func union(_ a: GlyphBox, _ b: GlyphBox) -> GlyphBox {
        GlyphBox(x1: min(a.x1, b.x1), y1: min(a.y1, b.y1), x2: max(a.x2, b.x2), y2: max(a.y2, b.y2))
    }
}

/// A run of visual lines that form a table, cut into rows.
struct TableRegion {
    struct Row {
        var cells: [String]
        var firstLine: Int
        var box: Box
        var fontSize: Double
        var isBold: Bool
    }

    var rows: [Row]
    /// Index of the first visual line after the table.
    var end: Int

    /// Collects the table that starts at `start` (a line with two or more cells): following lines
    /// with several cells, or one cell that sits inside the table's span, close below.
    static func collect(_ lines: [VisualLine], from start: Int) -> TableRegion {
        var left = lines[start].box.x1
        var end = start + 1
        while end < lines.count {
            let line = lines[end]
            let gap = line.box.y1 - lines[end - 1].box.y2
            guard gap < 1.5 * lines[end - 1].height else { break }
            if line.cells.count < 2 {
                // A lone line left of the table, a list item or a line in another size is body text
                // again; but in a header of bold lines, the first column's cell may sit lower than
                // the others' first lines ("Savings | Savings" over "Programme" over "Area").
                let headerCell = line.isBold && lines[start..<end].allSatisfy(\.isBold) && line.box.x2 < left - 3
                    && gap < LogicalLineGrouper.paragraphGap * line.height
                guard line.box.x1 > left - 1.5 || headerCell, abs(line.fontSize - lines[start].fontSize) < 0.5 else { break }
                // A dash or bullet there starts a list after the table, unless the line wraps a
                // cell of the row above: it starts where that cell does ("Title | Assets –" over
                // "– Integration"), closer than a paragraph break.
                guard LineShape(line.text).listMarkerLength == 0 || wrapsCell(of: lines[end - 1], line, gap: gap) else { break }
            } else {
                // A centred header row starts right of the table's real left edge.
                left = min(left, line.box.x1)
            }
            end += 1
        }
        var region = lines[start..<end]
        // The header row: the first bold line of several cells, near the region's top, over plain lines.
        let headerLine = region.indices.prefix(3).first { index in
            region[index].isBold && region[index].cells.count >= 2 && index + 1 < region.endIndex && !region[index + 1].isBold
        }
        if let headerIndex = headerLine, Self.isLeftAligned(region[(headerIndex + 1)...], under: region[headerIndex]) {
            let header = region[headerIndex]
            // Label rows after the header's rows ("Report title: | …") are a table of their own.
            for index in region.indices where index > headerIndex {
                if region[index].cells.count >= 2, region[index].cells[0].text.hasSuffix(":") { break }
                region[index] = fitted(region[index], under: header)
            }
        }
        let boundaries = columnBoundaries(region)
        return TableRegion(rows: rows(region, start: start, boundaries: boundaries, headerLine: headerLine), end: end)
    }

    /// True when most cells of `body` start where a cell of `header` starts: a table set left-aligned,
    /// whose header cells mark where its columns begin (a centred header marks no such thing).
    private static func isLeftAligned(_ body: ArraySlice<VisualLine>, under header: VisualLine) -> Bool {
        var aligned = 0
        var total = 0
        for line in body where line.cells.count >= 2 {
            for cell in line.cells {
                total += 1
                if header.cells.contains(where: { abs($0.x1 - cell.x1) < 3 }) { aligned += 1 }
            }
        }
        return total > 0 && aligned * 2 >= total
    }

    /// A body line of a table under a bold, left-aligned header row, its cells cut as the header's are: a cell
    /// running across a header cell's start splits at the word that starts there (a narrow gap hid
    /// the column), and a cell of words that line up with no header cell joins the cell before it
    /// (a justified cell's stretched spaces: "Parks  &  Gardens"). Figures keep their cells, since
    /// a column of them may sit right-aligned under a header that is not.
    static func fitted(_ line: VisualLine, under header: VisualLine) -> VisualLine {
        var cells: [VisualCell] = []
        var changed = false
        for cell in line.cells {
            var rest = cell
            for start in header.cells.dropFirst().map(\.x1) where rest.x1 < start - 2 && rest.x2 > start + 2 {
                guard rest.wordStarts.contains(where: { abs($0.x - start) <= 2 }), let (left, right) = rest.split(at: start - 1) else { continue }
                cells.append(left)
                rest = right
                changed = true
            }
            cells.append(rest)
        }
        if cells.count > header.cells.count {
            var merged: [VisualCell] = [cells[0]]
            for cell in cells.dropFirst() {
                let aligned = header.cells.contains { abs($0.x1 - cell.x1) < 3 || abs($0.x2 - cell.x2) < 3 || abs(($0.x1 + $0.x2) - (cell.x1 + cell.x2)) < 6 }
                if aligned || Self.looksLikeFigure(cell.text) {
                    merged.append(cell)
                } else {
                    merged[merged.count - 1] = VisualLineBuilder.joined([merged[merged.count - 1], cell])
                    changed = true
                }
            }
            cells = merged
        }
        guard changed else { return line }
        return VisualLine(cells: cells, box: line.box, fontSize: line.fontSize, isBold: line.isBold)
    }

    /// A cell that opens with a figure: a digit, a currency sign, a bracket or a minus.
    private static func looksLikeFigure(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return (first.value >= 0x30 && first.value <= 0x39) || "£$€(-–".unicodeScalars.contains(first)
    }

    /// True when `line` starts where a cell after the first of `above` starts, a line-wrap gap below it.
    private static func wrapsCell(of above: VisualLine, _ line: VisualLine, gap: Double) -> Bool {
        guard gap < LogicalLineGrouper.paragraphGap * line.height else { return false }
        return above.cells.dropFirst().contains { abs($0.x1 - line.box.x1) < 2 }
    }

    /// The x positions between columns: for each gap between neighbouring cells, the middle of the
    /// gap shared by every line with that many cells.
    private static func columnBoundaries(_ lines: ArraySlice<VisualLine>) -> [Double] {
        let widest = lines.map(\.cells.count).max() ?? 1
        var gaps: [(low: Double, high: Double)] = []
        for line in lines where line.cells.count == widest {
            for index in 1..<line.cells.count {
                let gap = (low: line.cells[index - 1].x2, high: line.cells[index].x1)
                if gaps.count < index {
                    gaps.append(gap)
                } else {
                    let shared = (low: max(gaps[index - 1].low, gap.low), high: min(gaps[index - 1].high, gap.high))
                    if shared.low < shared.high { gaps[index - 1] = shared }
                }
            }
        }
        var boundaries = supported(gaps.map { ($0.low + $0.high) / 2 }, lines)
        // Cells wholly left of every widest line's first cell are a column of their own (a header
        // block's first cell, set lower than the rest).
        let firstColumn = lines.filter { $0.cells.count == widest }.map { $0.cells[0].x1 }.min() ?? 0
        if let leftOfAll = lines.filter({ $0.cells.count == 1 && $0.box.x2 < firstColumn - 3 }).map(\.box.x2).max() {
            boundaries.insert((leftOfAll + firstColumn) / 2, at: 0)
        }
        return boundaries
    }

    /// Drops the boundaries whose column only one plain line puts a cell in, where several lines
    /// have cells: a real column lines up down the table (its cells start, end or centre at one
    /// x) or is named by a bold header cell, while a justified cell's stretched spaces
    /// ("Cabinet  (Trust  Board)") split one line only.
    private static func supported(_ boundaries: [Double], _ lines: ArraySlice<VisualLine>) -> [Double] {
        let rows = lines.filter { $0.cells.count >= 2 }
        guard rows.count >= 2, !boundaries.isEmpty else { return boundaries }
        var kept: [Double] = []
        for (index, boundary) in boundaries.enumerated() {
            // The cells of the column right of this boundary, with the lines they are on.
            var columnCells: [(line: Int, cell: VisualCell)] = []
            var headed = false
            // Plain lines whose cell runs across the boundary with a word starting past it: split
            // there, they have text in the column too (a header's words over two columns do not).
            var spanning = 0
            let next = index + 1 < boundaries.count ? boundaries[index + 1] : .infinity
            for (number, line) in rows.enumerated() {
                for cell in line.cells where column(of: cell, boundaries) == index + 1 {
                    columnCells.append((number, cell))
                    if line.isBold { headed = true }
                }
                if !line.isBold, line.cells.contains(where: { cell in
                    cell.x1 < boundary - 2 && cell.x2 > boundary + 2 && cell.wordStarts.contains { $0.x >= boundary - 1 && $0.x < next }
                }) { spanning += 1 }
            }
            let lines = Set(columnCells.map(\.line)).count
            let aligned = headed || (lines >= 1 && lines + spanning >= 2 && spanning > 0) || columnCells.contains { first in
                columnCells.contains { other in
                    other.line != first.line
                        && (abs(other.cell.x1 - first.cell.x1) < 3 || abs(other.cell.x2 - first.cell.x2) < 3
                            || abs((other.cell.x1 + other.cell.x2) - (first.cell.x1 + first.cell.x2)) < 6)
                }
            }
            if aligned { kept.append(boundary) }
        }
        return kept
    }

    /// Cells that run across a column boundary, where a small gap hid the split, split at the word
    /// that starts past the boundary ("Planning and Building Control 1,342"). In a label row
    /// (`keepingWords`: "Report title: | …", or a line wrapping its value) words on both sides of
    /// a boundary are one value spanning the columns, and stay together.
    private static func splitAcrossBoundaries(_ cells: [VisualCell], _ boundaries: [Double], keepingWords: Bool = false) -> [VisualCell] {
        var out: [VisualCell] = []
        for cell in cells {
            var rest = cell
            for boundary in boundaries where rest.x1 < boundary - 2 && rest.x2 > boundary + 2 {
                guard let (left, right) = rest.split(at: boundary) else { continue }
                if keepingWords, left.text.last?.isLetter == true, right.text.first?.isLetter == true { continue }
                out.append(left)
                rest = right
            }
            out.append(rest)
        }
        return out
    }

    /// True when `cell` carries on the text of the cell above it, which ended at `previousEnd` in
    /// a column whose room ends at `limit`: its first word would not have fitted there. An amount
    /// is a row's figure, never a wrapped word.
    private static func wrapped(_ cell: VisualCell, after previousEnd: Double, before limit: Double) -> Bool {
        guard !isAmount(cell.text) else { return false }
        let height = cell.y2 - cell.y1
        let firstWord = (cell.wordStarts.first?.x ?? cell.x2 + 0.3 * height) - 0.3 * height - cell.x1
        return limit - previousEnd < firstWord
    }

    /// "£1,250", "(3.5)", "12%": a figure without a space in it.
    private static func isAmount(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 14 else { return false }
        var digits = 0
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 { digits += 1; continue }
            guard "£$€,.()%-–km".unicodeScalars.contains(scalar) else { return false }
        }
        return digits > 0
    }

    private static func column(of cell: VisualCell, _ boundaries: [Double]) -> Int {
        let center = cell.x1 + min(cell.x2 - cell.x1, 20) / 2
        return boundaries.firstIndex { center < $0 } ?? boundaries.count
    }

    /// Cuts the region into rows. A new row starts where a line puts text in the first column
    /// while the row already has some, after a gap wider than a line wrap; and where plain lines
    /// follow an all-bold (header) row.
    private static func rows(_ lines: ArraySlice<VisualLine>, start: Int, boundaries: [Double], headerLine: Int?) -> [Row] {
        let columnCount = boundaries.count + 1
        var rows: [Row] = []
        var cells = Array(repeating: WrappedText(), count: columnCount)
        var lastBottom: [Double] = Array(repeating: 0, count: columnCount)
        // Where the last cell put in each column ended, and the line it was on.
        var lastRight: [Double] = Array(repeating: 0, count: columnCount)
        var lastLine: [Int] = Array(repeating: -1, count: columnCount)
        let rightEdge = lines.map(\.box.x2).max() ?? 0
        var rowStart = start
        var box = lines[start].box
        var previousBottom = lines[start].box.y2
        var allBold = true
        var fontSize = lines[start].fontSize

        func closeRow() {
            let texts = cells.map(\.string)
            if texts.contains(where: { !$0.isEmpty }) {
                rows.append(Row(cells: texts, firstLine: rowStart,
                                box: Box(x: box.x1, y: box.y1, width: box.x2 - box.x1, height: box.y2 - box.y1),
                                fontSize: fontSize, isBold: allBold))
            }
            cells = Array(repeating: WrappedText(), count: columnCount)
            allBold = true
        }
        for (offset, line) in zip(lines.indices, lines) {
            let opensLabelRow = line.cells.count >= 2 && line.cells[0].text.hasSuffix(":")
            let wrapsLabelValue = cells[0].string.hasSuffix(":") && line.cells.first.map { column(of: $0, boundaries) } != 0
            let lineCells = splitAcrossBoundaries(line.cells, boundaries, keepingWords: opensLabelRow || wrapsLabelValue)
            let wraps = line.box.y1 - previousBottom < LogicalLineGrouper.paragraphGap * line.height
            let targets = lineCells.map { column(of: $0, boundaries) }
            let rowHasText = cells.contains { !$0.isEmpty }
            // A wrapped cell carries on in one column; a line across several columns is a new row,
            // unless, in the body under a bold header row, each of its cells wraps the cell above
            // it, whose line was full.
            let underHeader = headerLine.map { offset > $0 + 1 } ?? false
            // A sentence wrapped on carries on in lower case somewhere; a new label (":") or a
            // row of capitalised cells in a tight table is a row of its own.
            let carriesOnASentence = lineCells.contains { $0.text.unicodeScalars.first?.properties.isLowercase == true }
                && lineCells.first.map { !$0.text.hasSuffix(":") } ?? false
            let wrapsEveryCell = underHeader && !line.isBold && lineCells.count > 1 && carriesOnASentence
                && zip(lineCells, targets).allSatisfy { cell, target in
                    lastLine[target] == offset - 1 && !cells[target].isEmpty
                        && Self.wrapped(cell, after: lastRight[target], before: target < boundaries.count ? boundaries[target] : rightEdge)
                }
            let newFirstCell = targets.contains(0) && !cells[0].isEmpty && (!wraps || (lineCells.count > 1 && !wrapsEveryCell))
            let afterHeader = rowHasText && allBold && !line.isBold
            if offset != start, newFirstCell || afterHeader {
                closeRow()
                rowStart = offset
                box = line.box
                fontSize = line.fontSize
            }
            for (cell, target) in zip(lineCells, targets) {
                if cells[target].isEmpty {
                    cells[target].append(cell.text)
                } else if cell.y1 - lastBottom[target] > LogicalLineGrouper.paragraphGap * (cell.y2 - cell.y1) {
                    cells[target].appendParagraph(cell.text)
                } else {
                    cells[target].appendWrapped(cell.text)
                }
                lastBottom[target] = cell.y2
                lastRight[target] = cell.x2
                lastLine[target] = offset
            }
            if !line.isBold { allBold = false }
            box = LogicalLineGrouper.union(box, line.box)
            previousBottom = line.box.y2
        }
        closeRow()
        return rows
    }
}
