import Foundation
import ScrutinyCore
import ScrutinyExport

/// What the batch asks a worker process: read one input and extract its report, or, with
/// `preview`, prepare its pages for the review.
///
/// Sent as one line of JSON on the worker's standard input (`preview` left out when `nil`, so an
/// extraction's line is what it always was).
public struct WorkerRequest: Sendable, Hashable, Codable {
    /// Where to read the bytes.
    public var path: String
    /// The name the report gives as `source.file`.
    public var file: String
    /// What to prepare for the review instead of extracting; `nil` for an extraction.
    public var preview: PreviewRequest?

    public init(path: String, file: String, preview: PreviewRequest? = nil) {
        self.path = path
        self.file = file
        self.preview = preview
    }
}

/// A worker's answer to one ``WorkerRequest``: the file's reports (one, or one per item of an
/// agenda pack), or why there are none.
public struct WorkerResponse: Sendable {
    public var file: String
    public var reports: [Report]
    public var failure: InputFailure?

    public init(file: String, reports: [Report]) {
        self.file = file
        self.reports = reports
        self.failure = nil
    }

    public init(file: String, failure: InputFailure) {
        self.file = file
        self.reports = []
        self.failure = failure
    }

    /// The report of a file that is one report (the first of a pack's).
    public var report: Report? { reports.first }
}

/// A report as a worker hands it to the batch: encoded once, in the worker, together with its
/// rows of the export tables, so the batch only checks and copies bytes.
public struct ExtractedReport: Sendable {
    public var documentID: String
    public var sha256: String
    public var warnings: [String]
    /// The bytes of `reports/<document_id>.json` (``ReportJSON/encode(_:pretty:)``).
    public var json: Data
    public var rows: ReportRows

    /// Encodes `report` as the batch writes it.
    /// - Throws: `EncodingError` when the report cannot be JSON (a non-finite amount).
    public init(_ report: Report) throws {
        documentID = report.documentID
        sha256 = report.source.sha256
        warnings = report.warnings
        let encoded = try ReportJSON.encodeWithRows(report)
        json = Data(encoded.json)
        rows = encoded.rows
    }

    init(documentID: String, sha256: String, warnings: [String], json: Data, rows: ReportRows) {
        self.documentID = documentID
        self.sha256 = sha256
        self.warnings = warnings
        self.json = json
        self.rows = rows
    }
}

/// The framing on the worker's standard output.
///
/// Every reply starts with one line of JSON (``WorkerReplyHeader``). A failure is that line
/// alone. Otherwise the line lists the file's reports (one, or one per item of a pack), each
/// with the sizes of the parts that follow the line as raw bytes, report after report: the
/// report JSON, then each of ``ReportRows/parts``. Reports are thus encoded once, in the
/// worker, and never decoded by the batch.
struct WorkerReplyHeader: Codable {
    var file: String
    var failure: InputFailure?
    var reports: [ReportSummary]?
    /// What a preview request did (a preview's reply carries no parts).
    var preview: PreviewOutcome? = nil

    /// The fields of a report the batch needs, and the sizes of the parts after the line.
    struct ReportSummary: Codable {
        var documentID: String
        var sha256: String
        var warnings: [String]
        var sizes: [Int]

        enum CodingKeys: String, CodingKey {
            case documentID = "document_id", sha256, warnings, sizes
        }
    }

    /// How many bytes follow the line (read only once ``isWellFramed`` holds).
    var bodySize: Int {
        (reports ?? []).reduce(0) { $0 + $1.sizes.reduce(0, +) }
    }

    /// True when each report's sizes name every part (the JSON document, then one JSON line and
    /// one CSV row set per table) and none is negative, and a success has a report; a failure
    /// has no parts. When false, where the next reply starts cannot be known, so the worker
    /// cannot be trusted with another file.
    var isWellFramed: Bool {
        guard let reports else { return true }
        return !reports.isEmpty && reports.allSatisfy { $0.sizes.count == Self.partCount && $0.sizes.allSatisfy { $0 >= 0 } }
    }

