import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyExport

/// A report whose strings and numbers exercise every corner of JSON encoding: escapes, layout
/// characters inside strings, non-ASCII text, slashes, and amounts with fractions and exponents.
let jsonCorners = Report(
    documentID: "fedcba9876543210",
    source: SourceInfo(file: "in/a b/c\\d \"e\".txt", sha256: String(repeating: "fedcba9876543210", count: 4), format: .text, pages: nil),
    document: DocumentBlock(council: "  spaced  out  ", committee: "tab\there, newline\nthere, cr\rthere",
                            title: "Café – naïve “quotes” 🎉 \u{2028} \u{0001} a/b </script>", purpose: "{\"not\": [\"json\" , 1]}"),
    recommendations: [Recommendation(number: " 1 ", text: "ends with a backslash \\", provenance: Provenance(page: 1, line: 2, section: " : "))],
    budgets: [
        Budget(amount: 0.1, raw: "0.1", approximate: false, kind: .other, period: nil, partnership: nil, context: "", provenance: Provenance(page: nil, line: 1, section: nil)),
        Budget(amount: 1.0 / 3.0, raw: "third", approximate: true, kind: .other, period: nil, partnership: nil, context: "", provenance: Provenance(page: nil, line: 1, section: nil)),
        Budget(amount: 1e21, raw: "huge", approximate: false, kind: .other, period: nil, partnership: nil, context: "", provenance: Provenance(page: nil, line: 1, section: nil)),
        Budget(amount: -31007.46, raw: "(£31,007.46)", approximate: false, kind: .deficit, period: nil, partnership: nil, context: "", provenance: Provenance(page: nil, line: 1, section: nil)),
        Budget(amount: 123_456_789_012, raw: "£123bn", approximate: false, kind: .budget, period: "2024/25", partnership: "a/b", context: "", provenance: Provenance(page: nil, line: 1, section: nil)),
    ],
    implications: [Implication(area: "", text: " "), Implication(area: everyASCIIByte, text: "\u{0000}nul")],
    warnings: [])

/// Every byte from 0x01 to 0x7F, then some non-ASCII: what string escaping must get right.
let everyASCIIByte = String(decoding: Array(UInt8(1)...UInt8(0x7F)), as: UTF8.self) + "\u{80}\u{A0}\u{2028}\u{2029}\u{FEFF}é🎉"

/// The compact encoding `JSONEncoder` gives, which `reports.jsonl` has always held.
private func encoderLine(_ report: Report) throws -> [UInt8] {
    Array(try ReportJSON.makeEncoder(pretty: false).encode(report)) + [UInt8(ascii: "\n")]
}

@Suite struct ReportRowsTests {
    @Test func jsonLineIsTheEncodersCompactLineForAwkwardValues() throws {
        for report in [jsonCorners, SampleReports.awkward, SampleReports.plain] {
            let line = try ReportRows(report).jsonLine
            #expect(line == (try encoderLine(report)))
        }
    }

    @Test(.enabled(if: GoldCorpusExportTests.goldAvailable, "shared gold corpus not found at /work/shared/corpus/expected; skipping"))
    func jsonLineIsTheEncodersCompactLineForGoldReports() throws {
        let urls = try FileManager.default.contentsOfDirectory(atPath: GoldCorpusExportTests.goldFolder).sorted()
            .filter { $0.hasSuffix(".json") }.map { URL(fileURLWithPath: GoldCorpusExportTests.goldFolder + "/" + $0) }
        #expect(!urls.isEmpty)
        for url in urls {
            let report = try GoldCorpusExportTests.report(fromGold: url)
            #expect(try ReportRows(report).jsonLine == encoderLine(report), "\(url.lastPathComponent)")
        }
    }

    @Test func csvRowsAreExactlyTheReportsRowsInTheRebuiltTables() throws {
        let folder = try TemporaryFolder()
        try TableExporter().rebuild(from: [SampleReports.awkward], into: folder.path)
        let rows = try ReportRows(SampleReports.awkward)
        #expect(rows.csvRows.count == TableExporter.csvFileNames.count)
        for (name, bytes) in zip(TableExporter.csvFileNames, rows.csvRows) {
            let file = Array(try folder.read(name))
            let headerEnd = try #require(file.firstIndex(of: UInt8(ascii: "\n")))
            #expect(Array(file[(headerEnd + 1)...]) == bytes, "\(name)")
        }
        #expect(rows.csvRows[TableExporter.csvFileNames.firstIndex(of: "budgets.csv")!].count > 0)
    }

    @Test func tablesFromPartsEqualTablesFromReports() throws {
        let reports = [SampleReports.plain, SampleReports.awkward, jsonCorners]
        let fromReports = try TemporaryFolder()
        try TableExporter(excel: true).rebuild(from: reports, into: fromReports.path)
        let fromParts = try TemporaryFolder()
        let parts = try reports.map { try ReportRows($0).parts }
        try TableExporter(excel: true).rebuild(into: fromParts.path) { append in
            for part in parts { try append(ReportRows(parts: part)) }
        }
        for name in TableExporter.fileNames {
            #expect(try fromParts.read(name) == fromReports.read(name), "\(name)")
        }
    }

    @Test func joinedRowsOfAPacksItemsAreTheirRowsInOrder() throws {
        let reports = [SampleReports.plain, SampleReports.awkward, jsonCorners]
        let fromReports = try TemporaryFolder()
        try TableExporter().rebuild(from: reports, into: fromReports.path)
        let joined = try ReportRows(joining: reports.map { try ReportRows($0) })
        let fromJoined = try TemporaryFolder()
        try TableExporter().rebuild(into: fromJoined.path) { append in try append(joined) }
        for name in TableExporter.fileNames {
            #expect(try fromJoined.read(name) == fromReports.read(name), "\(name)")
        }
    }

    @Test func dataPackageBytesAreTheWrittenFile() throws {
        let folder = try TemporaryFolder()
        try TableExporter().rebuild(from: [SampleReports.plain], into: folder.path)
        #expect(try folder.read("datapackage.json") == TableExporter.dataPackage())
    }
}
