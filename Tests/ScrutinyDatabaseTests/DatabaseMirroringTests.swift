import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyDatabase

/// The caller mirrors a folder of reports by comparing stamps and applying the difference; a change
/// cut short between two transactions is finished by the next comparison.
@Suite struct DatabaseMirroringTests {
    /// Reports numbered 0..<count, each with two recommendations and a budget.
    static func numbered(_ count: Int) -> [Report] {
        (0..<count).map { number in
            let id = String(format: "%016x", number)
            return Report(
                documentID: id, source: SourceInfo(file: "r\(number).txt", sha256: id + id + id + id, format: .text, pages: nil),
                document: DocumentBlock(council: "Council \(number % 3)", title: "Report \(number)"),
                recommendations: [Recommendation(number: "1", text: "Note item \(number).", provenance: Provenance(page: nil, line: 1, section: nil)),
                                  Recommendation(number: "2", text: "Agree item \(number).", provenance: Provenance(page: nil, line: 2, section: nil))],
                budgets: [Budget(amount: Double(number), raw: "£\(number)", approximate: false, kind: .budget, period: nil,
                                 partnership: nil, context: "£\(number) in all.", provenance: Provenance(page: nil, line: 3, section: nil))])
        }
    }

    /// The change that makes a database holding `stored` hold exactly `wanted` (by stamp).
    static func difference(stored: [String: ReportStamp], wanted: [Report]) -> DatabaseChange {
        let byID = Dictionary(uniqueKeysWithValues: wanted.map { ($0.documentID, $0) })
        let plan = ReportDatabase.difference(stored: stored, wanted: byID.mapValues { inserted($0).stamp })
        return DatabaseChange(removed: plan.removed, inserted: plan.inserted.map { inserted(byID[$0]!) })
    }

    private struct Stop: Error {}