    /// The parts a report reply carries after its line.
    static let partCount = 2 + TableExporter.csvFileNames.count
}

/// One whole reply read from a worker: its header line and the bytes after it.
///
/// Made only by ``WorkerProcess``, from a well-framed header and exactly the bytes it announced.
struct WorkerReply {
    var header: WorkerReplyHeader
    var body: Data

    /// The outcome or the failure a reply to a preview request carries.
    func previewResult() -> Result<PreviewOutcome, InputFailure> {
        if let preview = header.preview { return .success(preview) }
        return .failure(header.failure ?? InputFailure(.crashed, "the worker answered a preview with neither outcome nor error"))
    }

    /// The reports or the failure the reply carries.
    func result() -> Result<[ExtractedReport], InputFailure> {
        guard let summaries = header.reports, !summaries.isEmpty else {
            return .failure(header.failure ?? InputFailure(.crashed, "the worker answered with neither report nor error"))
        }
        var reports: [ExtractedReport] = []
        var start = body.startIndex
        for summary in summaries {
            let jsonEnd = start + summary.sizes[0]
            var rows: [[UInt8]] = []
            rows.reserveCapacity(WorkerReplyHeader.partCount - 1)
            var partStart = jsonEnd
            for size in summary.sizes.dropFirst() {
                rows.append([UInt8](body[partStart..<partStart + size]))
                partStart += size
            }
            reports.append(ExtractedReport(
                documentID: summary.documentID, sha256: summary.sha256, warnings: summary.warnings,
                json: body[start..<jsonEnd], rows: ReportRows(parts: rows)))
            start = partStart
        }
        return .success(reports)
    }
}

/// The JSON-lines framing both ends of the worker pipe use.
enum WorkerWire {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    static func decode<T: Decodable>(_ type: T.Type, from line: Data) throws -> T {
        try JSONDecoder().decode(type, from: line)
    }

    /// The line a worker writes for a preview request's `result`.
    static func reply(file: String, preview result: Result<PreviewOutcome, InputFailure>) throws -> Data {
        switch result {
        case .success(let outcome): return try encode(WorkerReplyHeader(file: file, failure: nil, reports: nil, preview: outcome))
        case .failure(let failure): return try encode(WorkerReplyHeader(file: file, failure: failure, reports: nil))
        }
    }

    /// The bytes a worker writes for `response` (see ``WorkerReplyHeader``). A report that
    /// cannot be encoded makes the file an `invalid` failure.
    static func reply(to response: WorkerResponse) throws -> Data {
        guard !response.reports.isEmpty else {
            return try encode(WorkerReplyHeader(
                file: response.file, failure: response.failure ?? InputFailure(.crashed, "no report and no error"), reports: nil))
        }
        var summaries: [WorkerReplyHeader.ReportSummary] = []
        var parts: [[UInt8]] = []
        for report in response.reports {
            let encoded: (json: [UInt8], rows: ReportRows)
            do {
                encoded = try ReportJSON.encodeWithRows(report)
            } catch {
                return try encode(WorkerReplyHeader(file: response.file, failure: InputFailure(
                    .invalid, "the extracted report \(report.documentID) cannot be written as JSON (\(error)); please report this as a bug"),
                    reports: nil))
            }
            let reportParts = [encoded.json] + encoded.rows.parts
            summaries.append(.init(documentID: report.documentID, sha256: report.source.sha256, warnings: report.warnings,
                                   sizes: reportParts.map(\.count)))
            parts += reportParts
        }
        // The encoded parts are copied once, straight into the reply.
        var data = try encode(WorkerReplyHeader(file: response.file, failure: nil, reports: summaries))
        data.reserveCapacity(data.count + parts.reduce(0) { $0 + $1.count })
        for part in parts { part.withUnsafeBytes { data.append(contentsOf: $0) } }
        return data
    }
}
