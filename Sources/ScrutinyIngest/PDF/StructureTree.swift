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
struct StructureTree {
    /// The blocks in document order, or `nil` when the PDF has no structure tree.
    static func blocks(of file: PopplerFile) -> [TaggedBlock]? {
        guard let root = poppler_structure_element_iter_new(file.raw) else { return nil }
        defer { poppler_structure_element_iter_free(root) }
        var walker = StructureWalker()
        walker.walk(root)
        return walker.blocks
    }
}

private struct StructureWalker {
    var blocks: [TaggedBlock] = []
    private var lastPage = 0

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

    private static func text(of element: OpaquePointer) -> String {
        let raw = takeGString(poppler_structure_element_get_text(element, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE)) ?? ""
        return Whitespace.collapse(PDFDocEncodingRepair.repair(raw))
    }

    private mutating func emit(_ kind: TaggedBlock.Kind, _ element: OpaquePointer) {
        var text = Self.text(of: element)
        guard !text.isEmpty else { return }
        if case .listItem = kind { text = Self.spacedBullet(text) }
        blocks.append(TaggedBlock(kind: kind, page: page(of: element), cells: [text]))
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
        blocks.append(TaggedBlock(kind: .tableRow, page: rowPage, cells: cells))
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
