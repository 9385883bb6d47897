import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyDatabase

/// Keys, full-text indexes and cascades: the database stays whole as reports come and go.
@Suite struct DatabaseIntegrityTests {
    private func expectWhole(_ database: ReportDatabase, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try database.texts("PRAGMA integrity_check") == ["ok"], sourceLocation: sourceLocation)
        #expect(try database.rows("PRAGMA foreign_key_check").isEmpty, sourceLocation: sourceLocation)
        for index in DatabaseSchema.searched.map(\.index) + [DatabaseSchema.searchTable] {
            // FTS5's own check that the index agrees with its content table; it throws if not.
            try database.sqlite.execute("INSERT INTO \"\(index)\" (\"\(index)\", rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func integrityAndForeignKeyChecksPass() throws {
        let folder = try TemporaryFolder()
        try expectWhole(try database(in: folder))
    }

    @Test func keysAreDeclared() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        #expect(try database.texts("SELECT name FROM pragma_table_info('budgets') WHERE pk > 0 ORDER BY pk") == ["document_id", "index"])
        #expect(try database.texts("SELECT name FROM pragma_table_info('documents') WHERE pk > 0") == ["document_id"])
        let keys = try database.rows("SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('recommendations')")
        #expect(keys == [[.text("documents"), .text("document_id"), .text("document_id"), .text("CASCADE")]])
        let indexes = Set(try database.texts("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"))
        #expect(indexes.isSuperset(of: ["documents_council", "documents_committee", "documents_meeting_date", "budgets_kind",
                                        "budgets_period", "budgets_partnership"]))
    }

    @Test func aRowWithoutItsDocumentIsRefused() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        #expect(throws: DatabaseError.self) {
            try database.sqlite.execute("INSERT INTO recommendations (\"document_id\", \"index\", \"text\") VALUES ('nobody', 1, 'x')")
        }
    }

    @Test func fullTextSearchFindsARecommendationByOneOfItsWords() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        let hits = try database.rows("""
            SELECT r."document_id", r."index" FROM recommendations_fts JOIN recommendations AS r ON r.rowid = recommendations_fts.rowid
            WHERE recommendations_fts MATCH 'appendices'
            """)
        #expect(hits == [[.text("0123456789abcdef"), .integer(2)]])
        // The porter stemmer: "approve" finds "approves".
        #expect(try database.texts("SELECT \"document_id\" FROM search WHERE search MATCH 'approve'") == ["00112233445566ff-002"])
    }

    @Test func theSearchTableCoversTitlesRecommendationsPartnershipsAndBudgetContexts() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        let hits = try database.rows("SELECT kind, \"document_id\", \"index\" FROM search WHERE search MATCH 'allotment' ORDER BY kind")
        #expect(hits == [
            [.text("document"), .text("00112233445566ff-002"), .null],
            [.text("partnership"), .text("00112233445566ff-002"), .integer(1)],
            [.text("recommendation"), .text("00112233445566ff-002"), .integer(1)],
        ])
        #expect(try database.texts("SELECT kind FROM search WHERE search MATCH 'plots'") == ["budget", "budget"])
        #expect(try database.integer("SELECT count(*) FROM search WHERE search MATCH 'allotment OR plot'") == 5)
        #expect(try database.texts("SELECT highlight(search, 3, '[', ']') FROM search WHERE search MATCH 'waiting'")
            == ["Allotment provision and [waiting] lists"])
        // Each table's own index, as Datasette's search box uses it.
        #expect(try database.texts("""
            SELECT b."raw" FROM budgets AS b WHERE b.rowid IN (SELECT rowid FROM budgets_fts WHERE budgets_fts MATCH 'fee')
            """) == ["£0.50"])
    }

    @Test func searchEntriesFollowTheirRowsThroughUpdates() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        try database.sqlite.execute("UPDATE documents SET title = 'Hedgerow survey' WHERE \"document_id\" = 'fedcba9876543210'")
        #expect(try database.texts("SELECT \"document_id\" FROM search WHERE search MATCH 'hedgerow'") == ["fedcba9876543210"])
        #expect(try database.integer("SELECT count(*) FROM search WHERE search MATCH 'annual'") == 0)
        #expect(try database.integer("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'annual'") == 0)
        try expectWhole(database)
    }

    @Test func replacingAReportRemovesItsOldRowsAndSearchEntries() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        var revised = SampleReports.awkward
        revised.recommendations = [Recommendation(number: "1", text: "Adopt the hedgerow plan.", provenance: Provenance(page: 1, line: 1, section: nil))]
        revised.budgets = []
        try database.apply(DatabaseChange(inserted: [DatabaseChange.Insertion(report: revised, stamp: ReportStamp("second"))]))
        #expect(try database.texts("SELECT \"text\" FROM recommendations WHERE \"document_id\" = '0123456789abcdef'") == ["Adopt the hedgerow plan."])
        #expect(try database.integer("SELECT count(*) FROM budgets WHERE \"document_id\" = '0123456789abcdef'") == 0)
        #expect(try database.integer("SELECT count(*) FROM documents") == 3)
        #expect(try database.integer("SELECT count(*) FROM recommendations_fts WHERE recommendations_fts MATCH 'appendices'") == 0)
        #expect(try database.integer("SELECT count(*) FROM recommendations_fts WHERE recommendations_fts MATCH 'hedgerow'") == 1)
        #expect(try database.integer("SELECT count(*) FROM search WHERE search MATCH 'appendices OR HYPERLINK'") == 0)
        #expect(try database.integer("SELECT count(*) FROM search WHERE search MATCH 'hedgerow'") == 1)
        #expect(try database.storedReports()["0123456789abcdef"] == ReportStamp("second"))
        try expectWhole(database)
    }

    @Test func removingAnIdRemovesItsRowsSearchEntriesAndStamp() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        try database.apply(DatabaseChange(removed: ["00112233445566ff-002", "not-there"]))
        for table in ["documents", "recommendations", "partnerships", "budgets", "implications"] {
            #expect(try database.integer("SELECT count(*) FROM \"\(table)\" WHERE \"document_id\" = '00112233445566ff-002'") == 0, "\(table)")
        }
        #expect(try database.integer("SELECT count(*) FROM search WHERE search MATCH 'allotment'") == 0)
        #expect(try database.integer("SELECT count(*) FROM search WHERE search MATCH 'appendices'") == 1)
        #expect(Set(try database.storedReports().keys) == ["0123456789abcdef", "fedcba9876543210"])
        try expectWhole(database)
    }

    @Test func removedAndReinsertedInOneChangeEndsInserted() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        try database.apply(DatabaseChange(removed: ["fedcba9876543210"], inserted: [inserted(SampleReports.plain)]))
        #expect(try database.integer("SELECT count(*) FROM recommendations WHERE \"document_id\" = 'fedcba9876543210'") == 1)
        try expectWhole(database)
    }
}
