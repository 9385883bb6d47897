import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyDatabase

/// A writer killed with SIGKILL at any moment leaves a whole database whose stamps say exactly
/// which reports are in, and comparing stamps again converges.
///
/// The writer is this test binary run again with only ``DatabaseKillTests/writeUntilKilled()``
/// enabled (by `SCRUTINY_DB_KILL_TARGET`): it applies changes in a loop until it is killed.
@Suite struct DatabaseKillTests {
    static let target = ProcessInfo.processInfo.environment["SCRUTINY_DB_KILL_TARGET"]
    static let reports = DatabaseMirroringTests.numbered(3000)

    /// The writer's loop: insert every report, replace a third with new stamps, remove a third, again.
    @Test(.enabled(if: target != nil, "runs only as the writer that DatabaseKillTests kills"))
    func writeUntilKilled() throws {
        let database = try ReportDatabase(path: try #require(Self.target))
        for round in 0... {
            let stamp = ReportStamp("round \(round)")
            try database.apply(DatabaseChange(inserted: Self.reports.map { .init(report: $0, stamp: stamp) }), reportsPerTransaction: 500)
            try database.apply(DatabaseChange(removed: Self.reports.prefix(1000).map(\.documentID),
                                              inserted: Self.reports.suffix(1000).map { .init(report: $0, stamp: ReportStamp("late")) }),
                               reportsPerTransaction: 400)
        }
    }

    @Test(.enabled(if: target == nil), arguments: [0.4, 0.9, 1.7])
    func aWriterKilledAtAnyMomentLeavesWholeReportsAndConverges(after seconds: Double) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("scrutiny.db")
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        writer.arguments = ["--testing-library", "swift-testing", "--filter", "writeUntilKilled"]
        writer.environment = ProcessInfo.processInfo.environment.merging(["SCRUTINY_DB_KILL_TARGET": path]) { $1 }
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        // Wait until the first transaction has made the file, then give the writer `seconds` more.
        let deadline = Date().addingTimeInterval(60)
        while writer.isRunning, Date() < deadline, !FileManager.default.fileExists(atPath: path + "-wal") { usleep(20_000) }
        usleep(useconds_t(seconds * 1_000_000))
        let wasRunning = writer.isRunning
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        #expect(wasRunning, "the writer ended before it was killed (status \(writer.terminationStatus))")

        let database = try ReportDatabase(path: path)
        #expect(database.opening == .reused)
        #expect(try database.texts("PRAGMA integrity_check") == ["ok"])
        #expect(try database.rows("PRAGMA foreign_key_check").isEmpty)
        for index in DatabaseSchema.searched.map(\.index) + [DatabaseSchema.searchTable] {
            try database.sqlite.execute("INSERT INTO \"\(index)\" (\"\(index)\", rank) VALUES ('integrity-check', 1)")
        }
        // Every stored report is whole, and every document has its stamp.
        let stored = try database.storedReports()
        #expect(try database.integer("SELECT count(*) FROM documents") == stored.count)
        #expect(try database.integer("SELECT count(*) FROM recommendations") == 2 * stored.count)
        #expect(try database.integer("SELECT count(*) FROM budgets") == stored.count)
        #expect(try database.integer("SELECT count(*) FROM search") == 4 * stored.count)

        // The next run applies the difference, and then holds exactly what it wants.
        let rest = DatabaseMirroringTests.difference(stored: stored, wanted: Self.reports)
        try database.apply(rest)
        #expect(DatabaseMirroringTests.difference(stored: try database.storedReports(), wanted: Self.reports).isEmpty)
        #expect(try database.integer("SELECT count(*) FROM recommendations") == 2 * Self.reports.count)
        #expect(try database.integer("SELECT count(*) FROM search WHERE search MATCH 'agree'") == Self.reports.count)
    }
}
