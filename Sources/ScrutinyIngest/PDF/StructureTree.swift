import CPoppler

/// One block read from a tagged PDF's structure tree.
struct TaggedBlock: Sendable {
    enum Kind: Sendable { case paragraph, heading(level: Int?), listItem, tableRow }

    var kind: Kind
    /// 0-based page index.
    var page: Int
    /// The block's text; for a table row, its cells (a cell's paragraphs joined by "\n").
    var cells: [String]
}

/// Walks a tagged PDF's structure tree (`poppler_structure_element_iter_*`) into blocks:
/// headings (H, H1–H6), paragraphs (P), list items (LI), table rows (TR with TH/TD cells).
///
/// poppler re-reads the whole page for every marked-content piece whose text is asked for, so
/// simple table rows (one text piece per cell) take their cell text from the page's visual lines
/// instead, where the tree and the geometry provably agree (see ``TableRowResolver``).
struct StructureTree {
    /// The blocks in document order, or `nil` when the PDF has no structure tree.
    /// - Parameter visualLines: each page's visual lines; `nil` reads every text from the tree.
    static func blocks(of file: PopplerFile, visualLines: [[VisualLine]]? = nil) -> [TaggedBlock]? {
        guard let root = poppler_structure_element_iter_new(file.raw) else { return nil }
        defer { poppler_structure_element_iter_free(root) }
        var walker = StructureWalker(defersSimpleRows: visualLines != nil)
        walker.walk(root)
        return walker.resolvedBlocks(visualLines: visualLines ?? [])
    }
}

/// A table row whose cells each hold at most one text source, read later.
struct PendingRow {
    /// 0-based page index.
    var page: Int
    /// Per cell, the element whose text is the cell's text, or `nil` for a cell without content.
    /// Each element holds a reference released by ``StructureWalker/resolvedBlocks(visualLines:)``.
    var sources: [OpaquePointer?]

    /// Cells with content, which the page shows as visual cells.
    var filledCount: Int { sources.count { $0 != nil } }

    /// The cells' text as the structure tree gives it (one poppler page pass per cell).
    func treeCells() -> [String] { sources.map { $0.map(StructureWalker.text(of:)) ?? "" } }

    /// The cells' text taken from one visual line whose cells line up with the filled cells.
    func cells(from visualCells: [String]) -> [String] {
        var next = visualCells.makeIterator()
        return sources.map { $0 == nil ? "" : (next.next() ?? "") }
    }
}

/// A visual line as its cells' collapsed text and as words with the x where each starts (and the
/// visual cell each is in): adjacent table columns can share one visual cell when their gap is narrow.
struct RowLine {
    var cells: [String]
    var words: [(text: String, x: Double, cell: Int)] = []

    init(_ line: VisualLine) {
        cells = line.cells.map { Whitespace.collapse($0.text) }
        for (index, cell) in line.cells.enumerated() {
            let scalars = Array(cell.text.unicodeScalars)
            let starts = [(offset: 0, x: cell.x1)] + cell.wordStarts.map { (offset: $0.offset, x: $0.x) }
            for (position, start) in starts.enumerated() where start.offset < scalars.count {
                let end = position + 1 < starts.count ? min(starts[position + 1].offset, scalars.count) : scalars.count
                guard start.offset < end else { continue }
                let word = Whitespace.collapse(scalars[start.offset..<end])
                if !word.isEmpty { words.append((word, start.x, index)) }
            }
        }
    }

    /// Where each column starts and where its last word starts, for a line holding a row whose
    /// filled cells have `counts` words each; `nil` where the line's words do not add up.
    func columns(wordCounts counts: [Int]) -> [(first: Double, last: Double)]? {
        guard counts.reduce(0, +) == words.count, !counts.contains(0) else { return nil }
        var result: [(first: Double, last: Double)] = []
        var index = 0
        for count in counts {
            result.append((words[index].x, words[index + count - 1].x))
            index += count
        }
        return result
    }

