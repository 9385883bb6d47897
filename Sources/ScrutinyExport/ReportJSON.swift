import Foundation
import ScrutinyCore

/// Encodes report records as JSON.
public enum ReportJSON {
    /// Pretty JSON with sorted keys: the same report always gives the same bytes.
    /// With `pretty: false`, one compact line (sorted keys, no newline), as in `reports.jsonl`.
    ///
    /// Written by ``ReportJSONWriter``, which gives exactly the bytes of ``makeEncoder(pretty:)``.
    /// - Throws: `EncodingError` for a report that cannot be JSON (a non-finite amount).
    public static func encode(_ report: Report, pretty: Bool = true) throws -> Data {
        Data(try ReportJSONWriter.encode(report, pretty: pretty))
    }

    /// The pretty JSON of `report` (as ``encode(_:pretty:)`` writes it) and its rows of the
    /// export tables, the pretty file and the compact line written in one pass.
    /// - Throws: `EncodingError` for a report that cannot be JSON (a non-finite amount).
    public static func encodeWithRows(_ report: Report) throws -> (json: [UInt8], rows: ReportRows) {
        let (pretty, line) = try ReportJSONWriter.encodeBoth(report)
        return (pretty, try ReportRows(report, jsonLine: line))
    }

    /// The `JSONEncoder` set up as the records have always been encoded: the reference the
    /// hand-written writer is tested against, and the encoder for anything that is not a report.
    static func makeEncoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
