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
        guard let object = try? JSONSerialization.jsonObject(with: reportJSON) as? [String: Any] else {
            return ["the report is not a JSON object"]
        }
        let sha256 = (object["source"] as? [String: Any])?["sha256"] as? String ?? ""
        guard let id = object["document_id"] as? String, id.utf8.count == 16, sha256.hasPrefix(id) else {
            return ["/document_id: must be the first 16 hex digits of source.sha256"]
        }
        return []
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
