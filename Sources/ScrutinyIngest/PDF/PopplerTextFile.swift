import CPopplerText
import Foundation
import ScrutinyCore

/// A PDF read through the `CPopplerText` shim: each page's glyphs (characters with boxes and
/// fonts, as poppler-glib's text calls give them) in one poppler pass per page, and for a tagged
/// PDF the structure tree, whose marked-content text is gathered in those same passes.
/// Not `Sendable`: a file lives in the task that opened it.
final class PopplerTextFile {
    private let raw: OpaquePointer
    /// ``GlyphStyle/isBoldFont(_:)`` of the font names seen so far.
    private var boldFonts: [String: Bool] = [:]

    /// Opens the PDF in `data`; `nil` when poppler cannot. With `readsStructure`, a tagged PDF's
    /// structure tree is read too.
    init?(data: Data, readsStructure: Bool) {
        let opened = data.withUnsafeBytes { scrutiny_pdf_text_open($0.baseAddress, $0.count, readsStructure ? 1 : 0) }
        guard let opened else { return nil }
        raw = opened
    }

    deinit { scrutiny_pdf_text_free(raw) }

    var pageCount: Int { Int(scrutiny_pdf_text_page_count(raw)) }

    /// The document information, converted as poppler-glib converts it.
    var metadata: DocumentMetadata {
        DocumentInformation.metadata(title: scrutiny_pdf_text_information(raw, "Title").map { String(cString: $0) },
                                     author: scrutiny_pdf_text_information(raw, "Author").map { String(cString: $0) },
                                     creationSeconds: Int64(scrutiny_pdf_text_creation_date(raw)))
    }

    /// Reads the 0-based page `index`: its size in points and its glyphs.
    func readPage(_ index: Int) -> (width: Double, height: Double, glyphs: PageGlyphs) {
        var width = 0.0, height = 0.0
        let count = scrutiny_pdf_text_read_page(raw, Int32(index), &width, &height)
        var glyphs = PageGlyphs()
        let styleCount = scrutiny_pdf_text_style_count(raw)
        if let styles = scrutiny_pdf_text_styles(raw) {
            glyphs.styles = (0..<styleCount).map { index in
                let name = styles[index].font_name.map { String(cString: $0) } ?? ""
                return GlyphStyle(size: styles[index].font_size, isBold: isBoldFont(name))
            }
        }
        guard count > 0, let raw = scrutiny_pdf_text_glyphs(raw) else { return (width, height, glyphs) }
        let source = UnsafeBufferPointer(start: raw, count: count)
        glyphs.scalars = source.map { Unicode.Scalar($0.scalar) ?? "\u{FFFD}" }
        glyphs.boxes = source.map { GlyphBox(x1: $0.x1, y1: $0.y1, x2: $0.x2, y2: $0.y2) }
        glyphs.styleIndex = source.map(\.style)
        return (width, height, glyphs)
    }

    /// Renders the 0-based page `index` at `dpi` in 8-bit grey, for OCR; `nil` when poppler cannot.
    func renderGray(_ index: Int, dpi: Double) -> GrayImage? {
        var width: Int32 = 0, height: Int32 = 0, rowBytes: Int32 = 0
        guard let base = scrutiny_pdf_text_render_gray(raw, Int32(index), dpi, &width, &height, &rowBytes),
              width > 0, height > 0, rowBytes >= width else { return nil }
        return GrayImage(width: Int(width), height: Int(height), rowBytes: Int(rowBytes), dpi: dpi, copying: base)
    }

    /// Whether the font `name` is bold, remembered per name: every page repeats the same few fonts.
    private func isBoldFont(_ name: String) -> Bool {
        if let known = boldFonts[name] { return known }
        let isBold = GlyphStyle.isBoldFont(name)
        boldFonts[name] = isBold
        return isBold
    }

    /// The structure tree's nodes in document order (none for an untagged PDF).
    var structureNodes: UnsafeBufferPointer<scrutiny_structure_node> {
        UnsafeBufferPointer(start: scrutiny_pdf_text_nodes(raw), count: scrutiny_pdf_text_node_count(raw))
    }

    /// The text of the marked-content node at `index` on the pages read so far.
    func contentText(of index: Int) -> String {
        var length = 0
        guard let bytes = scrutiny_pdf_text_content_text(raw, index, &length), length > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }

    /// Whether the structure tree read equals poppler's own (slower) reading of it.
    var structureMatchesPoppler: Bool { scrutiny_pdf_text_structure_matches_poppler(raw) != 0 }

    /// How many of the structure tree's objects were read straight from the file's bytes, and how
    /// many poppler fetched (object streams, encrypted files, syntax the byte reader leaves alone).
    var structureObjectSources: (fromBytes: Int, fromPoppler: Int) {
        var fromBytes = 0, fromPoppler = 0
        scrutiny_pdf_text_structure_sources(raw, &fromBytes, &fromPoppler)
        return (fromBytes, fromPoppler)
    }

    /// Whether page content streams compressed with FlateDecode alone are inflated by zlib (the
    /// default) rather than by poppler's own, slower decoder. Tests compare the two readings.
    var inflatesContentWithZlib: Bool = true {
        didSet { scrutiny_pdf_text_set_inflates_content(raw, inflatesContentWithZlib ? 1 : 0) }
    }

    /// How many page content streams read so far zlib inflated, and how many were left to poppler
    /// (other filters, decode parameters, encrypted files, data zlib finds damaged).
    var contentStreamSources: (inflated: Int, leftToPoppler: Int) {
        var inflated = 0, leftToPoppler = 0
        scrutiny_pdf_text_content_sources(raw, &inflated, &leftToPoppler)
        return (inflated, leftToPoppler)
    }

    /// Whether pages naming the same resource dictionary share one set of resources built for the
    /// first of them (the default) rather than each loading its own, as poppler does.
    var sharesResources: Bool = true {
        didSet { scrutiny_pdf_text_set_shares_resources(raw, sharesResources ? 1 : 0) }
    }

    /// How many sets of shared resources were built, and how many pages read so far used one.
    var resourceSharing: (built: Int, pagesSharing: Int) {
        var built = 0, pagesSharing = 0
        scrutiny_pdf_text_resource_sharing(raw, &built, &pagesSharing)
        return (built, pagesSharing)
    }
}
