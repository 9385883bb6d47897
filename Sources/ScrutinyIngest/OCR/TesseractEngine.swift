import CTesseract
import Foundation

/// One word Tesseract read: its text, box in the image's pixels and confidence (0-100).
struct OCRWord: Sendable, Hashable {
    var text: String
    var left: Int, top: Int, right: Int, bottom: Int
    var confidence: Double
    /// The point size Tesseract estimates for the word's text line (0 when it gives none).
    var pointSize: Double
    /// True for the first word of a text line.
    var startsLine: Bool
    /// The mean width of the word's strokes in pixels (``GrayImage/strokeWidth(left:top:right:bottom:)``).
    var strokeWidth: Double = 0
    /// True when a table's vertical rule stood before the word (its remnant, read as "|", was
    /// dropped): the gap before it is a column gap, however narrow.
    var followsRule = false
}

/// What OCR read on one page.
struct OCRPageResult: Sendable {
    var words: [OCRWord]
    /// The image the words' boxes refer to (turned upright when the page was scanned sideways).
    var width: Int
    var height: Int
    /// How far the page was turned clockwise before reading (0, 90, 180, 270).
    var turnedBy: Int
    /// How much a reading is worth against another of the same page: the words read with some
    /// confidence (a page read the wrong way up gives many words, nearly all of them doubtful).
    var trust: Int { words.count { $0.confidence >= 70 } }

    /// The mean word confidence, 0-100 (0 when no word was read).
    var meanConfidence: Double {
        words.isEmpty ? 0 : words.reduce(0) { $0 + $1.confidence } / Double(words.count)
    }
}

/// Why OCR could not run at all.
struct OCRUnavailable: Error, Sendable, CustomStringConvertible {
    var description: String
}

