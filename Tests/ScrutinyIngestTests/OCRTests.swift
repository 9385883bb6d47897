import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyIngest

/// OCR of pages without a text layer, on image-only PDFs made at test time from the samples by
/// `scripts/scan-corpus` (pdftoppm renders, the script wraps the images as a PDF). Skips, with a
/// message, where python3 or poppler-utils is missing.
@Suite("OCR of scanned pages", .serialized, .enabled(if: ScanFixtures.canScan, "python3, pdftoppm or pdfinfo is missing: OCR tests skipped"))
struct OCRTests {
    static let sample = ScanFixtures.packageRoot.appendingPathComponent("samples/steepleton-2025-09-16-cabinet-leisure-decarbonisation.pdf")

    /// The words of four letters or more in a document's lines, lower-cased.
    static func words(_ document: SourceDocument) -> Set<String> {
        var words = Set<String>()
        for page in document.pages {
            for line in page.lines {
                for word in line.text.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 4 {
                    words.insert(String(word))
                }
            }
        }
        return words
    }

    /// The share of the text layer's words that OCR also read.
    static func recall(of scanned: SourceDocument, against original: SourceDocument) -> Double {
        let expected = words(original)
        guard !expected.isEmpty else { return 0 }
        return Double(expected.intersection(words(scanned)).count) / Double(expected.count)
    }

    static func read(_ url: URL, ocr: OCRSettings = .standard) throws -> SourceDocument {
        try PDFReader(ocr: ocr).read(data: Data(contentsOf: url))
    }

    @Test("a scanned report is read by OCR, page by page, into the words its text layer had")
    func scannedReportIsRead() throws {
        let folder = try ScanFixtures.Folder()
        let scanned = try folder.scan(Self.sample)
        let original = try Self.read(Self.sample)
        let document = try Self.read(scanned)

        #expect(document.ocr?.pages == Array(1...original.pages.count))
        #expect((document.ocr?.meanConfidence ?? 0) > 80)
        #expect(!document.warnings.contains("no_text_layer"))
        #expect(document.warnings.contains { $0.hasPrefix("ocr: \(original.pages.count) pages, mean confidence ") })
        let recall = Self.recall(of: document, against: original)
        #expect(recall >= 0.9, "OCR read \(recall) of the text layer's words")
    }

    @Test("--ocr never leaves a scan unread, with no_text_layer")
    func ocrNeverKeepsTheEmptyTextLayer() throws {
        let folder = try ScanFixtures.Folder()
        let document = try Self.read(try folder.scan(Self.sample), ocr: .off)
        #expect(document.warnings.contains("no_text_layer"))
        #expect(document.ocr == nil)
        #expect(document.pages.allSatisfy { $0.lines.isEmpty })
    }

    @Test("a page scanned sideways is turned upright before it is read")
    func sidewaysPageIsTurned() throws {
        let folder = try ScanFixtures.Folder()
        let scanned = try folder.scan(Self.sample, arguments: ["--rotate", "90"])
        let document = try Self.read(scanned)
        let original = try Self.read(Self.sample)
        let recall = Self.recall(of: document, against: original)
        #expect(recall >= 0.85, "OCR read \(recall) of the text layer's words from the turned pages")
        let page = try #require(document.pages.first)
        // Upright again: the page is taller than it is wide, as the original was.
        #expect((page.height ?? 0) > (page.width ?? 0))
    }

    @Test("in a mixed document only the scanned pages are read by OCR; the text pages are untouched")
    func mixedDocumentReadsOnlyScannedPages() throws {
        let folder = try ScanFixtures.Folder()
        let scanned = try folder.scan(Self.sample)
        let mixed = folder.url.appendingPathComponent("mixed.pdf")
        try ScanFixtures.run("qpdf", ["--empty", "--pages", Self.sample.path, scanned.path, "--", mixed.path])
        let original = try Self.read(Self.sample)
        let count = original.pages.count
        let document = try Self.read(mixed)

        #expect(document.pages.count == 2 * count)
        #expect(document.ocr?.pages == Array((count + 1)...(2 * count)))
        // The pages are read by geometry as the text report alone is (a document with OCR pages
        // is never read by a structure tree, which could not hold them), and running headers are
        // marked across all its pages, so line texts, not roles, are compared.
        let textPages = document.pages.prefix(count).map { $0.lines.map(\.text) }
        let alone = try PDFReader(readsStructureTree: false, ocr: .off).read(data: Data(contentsOf: Self.sample))
            .pages.map { $0.lines.map(\.text) }
        #expect(textPages == alone)
        #expect(document.pages.suffix(count).allSatisfy { !$0.lines.isEmpty })
    }

