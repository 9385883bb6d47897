import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyExtract
import ScrutinyIngest

/// Runs the extractor over the shared seed reports and checks the values the scorer reads.
/// Skips (with a message) where `shared/corpus` is not beside the package.
@Suite("Seed reports")
struct SeedCorpusTests {
    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var available: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("seeds").path) }

    func report(_ stem: String) throws -> Report {
        let url = Self.corpus.appendingPathComponent("seeds/\(stem).txt")
        let document = try DocumentIngester().ingest(data: Data(contentsOf: url), path: url.path)
        return ReportExtractor().extract(document, source: SourceInfo(file: url.path, sha256: "0", format: document.format, pages: nil),
                                         documentID: "0")
    }

    func gold(_ stem: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent("expected/\(stem).json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    @Test(.enabled(if: SeedCorpusTests.available, "shared/corpus is absent: seed checks skipped"))
    func significantPartnershipsReport() throws {
        let stem = "chelmsford-2014-09-29-significant-partnerships"
        let report = try report(stem)
        let gold = try gold(stem)
        let document = gold["document"] as? [String: Any] ?? [:]
        #expect(report.document.council == document["council"] as? String)
        #expect(report.document.committee == document["committee"] as? String)
        #expect(report.document.meetingDate == document["meeting_date"] as? String)
        #expect(report.document.agendaItem == document["agenda_item"] as? String)
        #expect(report.document.title == document["title"] as? String)
        #expect(report.document.reportBy == document["report_by"] as? String)
        #expect(report.document.purpose == document["purpose"] as? String)
        let contact = document["contact"] as? [String: Any] ?? [:]
        #expect(report.document.contact.email == contact["email"] as? String)
        #expect(report.document.contact.phone == contact["phone"] as? String)
        #expect(report.recommendations.map(\.number) == ["1"])
        let goldUpdates = gold["recommendation_updates"] as? [[String: Any]] ?? []
        #expect(report.recommendationUpdates.map(\.text) == goldUpdates.map { $0["text"] as? String ?? "" })
        #expect(report.recommendationUpdates.map(\.partnership) == goldUpdates.map { $0["partnership"] as? String })
        let goldPartnerships = gold["partnerships"] as? [[String: Any]] ?? []
        #expect(report.partnerships.map(\.name) == goldPartnerships.map { $0["name"] as? String ?? "" })
        #expect(report.partnerships.map(\.statutory) == goldPartnerships.map { $0["statutory"] as? Bool })
        #expect(report.partnerships.map(\.acronym) == goldPartnerships.map { $0["acronym"] as? String })
        #expect(report.partnerships.first { $0.acronym == "SEPP" }?.members.count == 6)
        #expect(report.implications.count == (gold["implications"] as? [Any])?.count)
    }

    @Test(.enabled(if: SeedCorpusTests.available, "shared/corpus is absent: seed checks skipped"))
    func allianceMemorandumReport() throws {
        let stem = "maldon-2021-06-30-mid-essex-alliance-mou"
        let report = try report(stem)
        let gold = try gold(stem)
        let document = gold["document"] as? [String: Any] ?? [:]
        #expect(report.document.council == document["council"] as? String)
        #expect(report.document.committee == document["committee"] as? String)
        #expect(report.document.meetingDate == document["meeting_date"] as? String)
        #expect(report.document.agendaItem == nil)
        #expect(report.document.title == document["title"] as? String)
        #expect(report.document.reportBy == document["report_by"] as? String)
        #expect(report.document.contact.name == "Paul Dodson")
        #expect(report.recommendations.count == 1)
        #expect(report.recommendations.first?.number == nil)
        #expect(report.recommendationUpdates.isEmpty)
        #expect(report.partnerships.count == 1)
        #expect(report.partnerships.first?.name.replacingOccurrences(of: "-", with: " ") == "Mid Essex Alliance")
        let areas = (gold["implications"] as? [[String: Any]] ?? []).compactMap { $0["area"] as? String }
        #expect(report.implications.map(\.area) == areas)
    }
}
