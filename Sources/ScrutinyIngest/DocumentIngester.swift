import Foundation
import ScrutinyCore

/// Reads one input file into a ``SourceDocument``, choosing the reader by extension and content.
///
/// ```swift
/// let document = try DocumentIngester().ingest(path: "samples/budget-monitoring.pdf")
/// ```
public struct DocumentIngester: Sendable {
    /// File extensions scrutiny reads, lowercased, without the dot.
    public static let supportedExtensions: Set<String> = ["pdf", "txt", "text", "html", "htm"]

    /// Which PDF pages OCR reads.
    public var ocr: OCRSettings

    public init(ocr: OCRSettings = .standard) {
        self.ocr = ocr
    }

    /// Reads the file at `path`.
    /// - Throws: ``InputFailure`` with the kind that says what went wrong.
    public func ingest(path: String) throws(InputFailure) -> SourceDocument {
        let data: Data
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw InputFailure(.unreadable, "cannot read the file: it does not exist; check the path")
        }
        if isFolder.boolValue {
            throw InputFailure(.unreadable, "cannot read the file: it is a folder; pass the files in it, or the folder to `extract`")
        }
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputFailure(.unreadable, "cannot read the file: permission denied or I/O error; check its permissions")
        }
        return try ingest(data: data, path: path)
    }

    /// Reads a file's bytes, already loaded; `path` chooses the reader by its extension.
    public func ingest(data: Data, path: String) throws(InputFailure) -> SourceDocument {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "txt", "text":
            return try TextReader().read(data)
        case "pdf":
            return try PDFReader(ocr: ocr).read(data: data)
        case "html", "htm":
            return try HTMLReader().read(data)
        default:
            throw InputFailure(.unsupported, "scrutiny reads .pdf, .txt, .text, .html and .htm files, not .\(ext)")
        }
    }
}