    @Test("a blank scanned page gives no lines, and a scan of blank pages only keeps no_text_layer")
    func blankScanGivesNothing() throws {
        let folder = try ScanFixtures.Folder()
        let scanned = try folder.scan(Self.sample, arguments: ["--blank-page"])
        let document = try Self.read(scanned)
        let pages = document.pages.count
        #expect(document.pages.last?.lines.isEmpty == true)
        #expect(document.ocr?.pages.contains(pages) == false)

        let blank = folder.url.appendingPathComponent("blank.pdf")
        try ScanFixtures.run("qpdf", ["--empty", "--pages", scanned.path, "z", "--", blank.path])
        let onlyBlank = try Self.read(blank)
        #expect(onlyBlank.warnings.contains("no_text_layer"))
        #expect(onlyBlank.ocr == nil)
        #expect(onlyBlank.pages.allSatisfy { $0.lines.isEmpty })
    }

    @Test("a scan whose image data is damaged is read as far as it goes, without a crash")
    func damagedImageStreamDoesNotCrash() throws {
        let folder = try ScanFixtures.Folder()
        let scanned = try folder.scan(Self.sample)
        var bytes = try Data(contentsOf: scanned)
        // Overwrite a stretch in the middle of the first image's compressed data.
        let start = try #require(bytes.range(of: Data("stream\n".utf8))).upperBound
        let damage = start + 2_000
        try #require(bytes.count > damage + 4_000)
        bytes.replaceSubrange(damage..<(damage + 4_000), with: Data(repeating: 0x5A, count: 4_000))
        let damaged = folder.url.appendingPathComponent("damaged.pdf")
        try bytes.write(to: damaged)
        do {
            let document = try Self.read(damaged)
            let original = try Self.read(Self.sample)
            #expect(document.pages.count == original.pages.count)
        } catch let failure as InputFailure {
            #expect(!failure.message.isEmpty)
        }
    }

    @Test("a text layer of a handful of characters counts as none; glyphs without Unicode count against it")
    func textLayerCheckCountsReadableCharacters() {
        func glyphs(_ text: String) -> PageGlyphs {
            var glyphs = PageGlyphs()
            glyphs.scalars = Array(text.unicodeScalars)
            glyphs.boxes = glyphs.scalars.map { _ in GlyphBox(x1: 0, y1: 0, x2: 1, y2: 1) }
            glyphs.styleIndex = glyphs.scalars.map { _ in -1 }
            return glyphs
        }
        #expect(!TextLayerCheck.isUsable(glyphs("Page 3 of 12")))
        #expect(TextLayerCheck.isUsable(glyphs("The committee is asked to note the report.")))
        #expect(!TextLayerCheck.isUsable(glyphs(String(repeating: "\u{E001}\u{E002}\u{FFFD}", count: 20) + "abcdefghij")))
    }

    @Test("a grey image turned four quarter turns is itself again; a quarter turn swaps its sides")
    func grayImageTurns() {
        let image = GrayImage(width: 3, height: 2, pixels: [1, 2, 3, 4, 5, 6], dpi: 72)
        let quarter = image.turnedClockwise(by: 90)
        #expect(quarter.width == 2 && quarter.height == 3)
        // Turned clockwise, the bottom-left pixel comes to the top left.
        #expect(quarter.pixels == [4, 1, 5, 2, 6, 3])
        #expect(image.turnedClockwise(by: 270).pixels == [3, 6, 2, 5, 1, 4])
        #expect(image.turnedClockwise(by: 180).pixels == [6, 5, 4, 3, 2, 1])
        #expect(quarter.turnedClockwise(by: 90).turnedClockwise(by: 90).turnedClockwise(by: 90).pixels == image.pixels)
    }
}

/// Makes image-only PDFs with `scripts/scan-corpus`.
enum ScanFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let script = packageRoot.appendingPathComponent("scripts/scan-corpus")

    static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)", "/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var canScan: Bool { tool("python3") != nil && tool("pdftoppm") != nil && tool("pdfinfo") != nil && tool("qpdf") != nil }

    struct ToolFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `name arguments...` and waits; throws when it fails.
    static func run(_ name: String, _ arguments: [String]) throws {
        let process = Process()
        guard let path = tool(name) else { throw ToolFailed(description: "\(name) is not installed") }
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // qpdf exits 3 for warnings, with its output written.
        guard process.terminationStatus == 0 || (name == "qpdf" && process.terminationStatus == 3) else {
            throw ToolFailed(description: "\(name) exited \(process.terminationStatus): \(String(decoding: message, as: UTF8.self))")
        }
    }

    /// A temporary folder, removed when the test ends.
    final class Folder {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-ocr-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        /// `pdf` as an image-only PDF in this folder (200 dpi grey, as the scans).
        func scan(_ pdf: URL, arguments: [String] = []) throws -> URL {
            let out = url.appendingPathComponent(UUID().uuidString)
            try ScanFixtures.run("python3", [ScanFixtures.script.path, pdf.path, out.path] + arguments)
            return out.appendingPathComponent(pdf.lastPathComponent)
        }
    }
}