    /// The line's words split at `thresholds` (a column starts at the first word at or right of
    /// its threshold), or `nil` where a column would be empty or a cell gap falls inside a column.
    func split(at thresholds: [Double]) -> [String]? {
        var groups = Array(repeating: [String](), count: thresholds.count + 1)
        var previous: (group: Int, cell: Int)?
        for word in words {
            let group = thresholds.count { word.x >= $0 }
            if let previous, previous.cell != word.cell, previous.group == group { return nil }
            groups[group].append(word.text)
            previous = (group, word.cell)
        }
        guard !groups.contains(where: \.isEmpty) else { return nil }
        return groups.map { $0.joined(separator: " ") }
    }
}

/// Reads the cells of consecutive table rows on one page from the page's visual lines.
///
/// The first and last rows are read from the tree and located on the page by their text. The
/// rows between take their cells from the visual lines between only when there are exactly as
/// many lines as rows (each row is then one line, in order) and every line either has as many
/// cells as its row has filled cells, or splits into them at the column starts both bounding rows
/// agree on (a column gap falling inside a cell, or an empty column, rules the split out).
/// Otherwise the middle row is read and located, and each half is checked the same way. Where a
/// row cannot be located, the rows it bounds are read from the tree.
struct TableRowResolver {
    /// The page's visual lines.
    var lines: [RowLine]

    func cells(of rows: [PendingRow]) -> [[String]] {
        var cells = [[String]?](repeating: nil, count: rows.count)
        func tree(_ index: Int) -> [String] {
            if let known = cells[index] { return known }
            let read = rows[index].treeCells()
            cells[index] = read
            return read
        }
        func line(of index: Int, in range: Range<Int>) -> Int? {
            let filled = tree(index).filter { !$0.isEmpty }
            guard !filled.isEmpty, !range.isEmpty else { return nil }
            let text = filled.joined(separator: " ")
            return range.first { lines[$0].cells.joined(separator: " ") == text }
        }
        /// Where each column starts, agreed by the rows at `first` and `last` (read from the tree).
        func thresholds(_ first: Int, _ last: Int, _ firstLine: Int, _ lastLine: Int) -> [Double]? {
            guard rows[first].sources.map({ $0 == nil }) == rows[last].sources.map({ $0 == nil }) else { return nil }
            let counts = { (index: Int) in tree(index).filter { !$0.isEmpty }.map { $0.split(separator: " ").count } }
            guard let a = lines[firstLine].columns(wordCounts: counts(first)),
                  let b = lines[lastLine].columns(wordCounts: counts(last)), a.count == b.count else { return nil }
            var result: [Double] = []
            for column in a.indices.dropFirst() {
                let low = max(a[column - 1].last, b[column - 1].last), high = min(a[column].first, b[column].first)
                // Just left of where the column starts in both rows: a long entry in the column before
                // can run far right, so a cut further left would take its last words.
                guard low < high - 1 else { return nil }
                result.append(high - 1)
            }
            return result
        }
        func fill(_ first: Int, _ last: Int, _ firstLine: Int, _ lastLine: Int) {
            guard last - first > 1 else { return }
            let between = first + 1..<last
            if last - first == lastLine - firstLine {
                let columns = thresholds(first, last, firstLine, lastLine)
                let pattern = rows[first].sources.map { $0 == nil }
                var found: [Int: [String]] = [:]
                for index in between {
                    let row = lines[firstLine + index - first]
                    if row.cells.count == rows[index].filledCount {
                        found[index] = rows[index].cells(from: row.cells)
                    } else if let columns, rows[index].sources.map({ $0 == nil }) == pattern, let split = row.split(at: columns) {
                        found[index] = rows[index].cells(from: split)
                    } else {
                        break
                    }
                }
                if found.count == between.count {
                    for (index, read) in found { cells[index] = read }
                    return
                }
            }
            let middle = (first + last) / 2
            guard let middleLine = line(of: middle, in: firstLine + 1..<lastLine) else {
                for index in between { _ = tree(index) }
                return
            }
            fill(first, middle, firstLine, middleLine)
            fill(middle, last, middleLine, lastLine)
        }
        if rows.count > 2, let firstLine = line(of: 0, in: 0..<lines.count),
           let lastLine = line(of: rows.count - 1, in: firstLine + 1..<lines.count) {
            fill(0, rows.count - 1, firstLine, lastLine)
        }
        return rows.indices.map { tree($0) }
    }
}

