import Foundation
import JSONSchema

/// Checks an encoded report before the batch writes it.
///
/// The batch calls this for every report; a report with problems is not written or exported but
/// becomes an `invalid` line in `errors.jsonl`. The schema validator plugs in here.
public protocol ReportValidating: Sendable {
    /// What is wrong with `reportJSON`, one message per problem; empty when it passes.
    func problems(in reportJSON: Data) -> [String]

    /// The same problems, for a report already parsed: `parsed` is what
    /// `JSONParser.parse(reportJSON)` gives. Lets ``CombinedValidator`` parse each report once
    /// for all its checks. By default it calls ``problems(in:)``.
    func problems(in reportJSON: Data, parsed: JSONValue) -> [String]
}

extension ReportValidating {
    public func problems(in reportJSON: Data, parsed: JSONValue) -> [String] {
        problems(in: reportJSON)
    }
}

/// The one contract rule a JSON Schema cannot state, because it ties two fields together:
/// `document_id` is the first 16 hex digits of `source.sha256` (for an item of an agenda pack,
/// followed by a hyphen and the item's index, `…-002`). Everything else about a
/// report's shape is the report schema's job (`ScrutinyValidate.ReportValidator`).
public struct DocumentIdentityCheck: ReportValidating {
    public init() {}

    public func problems(in reportJSON: Data) -> [String] {
        let scanned = reportJSON.withUnsafeBytes { IdentityFieldScanner.scan($0.bindMemory(to: UInt8.self)) }
        let fields: IdentityFieldScanner.Fields
        if let scanned {
            fields = scanned
        } else if let decoded = try? JSONDecoder().decode(IdentityFields.self, from: reportJSON) {
            fields = IdentityFieldScanner.Fields(documentID: decoded.documentID, sha256: decoded.sha256)
        } else {
            return ["the report is not a JSON object"]
        }
        return problems(documentID: fields.documentID, sha256: fields.sha256)
    }

    /// Reads the two fields from the parsed report instead of scanning its bytes again.
    public func problems(in reportJSON: Data, parsed: JSONValue) -> [String] {
        guard case .object(let report) = parsed else { return ["the report is not a JSON object"] }
        let id = report["document_id"]?.stringValue
        let sha256 = report["source"]?["sha256"]?.stringValue
        return problems(documentID: id, sha256: sha256)
    }

    private func problems(documentID id: String?, sha256: String?) -> [String] {
        guard let id, id.utf8.count >= 16, (sha256 ?? "").utf8.starts(with: id.utf8.prefix(16)) else {
            return ["/document_id: must be the first 16 hex digits of source.sha256"]
        }
        let item = id.utf8.dropFirst(16)
        guard item.isEmpty || (item.first == UInt8(ascii: "-") && item.count >= 4 && item.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) else {
            return ["/document_id: after the first 16 hex digits of source.sha256 only an agenda pack item's '-NNN' may follow"]
        }
        return []
    }

    /// The two fields the rule reads; any other content, or a field of another type, is left to
    /// the schema (a field that is not a string reads as missing here).
    private struct IdentityFields: Decodable {
        var documentID: String?
        var sha256: String?

        private enum Keys: String, CodingKey { case documentID = "document_id", source, sha256 }

        init(from decoder: any Decoder) throws {
            let object = try decoder.container(keyedBy: Keys.self)
            documentID = try? object.decodeIfPresent(String.self, forKey: .documentID)
            let source = try? object.nestedContainer(keyedBy: Keys.self, forKey: .source)
            sha256 = try? source?.decodeIfPresent(String.self, forKey: .sha256)
        }
    }
}

/// Several checks run in order; a report's problems are all of theirs.
public struct CombinedValidator: ReportValidating {
    public var validators: [any ReportValidating]

    public init(_ validators: [any ReportValidating]) {
        self.validators = validators
    }

    /// Parses `reportJSON` once and hands the value to every check; text that does not parse
    /// goes to each check as bytes, so each reports it in its own words.
    public func problems(in reportJSON: Data) -> [String] {
        guard let parsed = try? JSONParser.parse(reportJSON) else {
            return validators.flatMap { $0.problems(in: reportJSON) }
        }
        return problems(in: reportJSON, parsed: parsed)
    }

    public func problems(in reportJSON: Data, parsed: JSONValue) -> [String] {
        validators.flatMap { $0.problems(in: reportJSON, parsed: parsed) }
    }
}