    @Test func storedReportsGiveBackEachDocumentsStamp() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        #expect(try database.storedReports() == [
            "0123456789abcdef": ReportStamp("stamp-0123456789abcdef"),
            "fedcba9876543210": ReportStamp("stamp-fedcba9876543210"),
            "00112233445566ff-002": ReportStamp("stamp-00112233445566ff-002"),
        ])
    }

    @Test func aChangeStoppedBetweenTransactionsKeepsWholeReportsAndConverges() throws {
        let folder = try TemporaryFolder()
        let reports = Self.numbered(7)
        let database = try ReportDatabase(path: folder.file("scrutiny.db"))
        database.chunkCommitted = { (inserted: Int) throws(DatabaseError) in
            if inserted == 3 { throw DatabaseError(.write, path: "test", code: 0, message: "stopped after the first transaction") }
        }
        #expect(throws: DatabaseError.self) {
            try database.apply(DatabaseChange(inserted: reports.map(inserted)), reportsPerTransaction: 3)
        }
        database.chunkCommitted = nil
        // The first transaction's reports are in, whole; no row of the others is.
        let stored = try database.storedReports()
        #expect(Set(stored.keys) == Set(reports.prefix(3).map(\.documentID)))
        #expect(try database.integer("SELECT count(*) FROM recommendations") == 6)
        #expect(try database.integer("SELECT count(DISTINCT \"document_id\") FROM budgets") == 3)

        // The next run compares stamps and applies the rest.
        let rest = Self.difference(stored: stored, wanted: reports)
        #expect(rest.inserted.map(\.report.documentID) == reports.dropFirst(3).map(\.documentID))
        try database.apply(rest, reportsPerTransaction: 3)
        #expect(Self.difference(stored: try database.storedReports(), wanted: reports).isEmpty)

        // Same rows as one uninterrupted change.
        let whole = try ReportDatabase(path: folder.file("whole.db"))
        try whole.apply(DatabaseChange(inserted: reports.map(inserted)))
        for table in ["documents", "recommendations", "budgets"] {
            let order = table == "documents" ? "\"document_id\"" : "\"document_id\", \"index\""
            #expect(try database.rows("SELECT * FROM \(table) ORDER BY \(order)") == whole.rows("SELECT * FROM \(table) ORDER BY \(order)"))
        }
    }

    @Test func aFailedTransactionLeavesNoRowOfIt() throws {
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        // A trigger that refuses one report makes its transaction fail part-way through.
        try database.sqlite.execute("""
            CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.budgets WHEN new."document_id" = '0000000000000004'
            BEGIN SELECT RAISE(ABORT, 'refused'); END
            """)
        #expect(throws: DatabaseError.self) {
            try database.apply(DatabaseChange(removed: ["fedcba9876543210"], inserted: Self.numbered(6).map(inserted)))
        }
        #expect(Set(try database.storedReports().keys) == Set(SampleReports.all.map(\.documentID)))
        #expect(try database.integer("SELECT count(*) FROM documents") == 3)
    }

    @Test func logLinesLandWithTheChange() throws {
        let folder = try TemporaryFolder()
        let database = try ReportDatabase(path: folder.file("scrutiny.db"))
        let started = "2026-01-02T03:04:05Z"
        let log = [
            ChangeRecord(runStarted: started, change: .added, path: "in/a.pdf", documentID: "0000000000000000", oldDocumentID: nil,
                         time: "2026-01-02T03:04:06Z"),
            ChangeRecord(runStarted: started, change: .failed, path: "in/b.pdf", documentID: nil, oldDocumentID: nil,
                         time: "2026-01-02T03:04:07Z"),
        ]
        try database.apply(DatabaseChange(inserted: Self.numbered(5).map(inserted), log: log), reportsPerTransaction: 2)
        try database.appendChanges([ChangeRecord(runStarted: started, change: .changed, path: "in/c.pdf", documentID: "0000000000000001",
                                                 oldDocumentID: "ffffffffffffffff", time: "2026-01-02T03:04:08Z")])
        let rows = try database.rows("SELECT * FROM changes ORDER BY rowid")
        #expect(rows.map { $0[1] } == [.text("added"), .text("failed"), .text("changed")])
        #expect(rows[1] == [.text(started), .text("failed"), .text("in/b.pdf"), .null, .null, .text("2026-01-02T03:04:07Z")])
        #expect(try database.columnNames("changes") == ["run_started", "change", "path", "document_id", "old_document_id", "time"])
    }

    @Test func changeRecordsEncodeAsTheTableNamesThem() throws {
        let record = ChangeRecord(runStarted: "2026-01-02T03:04:05Z", change: .removed, path: "in/a.pdf", documentID: nil,
                                  oldDocumentID: "0000000000000000", time: "2026-01-02T03:04:06Z")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(record), as: UTF8.self)
        #expect(json == #"{"change":"removed","document_id":null,"old_document_id":"0000000000000000","path":"in/a.pdf","run_started":"2026-01-02T03:04:05Z","time":"2026-01-02T03:04:06Z"}"#)
        #expect(try JSONDecoder().decode(ChangeRecord.self, from: Data(json.utf8)) == record)
    }

    @Test func theDifferenceNamesGoneAndStaleIDs() {
        let plan = ReportDatabase.difference(stored: ["a": ReportStamp("1"), "b": ReportStamp("1"), "c": ReportStamp("1")],
                                             wanted: ["b": ReportStamp("1"), "c": ReportStamp("2"), "d": ReportStamp("1")])
        #expect(plan.removed == ["a"])
        #expect(plan.inserted == ["c", "d"])
    }

    @Test func aFileStampChangesWithTheFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("report.json")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
        let first = try #require(ReportStamp(fileAt: path))
        #expect(first.text.hasPrefix("2 "))
        try Data("{ }".utf8).write(to: URL(fileURLWithPath: path))
        #expect(ReportStamp(fileAt: path) != first)
        #expect(ReportStamp(fileAt: folder.file("missing.json")) == nil)
    }

    @Test func aReaderKeepsItsSnapshotWhileTheWriterCommits() throws {
        let folder = try TemporaryFolder()
        let writer = try database(in: folder)
        let reader = try SQLiteConnection(path: folder.file("scrutiny.db"))
        #expect(try reader.texts("PRAGMA journal_mode") == ["wal"])
        #expect(try writer.integer("PRAGMA foreign_keys") == 1)
        try reader.execute("BEGIN")
        #expect(try reader.integer("SELECT count(*) FROM documents") == 3)
        try writer.apply(DatabaseChange(removed: ["0123456789abcdef"], inserted: Self.numbered(4).map(inserted)))
        #expect(try reader.integer("SELECT count(*) FROM documents") == 3)
        #expect(try reader.integer("SELECT count(*) FROM recommendations WHERE \"document_id\" = '0123456789abcdef'") == 2)
        try reader.execute("COMMIT")
        #expect(try reader.integer("SELECT count(*) FROM documents") == 6)
    }
}

extension SQLiteConnection {
    func texts(_ sql: String) throws -> [String?] {
        let statement = try prepare(sql, during: .read)
        var texts: [String?] = []
        while try statement.step() { texts.append(statement.text(at: 0)) }
        return texts
    }
}