struct StructureWalker {
    /// A block read, or a simple table row whose cells are read later.
    enum Entry {
        case block(TaggedBlock)
        case row(PendingRow)
    }

    /// Whether simple table rows are kept as ``PendingRow``s rather than read at once.
    var defersSimpleRows = false
    private(set) var entries: [Entry] = []
    private var lastPage = 0

    init(defersSimpleRows: Bool = false) {
        self.defersSimpleRows = defersSimpleRows
    }

    /// The blocks read so far (pending rows excluded).
    var blocks: [TaggedBlock] {
        entries.compactMap { if case .block(let block) = $0 { block } else { nil } }
    }

    /// The blocks in order, pending rows read from `visualLines` where they agree with the tree.
    func resolvedBlocks(visualLines: [[VisualLine]]) -> [TaggedBlock] {
        var out: [TaggedBlock] = []
        var index = entries.startIndex
        while index < entries.endIndex {
            guard case .row(let row) = entries[index] else {
                if case .block(let block) = entries[index] { out.append(block) }
                index += 1
                continue
            }
            var run = [row]
            var end = index + 1
            while end < entries.endIndex, case .row(let next) = entries[end], next.page == row.page {
                run.append(next)
                end += 1
            }
            let lines = row.page < visualLines.count ? visualLines[row.page].map(RowLine.init) : []
            for (pending, cells) in zip(run, TableRowResolver(lines: lines).cells(of: run)) {
                for source in pending.sources { if let source { g_object_unref(UnsafeMutableRawPointer(source)) } }
                if cells.contains(where: { !$0.isEmpty }) { out.append(TaggedBlock(kind: .tableRow, page: pending.page, cells: cells)) }
            }
            index = end
        }
        return out
    }

    private static let headingLevels: [UInt32: Int] = [
        POPPLER_STRUCTURE_ELEMENT_HEADING_1.rawValue: 1, POPPLER_STRUCTURE_ELEMENT_HEADING_2.rawValue: 2,
        POPPLER_STRUCTURE_ELEMENT_HEADING_3.rawValue: 3, POPPLER_STRUCTURE_ELEMENT_HEADING_4.rawValue: 4,
        POPPLER_STRUCTURE_ELEMENT_HEADING_5.rawValue: 5, POPPLER_STRUCTURE_ELEMENT_HEADING_6.rawValue: 6,
    ]

    /// Visits `iterator`'s element and its siblings.
    mutating func walk(_ iterator: OpaquePointer) {
        repeat {
            guard let element = poppler_structure_element_iter_get_element(iterator) else { continue }
            defer { g_object_unref(UnsafeMutableRawPointer(element)) }
            let kind = poppler_structure_element_get_kind(element).rawValue
            switch kind {
            case POPPLER_STRUCTURE_ELEMENT_PARAGRAPH.rawValue, POPPLER_STRUCTURE_ELEMENT_CAPTION.rawValue:
                emit(.paragraph, element)
            case POPPLER_STRUCTURE_ELEMENT_HEADING.rawValue:
                emit(.heading(level: nil), element)
            case _ where Self.headingLevels[kind] != nil:
                emit(.heading(level: Self.headingLevels[kind]), element)
            case POPPLER_STRUCTURE_ELEMENT_LIST_ITEM.rawValue:
                emit(.listItem, element)
            case POPPLER_STRUCTURE_ELEMENT_TABLE_ROW.rawValue:
                row(iterator, element)
            default:
                if let child = poppler_structure_element_iter_get_child(iterator) {
                    walk(child)
                    poppler_structure_element_iter_free(child)
                }
            }
        } while poppler_structure_element_iter_next(iterator) != 0
    }

