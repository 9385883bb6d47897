import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyExport

/// Exports reports rebuilt from the shared gold extractions (`/work/shared/corpus/expected`), so the
/// CSV writer meets the text and amounts of real council reports, not only test-made ones.
@Suite struct GoldCorpusExportTests {
    static let goldFolder = "/work/shared/corpus/expected"
    static let goldAvailable = FileManager.default.fileExists(atPath: goldFolder)

    /// A report built from one gold file; where the gold lists alternatives, the first is taken.
    static func report(fromGold url: URL) throws -> Report {
        let gold = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        func string(_ object: [String: Any], _ key: String) -> String? { object[key] as? String }
        func first(_ value: Any?) -> String? { (value as? [Any])?.compactMap { $0 as? String }.first ?? value as? String }
        func list(_ key: String) -> [[String: Any]] { gold[key] as? [[String: Any]] ?? [] }
        let here = Provenance(page: nil, line: 1, section: nil)
        let block = gold["document"] as? [String: Any] ?? [:]
        let contact = block["contact"] as? [String: Any] ?? [:]
        let file = string(gold, "file") ?? url.lastPathComponent
        return Report(
            documentID: String(file.utf8.map { String($0, radix: 16) }.joined().prefix(16)),
            source: SourceInfo(file: file, sha256: String(repeating: "0", count: 64), format: .text, pages: nil),
            document: DocumentBlock(
                council: string(block, "council"), committee: string(block, "committee"), meetingDate: string(block, "meeting_date"),
                agendaItem: string(block, "agenda_item"), title: string(block, "title"), reportBy: string(block, "report_by"),
                contact: Contact(name: string(contact, "name"), role: string(contact, "role"), phone: string(contact, "phone"),
                                 email: string(contact, "email")),
                purpose: string(block, "purpose")),
            recommendations: list("recommendations").map {
                Recommendation(number: string($0, "number"), text: string($0, "text") ?? "", provenance: here)
            },
            recommendationUpdates: list("recommendation_updates").map {
                RecommendationUpdate(partnership: string($0, "partnership"), text: string($0, "text") ?? "",
                                     progress: string($0, "progress"), provenance: here)
            },
            partnerships: list("partnerships").map {
                Partnership(name: string($0, "name") ?? "", acronym: string($0, "acronym"), statutory: $0["statutory"] as? Bool,
                            members: $0["members"] as? [String] ?? [], provenance: here)
            },
            budgets: list("budgets").map {
                Budget(amount: ($0["amount"] as? NSNumber)?.doubleValue ?? 0, raw: string($0, "raw") ?? "",
                       approximate: $0["approximate"] as? Bool ?? false,
                       kind: first($0["kind"]).flatMap(BudgetKind.init(rawValue:)) ?? .other,
                       period: first($0["period"]), partnership: string($0, "partnership"), context: string($0, "context") ?? "",
                       provenance: here)
            },
            implications: list("implications").map { Implication(area: string($0, "area") ?? "", text: string($0, "text") ?? "") })
    }

    @Test(.enabled(if: goldAvailable, "shared gold corpus not found at /work/shared/corpus/expected; skipping"))
    func goldReportsExportToStrictCSVWithExactAmounts() throws {
        let urls = try FileManager.default.contentsOfDirectory(atPath: Self.goldFolder).sorted()
            .filter { $0.hasSuffix(".json") }.map { URL(fileURLWithPath: Self.goldFolder + "/" + $0) }
        let reports = try urls.map(Self.report(fromGold:))
        #expect(!reports.isEmpty)
        let folder = try TemporaryFolder()
        try TableExporter().rebuild(from: reports, into: folder.path)

        let budgets = try StrictCSVReader.parse(folder.read("budgets.csv"))
        let amounts = reports.flatMap(\.budgets).map(\.amount)
        #expect(budgets.rows.count == amounts.count)
        #expect(budgets.column("amount").map(Double.init) == amounts.map(Optional.some))
        #expect(budgets.column("amount").allSatisfy { !$0.contains("e") && !$0.hasSuffix(".0") })

        let documents = try StrictCSVReader.parse(folder.read("documents.csv"))
        #expect(documents.column("title") == reports.map { $0.document.title ?? "" })
        let updates = try StrictCSVReader.parse(folder.read("recommendation_updates.csv"))
        #expect(updates.column("text") == reports.flatMap(\.recommendationUpdates).map(\.text))

        let lines = String(decoding: try folder.read("reports.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(try lines.map { try JSONDecoder().decode(Report.self, from: Data($0.utf8)) } == reports)
    }
}
