import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyExport

/// The hand-written report writer against `JSONEncoder`, the reference for every byte.
@Suite struct ReportJSONWriterTests {
    static let reports: [(name: String, report: Report)] = [
        ("corners", jsonCorners), ("awkward", SampleReports.awkward), ("plain", SampleReports.plain),
        ("empty", Report(documentID: "0000000000000000", source: SourceInfo(file: "", sha256: "", format: .html, pages: 0))),
        ("pack item", packItem),
    ]

    /// An agenda pack's item: where it lies and the meeting, with an unnumbered agenda line and quotes to escape.
    static let packItem = Report(documentID: "0123456789abcdef-002", source: SourceInfo(
        file: "packs/Harbour \"Panel\".pdf", sha256: "0123456789abcdef" + String(repeating: "0", count: 48), format: .pdf, pages: 40,
        ocr: OCRSummary(pages: [12], meanConfidence: 88.5),
        item: SourceItem(index: 2, firstPage: 9, lastPage: 17, agendaItem: nil, kind: .minutes),
        meeting: Meeting(council: "Harbour Borough Council", committee: nil, meetingDate: "2026-06-04", time: "18:30",
                         venue: "Room 2, Quay House", agenda: [AgendaEntry(number: "1", title: "Apologies"),
                                                               AgendaEntry(number: nil, title: "Ferry fares \u{2013} \"review\"")])))

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

    @Test func onePassWritesThePrettyFileAndTheCompactLineOfSeparateEncodes() throws {
        for (name, report) in Self.reports {
            let both = try ReportJSONWriter.encodeBoth(report)
            #expect(both.pretty == Array(try ReportJSON.makeEncoder(pretty: true).encode(report)), "\(name)")
            #expect(both.line == Array(try ReportJSON.makeEncoder(pretty: false).encode(report)) + [0x0A], "\(name)")
            #expect(try ReportJSONWriter.encodeLine(report) == both.line, "\(name)")
            let withRows = try ReportJSON.encodeWithRows(report)
            #expect(withRows.json == both.pretty, "\(name)")
            #expect(withRows.rows == (try ReportRows(report)), "\(name)")
        }
    }

    /// Amounts around the edges of the whole-number fast path: negative zero, the 1e15 limit, the
    /// largest exact integers, fractions and exponents, each as `JSONEncoder` writes them.
    @Test(arguments: [0.0, -0.0, 1, -1, 999_999_999_999_999, 1e15, -1e15, 1e15 + 1, 9_007_199_254_740_992, 1e16, 1e17, 1e21,
                      12.5, -0.001, 1e-7, 31007.46, 0.1 + 0.2, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude])
    func amountsAreWrittenAsTheEncoderWritesThem(amount: Double) throws {
        var report = SampleReports.plain
        report.budgets = [Budget(amount: amount, raw: "x", approximate: false, kind: .other, period: nil, partnership: nil,
                                 context: "", provenance: Provenance(page: 1, line: 1, section: nil))]
        for pretty in [true, false] {
            let written = try ReportJSON.encode(report, pretty: pretty)
            let expected = try ReportJSON.makeEncoder(pretty: pretty).encode(report)
            #expect(written == expected, "\(amount): \(String(decoding: written, as: UTF8.self).prefix(120))")
        }
    }

    @Test(arguments: [0, 7, -7, 10, 1234567890, Int.max, Int.min])
    func decimalDigitsAreTheIntegersDescription(value: Int) {
        var digits = DecimalDigits(value)
        #expect(digits.withBytes { String(decoding: $0, as: UTF8.self) } == String(value))
    }
}