    private mutating func page(of element: OpaquePointer) -> Int {
        let page = Int(poppler_structure_element_get_page(element))
        if page >= 0 { lastPage = page }
        return lastPage
    }

    static func text(of element: OpaquePointer) -> String {
        let raw = takeGString(poppler_structure_element_get_text(element, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE)) ?? ""
        return Whitespace.collapse(PDFDocEncodingRepair.repair(raw))
    }

    private mutating func emit(_ kind: TaggedBlock.Kind, _ element: OpaquePointer) {
        var text = Self.text(of: element)
        guard !text.isEmpty else { return }
        if case .listItem = kind { text = Self.spacedBullet(text) }
        entries.append(.block(TaggedBlock(kind: kind, page: page(of: element), cells: [text])))
    }

    /// "•Reduce" (label and body run together) becomes "• Reduce".
    private static func spacedBullet(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        if scalars.count > 1, Bullets.inlineGlyphs.contains(scalars[0]), !Whitespace.isSpace(scalars[1]) {
            scalars.insert(" ", at: 1)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// A TR: one cell per TH/TD child; a cell's paragraphs (P, H, LI inside it) joined by "\n".
    private mutating func row(_ iterator: OpaquePointer, _ element: OpaquePointer) {
        let rowPage = page(of: element)
        if defersSimpleRows, let sources = Self.simpleSources(iterator) {
            entries.append(.row(PendingRow(page: rowPage, sources: sources)))
            return
        }
        var cells: [String] = []
        if let child = poppler_structure_element_iter_get_child(iterator) {
            defer { poppler_structure_element_iter_free(child) }
            repeat {
                guard let cell = poppler_structure_element_iter_get_element(child) else { continue }
                defer { g_object_unref(UnsafeMutableRawPointer(cell)) }
                var paragraphs: [String] = []
                if let inner = poppler_structure_element_iter_get_child(child) {
                    var nested = StructureWalker()
                    nested.walk(inner)
                    poppler_structure_element_iter_free(inner)
                    paragraphs = nested.blocks.map { $0.cells.joined(separator: "\n") }
                }
                let text = paragraphs.isEmpty ? Self.text(of: cell) : paragraphs.joined(separator: "\n")
                cells.append(text)
            } while poppler_structure_element_iter_next(child) != 0
        }
        guard cells.contains(where: { !$0.isEmpty }) else { return }
        entries.append(.block(TaggedBlock(kind: .tableRow, page: rowPage, cells: cells)))
    }

    /// What a cell's content is made of: text pieces, and the blocks (P, H, LI, TR…) the walk
    /// would read inside it.
    private struct CellContent {
        var pieces = 0
        var blocks: [(element: OpaquePointer, kind: UInt32, pieces: Int)] = []
    }

    private static let blockKinds: Set<UInt32> = Set([
        POPPLER_STRUCTURE_ELEMENT_PARAGRAPH, POPPLER_STRUCTURE_ELEMENT_CAPTION, POPPLER_STRUCTURE_ELEMENT_HEADING,
        POPPLER_STRUCTURE_ELEMENT_LIST_ITEM, POPPLER_STRUCTURE_ELEMENT_TABLE_ROW,
    ].map(\.rawValue)).union(headingLevels.keys)

    /// Counts the text pieces below `iterator` and its siblings, noting the blocks met on the way
    /// (each retained; the caller releases them).
    private static func survey(_ iterator: OpaquePointer, into content: inout CellContent, insideBlock: Bool) {
        repeat {
            guard let element = poppler_structure_element_iter_get_element(iterator) else { continue }
            if poppler_structure_element_is_content(element) != 0 { content.pieces += 1 }
            let kind = poppler_structure_element_get_kind(element).rawValue
            let isBlock = !insideBlock && blockKinds.contains(kind)
            let before = content.pieces
            if let child = poppler_structure_element_iter_get_child(iterator) {
                survey(child, into: &content, insideBlock: insideBlock || isBlock)
                poppler_structure_element_iter_free(child)
            }
            if isBlock {
                content.blocks.append((element, kind, content.pieces - before))
            } else {
                g_object_unref(UnsafeMutableRawPointer(element))
            }
        } while poppler_structure_element_iter_next(iterator) != 0
    }

    /// For a row whose every cell is empty, one paragraph or heading holding all the cell's text,
    /// or plain text: per cell, the element to read (retained), or `nil` for an empty cell.
    /// `nil` when some cell is more complex (lists, several paragraphs, nested tables).
    private static func simpleSources(_ iterator: OpaquePointer) -> [OpaquePointer?]? {
        guard let child = poppler_structure_element_iter_get_child(iterator) else { return nil }
        defer { poppler_structure_element_iter_free(child) }
        var sources: [OpaquePointer?] = []
        var simple = true
        repeat {
            guard let cell = poppler_structure_element_iter_get_element(child) else { continue }
            var content = CellContent()
            if let inner = poppler_structure_element_iter_get_child(child) {
                survey(inner, into: &content, insideBlock: false)
                poppler_structure_element_iter_free(inner)
            }
            let lone = content.blocks.count == 1 ? content.blocks[0] : nil
            if content.pieces == 0 {
                sources.append(nil)
            } else if content.blocks.isEmpty {
                sources.append(g_object_ref(UnsafeMutableRawPointer(cell)).map(OpaquePointer.init))
            } else if let lone, lone.pieces == content.pieces,
                      lone.kind != POPPLER_STRUCTURE_ELEMENT_LIST_ITEM.rawValue, lone.kind != POPPLER_STRUCTURE_ELEMENT_TABLE_ROW.rawValue {
                sources.append(g_object_ref(UnsafeMutableRawPointer(lone.element)).map(OpaquePointer.init))
            } else {
                simple = false
            }
            for block in content.blocks { g_object_unref(UnsafeMutableRawPointer(block.element)) }
            g_object_unref(UnsafeMutableRawPointer(cell))
        } while simple && poppler_structure_element_iter_next(child) != 0
        guard simple else {
            for source in sources { if let source { g_object_unref(UnsafeMutableRawPointer(source)) } }
            return nil
        }
        return sources
    }
}

/// poppler 22.12 hands back some structure-element text as UTF-8 bytes that were read as
/// PDFDocEncoding ("Â£45" for "£45", "â€¢" for "•"). Where mapping the characters back to those
/// bytes gives valid UTF-8 with at least one multi-byte character, that is the real text.
enum PDFDocEncodingRepair {
    /// PDFDocEncoding 0x80...0xA0, which differ from Latin-1.
    private static let high: [UInt32: UInt8] = {
        let scalars: [UInt32] = [
            0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212, 0x2030, 0x201E, 0x201C, 0x201D, 0x2018,
            0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD,
            0x20AC,
        ]
        var map: [UInt32: UInt8] = [:]
        for (offset, scalar) in scalars.enumerated() where scalar != 0xFFFD { map[scalar] = UInt8(0x80 + offset) }
        return map
    }()

    static func repair(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var sawHigh = false
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = high[scalar.value] {
                bytes.append(byte)
                sawHigh = true
            } else if scalar.value > 0xA0 && scalar.value <= 0xFF {
                bytes.append(UInt8(scalar.value))
                sawHigh = true
            } else {
                return text
            }
        }
        guard sawHigh, let repaired = String(validating: bytes, as: UTF8.self) else { return text }
        return repaired
    }
}
