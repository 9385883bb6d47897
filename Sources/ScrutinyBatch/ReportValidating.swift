import Foundation

/// Checks an encoded report before the batch writes it.
///
/// The batch calls this for every report; a report with problems is not written or exported but
/// becomes an `invalid` line in `errors.jsonl`. The schema validator plugs in here.
public protocol ReportValidating: Sendable {
    /// What is wrong with `reportJSON`, one message per problem; empty when it passes.
    func problems(in reportJSON: Data) -> [String]
}

/// The one contract rule a JSON Schema cannot state, because it ties two fields together:
/// `document_id` is the first 16 hex digits of `source.sha256`. Everything else about a
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
        guard let id = fields.documentID, id.utf8.count == 16, (fields.sha256 ?? "").hasPrefix(id) else {
            return ["/document_id: must be the first 16 hex digits of source.sha256"]
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

    public func problems(in reportJSON: Data) -> [String] {
        validators.flatMap { $0.problems(in: reportJSON) }
    }
}
