import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyExport

private let csvFiles = ["documents.csv", "recommendations.csv", "recommendation_updates.csv", "partnerships.csv",
                        "budgets.csv", "implications.csv"]

/// Exports `reports` into a fresh folder.
private func export(_ reports: [Report], excel: Bool = false) throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try TableExporter(excel: excel).rebuild(from: reports, into: folder.path)
    return folder
}

private func table(_ folder: TemporaryFolder, _ name: String, allowBOM: Bool = false) throws -> StrictCSVReader.Table {
    try StrictCSVReader.parse(folder.read(name), allowBOM: allowBOM)
}

@Suite struct TableExporterTests {
    @Test func writesEveryFileAndNothingElse() throws {
        let folder = try export([SampleReports.awkward, SampleReports.plain])
        #expect(try folder.contents() == (csvFiles + ["reports.jsonl", "datapackage.json"]).sorted())
        #expect(TableExporter.fileNames.sorted() == (csvFiles + ["reports.jsonl", "datapackage.json"]).sorted())
    }

    @Test func everyCSVIsStrictRFC4180WithDocumentIDFirst() throws {
        let folder = try export([SampleReports.awkward, SampleReports.plain])
        for name in csvFiles {
            let parsed = try table(folder, name)
            #expect(parsed.header.first == "document_id", "\(name)")
            if name != "documents.csv" { #expect(parsed.header.dropFirst().first == "index", "\(name)") }
        }
    }

    @Test func rowsFollowReportOrderThenRecordOrderWithOneBasedIndex() throws {
        let folder = try export([SampleReports.plain, SampleReports.awkward])
        let recommendations = try table(folder, "recommendations.csv")
        #expect(recommendations.column("document_id") == ["fedcba9876543210", "0123456789abcdef", "0123456789abcdef"])
        #expect(recommendations.column("index") == ["1", "1", "2"])
        #expect(try table(folder, "documents.csv").column("document_id") == ["fedcba9876543210", "0123456789abcdef"])
    }

    @Test func documentsFlattenSourceAndContact() throws {
        let folder = try export([SampleReports.awkward])
        let documents = try table(folder, "documents.csv")
        #expect(documents.header == ["document_id", "schema_version", "file", "sha256", "format", "pages", "council", "committee",
                                     "meeting_date", "agenda_item", "title", "report_by", "contact_name", "contact_role",
                                     "contact_phone", "contact_email", "purpose", "item", "item_kind", "first_page", "last_page",
                                     "meeting_time", "venue", "warnings"])
        let row = try #require(documents.records.first)
        #expect(row["file"] == "archive/2024/Agenda, item 5.pdf")
        #expect(row["pages"] == "12")
        #expect(row["format"] == "pdf")
        #expect(row["committee"] == "Scrutiny \"Select\" Committee")
        #expect(row["title"] == "Budget monitoring:\nquarter 3")
        #expect(row["contact_name"] == "Sam Officer")
        #expect(row["contact_phone"] == "'+44 1234 567890")
        #expect(row["purpose"] == "")
        #expect(row["warnings"] == "no_text_layer; ocr")
    }

    @Test func recommendationStartingWithEqualsIsNeutralised() throws {
        let folder = try export([SampleReports.awkward])
        let first = try #require(try table(folder, "recommendations.csv").records.first)
        #expect(first["text"] == "'=HYPERLINK(\"http://example.com\",\"click\")")
        #expect(first["page"] == "2")
        #expect(first["line"] == "14")
        #expect(first["section"] == "Recommendations")
    }

    @Test func amountsStayPlainNumbersIncludingNegativeOnes() throws {
        let folder = try export([SampleReports.awkward])
        let budgets = try table(folder, "budgets.csv")
        #expect(budgets.column("amount") == ["1312000", "-1000", "31007.46"])
        #expect(budgets.column("approximate") == ["false", "true", "false"])
        #expect(budgets.column("raw") == ["£1.312m", "(£1,000)", "£31,007.46"])
        #expect(budgets.column("page") == ["6", "6", ""])
        #expect(budgets.column("period") == ["2013/14", "", ""])
        let bytes = String(decoding: try folder.read("budgets.csv"), as: UTF8.self)
        #expect(bytes.contains(",-1000,"))
        #expect(!bytes.contains("'-1000"))
    }

    @Test func partnershipListsAreJoinedAndBooleansSpelled() throws {
        let folder = try export([SampleReports.awkward])
        let partnerships = try table(folder, "partnerships.csv").records
        #expect(partnerships.count == 2)
        #expect(partnerships[0]["aims"] == "Reduce crime; Reduce fear of crime")
        #expect(partnerships[0]["members"] == "Police; Fire, Rescue")
        #expect(partnerships[0]["achievements"] == "")
        #expect(partnerships[0]["statutory"] == "true")
        #expect(partnerships[0]["purpose"] == "'@risk reduction")
        #expect(partnerships[1]["statutory"] == "")
        #expect(partnerships[1]["index"] == "2")
    }

    @Test func implicationWithoutProvenanceHasEmptyProvenanceCells() throws {
        let folder = try export([SampleReports.awkward])
        let implications = try table(folder, "implications.csv").records
        #expect(implications[0]["text"] == "'+£5k pressure\r\non reserves")
        #expect(implications[0]["page"] == "" && implications[0]["line"] == "" && implications[0]["section"] == "")
        #expect(implications[1]["line"] == "1")
    }

    @Test func byteOrderMarkOnlyWhenExcelIsSet() throws {
        let plain = try export([SampleReports.awkward])
        let excel = try export([SampleReports.awkward], excel: true)
        for name in csvFiles {
            #expect(!Array(try plain.read(name)).starts(with: [0xEF, 0xBB, 0xBF]), "\(name)")
            #expect(Array(try excel.read(name)).starts(with: [0xEF, 0xBB, 0xBF]), "\(name)")
            #expect(try table(excel, name, allowBOM: true).rows == table(plain, name).rows)
        }
        #expect(!Array(try excel.read("reports.jsonl")).starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func sameReportsGiveByteIdenticalFiles() throws {
        let first = try export([SampleReports.awkward, SampleReports.plain])
        let second = try export([SampleReports.awkward, SampleReports.plain])
        for name in csvFiles + ["reports.jsonl", "datapackage.json"] {
            #expect(try first.read(name) == second.read(name), "\(name)")
        }
    }

    @Test func reportsJSONLinesHasOneCompactSortedLinePerReport() throws {
        let folder = try export([SampleReports.awkward, SampleReports.plain])
        let text = String(decoding: try folder.read("reports.jsonl"), as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[0].hasPrefix("{\"budgets\":["))
        let decoded = try lines.dropLast().map { try JSONDecoder().decode(Report.self, from: Data($0.utf8)) }
        #expect(decoded == [SampleReports.awkward, SampleReports.plain])
    }

    @Test func noReportsGiveHeaderOnlyFiles() throws {
        let folder = try export([])
        for name in csvFiles {
            let parsed = try table(folder, name)
            #expect(parsed.rows.isEmpty && !parsed.header.isEmpty)
        }
        #expect(try folder.read("reports.jsonl").isEmpty)
    }

    @Test func rebuildReplacesEarlierFilesInsteadOfAppending() throws {
        let folder = try export([SampleReports.awkward, SampleReports.plain])
        try TableExporter().rebuild(from: [SampleReports.plain], into: folder.path)
        #expect(try table(folder, "documents.csv").column("document_id") == ["fedcba9876543210"])
        #expect(try table(folder, "budgets.csv").rows.isEmpty)
        #expect(try folder.contents().count == 8)
    }

    @Test func failureMidExportLeavesPreviousExportUntouched() throws {
        let folder = try export([SampleReports.awkward])
        let before = try (csvFiles + ["reports.jsonl"]).map { try folder.read($0) }
        // A report that cannot be encoded (NaN amount) fails the rebuild after rows were already written.
        var broken = SampleReports.plain
        broken.budgets = [Budget(amount: .nan, raw: "?", approximate: false, kind: .other, period: nil, partnership: nil,
                                 context: "", provenance: Provenance(page: nil, line: 1, section: nil))]
        #expect(throws: EncodingError.self) {
            try TableExporter().rebuild(from: [SampleReports.plain, broken], into: folder.path)
        }
        #expect(try (csvFiles + ["reports.jsonl"]).map { try folder.read($0) } == before)
        #expect(try folder.contents().count == 8)
    }

    @Test func outputFolderThatCannotBeMadeIsACreateError() throws {
        let folder = try TemporaryFolder()
        try AtomicFile.write(Data("not a folder".utf8), to: folder.file("blocker"))
        let target = folder.file("blocker/out")
        let error = try #require(throws: ExportError.self) {
            try TableExporter().rebuild(from: [SampleReports.plain], into: target)
        }
        #expect(error.step == .create && error.path == target)
        #expect(error.localizedDescription.contains(target))
        #expect(try folder.contents() == ["blocker"])
    }

    @Test func createsTheOutputFolderWhenMissing() throws {
        let folder = try TemporaryFolder()
        try TableExporter().rebuild(from: [SampleReports.plain], into: folder.file("nested/out"))
        #expect(FileManager.default.fileExists(atPath: folder.file("nested/out/datapackage.json")))
    }
}

/// Python's csv module must read every file exactly as the strict reader does.
@Suite struct PythonCSVCrossCheckTests {
    static let python = executableOnPath("python3")

    @Test(.enabled(if: python != nil, "python3 not on PATH; skipping the csv module cross-check"))
    func pythonCSVModuleReadsTheSameCells() throws {
        let folder = try export([SampleReports.awkward, SampleReports.plain], excel: true)
        let script = """
        import csv, json, sys
        with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
            print(json.dumps(list(csv.reader(f, strict=True))))
        """
        for name in csvFiles {
            let result = try run(try #require(Self.python), ["-c", script, folder.file(name)])
            #expect(result.status == 0, "\(result.output)")
            let fromPython = try JSONDecoder().decode([[String]].self, from: Data(result.output.utf8))
            let ours = try table(folder, name, allowBOM: true)
            #expect(fromPython == [ours.header] + ours.rows, "\(name)")
        }
    }
}
