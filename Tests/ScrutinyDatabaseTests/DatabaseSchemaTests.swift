import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyDatabase

/// Opening: a new file gets the schema, this version's file is kept, anything else is made anew.
@Suite struct DatabaseSchemaTests {
    @Test func aNewFileIsCreatedWithThisVersionsSchema() throws {
        let folder = try TemporaryFolder()
        let database = try ReportDatabase(path: folder.file("scrutiny.db"))
        #expect(database.opening == .created)
        #expect(try database.integer("PRAGMA user_version") == Int(ReportDatabase.schemaVersion))
        #expect(try database.storedReports().isEmpty)
    }

    @Test func thisVersionsFileIsReusedWithItsRows() throws {
        let folder = try TemporaryFolder()
        _ = try database(in: folder)
        let again = try ReportDatabase(path: folder.file("scrutiny.db"))
        #expect(again.opening == .reused)
        #expect(try again.storedReports().count == 3)
    }

    @Test func aSchemaFromAnotherUserVersionIsRebuilt() throws {
        let folder = try TemporaryFolder()
        do {
            let old = try database(in: folder)
            try old.sqlite.execute("CREATE TABLE leftover (x)")
            try old.sqlite.execute("PRAGMA user_version = 7")
        }
        let database = try ReportDatabase(path: folder.file("scrutiny.db"))
        #expect(database.opening == .rebuilt(previousVersion: 7))
        #expect(try database.storedReports().isEmpty)
        #expect(try database.integer("SELECT count(*) FROM documents") == 0)
        #expect(try database.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'leftover'") == 0)
        #expect(try database.integer("PRAGMA user_version") == Int(ReportDatabase.schemaVersion))
        try database.apply(DatabaseChange(inserted: SampleReports.all.map(inserted)))
        #expect(try database.integer("SELECT count(*) FROM search WHERE search MATCH 'allotment'") == 3)
        #expect(try database.texts("PRAGMA integrity_check") == ["ok"])
    }

    @Test func aFileMissingOneOfTheSchemasObjectsIsRebuilt() throws {
        let folder = try TemporaryFolder()
        do {
            let old = try database(in: folder)
            try old.sqlite.execute("DROP VIEW budgets_with_document")
        }
        let database = try ReportDatabase(path: folder.file("scrutiny.db"))
        #expect(database.opening == .rebuilt(previousVersion: ReportDatabase.schemaVersion))
        #expect(try database.integer("SELECT count(*) FROM budgets_with_document") == 0)
    }

    @Test func aFileThatIsNotADatabaseIsReplaced() throws {
        let folder = try TemporaryFolder()
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: folder.file("scrutiny.db")))
        let database = try ReportDatabase(path: folder.file("scrutiny.db"))
        #expect(database.opening == .rebuilt(previousVersion: nil))
        try database.apply(DatabaseChange(inserted: [inserted(SampleReports.plain)]))
        #expect(try database.storedReports().count == 1)
    }

    @Test func theVersionIsAFingerprintOfTheSchema() {
        #expect(ReportDatabase.schemaVersion > 0)
        #expect(DatabaseSchema.statements.contains { $0.contains("CREATE TABLE \"budgets\"") })
    }

    /// ``DatabaseSchema/objectNames``, which decides whether a file is reused, names everything
    /// the schema makes but FTS5's own shadow tables.
    @Test func everySchemaObjectIsNamed() throws {
        let folder = try TemporaryFolder()
        let database = try ReportDatabase(path: folder.file("scrutiny.db"))
        let shadows = (DatabaseSchema.searched.map(\.index) + [DatabaseSchema.searchTable]).flatMap { index in
            ["data", "idx", "content", "docsize", "config"].map { index + "_" + $0 }
        }
        let made = Set(try database.texts("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").compactMap { $0 })
        #expect(made.subtracting(shadows) == DatabaseSchema.objectNames)
        #expect(made.contains("search_content") && !made.contains("budgets_fts_content"))
    }
}
