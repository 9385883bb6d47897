import ScrutinyCore

/// Reads the pages of one PDF that need OCR: renders each with poppler, reads it with the
/// process's Tesseract engine and turns the words into glyphs; keeps the tally the report's
/// `source.ocr` and warnings are made from.
struct PageOCR {
    let settings: OCRSettings
    /// 1-based pages read so far, with their mean word confidence.
    private(set) var pagesRead: [(page: Int, confidence: Double, words: Int)] = []
    private(set) var warnings: [String] = []
    private var reportedUnavailable = false

    init(settings: OCRSettings) {
        self.settings = settings
    }

    /// Whether the page with these text-layer glyphs goes to OCR.
    func wants(_ glyphs: PageGlyphs) -> Bool {
        switch settings.mode {
        case .never: false
        case .always: true
        case .auto: !TextLayerCheck.isUsable(glyphs)
        }
    }

    /// The page read by OCR (`layerGlyphs` are its text layer's): its glyphs and size in points (swapped when it was turned a quarter),
    /// or `nil` when OCR found no words (a blank scan) or could not run; the caller keeps the text layer then.
    mutating func read(_ file: PopplerTextFile, pageIndex: Int, layerGlyphs: PageGlyphs) -> (width: Double, height: Double, glyphs: PageGlyphs)? {
        let engine: TesseractEngine
        switch TesseractEngine.shared {
        case .success(let shared): engine = shared
        case .failure(let unavailable):
            if !reportedUnavailable { warnings.append("ocr: unavailable: \(unavailable.description)") }
            reportedUnavailable = true
            return nil
        }
        guard let image = file.renderGray(pageIndex, dpi: settings.dpi) else {
            warnings.append("ocr: page \(pageIndex + 1) could not be rendered")
            return nil
        }
        if image.isBlank { return nil }
        let result = engine.read(image)
        guard !result.words.isEmpty else { return nil }
        let confidence = result.meanConfidence
        if confidence < settings.discardBelow {
            warnings.append("ocr: page \(pageIndex + 1) read with mean confidence \(Self.format(confidence)), below \(Self.format(settings.discardBelow)): "
                            + "its text is left out (a picture, a map or a very poor scan)")
            return nil
        }
        let glyphs = OCRGlyphs(dpi: settings.dpi).glyphs(from: result)
        // A page whose text layer has a few characters keeps them unless OCR reads far more:
        // a cover with a title and a picture is not worth replacing by the picture's noise.
        let layer = TextLayerCheck.readableCharacters(in: layerGlyphs)
        if layer > 0, TextLayerCheck.readableCharacters(in: glyphs) < max(TextLayerCheck.minimumReadableCharacters, 2 * layer) {
            return nil
        }
        pagesRead.append((pageIndex + 1, confidence, result.words.count))
        if confidence < settings.confidenceFloor {
            warnings.append("ocr: page \(pageIndex + 1) mean confidence \(Self.format(confidence)) is below \(Self.format(settings.confidenceFloor))")
        }
        let pointsPerPixel = 72 / settings.dpi
        return (Double(result.width) * pointsPerPixel, Double(result.height) * pointsPerPixel, glyphs)
    }

    /// The document's OCR summary (word-weighted mean confidence), `nil` when no page was read.
    var summary: OCRSummary? {
        guard !pagesRead.isEmpty else { return nil }
        let words = pagesRead.reduce(0) { $0 + $1.words }
        let weighted = pagesRead.reduce(0.0) { $0 + $1.confidence * Double($1.words) }
        let mean = words > 0 ? (weighted / Double(words) * 10).rounded() / 10 : 0
        return OCRSummary(pages: pagesRead.map(\.page), meanConfidence: mean)
    }

    /// The warnings for the report: one line for the whole document, then each page's own.
    var reportWarnings: [String] {
        guard let summary else { return warnings }
        let pages = summary.pages.count == 1 ? "1 page" : "\(summary.pages.count) pages"
        return ["ocr: \(pages), mean confidence \(Self.format(summary.meanConfidence))"] + warnings
    }

    private static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
