import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyExport

/// The hand-written report writer against `JSONEncoder`, the reference for every byte.
@Suite struct ReportJSONWriterTests {
    static let reports: [(name: String, report: Report)] = [
        ("corners", jsonCorners), ("awkward", SampleReports.awkward), ("plain", SampleReports.plain),
        ("empty", Report(documentID: "0000000000000000", source: SourceInfo(file: "", sha256: "", format: .html, pages: 0))),
    ]

    static func goldReports() throws -> [(name: String, report: Report)] {
        guard GoldCorpusExportTests.goldAvailable else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: GoldCorpusExportTests.goldFolder).sorted()
            .filter { $0.hasSuffix(".json") }
            .map { ($0, try GoldCorpusExportTests.report(fromGold: URL(fileURLWithPath: GoldCorpusExportTests.goldFolder + "/" + $0))) }
    }

    @Test(arguments: [true, false])
    func writesTheEncodersBytesForAwkwardReports(pretty: Bool) throws {
        for (name, report) in Self.reports {
            let expected = try ReportJSON.makeEncoder(pretty: pretty).encode(report)
            let written = try ReportJSON.encode(report, pretty: pretty)
            #expect(written == expected, "\(name): \(String(decoding: written, as: UTF8.self).prefix(300))")
        }
    }

    @Test(.enabled(if: GoldCorpusExportTests.goldAvailable, "shared gold corpus not found at /work/shared/corpus/expected; skipping"))
    func writesTheEncodersBytesForGoldReports() throws {
        let gold = try Self.goldReports()
        #expect(!gold.isEmpty)
        for (name, report) in gold {
            #expect(try ReportJSON.encode(report) == ReportJSON.makeEncoder(pretty: true).encode(report), "\(name)")
        }
    }

    @Test func everyBudgetKindAndFormatIsWrittenAsTheEncoderDoes() throws {
        var report = SampleReports.plain
        report.budgets = BudgetKind.allCases.enumerated().map { index, kind in
            Budget(amount: Double(index) * 1.25 - 3, raw: "£\(index)", approximate: index % 2 == 0, kind: kind, period: nil,
                   partnership: nil, context: "", provenance: Provenance(page: index, line: index, section: nil))
        }
        for format in [DocumentFormat.pdf, .text, .html] {
            report.source.format = format
            #expect(try ReportJSON.encode(report) == ReportJSON.makeEncoder(pretty: true).encode(report))
        }
    }

    @Test func nonFiniteAmountIsAnEncodingError() {
        var report = SampleReports.plain
        report.budgets = [Budget(amount: .infinity, raw: "∞", approximate: false, kind: .other, period: nil, partnership: nil,
                                 context: "", provenance: Provenance(page: 1, line: 1, section: nil))]
        #expect(throws: EncodingError.self) { try ReportJSON.encode(report) }
    }
}
