import Foundation

/// Checks an encoded report before the batch writes it.
///
/// The batch calls this for every report; a report with problems is not written or exported but
/// becomes an `invalid` line in `errors.jsonl`. The schema validator plugs in here.
public protocol ReportValidating: Sendable {
    /// What is wrong with `reportJSON`, one message per problem; empty when it passes.
    func problems(in reportJSON: Data) -> [String]
}

/// The contract's structural rules a report must meet, checked without the schema files:
/// the top-level fields, list fields being lists, `document_id` being the first 16 hex digits
/// of `source.sha256`, and `meeting_date` being `YYYY-MM-DD` or null.
public struct ContractShapeValidator: ReportValidating {
    public init() {}

    static let listFields = ["recommendations", "recommendation_updates", "partnerships", "budgets", "implications", "warnings"]

    public func problems(in reportJSON: Data) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: reportJSON) as? [String: Any] else {
            return ["the report is not a JSON object"]
        }
        var problems: [String] = []
        if object["schema_version"] as? String != "1" { problems.append("/schema_version: must be \"1\"") }
        let source = object["source"] as? [String: Any]
        let sha256 = source?["sha256"] as? String ?? ""
        if !Self.isLowerHex(sha256, count: 64) { problems.append("/source/sha256: must be 64 lowercase hex digits") }
        if let id = object["document_id"] as? String, Self.isLowerHex(id, count: 16), sha256.hasPrefix(id) {
        } else {
            problems.append("/document_id: must be the first 16 hex digits of source.sha256")
        }
        if source?["file"] as? String == nil { problems.append("/source/file: missing") }
        guard let document = object["document"] as? [String: Any] else {
            problems.append("/document: missing")
            return problems
        }
        if let date = document["meeting_date"], !(date is NSNull) {
            if !Self.isISODate(date as? String ?? "") { problems.append("/document/meeting_date: must be YYYY-MM-DD or null") }
        }
        for field in Self.listFields where !(object[field] is [Any]) {
            problems.append("/\(field): must be a list")
        }
        return problems
    }

    static func isLowerHex(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
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
