import Foundation
import ScrutinyCore

/// Reads a PDF: ``PopplerTextFile`` opens it and gives its metadata and, per page, the characters
/// with their boxes and fonts in one poppler pass, rebuilt into visual lines and grouped into
/// logical lines (see ``LogicalLineGrouper``). A PDF poppler cannot open is opened again through
/// poppler-glib, whose errors say why (encrypted, damaged).
/// Where the PDF is tagged, its structure tree gives the blocks instead (see ``StructureTree``):
/// the tree decides what is a heading, a paragraph, a list item or a table cell, the page's
/// visual lines give each block its style and place. The tree's text is gathered in the same
/// page passes. Set `readsStructureTree` to `false` to read tagged PDFs by geometry alone.
/// Pages without a usable text layer are rendered and read by OCR (see ``OCRSettings``); their
/// words become the same glyphs a text layer gives, so the rest of the reading is unchanged.
/// The outline (bookmarks) is read through poppler-glib (see ``DocumentOutline``).
public struct PDFReader: Sendable {
    /// Whether a tagged PDF's structure tree supplies its blocks.
    public var readsStructureTree: Bool
    /// Which pages OCR reads, and at what resolution.
    public var ocr: OCRSettings

    public init(readsStructureTree: Bool = true, ocr: OCRSettings = .standard) {
        self.readsStructureTree = readsStructureTree
        self.ocr = ocr
    }

    /// Reads a PDF from its bytes. A PDF poppler cannot open is opened again through poppler-glib
    /// (never with a password), whose error names the failure.
    public func read(data: Data) throws(InputFailure) -> SourceDocument {
        try Self.checkLooksLikePDF(data)
        guard let text = PopplerTextFile(data: data, readsStructure: readsStructureTree) else {
            _ = try PopplerFile(data: data)
            throw Self.unreadablePages
        }
        // The bookmarks come through poppler-glib, which the shim does not wrap; they are read
        // first, as a pack's items may be told by them.
        let outline = (try? PopplerFile(data: data)).map(DocumentOutline.entries(of:)) ?? []
        return read(text, outline: outline)
    }

