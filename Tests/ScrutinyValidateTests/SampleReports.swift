import Foundation
import JSONSchema
import ScrutinyCore

/// Report records for the tests: one filled-in report built from the model, and JSON edits on it.
enum SampleReports {
    static let provenance = Provenance(page: 2, line: 14, section: "Recommendations")

    /// A report with every record kind filled in, as the extractor would build it.
    static var full: Report {
        Report(
            documentID: "a1b2c3d4e5f60718",
            source: SourceInfo(file: "inbox/Agenda.pdf", sha256: String(repeating: "ab", count: 32), format: .pdf, pages: 12),
            document: DocumentBlock(council: "Example Borough Council", committee: "Scrutiny Committee",
                                    meetingDate: "2024-03-07", agendaItem: "7", title: "Annual Partnerships Review",
                                    reportBy: "Head of Policy",
                                    contact: Contact(name: "A. Officer", role: "Policy Officer", phone: "01234 567890",
                                                     email: "a.officer@example.gov.uk"),
                                    purpose: "To review the partnerships."),
            recommendations: [Recommendation(number: "1", text: "Members note the report.", provenance: provenance),
                              Recommendation(number: nil, text: "Members agree the plan.",
                                             provenance: Provenance(page: nil, line: 20, section: nil))],
            recommendationUpdates: [RecommendationUpdate(partnership: "Waste Partnership", text: "Review the contract.",
                                                         progress: "Complete", provenance: provenance)],
            partnerships: [Partnership(name: "Waste Partnership", acronym: "WP", purpose: "Joint waste services",
                                       aims: ["Reduce landfill"], statutory: nil, members: ["Council A", "Council B"],
                                       provenance: provenance)],
            budgets: [Budget(amount: 1_312_000, raw: "£1.312m", approximate: false, kind: .budget, period: "2013/14",
                             partnership: "Waste Partnership", context: "The budget is £1.312m.", provenance: provenance),
                      Budget(amount: -523_000, raw: "-£523k", approximate: true, kind: .deficit, period: nil,
                             partnership: nil, context: "A deficit of circa -£523k.", provenance: provenance)],
            implications: [Implication(area: "Financial", text: "Within budget."),
                           Implication(area: "Legal", text: "None.", provenance: provenance)],
            warnings: ["page 3: table skipped"])
    }

    /// `full` as JSON text, exactly as `JSONEncoder` writes it.
    static var fullJSON: Data { try! JSONEncoder().encode(full) }

    /// `full` parsed into a ``JSONValue`` for editing.
    static var fullValue: JSONValue { try! JSONParser.parse(fullJSON) }

    /// One deliberate break and the instance path the first error must point at.
    struct Breakage: Sendable, CustomStringConvertible {
        var name: String
        var pointer: String
        /// New value; `nil` removes the member.
        var value: JSONValue?
        var expectedPath: String
        var description: String { name }

        var json: JSONValue { SampleReports.fullValue.replacing(pointer, with: value) }
    }

    static let breakages: [Breakage] = [
        Breakage(name: "amount as string", pointer: "/budgets/1/amount", value: "-523000", expectedPath: "/budgets/1/amount"),
        Breakage(name: "missing document_id", pointer: "/document_id", value: nil, expectedPath: ""),
        Breakage(name: "bad kind", pointer: "/budgets/0/kind", value: "cost", expectedPath: "/budgets/0/kind"),
        Breakage(name: "bad date", pointer: "/document/meeting_date", value: "07/03/2024", expectedPath: "/document/meeting_date"),
        Breakage(name: "date in words", pointer: "/document/meeting_date", value: "5 March 2024", expectedPath: "/document/meeting_date"),
        Breakage(name: "page 0", pointer: "/recommendations/0/provenance/page", value: 0,
                 expectedPath: "/recommendations/0/provenance/page"),
        Breakage(name: "absent list", pointer: "/partnerships", value: nil, expectedPath: ""),
        Breakage(name: "null list", pointer: "/implications", value: .null, expectedPath: "/implications"),
        Breakage(name: "schema version 2", pointer: "/schema_version", value: "2", expectedPath: "/schema_version"),
        Breakage(name: "statutory as string", pointer: "/partnerships/0/statutory", value: "yes",
                 expectedPath: "/partnerships/0/statutory"),
        Breakage(name: "line 0", pointer: "/budgets/0/provenance/line", value: 0, expectedPath: "/budgets/0/provenance/line"),
        Breakage(name: "unknown source format", pointer: "/source/format", value: "docx", expectedPath: "/source/format"),
        Breakage(name: "pages 0", pointer: "/source/pages", value: 0, expectedPath: "/source/pages"),
        Breakage(name: "lowercase currency", pointer: "/budgets/0/currency", value: "gbp", expectedPath: "/budgets/0/currency"),
        Breakage(name: "currency other than GBP", pointer: "/budgets/0/currency", value: "EUR", expectedPath: "/budgets/0/currency"),
        Breakage(name: "missing contact email", pointer: "/document/contact/email", value: nil,
                 expectedPath: "/document/contact"),
    ]
}

extension JSONValue {
    /// A copy with the member at `pointer` set to `value` (or removed when `nil`).
    func replacing(_ pointer: String, with value: JSONValue?) -> JSONValue {
        guard let tokens = JSONPointer.tokens(pointer), !tokens.isEmpty else { return value ?? .null }
        return replacing(tokens[...], with: value)
    }

    private func replacing(_ tokens: ArraySlice<String>, with value: JSONValue?) -> JSONValue {
        let head = tokens.first!
        let rest = tokens.dropFirst()
        switch self {
        case .object(var o):
            o[head] = rest.isEmpty ? value : o[head]?.replacing(rest, with: value)
            return .object(o)
        case .array(var a):
            let k = Int(head)!
            if rest.isEmpty {
                if let value { a[k] = value } else { a.remove(at: k) }
            } else {
                a[k] = a[k].replacing(rest, with: value)
            }
            return .array(a)
        default:
            return self
        }
    }
}
