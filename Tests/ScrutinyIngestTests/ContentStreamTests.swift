import Foundation
import Testing
@testable import ScrutinyIngest

/// Page content streams compressed with FlateDecode alone are inflated by zlib instead of
/// poppler's own decoder (`CPopplerText`), for speed. These pin that the glyphs and marked-content
/// text are the same either way, and which streams go which way.
@Suite struct ContentStreamTests {
    static let fixtures = PDFReaderTests.fixtures
    static let samples = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    /// Everything the shim gives for a PDF: every page's glyphs and styles, then the
    /// marked-content text of every structure node; and how its content streams were read.
    struct Reading: Equatable {
        var pages: [[String]] = []
        var contentTexts: [String] = []
    }

    func read(_ url: URL, zlib: Bool) throws -> (reading: Reading, sources: (inflated: Int, leftToPoppler: Int)) {
        let file = try #require(PopplerTextFile(data: Data(contentsOf: url), readsStructure: true))
        file.inflatesContentWithZlib = zlib
        var reading = Reading()
        for index in 0..<file.pageCount {
            let page = file.readPage(index)
            let glyphs = page.glyphs
            var lines = ["\(page.width)x\(page.height)", "\(glyphs.styles)"]
            for (offset, scalar) in glyphs.scalars.enumerated() {
                lines.append("\(scalar.value) \(glyphs.boxes[offset]) \(glyphs.styleIndex[offset])")
            }
            reading.pages.append(lines)
        }
        reading.contentTexts = (0..<file.structureNodes.count).map { file.contentText(of: $0) }
        return (reading, file.contentStreamSources)
    }

    @Test func zlibAndPopplersDecoderGiveTheSameGlyphsAndText() throws {
        let samplePDFs = try FileManager.default.contentsOfDirectory(at: Self.samples, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }
        let fixturePDFs = ["report-untagged.pdf", "report-tagged.pdf", "report-tagged-unusual-syntax.pdf",
                           "report-tagged-object-streams.pdf", "report-tagged-encrypted.pdf", "report-untagged-bad-checksums.pdf"]
            .map { Self.fixtures.appendingPathComponent($0) }
        #expect(samplePDFs.count >= 4)
        var inflatedSomewhere = 0
        for url in samplePDFs + fixturePDFs {
            let fast = try read(url, zlib: true)
            let slow = try read(url, zlib: false)
            #expect(fast.reading == slow.reading, "\(url.lastPathComponent)")
            #expect(fast.reading.pages.joined().count > 10, "\(url.lastPathComponent) has text")
            #expect(slow.sources.inflated == 0)
            #expect(fast.sources.inflated + fast.sources.leftToPoppler == slow.sources.leftToPoppler)
            inflatedSomewhere += fast.sources.inflated
        }
        #expect(inflatedSomewhere > 0)
    }

    @Test func libreOfficeContentStreamsAreInflatedByZlib() throws {
        for name in ["report-untagged.pdf", "report-tagged.pdf"] {
            let sources = try read(Self.fixtures.appendingPathComponent(name), zlib: true).sources
            #expect(sources.inflated >= 2, "\(name)")
            #expect(sources.leftToPoppler == 0, "\(name)")
        }
    }

    @Test func streamsZlibCannotOrMayNotReadAreLeftToPoppler() throws {
        // Uncompressed streams (qpdf's QDF form), an encrypted file, and checksums zlib refuses.
        for name in ["report-tagged-unusual-syntax.pdf", "report-tagged-encrypted.pdf", "report-untagged-bad-checksums.pdf"] {
            let sources = try read(Self.fixtures.appendingPathComponent(name), zlib: true).sources
            #expect(sources.inflated == 0, "\(name)")
            #expect(sources.leftToPoppler >= 2, "\(name)")
        }
    }

    @Test func aBrokenChecksumLosesNoText() throws {
        let broken = try read(Self.fixtures.appendingPathComponent("report-untagged-bad-checksums.pdf"), zlib: true).reading
        let intact = try read(Self.fixtures.appendingPathComponent("report-untagged.pdf"), zlib: true).reading
        #expect(broken == intact)
    }
}
