import Foundation
import ScrutinyCore

/// Encodes report records as JSON.
public enum ReportJSON {
    /// Pretty JSON with sorted keys: the same report always gives the same bytes.
    public static func encode(_ report: Report, pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report)
    }
}