/// A Tesseract engine (English), made once per process and reused for every page; its calls are
/// serialised, since one engine reads one image at a time. Tesseract's own OpenMP threads are
/// held to one: parallelism comes from `extract --jobs`.
final class TesseractEngine: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = NSLock()

    /// The process's engine, made on first use; an error when Tesseract or its English model is missing.
    static let shared: Result<TesseractEngine, OCRUnavailable> = {
        guard let engine = TesseractEngine() else {
            return .failure(OCRUnavailable(description:
                "Tesseract could not load its English model; install tesseract-ocr-eng (make setup does) or run with --ocr never"))
        }
        return .success(engine)
    }()

    /// A second engine with Tesseract's orientation model (osd.traineddata, Debian tesseract-ocr-osd),
    /// made the first time a page needs it; `nil` when the model is missing.
    private lazy var orientationHandle: OpaquePointer? = Self.makeHandle(language: "osd")

    private init?() {
        guard let handle = Self.makeHandle(language: "eng") else { return nil }
        self.handle = handle
    }

    private static func makeHandle(language: String) -> OpaquePointer? {
        guard let handle = TessBaseAPICreate() else { return nil }
        if TessBaseAPIInit3(handle, nil, language) != 0 {
            TessBaseAPIDelete(handle)
            return nil
        }
        _ = TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
        // One block of text (the API's default; the command-line tool's is full layout analysis, which
        // reads display-type titles better but drops the hanging numbers of numbered paragraphs as
        // noise, and recommendations are numbered paragraphs). Lines are rebuilt from the words' boxes
        // anyway, so Tesseract's reading order does not matter.
        TessBaseAPISetPageSegMode(handle, PSM_SINGLE_BLOCK)
        return handle
    }

    deinit {
        TessBaseAPIDelete(handle)
        if let orientationHandle { TessBaseAPIDelete(orientationHandle) }
    }

    /// Reads `image`. When the upright reading finds little it trusts, the page's orientation is
    /// detected and, if it was scanned sideways or upside down, the turned image is read instead.
    func read(_ image: GrayImage) -> OCRPageResult {
        lock.lock()
        defer { lock.unlock() }
        let (reading, readImage) = uprightReading(of: image.removingRules())
        return rereadingUnreadBands(of: reading, in: readImage)
    }

    /// The page's reading and the image it was read from: the upright one, or, when the upright
    /// reading finds little it trusts and Tesseract detects a turn, the turned image's.
    private func uprightReading(of image: GrayImage) -> (OCRPageResult, GrayImage) {
        let upright = recognise(image)
        guard upright.words.count < 8 || upright.meanConfidence < 70,
              let detected = orientation(of: image), detected != 0 else { return (upright, image) }
        // Tesseract's word for the turn is read either way round in the wild; the reading it
        // trusts more settles which.
        var best = (upright, image)
        for degrees in Set([detected, (360 - detected) % 360]).sorted() {
            let turned = image.turnedClockwise(by: degrees)
            var reading = recognise(turned)
            reading.turnedBy = degrees
            if reading.trust > best.0.trust { best = (reading, turned) }
            if best.0.meanConfidence >= 80 { break }
        }
        return best
    }

    /// A band this much taller than an inch is a picture, not a line of display type: not read again.
    static let tallestRereadBand = 1.5
    /// The words of a band read again are kept when their mean confidence is at least this.
    static let rereadConfidence = 70.0

    /// `reading` with the bands of ink it read no word in read again on their own: Tesseract's
    /// block segmentation passes over a line of display type beside a logo or above a rule, yet
    /// reads it well cut out of the page. Bands that read as noise are left out.
    private func rereadingUnreadBands(of reading: OCRPageResult, in image: GrayImage) -> OCRPageResult {
        guard !reading.words.isEmpty else { return reading }
        let tallest = Int(Self.tallestRereadBand * image.dpi)
        var result = reading
        for rows in image.inkBands() where rows.count <= tallest {
            let read = reading.words.contains { word in
                let overlap = min(word.bottom, rows.upperBound) - max(word.top, rows.lowerBound)
                return overlap > (word.bottom - word.top) / 2
            }
            guard !read else { continue }
            let margin = max(4, rows.count / 4)
            let band = recognise(image.band(rows, margin: margin))
            guard !band.words.isEmpty, band.meanConfidence >= Self.rereadConfidence else { continue }
            let shift = rows.lowerBound - margin
            result.words += band.words.map { word in
                var word = word
                word.top += shift
                word.bottom += shift
                return word
            }
        }
        return result
    }

    /// The clockwise turn that makes the page upright, when Tesseract is confident of one.
    private func orientation(of image: GrayImage) -> Int? {
        guard let orientationHandle else { return nil }
        setImage(image, on: orientationHandle)
        defer { TessBaseAPIClear(orientationHandle) }
        var degrees: Int32 = 0
        var confidence: Float = 0
        var scriptName: UnsafePointer<CChar>?
        var scriptConfidence: Float = 0
        guard TessBaseAPIDetectOrientationScript(orientationHandle, &degrees, &confidence, &scriptName, &scriptConfidence) != 0,
              confidence >= 2 else { return nil }
        return Int(degrees)
    }

    private func setImage(_ image: GrayImage, on engine: OpaquePointer? = nil) {
        let engine = engine ?? handle
        image.pixels.withUnsafeBufferPointer { pixels in
            TessBaseAPISetImage(engine, pixels.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(engine, Int32(image.dpi.rounded()))
    }

    /// Every word of one image, in Tesseract's reading order.
    private func recognise(_ image: GrayImage) -> OCRPageResult {
        setImage(image)
        defer { TessBaseAPIClear(handle) }
        var words: [OCRWord] = []
        guard TessBaseAPIRecognize(handle, nil) == 0, let iterator = TessBaseAPIGetIterator(handle) else {
            return OCRPageResult(words: [], width: image.width, height: image.height, turnedBy: 0)
        }
        defer { TessResultIteratorDelete(iterator) }
        let page = TessResultIteratorGetPageIterator(iterator)
        repeat {
            guard let raw = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let text = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
            TessDeleteText(raw)
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            guard !text.isEmpty, TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom) != 0 else { continue }
            var bold: Int32 = 0, italic: Int32 = 0, underlined: Int32 = 0, monospace: Int32 = 0, serif: Int32 = 0
            var smallCaps: Int32 = 0, pointSize: Int32 = 0, fontID: Int32 = 0
            _ = TessResultIteratorWordFontAttributes(iterator, &bold, &italic, &underlined, &monospace, &serif, &smallCaps,
                                                     &pointSize, &fontID)
            words.append(OCRWord(text: text, left: Int(left), top: Int(top), right: Int(right), bottom: Int(bottom),
                                 confidence: Double(TessResultIteratorConfidence(iterator, RIL_WORD)),
                                 pointSize: Double(max(0, pointSize)),
                                 startsLine: TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0,
                                 strokeWidth: image.strokeWidth(left: Int(left), top: Int(top), right: Int(right), bottom: Int(bottom))))
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        return OCRPageResult(words: words, width: image.width, height: image.height, turnedBy: 0)
    }
}
