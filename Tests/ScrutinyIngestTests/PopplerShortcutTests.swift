import Foundation
import Testing
@testable import ScrutinyIngest

/// The shim (`CPopplerText`) takes two shortcuts past poppler's own way of showing a page: page
/// content streams compressed with FlateDecode alone are inflated by zlib, and pages that name
/// the same resource dictionary share the resources built for the first of them. These pin that
/// the glyphs and marked-content text are the same either way, and when each shortcut applies.
@Suite struct PopplerShortcutTests {
    static let fixtures = PDFReaderTests.fixtures
    static let samples = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    /// Everything the shim gives for a PDF: every page's size, glyphs and styles, then the
    /// marked-content text of every structure node.
    struct Reading: Equatable {
        var pages: [[String]] = []
        var contentTexts: [String] = []
    }

    struct Shortcuts {
        var zlib = true
        var sharedResources = true
        static let none = Shortcuts(zlib: false, sharedResources: false)
    }

    func read(_ url: URL, _ shortcuts: Shortcuts = Shortcuts())
        throws -> (reading: Reading, streams: (inflated: Int, leftToPoppler: Int), resources: (built: Int, pagesSharing: Int), pages: Int) {
        let file = try #require(PopplerTextFile(data: Data(contentsOf: url), readsStructure: true))
        file.inflatesContentWithZlib = shortcuts.zlib
        file.sharesResources = shortcuts.sharedResources
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
        return (reading, file.contentStreamSources, file.resourceSharing, file.pageCount)
    }

    func fixture(_ name: String) -> URL { Self.fixtures.appendingPathComponent(name) }

    @Test func theShortcutsChangeNoGlyphAndNoText() throws {
        let samplePDFs = try FileManager.default.contentsOfDirectory(at: Self.samples, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pdf" }
        let fixturePDFs = ["report-untagged.pdf", "report-tagged.pdf", "report-tagged-unusual-syntax.pdf",
                           "report-tagged-object-streams.pdf", "report-tagged-encrypted.pdf", "report-untagged-bad-checksums.pdf"]
            .map(fixture)
        #expect(samplePDFs.count >= 4)
        var inflated = 0, pagesSharing = 0
        for url in samplePDFs + fixturePDFs {
            let fast = try read(url)
            let slow = try read(url, .none)
            #expect(fast.reading == slow.reading, "\(url.lastPathComponent)")
            #expect(fast.reading.pages.joined().count > 10, "\(url.lastPathComponent) has text")
            #expect(slow.streams.inflated == 0 && slow.resources.pagesSharing == 0)
            #expect(fast.streams.inflated + fast.streams.leftToPoppler == slow.streams.leftToPoppler)
            inflated += fast.streams.inflated
            pagesSharing += fast.resources.pagesSharing
        }
        #expect(inflated > 0)
        #expect(pagesSharing > 0)
    }

    @Test func eachShortcutAloneChangesNothingEither() throws {
        let url = fixture("report-tagged.pdf")
        let reference = try read(url, .none).reading
        #expect(try read(url, Shortcuts(zlib: true, sharedResources: false)).reading == reference)
        #expect(try read(url, Shortcuts(zlib: false, sharedResources: true)).reading == reference)
    }

    @Test func libreOfficeContentStreamsAreInflatedByZlib() throws {
        for name in ["report-untagged.pdf", "report-tagged.pdf"] {
            let streams = try read(fixture(name)).streams
            #expect(streams.inflated >= 2, "\(name)")
            #expect(streams.leftToPoppler == 0, "\(name)")
        }
    }

    @Test func streamsZlibCannotOrMayNotReadAreLeftToPoppler() throws {
        // Uncompressed streams (qpdf's QDF form), an encrypted file, and checksums zlib refuses.
        for name in ["report-tagged-unusual-syntax.pdf", "report-tagged-encrypted.pdf", "report-untagged-bad-checksums.pdf"] {
            let streams = try read(fixture(name)).streams
            #expect(streams.inflated == 0, "\(name)")
            #expect(streams.leftToPoppler >= 2, "\(name)")
        }
    }

    @Test func aBrokenChecksumLosesNoText() throws {
        #expect(try read(fixture("report-untagged-bad-checksums.pdf")).reading == read(fixture("report-untagged.pdf")).reading)
    }

    @Test func pagesNamingOneResourceDictionaryShareOneSetOfResources() throws {
        // LibreOffice names one resource dictionary from every page.
        for name in ["report-untagged.pdf", "report-tagged.pdf", "report-tagged-encrypted.pdf"] {
            let result = try read(fixture(name))
            #expect(result.pages >= 2)
            #expect(result.resources.built == 1, "\(name)")
            #expect(result.resources.pagesSharing == result.pages, "\(name)")
        }
    }
}
