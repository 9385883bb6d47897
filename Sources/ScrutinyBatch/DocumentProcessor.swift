import Foundation
import ScrutinyCore
import ScrutinyExtract
import ScrutinyIngest

/// The work a worker process does for one request: read, hash, ingest, extract (one report, or
/// one per item of an agenda pack).
public struct DocumentProcessor: Sendable {
    public var hook: WorkerTestHook?
    /// Which PDF pages OCR reads.
    public var ocr: OCRSettings

    public init(hook: WorkerTestHook? = nil, ocr: OCRSettings = .standard) {
        self.hook = hook
        self.ocr = ocr
    }

    public func process(_ request: WorkerRequest) -> WorkerResponse {
        let action = hook?.action(for: request.path)
        switch action {
        case .crash: abort()
        case .hang: while true { sleep(3600) }
        case .bloat: Self.growForever()
        case .invalid, nil: break
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: request.path))
        } catch {
            return WorkerResponse(file: request.file, failure: InputFailure(
                .unreadable, "cannot read the file: \(error.localizedDescription); check the path and its permissions"))
        }
        let sha256 = ContentHash.sha256(data)
        let document: SourceDocument
        do {
            document = try DocumentIngester(ocr: ocr).ingest(data: data, path: request.path)
        } catch {
            return WorkerResponse(file: request.file, failure: error)
        }
        var reports = ReportExtractor().reports(of: document, file: request.file, sha256: sha256)
        if action == .invalid { reports[reports.count - 1].document.meetingDate = "not a date" }
        return WorkerResponse(file: request.file, reports: reports)
    }

    /// Touches 16 MiB more memory every 20 ms until the process is stopped (test hook `bloat`).
    private static func growForever() -> Never {
        var blocks: [UnsafeMutableRawPointer] = []
        while true {
            let size = 16 << 20
            guard let block = malloc(size) else { abort() }
            memset(block, 1, size)
            blocks.append(block)
            usleep(20_000)
        }
    }
}
