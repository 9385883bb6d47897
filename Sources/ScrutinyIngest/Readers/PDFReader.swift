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
        return read(text)
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

    /// Reads an opened document.
    private func read(_ text: PopplerTextFile) -> SourceDocument {
        var metadata = text.metadata
        var warnings: [String] = []
        let builder = VisualLineBuilder()
        var pageLines: [[VisualLine]] = []
        var sizes: [(width: Double, height: Double)] = []
        var sizeWeights: [Double: Int] = [:]
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
            let lines = builder.lines(from: glyphs)
            for line in lines { sizeWeights[line.fontSize, default: 0] += line.scalarCount }
            pageLines.append(lines)
        }
        if !anyText { warnings.append("no_text_layer") }
        warnings += pageOCR.reportWarnings
        let ocrSummary = pageOCR.summary
        let bodySize = sizeWeights.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 0
        let headingSizes = Set(pageLines.joined().lazy.filter { $0.fontSize > bodySize + 0.75 && $0.scalarCount <= LineShape.headingMaximumLength }
            .map(\.fontSize)).sorted(by: >)

        var pages: [SourcePage] = []
        if readsStructureTree, anyText, ocrSummary == nil, let blocks = StructureTree(text)?.blocks(), !blocks.isEmpty {
            metadata.tagged = true
            let layout = TaggedLayout(bodySize: bodySize, headingSizes: headingSizes)
            for (index, lines) in layout.pages(blocks, visualLines: pageLines, heights: sizes.map(\.height)).enumerated() {
                pages.append(SourcePage(number: index + 1, width: sizes[index].width, height: sizes[index].height, lines: lines))
            }
        } else {
            let grouper = LogicalLineGrouper(bodySize: bodySize, headingSizes: headingSizes)
            for (index, lines) in pageLines.enumerated() {
                pages.append(SourcePage(number: index + 1, width: sizes[index].width, height: sizes[index].height,
                                        lines: grouper.group(lines, pageWidth: sizes[index].width)))
            }
        }
        if pages.isEmpty { pages.append(SourcePage(number: 1, lines: [])) }
        return RunningHeaderFilter().apply(to: SourceDocument(format: .pdf, pages: pages, metadata: metadata, warnings: warnings,
                                                                  ocr: ocrSummary))
    }
}
