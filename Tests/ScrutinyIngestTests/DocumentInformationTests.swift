import Foundation
import ScrutinyCore
import Testing
@testable import ScrutinyIngest

/// The title, author and creation date scrutiny reads with its own poppler shim must be what
/// poppler-glib gives for the same file.
@Suite struct DocumentInformationTests {
    /// A one-page PDF whose information dictionary holds `information` (written as given).
    static func pdf(information: String) -> Data {
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>",
                       "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
                       "<< \(information) >>"]
        var bytes = Data()
        for (index, object) in objects.enumerated() {
            offsets.append(body.utf8.count + bytes.count)
            bytes.append(Data("\(index + 1) 0 obj\n".utf8))
            bytes.append(Data(object.utf8.map { $0 }))
            bytes.append(Data("\nendobj\n".utf8))
        }
        var out = Data(body.utf8) + bytes
        let xref = out.count
        body = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { body += String(format: "%010d 00000 n \n", offset) }
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 4 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(Data(body.utf8))
        return out
    }

    func bothReadings(_ data: Data) throws -> (shim: DocumentMetadata, glib: DocumentMetadata) {
        let shim = try #require(PopplerTextFile(data: data, readsStructure: false))
        return (shim.metadata, try PopplerFile(data: data).metadata)
    }

    @Test func everySampleAndFixtureReadsAsPopplerGlibReadsIt() throws {
        let fixtures = PDFReaderTests.fixtures
        let samples = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")
        let pdfs = try (FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)
            + FileManager.default.contentsOfDirectory(at: fixtures, includingPropertiesForKeys: nil)).filter { $0.pathExtension == "pdf" }
        #expect(pdfs.count >= 10)
        for url in pdfs {
            let readings = try bothReadings(Data(contentsOf: url))
            #expect(readings.shim == readings.glib, "\(url.lastPathComponent)")
            #expect(readings.shim.title != nil, "\(url.lastPathComponent)")
        }
    }

    @Test(arguments: [
        // UTF-16 big-endian, with a character outside the Basic Multilingual Plane.
        "/Title <FEFF0043006100660065D83DDE00> /Author <FEFF00C9006D0069006C0065>",
        // PDFDocEncoding: 0x93 is a ligature, 0xA0 the euro sign, 0x7F undefined; a NUL ends the text.
        "/Title (Parks \\223nance \\240 report\\177 \\000unseen) /Author (  Ada  )",
        // Broken UTF-16 (an odd byte count, a lone surrogate): poppler-glib gives nothing.
        "/Title <FEFF004100> /Author <FEFFDC000041>",
        // Little-endian UTF-16, an empty title, a date with a time zone.
        "/Title <FFFE4100620063> /Author () /CreationDate (D:20240229233059+01'30')",
        "/CreationDate (D:2019) /Title (Year only)",
        "/CreationDate <FEFF0044003A00320030003200310030003600310034> /Title (UTF-16 date)",
        "/CreationDate (not a date) /Title (Bad date)",
    ])
    func informationEntriesConvertAsPopplerGlibConvertsThem(_ information: String) throws {
        let readings = try bothReadings(Self.pdf(information: information))
        #expect(readings.shim == readings.glib)
    }

    @Test func informationEntriesHaveTheExpectedValues() throws {
        let utf16 = try bothReadings(Self.pdf(information: "/Title <FEFF0043006100660065D83DDE00> /CreationDate (D:20240229233059+01'30')")).shim
        #expect(utf16.title == "Cafe\u{1F600}")
        #expect(utf16.created == "2024-02-29T22:00:59Z")
        let docEncoding = try bothReadings(Self.pdf(information: "/Title (Parks \\223nance \\240 report\\177 \\000unseen) /Author (  Ada  )")).shim
        #expect(docEncoding.title == "Parks \u{FB01}nance \u{20AC} report\u{FFFD}")
        #expect(docEncoding.author == "Ada")
        #expect(docEncoding.created == nil)
    }

    @Test func creationDatesAreWrittenAsISO8601InUTC() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        for seconds: Int64 in [1, 59, 86_399, 86_400, 951_782_400, 951_868_799, 1_709_247_659, 4_102_444_800, 253_402_300_799] {
            #expect(DocumentInformation.iso8601(secondsSince1970: seconds) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
        var seconds: Int64 = 1
        while seconds < 4_000_000_000 {
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(DocumentInformation.iso8601(secondsSince1970: seconds) == expected)
            seconds = seconds * 3 + 86_399
        }
        #expect(DocumentInformation.iso8601(secondsSince1970: 951_782_400) == "2000-02-29T00:00:00Z")
        #expect(DocumentInformation.iso8601(secondsSince1970: 1_752_055_200) == "2025-07-09T10:00:00Z")
    }
}
