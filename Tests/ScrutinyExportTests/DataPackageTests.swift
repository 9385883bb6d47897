import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyExport

@Suite struct DataPackageTests {
    /// The package as a JSON object tree.
    private func package(excel: Bool = false) throws -> (folder: TemporaryFolder, json: [String: Any]) {
        let folder = try TemporaryFolder()
        try TableExporter(excel: excel).rebuild(from: [SampleReports.awkward, SampleReports.plain], into: folder.path)
        let object = try JSONSerialization.jsonObject(with: folder.read("datapackage.json"))
        return (folder, try #require(object as? [String: Any]))
    }

    @Test func describesEachCSVAsATabularResource() throws {
        let (_, json) = try package()
        #expect(json["profile"] as? String == "tabular-data-package")
        let resources = try #require(json["resources"] as? [[String: Any]])
        #expect(resources.map { $0["path"] as? String } ==
            ["documents.csv", "recommendations.csv", "recommendation_updates.csv", "partnerships.csv", "budgets.csv", "implications.csv"])
        for resource in resources {
            #expect(resource["format"] as? String == "csv")
            #expect(resource["encoding"] as? String == "utf-8")
            let dialect = try #require(resource["dialect"] as? [String: Any])
            #expect(dialect["lineTerminator"] as? String == "\r\n")
            #expect(dialect["delimiter"] as? String == ",")
        }
    }

    @Test func schemaFieldsMatchEachCSVHeaderInOrder() throws {
        let (folder, json) = try package()
        for resource in try #require(json["resources"] as? [[String: Any]]) {
            let path = try #require(resource["path"] as? String)
            let schema = try #require(resource["schema"] as? [String: Any])
            let fields = try #require(schema["fields"] as? [[String: String]])
            let header = try StrictCSVReader.parse(folder.read(path)).header
            #expect(fields.map { $0["name"] } == header, "\(path)")
            #expect(fields.allSatisfy { ["string", "integer", "number", "boolean"].contains($0["type"] ?? "") })
        }
    }

    @Test func fieldTypesFollowTheValues() throws {
        let (_, json) = try package()
        let resources = try #require(json["resources"] as? [[String: Any]])
        func types(_ name: String) throws -> [String: String] {
            let resource = try #require(resources.first { $0["name"] as? String == name })
            let fields = try #require((resource["schema"] as? [String: Any])?["fields"] as? [[String: String]])
            return Dictionary(uniqueKeysWithValues: fields.map { ($0["name"]!, $0["type"]!) })
        }
        let budgets = try types("budgets")
        #expect(budgets["amount"] == "number")
        #expect(budgets["index"] == "integer" && budgets["page"] == "integer" && budgets["line"] == "integer")
        #expect(budgets["approximate"] == "boolean" && budgets["raw"] == "string")
        #expect(try types("documents")["pages"] == "integer")
        #expect(try types("partnerships")["statutory"] == "boolean")
    }

    @Test func keysJoinEveryTableToDocuments() throws {
        let (_, json) = try package()
        for resource in try #require(json["resources"] as? [[String: Any]]) {
            let name = try #require(resource["name"] as? String)
            let schema = try #require(resource["schema"] as? [String: Any])
            let foreignKeys = try #require(schema["foreignKeys"] as? [[String: Any]])
            if name == "documents" {
                #expect(schema["primaryKey"] as? [String] == ["document_id"])
                #expect(foreignKeys.isEmpty)
            } else {
                #expect(schema["primaryKey"] as? [String] == ["document_id", "index"], "\(name)")
                let key = try #require(foreignKeys.first)
                #expect(key["fields"] as? [String] == ["document_id"])
                let reference = try #require(key["reference"] as? [String: Any])
                #expect(reference["resource"] as? String == "documents")
                #expect(reference["fields"] as? [String] == ["document_id"])
            }
        }
    }

    @Test func bytesDoNotDependOnTheData() throws {
        let folder = try TemporaryFolder()
        try TableExporter().rebuild(from: [SampleReports.plain], into: folder.file("one"))
        try TableExporter().rebuild(from: [], into: folder.file("none"))
        #expect(try folder.read("one/datapackage.json") == folder.read("none/datapackage.json"))
    }
}

/// `frictionless validate` checks the package against the Data Package specs and the data against
/// its schema (types, primary keys, foreign keys). Set `FRICTIONLESS` or put it on `PATH` to run it.
@Suite struct FrictionlessValidationTests {
    static let tool = ProcessInfo.processInfo.environment["FRICTIONLESS"] ?? executableOnPath("frictionless")

    @Test(.enabled(if: tool != nil, "frictionless not found (pip install frictionless, or set FRICTIONLESS=/path/to/frictionless)"),
          arguments: [false, true])
    func frictionlessAcceptsTheGeneratedPackage(excel: Bool) throws {
        let folder = try TemporaryFolder()
        try TableExporter(excel: excel).rebuild(from: [SampleReports.awkward, SampleReports.plain], into: folder.path)
        let result = try run(try #require(Self.tool), ["validate", "--json", folder.file("datapackage.json")])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\"valid\": true"), "\(result.output)")
    }

    @Test(.enabled(if: tool != nil, "frictionless not found (pip install frictionless, or set FRICTIONLESS=/path/to/frictionless)"))
    func frictionlessRejectsARowWhoseDocumentIsMissing() throws {
        let folder = try TemporaryFolder()
        try TableExporter().rebuild(from: [SampleReports.plain], into: folder.path)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.file("recommendations.csv")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("0000000000000000,1,1,orphan,,3,\r\n".utf8))
        try handle.close()
        let result = try run(try #require(Self.tool), ["validate", "--json", folder.file("datapackage.json")])
        #expect(result.status != 0)
        #expect(result.output.contains("foreign-key"), "\(result.output)")
    }
}