    /// Fails early for bytes that cannot be a PDF, with a message naming what they look like.
    static func checkLooksLikePDF(_ data: Data) throws(InputFailure) {
        if data.isEmpty { throw InputFailure(.empty, "the file has no bytes") }
        let head = data.prefix(1024)
        if head.range(of: Data("%PDF-".utf8)) != nil { return }
        if head.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0 }) {
            throw InputFailure(.empty, "the file has no content, only white space")
        }
        let lowered = String(decoding: head, as: UTF8.self).lowercased()
        let looksLike: String
        if lowered.contains("<html") || lowered.contains("<!doctype") || lowered.contains("<body") || lowered.contains("<p>") {
            looksLike = "looks like HTML"
        } else if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            looksLike = "looks like a ZIP or Office file"
        } else if String(data: head, encoding: .utf8) != nil {
            looksLike = "looks like plain text"
        } else {
            looksLike = "unknown content"
        }
        throw InputFailure(.unsupported, "named .pdf but is not a PDF (\(looksLike)); give it the right extension or get the real PDF")
    }

    /// For a PDF that poppler cannot open but poppler-glib can (not expected: they share a parser).
    static let unreadablePages = InputFailure(.corrupt, "poppler opened the PDF but could not read its pages; get a fresh copy or re-export it")

    /// Reads an opened document whose bookmarks are `outline`.
    private func read(_ text: PopplerTextFile, outline: [OutlineEntry]) -> SourceDocument {
        var metadata = text.metadata
        var warnings: [String] = []
        let builder = VisualLineBuilder()
        var pageLines: [[VisualLine]] = []
        var sizes: [(width: Double, height: Double)] = []
        var anyText = false
        var pageOCR = PageOCR(settings: ocr)
        for index in 0..<text.pageCount {
            var page = text.readPage(index)
            if pageOCR.wants(page.glyphs), let read = pageOCR.read(text, pageIndex: index, layerGlyphs: page.glyphs) {
                page = read
            }
            sizes.append((page.width, page.height))
            let glyphs = page.glyphs
            if !glyphs.isEmpty { anyText = true }
            pageLines.append(builder.lines(from: glyphs))
        }
        if !anyText { warnings.append("no_text_layer") }
        warnings += pageOCR.reportWarnings
        let ocrSummary = pageOCR.summary

        if readsStructureTree, anyText, ocrSummary == nil, let blocks = StructureTree(text)?.blocks(), !blocks.isEmpty {
            metadata.tagged = true
            let (bodySize, headingSizes) = Self.typeSizes(of: pageLines[...])
            let layout = TaggedLayout(bodySize: bodySize, headingSizes: headingSizes)
            var pages: [SourcePage] = []
            for (index, lines) in layout.pages(blocks, visualLines: pageLines, heights: sizes.map(\.height)).enumerated() {
                pages.append(SourcePage(number: index + 1, width: sizes[index].width, height: sizes[index].height, lines: lines))
            }
            if pages.isEmpty { pages.append(SourcePage(number: 1, lines: [])) }
            let document = RunningHeaderFilter().apply(to: SourceDocument(format: .pdf, pages: pages, metadata: metadata,
                                                                          warnings: warnings, ocr: ocrSummary, outline: outline))
            return Self.withItems(document)
        }
        let document = Self.grouped(pageLines[...], sizes: sizes, format: SourceDocument(
            format: .pdf, pages: [], metadata: metadata, warnings: warnings, ocr: ocrSummary, outline: outline))
        let items = AgendaPack().items(of: document)
        guard !items.isEmpty else { return document }
        // A pack: each paper read again on its own, as the file it was before the pack was
        // bound (its own body type size, its own running headers), so an item reads as it
        // would alone. The pages between papers (front sheet, blank pages) form runs of their own.
        var starts = Set([0])
        for item in items {
            starts.insert(item.firstPage - 1)
            starts.insert(item.lastPage)
        }
        let bounds = starts.filter { $0 < pageLines.count }.sorted() + [pageLines.count]
        let runs = Array(zip(bounds, bounds.dropFirst()))
        let sizesOfPages = sizes.map { PageSize(width: $0.width, height: $0.height) }
        let header = document
        let lines = pageLines
        let pages = runs.concurrentMap { run in
            Self.grouped(lines[run.0..<run.1], sizes: sizesOfPages.map { ($0.width, $0.height) }, format: header).pages
        }.flatMap { $0 }
        let marker = PackStampMarker()
        var pack = document
        pack.pages = pages.map(marker.marking)
        pack.items = items
        return pack
    }

    /// A page's size in points (a Sendable pair for the concurrent re-reading of a pack's papers).
    private struct PageSize: Sendable {
        var width: Double
        var height: Double
    }

    /// The document of a tagged PDF with its pack items, if it is a pack (a tagged file's blocks
    /// come from its structure tree, so its items are not read again).
    private static func withItems(_ document: SourceDocument) -> SourceDocument {
        var document = document
        document.items = AgendaPack().items(of: document)
        return document
    }

    /// The pages `pageLines` (a run of the file's pages, indexed by page) grouped into logical
    /// lines by their own body and heading sizes, running headers marked among them;
    /// `format` gives the document's format, metadata, warnings and OCR summary.
    private static func grouped(_ pageLines: ArraySlice<[VisualLine]>, sizes: [(width: Double, height: Double)],
                                format: SourceDocument) -> SourceDocument {
        let (bodySize, headingSizes) = typeSizes(of: pageLines)
        let grouper = LogicalLineGrouper(bodySize: bodySize, headingSizes: headingSizes)
        var pages: [SourcePage] = []
        for index in pageLines.indices {
            pages.append(SourcePage(number: index + 1, width: sizes[index].width, height: sizes[index].height,
                                    lines: grouper.group(pageLines[index], pageWidth: sizes[index].width)))
        }
        if pages.isEmpty { pages.append(SourcePage(number: 1, lines: [])) }
        var document = format
        document.pages = pages
        return RunningHeaderFilter().apply(to: document)
    }

    /// The body type size (the size most characters are set in) and the larger sizes short
    /// lines are set in, largest first, over `pageLines`.
    private static func typeSizes(of pageLines: ArraySlice<[VisualLine]>) -> (body: Double, headings: [Double]) {
        var sizeWeights: [Double: Int] = [:]
        for lines in pageLines {
            for line in lines { sizeWeights[line.fontSize, default: 0] += line.scalarCount }
        }
        let bodySize = sizeWeights.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 0
        let headingSizes = Set(pageLines.joined().lazy.filter { $0.fontSize > bodySize + 0.75 && $0.scalarCount <= LineShape.headingMaximumLength }
            .map(\.fontSize)).sorted(by: >)
        return (bodySize, headingSizes)
    }
}
