import Foundation
import ScrutinyCore
import Testing
@testable import ScrutinyIngest

/// Pages of the project's own samples drawn for the review.
@Suite struct PDFPageRendererTests {
    static let brackenford = SamplePDFTests.samples.appendingPathComponent(SamplePDFTests.brackenford)

    @Test(.enabled(if: SamplePDFTests.exists(SamplePDFTests.brackenford), "samples/ is absent"))
    func aPageIsDrawnAtTheResolutionAskedInTheSpaceItsTextBoxesUse() throws {
        let data = try Data(contentsOf: Self.brackenford)
        let pdf = try PDFPageRenderer(data: data)
        let document = try DocumentIngester().ingest(data: data, path: Self.brackenford.path)
        #expect(pdf.pageCount == document.pages.count)
        let size = try #require(pdf.size(ofPage: 1))
        #expect(abs(size.width - (document.pages[0].width ?? 0)) < 0.01)
        #expect(abs(size.height - (document.pages[0].height ?? 0)) < 0.01)

        let image = try #require(pdf.image(ofPage: 1, dpi: 100))
        #expect(image.pixelWidth == Int((size.width * 100 / 72).rounded(.up)))
        #expect(image.pixelHeight == Int((size.height * 100 / 72).rounded(.up)))
        #expect(image.png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let lowRes = try #require(pdf.image(ofPage: 1, dpi: 50))
        #expect(lowRes.pixelWidth < image.pixelWidth)
    }

    @Test(.enabled(if: SamplePDFTests.exists(SamplePDFTests.brackenford) && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
                   "samples/ or python3 is absent"))
    func theInkLiesWhereTheTextLayerSaysTheLinesAre() throws {
        let data = try Data(contentsOf: Self.brackenford)
        let pdf = try PDFPageRenderer(data: data)
        let dpi = 100.0
        let image = try PythonPNG.decode(Data(try #require(pdf.image(ofPage: 1, dpi: dpi)).png))
        let document = try DocumentIngester().ingest(data: data, path: Self.brackenford.path)
        let boxed = document.pages[0].lines.compactMap(\.box)
        #expect(!boxed.isEmpty)
        // Every pixel row holding ink lies within some line's box, give or take two pixels.
        // Ink is a pixel darker than middle grey: a 4-bit grey digit under 8, or an RGB byte under 0x80.
        func hasInk(_ row: String) -> Bool {
            if image.colour == 0 { return row.contains { ($0.hexDigitValue ?? 15) < 8 } }
            return stride(from: 0, to: row.count, by: 2).contains { offset in
                let start = row.index(row.startIndex, offsetBy: offset)
                return (UInt8(row[start..<row.index(start, offsetBy: 2)], radix: 16) ?? 255) < 0x80
            }
        }
        let inkRows = image.rows.indices.filter { hasInk(image.rows[$0]) }
        #expect(inkRows.count > 50)
        let scale = dpi / 72
        let stray = inkRows.filter { y in
            !boxed.contains { box in Double(y) >= (box.y * scale) - 2 && Double(y) <= (box.y + box.height) * scale + 2 }
        }
        // Rules and logos have no text; on this page they are a small share of the ink.
        #expect(Double(stray.count) < Double(inkRows.count) * 0.2, "\(stray.count) of \(inkRows.count) ink rows lie outside every line")
    }

    @Test func aDamagedPDFIsACorruptInput() {
        #expect(throws: InputFailure.self) { try PDFPageRenderer(data: Data("%PDF-1.4 not really".utf8)) }
    }

    /// A renderer keeps its pixels from page to page and paints white again only the rows the last
    /// page drew on: a page drawn after others is the same image as drawn first by a fresh renderer.
    @Test(.enabled(if: SamplePDFTests.exists(SamplePDFTests.brackenford), "samples/ is absent"))
    func aPageDrawnAfterOthersIsTheSameAsDrawnFirst() throws {
        let data = try Data(contentsOf: Self.brackenford)
        let pdf = try PDFPageRenderer(data: data)
        #expect(pdf.pageCount >= 2)
        let pages = Array(1...pdf.pageCount)
        let inOrder = pages.map { pdf.image(ofPage: $0, dpi: 100)?.png }
        let backwards = pages.reversed().map { pdf.image(ofPage: $0, dpi: 100)?.png }.reversed()
        for (number, (first, again)) in zip(pages, zip(inOrder, backwards)) {
            let fresh = try PDFPageRenderer(data: data).image(ofPage: number, dpi: 100)?.png
            #expect(first != nil && first == fresh && again == fresh, "page \(number)")
        }
        // Another resolution in between, then the first again.
        _ = pdf.image(ofPage: 1, dpi: 50)
        #expect(pdf.image(ofPage: 2, dpi: 100)?.png == inOrder[1])
    }

    @Test(.enabled(if: SamplePDFTests.exists(SamplePDFTests.brackenford), "samples/ is absent"))
    func pagesPastTheEndHaveNoImage() throws {
        let pdf = try PDFPageRenderer(data: try Data(contentsOf: Self.brackenford))
        #expect(pdf.image(ofPage: 0, dpi: 100) == nil)
        #expect(pdf.image(ofPage: pdf.pageCount + 1, dpi: 100) == nil)
        #expect(pdf.size(ofPage: pdf.pageCount + 1) == nil)
    }
}
