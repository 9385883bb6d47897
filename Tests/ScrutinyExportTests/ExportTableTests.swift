import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyExport

/// ``ExportTable``: the CSV tables as data, for writers other than CSV.
@Suite struct ExportTableTests {
    @Test func tablesAndColumnsAreTheCSVFilesAndHeaders() throws {
        let folder = try TemporaryFolder()
        try TableExporter().rebuild(from: [SampleReports.awkward], into: folder.path)
        #expect(ExportTable.all.map { $0.name + ".csv" } == TableExporter.csvFileNames)
        for table in ExportTable.all {
            let header = try StrictCSVReader.parse(folder.read(table.name + ".csv")).header
            #expect(table.columns.map(\.name) == header, "\(table.name)")
        }
    }

    @Test func everyColumnIsDescribedAndNoDescriptionIsStale() {
        for table in ExportTable.all {
            #expect(!table.description.isEmpty, "\(table.name)")
            for column in table.columns { #expect(!column.description.isEmpty, "\(table.name).\(column.name)") }
            let own = Set(ExportDescriptions.table(table.name).columns.keys)
            #expect(own.isSubset(of: Set(table.columns.map(\.name))), "\(table.name): \(own.subtracting(table.columns.map(\.name)))")
        }
        #expect(Set(ExportDescriptions.tables.keys) == Set(ExportTable.all.map(\.name)))
    }

    @Test func rowsAreTypedCellsWithoutTheFormulaGuard() throws {
        let recommendations = try #require(ExportTable.all.first { $0.name == "recommendations" })
        #expect(recommendations.rows(of: SampleReports.awkward)[0] == [
            .text("0123456789abcdef"), .integer(1), .text("1"), .text("=HYPERLINK(\"http://example.com\",\"click\")"),
            .integer(2), .integer(14), .text("Recommendations"),
        ])
        let partnerships = try #require(ExportTable.all.first { $0.name == "partnerships" })
        let row = partnerships.rows(of: SampleReports.awkward)[0]
        let cell = { (name: String) in row[partnerships.columns.firstIndex { $0.name == name }!] }
        #expect(cell("members") == .text("Police; Fire, Rescue"))
        #expect(cell("achievements") == .null)
        #expect(cell("statutory") == .boolean(true))
        let budgets = try #require(ExportTable.all.first { $0.name == "budgets" })
        #expect(budgets.rows(of: SampleReports.awkward).map { $0[2] } == [.number(1_312_000), .number(-1000), .number(31007.46)])
    }

    @Test func keysAreThoseOfTheDataPackage() {
        for table in ExportTable.all {
            #expect(table.primaryKey == (table.name == "documents" ? ["document_id"] : ["document_id", "index"]))
            #expect(table.referencesDocuments == (table.name != "documents"))
        }
    }

    @Test func theDataPackageCarriesTheDescriptions() throws {
        let object = try JSONSerialization.jsonObject(with: TableExporter.dataPackage()) as? [String: Any]
        let resources = try #require(object?["resources"] as? [[String: Any]])
        for (resource, table) in zip(resources, ExportTable.all) {
            #expect(resource["description"] as? String == table.description)
            let fields = try #require((resource["schema"] as? [String: Any])?["fields"] as? [[String: String]])
            #expect(fields.map { $0["description"] } == table.columns.map(\.description))
        }
    }
}
