import Foundation
import ScrutinyCore

/// Encodes report records as JSON.
public enum ReportJSON {
    /// Pretty JSON with sorted keys: the same report always gives the same bytes.
    /// With `pretty: false`, one compact line (sorted keys, no newline), as in `reports.jsonl`.
    public static func encode(_ report: Report, pretty: Bool = true) throws -> Data {
        try makeEncoder(pretty: pretty).encode(report)
    }

    /// The encoder behind ``encode(_:pretty:)``, for callers encoding many reports in a row.
    static func makeEncoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
