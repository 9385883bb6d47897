import Foundation
import Testing

/// `scrutiny.db` as `extract` and `merge` write it: the CSVs' rows in SQLite, kept in step with
/// the output folder run after run. Read back with Python's sqlite3 (Support/), not the writer.
@Suite("the SQLite database of an extract", .serialized,
       .enabled(if: ScrutinyBinary.isBuilt && DatabaseCheck.python != nil, "build the package first (and python3 is needed to read the database back)"))
struct DatabaseExtractTests {
    @Test("the database holds the CSVs' rows, passes its integrity and key checks, and its search finds a recommendation by a word")
    func databaseMirrorsTheCSVs() throws {
        let scratch = try Scratch()
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
        #expect(try ScrutinyBinary.run(["extract", samples.path, "--out", "out", "--quiet"], in: scratch.url).status == 0)
        let check = try DatabaseCheck.matchesCSV(scratch.url.appendingPathComponent("out"), word: "approves")
        #expect(check.ok, "\(check.report)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/datasette.json").path))
    }

    @Test("a changed input's old rows go and its new rows come, a removed input's rows go, and the changes table says so")
    func databaseFollowsChanges() throws {
        let scratch = try Scratch()
        for number in 1...3 { try scratch.write(sampleReport(number), to: "in/r\(number).txt") }
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url).status == 0)
        let before = try DatabaseCheck.rows(scratch.url.appendingPathComponent("out"))
        #expect(before.contains("partnership 2."))

        try scratch.write(sampleReport(30), to: "in/r3.txt")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("in/r2.txt"))
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url).status == 0)
        let after = try DatabaseCheck.rows(scratch.url.appendingPathComponent("out"))
        #expect(!after.contains("partnership 2.") && !after.contains("partnership 3.") && after.contains("partnership 30."))
        let check = try DatabaseCheck.matchesCSV(scratch.url.appendingPathComponent("out"))
        #expect(check.ok, "\(check.report)")
        let changes = try scratch.jsonLines("out/changes.jsonl").map { "\($0["path"]!) \($0["change"]!)" }
        #expect(changes == ["in/r2.txt removed", "in/r3.txt changed"])
        let logged = try DatabaseCheck.run("db-query.py", [scratch.url.appendingPathComponent("out").path,
                                                           "SELECT path || ' ' || change FROM changes ORDER BY rowid"]).output
        #expect(logged.split(separator: "\n").suffix(2) == ["in/r2.txt removed", "in/r3.txt changed"], "\(logged)")

        // A clean run over the same inputs holds the same rows.
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "clean", "--quiet"], in: scratch.url).status == 0)
        let clean = try DatabaseCheck.rows(scratch.url.appendingPathComponent("clean"))
        #expect(after == clean)

        // --no-sqlite leaves no database behind that would no longer mirror the folder.
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet", "--no-sqlite"], in: scratch.url).status == 0)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/scrutiny.db").path))
    }

    @Test("three shards merged hold the database rows of one run")
    func mergedShardsHoldOneRunsRows() throws {
        let scratch = try Scratch()
        for number in 1...15 { try scratch.write(sampleReport(number), to: "in/r\(number).txt") }
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "whole", "--quiet"], in: scratch.url).status == 0)
        for shard in 1...3 {
            #expect(try ScrutinyBinary.run(["extract", "in", "--out", "s\(shard)", "--quiet", "--shard", "\(shard)/3"], in: scratch.url).status == 0)
        }
        #expect(try ScrutinyBinary.run(["merge", "s1", "s2", "s3", "--out", "merged", "--quiet"], in: scratch.url).status == 0)
        let whole = try DatabaseCheck.rows(scratch.url.appendingPathComponent("whole"))
        let merged = try DatabaseCheck.rows(scratch.url.appendingPathComponent("merged"))
        #expect(!whole.isEmpty && whole == merged)
        let check = try DatabaseCheck.matchesCSV(scratch.url.appendingPathComponent("merged"))
        #expect(check.ok, "\(check.report)")
    }
}
