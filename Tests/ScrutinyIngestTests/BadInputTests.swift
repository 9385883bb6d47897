import Foundation
import ScrutinyCore
import Testing
@testable import ScrutinyIngest

/// Each kind of bad input fails with its kind and a message that says what to do.
/// The files are made by `Fixtures/make-fixtures.sh`.
@Suite struct BadInputTests {
    static let bad = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/bad")

    func failure(_ name: String) -> InputFailure? {
        do {
            _ = try DocumentIngester().ingest(path: Self.bad.appendingPathComponent(name).path)
            return nil
        } catch {
            return error
        }
    }

    static let damaged = "the PDF is damaged or truncated (poppler: PDF document is damaged); get a fresh copy or re-export it"

    @Test func passwordProtectedPDFIsEncrypted() {
        #expect(failure("encrypted.pdf") == InputFailure(.encrypted, "the PDF needs a password to open; decrypt it (e.g. `qpdf --decrypt`) and retry"))
    }

    @Test func halfAPDFIsCorrupt() {
        #expect(failure("truncated.pdf") == InputFailure(.corrupt, Self.damaged))
    }

    @Test func aPDFWithoutItsTrailerIsCorrupt() {
        #expect(failure("trailer-cut.pdf") == InputFailure(.corrupt, Self.damaged))
    }

    @Test func aPDFHeaderFollowedByGarbageIsCorrupt() {
        #expect(failure("garbage.pdf") == InputFailure(.corrupt, Self.damaged))
    }

    @Test func zeroBytesAreEmpty() {
        #expect(failure("zero-bytes.pdf") == InputFailure(.empty, "the file has no bytes"))
    }

    @Test func htmlNamedPDFIsUnsupportedAndSaysItLooksLikeHTML() {
        #expect(failure("html-named.pdf") == InputFailure(
            .unsupported, "named .pdf but is not a PDF (looks like HTML); give it the right extension or get the real PDF"))
    }

    @Test func unknownExtensionIsUnsupported() {
        #expect(failure("report.docx") == InputFailure(.unsupported, "scrutiny reads .pdf, .txt, .text, .html and .htm files, not .docx"))
    }

    @Test func missingFileIsUnreadable() {
        #expect(failure("no-such-file.pdf") == InputFailure(.unreadable, "cannot read the file: it does not exist; check the path"))
    }

    @Test func imageOnlyPDFReadsAsEmptyPagesWithANoTextLayerWarning() throws {
        let path = Self.bad.appendingPathComponent("image-only.pdf").path
        let unread = try DocumentIngester(ocr: .off).ingest(path: path)
        #expect(unread.pages.count == 1)
        #expect(unread.pages.allSatisfy { $0.lines.isEmpty })
        #expect(unread.warnings == ["no_text_layer"])
        // Its picture holds no text: what OCR makes of it is too doubtful to keep.
        let document = try DocumentIngester().ingest(path: path)
        #expect(document.pages.allSatisfy { $0.lines.isEmpty })
        #expect(document.warnings.first == "no_text_layer")
        #expect(document.ocr == nil)
    }
}
