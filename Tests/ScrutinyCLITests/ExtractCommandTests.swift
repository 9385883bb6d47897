import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("scrutiny extract, end to end", .serialized, .enabled(if: ScrutinyBinary.isBuilt, "build the package first: swift build"))
struct ExtractCommandTests {
    /// A folder of good reports plus one input of every bad kind the tests can make.
    func makeMixedInputs(in scratch: Scratch) throws {
        for number in 1...4 { try scratch.write(sampleReport(number), to: "in/good-\(number).txt") }
        try scratch.write(sampleReport(1), to: "in/sub/copy-of-1.TXT")
        try scratch.write(sampleReport(5), to: "in/sub/deeper/good-5.text")
        try scratch.write("", to: "in/empty.txt")
        try scratch.write("<html><body><p>not a pdf</p></body></html>", to: "in/disguised.pdf")
        try scratch.write("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty", to: "in/truncated.pdf")
        try scratch.write(sampleReport(6), to: "in/worker-crash.txt")
        try scratch.write(sampleReport(7), to: "in/worker-hang.txt")
        try scratch.write(sampleReport(9), to: "in/worker-invalid.txt")
        try scratch.write(sampleReport(8), to: "in/.hidden/skipped.txt")
        try scratch.write("ignored, not given explicitly", to: "in/notes.docx")
        try scratch.write("given explicitly", to: "minutes.docx")
    }

    @Test("a mixed batch writes every good report and one error line per bad input, exiting 1")
    func mixedBatch() throws {
        let scratch = try Scratch()
        try makeMixedInputs(in: scratch)
        let run = try ScrutinyBinary.run(
            ["extract", "in", "minutes.docx", "gone.txt", "--out", "out", "--jobs", "2", "--timeout", "5"],
            in: scratch.url, hook: "crash:worker-crash,hang:worker-hang,invalid:worker-invalid")

        #expect(run.status == 1)
        let errors = try scratch.jsonLines("out/errors.jsonl")
        let kinds = Dictionary(uniqueKeysWithValues: errors.map { ($0["path"] as! String, $0["kind"] as! String) })
        #expect(kinds["in/empty.txt"] == "empty")
        #expect(kinds["in/worker-crash.txt"] == "crashed")
        #expect(kinds["in/worker-hang.txt"] == "timeout")
        #expect(kinds["in/worker-invalid.txt"] == "invalid")
        #expect(kinds["minutes.docx"] == "unsupported")
        #expect(kinds["gone.txt"] == "unreadable")
        #expect(["corrupt", "unsupported"].contains(kinds["in/disguised.pdf"] ?? "missing"))
        #expect(["corrupt", "unsupported", "empty"].contains(kinds["in/truncated.pdf"] ?? "missing"))
        #expect(errors.count == 8)
        #expect(errors.allSatisfy { !(($0["message"] as? String) ?? "").isEmpty })
        let invalid = errors.first { $0["path"] as? String == "in/worker-invalid.txt" }
        #expect((invalid?["message"] as? String)?.contains("meeting_date") == true)
        let crash = errors.first { $0["path"] as? String == "in/worker-crash.txt" }
        #expect((crash?["message"] as? String)?.contains("SIGABRT") == true)

        let reports = try scratch.jsonLines("out/reports.jsonl")
        let files = reports.map { ($0["source"] as! [String: Any])["file"] as! String }
        #expect(files.sorted() == ["in/good-1.txt", "in/good-2.txt", "in/good-3.txt", "in/good-4.txt", "in/sub/deeper/good-5.text"])
        let ids = reports.map { $0["document_id"] as! String }
        #expect(ids == ids.sorted())
        for id in ids {
            #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/reports/\(id).json").path))
        }
        let documentRows = try scratch.text("out/documents.csv").split(whereSeparator: \.isNewline).dropFirst()
        #expect(documentRows.map { String($0.prefix(16)) } == ids)
        let recommendationRows = try scratch.text("out/recommendations.csv").split(whereSeparator: \.isNewline).dropFirst()
        #expect(Set(recommendationRows.map { String($0.prefix(16)) }).isSubset(of: Set(ids)))

        let record = try JSONSerialization.jsonObject(with: scratch.read("out/run.json")) as! [String: Any]
        #expect(record["extracted"] as? Int == 6)
        #expect(record["failed"] as? Int == 8)
        #expect(record["unchanged"] as? Int == 0)
        #expect(record["inputs"] as? Int == 14)
        #expect(record["jobs"] as? Int == 2)
        #expect(run.stderr.contains("extracted 6, unchanged 0, failed 8"))
        #expect(!run.stderr.contains("\r"), "no progress bar when stderr is not a terminal")
    }

    @Test("the output is the same with one worker or two")
    func deterministicAcrossWorkerCounts() throws {
        let scratch = try Scratch()
        for number in 1...8 { try scratch.write(sampleReport(number), to: "in/\(9 - number)/report.txt") }
        try scratch.write(sampleReport(3), to: "in/0/same-as-3.txt")
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "one", "--jobs", "1"], in: scratch.url).status == 0)
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "two", "--jobs", "2"], in: scratch.url).status == 0)
        let one = try scratch.snapshot("one", excluding: Scratch.perRun)
        let two = try scratch.snapshot("two", excluding: Scratch.perRun)
        #expect(one == two)
        #expect(one.keys.filter { $0.hasPrefix("reports/") }.count == 8)
        let copy = try scratch.jsonLines("one/reports.jsonl").first { ($0["source"] as! [String: Any])["file"] as? String == "in/0/same-as-3.txt" }
        #expect(copy != nil, "identical content is one document, named after the first path in sorted order")
    }

    @Test("a second run skips unchanged inputs and leaves every file byte-identical")
    func secondRunSkipsEverything() throws {
        let scratch = try Scratch()
        for number in 1...5 { try scratch.write(sampleReport(number), to: "in/r\(number).txt") }
        try scratch.write("", to: "in/empty.txt")
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url).status == 1)
        let first = try scratch.snapshot("out", excluding: Scratch.perRun)

        let second = try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url)
        #expect(second.status == 1)
        #expect(try scratch.snapshot("out", excluding: Scratch.perRun) == first)
        let record = try JSONSerialization.jsonObject(with: scratch.read("out/run.json")) as! [String: Any]
        #expect(record["unchanged"] as? Int == 5)
        #expect(record["extracted"] as? Int == 0)
        #expect(second.stderr.contains("extracted 0, unchanged 5, failed 1 (empty 1)"))
    }

    @Test("a changed input is re-extracted, a removed one drops its report, --force redoes all")
    func incrementalChanges() throws {
        let scratch = try Scratch()
        for number in 1...3 { try scratch.write(sampleReport(number), to: "in/r\(number).txt") }
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url).status == 0)
        let before = try scratch.jsonLines("out/reports.jsonl").map { $0["document_id"] as! String }

        try scratch.write(sampleReport(30), to: "in/r3.txt")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("in/r2.txt"))
        let run = try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "--quiet prints only errors")
        let record = try JSONSerialization.jsonObject(with: scratch.read("out/run.json")) as! [String: Any]
        #expect(record["unchanged"] as? Int == 1)
        #expect(record["extracted"] as? Int == 1)
        let after = try scratch.jsonLines("out/reports.jsonl")
        #expect(after.map { ($0["source"] as! [String: Any])["file"] as! String }.sorted() == ["in/r1.txt", "in/r3.txt"])
        let reportFiles = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out/reports").path)
        #expect(reportFiles.count == 2)
        #expect(Set(before).intersection(after.map { $0["document_id"] as! String }).count == 1)

        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--force"], in: scratch.url).status == 0)
        let forced = try JSONSerialization.jsonObject(with: scratch.read("out/run.json")) as! [String: Any]
        #expect(forced["extracted"] as? Int == 2)
        #expect(forced["unchanged"] as? Int == 0)
    }

    @Test("changes.jsonl lists what was added, changed, removed or failed since the last finished run, and nothing unchanged")
    func changesListWhatChanged() throws {
        let scratch = try Scratch()
        for number in 1...3 { try scratch.write(sampleReport(number), to: "in/r\(number).txt") }
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url).status == 0)
        let first = try scratch.jsonLines("out/changes.jsonl")
        #expect(first.map { $0["change"] as? String } == ["added", "added", "added"])
        #expect(first.map { $0["path"] as? String } == ["in/r1.txt", "in/r2.txt", "in/r3.txt"])
        let ids = Dictionary(uniqueKeysWithValues: first.map { ($0["path"] as! String, $0["document_id"] as! String) })

        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url).status == 0)
        #expect(try scratch.text("out/changes.jsonl").isEmpty, "an unchanged rerun lists nothing")

        try scratch.write(sampleReport(30), to: "in/r3.txt")
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("in/r2.txt"))
        try scratch.write("", to: "in/r1.txt")
        try scratch.write(sampleReport(4), to: "in/r4.txt")
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url).status == 1)
        let changes = try scratch.jsonLines("out/changes.jsonl")
        #expect(changes.map { "\($0["path"]!) \($0["change"]!)" } == ["in/r1.txt failed", "in/r2.txt removed", "in/r3.txt changed", "in/r4.txt added"])
        #expect(changes[0]["old_document_id"] as? String == ids["in/r1.txt"] && changes[0]["document_id"] is NSNull)
        #expect(changes[1]["old_document_id"] as? String == ids["in/r2.txt"])
        #expect(changes[2]["old_document_id"] as? String == ids["in/r3.txt"])
        #expect((changes[2]["document_id"] as? String).map { $0 != ids["in/r3.txt"] } == true)
        #expect(changes.allSatisfy { ($0["time"] as? String)?.hasSuffix("Z") == true })
    }

    @Test("an input with the size and time the state records is not read again; --rehash reads it")
    func unchangedStampsSkipHashing() throws {
        let scratch = try Scratch()
        let old = Date(timeIntervalSince1970: 1_600_000_000)
        let path = scratch.url.appendingPathComponent("in/r.txt").path
        try scratch.write(sampleReport(1), to: "in/r.txt")
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url).status == 0)
        let first = try scratch.jsonLines("out/reports.jsonl").map { $0["document_id"] as! String }

        // Same size, same time, other words: taken as unchanged without reading it.
        try scratch.write(sampleReport(2), to: "in/r.txt")
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet"], in: scratch.url).status == 0)
        let kept = try JSONSerialization.jsonObject(with: scratch.read("out/run.json")) as! [String: Any]
        #expect(kept["unchanged"] as? Int == 1 && kept["extracted"] as? Int == 0)
        #expect(try scratch.jsonLines("out/reports.jsonl").map { $0["document_id"] as! String } == first)

        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--quiet", "--rehash"], in: scratch.url).status == 0)
        let reread = try JSONSerialization.jsonObject(with: scratch.read("out/run.json")) as! [String: Any]
        #expect(reread["extracted"] as? Int == 1)
        #expect(try scratch.jsonLines("out/reports.jsonl").map { $0["document_id"] as! String } != first)
    }

    @Test("a run killed with SIGKILL midway is finished by the next run, equal to an uninterrupted one")
    func killedRunIsFinishedByRerun() throws {
        let scratch = try Scratch()
        let inputs = (1...9).map { "in/doc\($0).txt" }
        for (number, input) in zip(1..., inputs) { try scratch.write(sampleReport(number), to: input) }
        // Documents go to the worker in document id order: four are done when the fifth stalls.
        let stalling = try scratch.dispatchOrder(inputs)[4].dropFirst(3)

        let doomed = try ScrutinyBinary.start(["extract", "in", "--out", "out", "--jobs", "1", "--timeout", "120"],
                                              in: scratch.url, hook: "hang:\(stalling)")
        let reports = scratch.url.appendingPathComponent("out/reports")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let written = (try? FileManager.default.contentsOfDirectory(atPath: reports.path))?.filter { $0.hasSuffix(".json") } ?? []
            if written.count >= 4 { break }
            usleep(50_000)
        }
        usleep(200_000)
        let workers = Self.children(of: doomed.processIdentifier)
        #expect(workers.count == 1)
        kill(doomed.processIdentifier, SIGKILL)
        doomed.waitUntilExit()
        #expect(doomed.terminationReason == .uncaughtSignal)
        // The orphaned worker, stuck on the hanging document, notices and exits by itself.
        let orphanDeadline = Date().addingTimeInterval(5)
        while Date() < orphanDeadline, workers.contains(where: { kill($0, 0) == 0 }) { usleep(100_000) }
        #expect(!workers.contains(where: { kill($0, 0) == 0 }), "a worker outlived its killed batch")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/run.json").path))

        let rerun = try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url)
        #expect(rerun.status == 0, "the lock of the killed run must not block: \(rerun.stderr)")
        let record = try JSONSerialization.jsonObject(with: scratch.read("out/run.json")) as! [String: Any]
        #expect(record["unchanged"] as? Int == 4)
        #expect(record["extracted"] as? Int == 5)

        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "clean"], in: scratch.url).status == 0)
        let excluded = Scratch.perRun
        let resumed = try scratch.snapshot("out", excluding: excluded), clean = try scratch.snapshot("clean", excluding: excluded)
        #expect(resumed == clean, "differing: \(Set(resumed.keys).union(clean.keys).filter { resumed[$0] != clean[$0] }.sorted())")
        let rows = try DatabaseCheck.rows(scratch.url.appendingPathComponent("out"))
        let cleanRows = try DatabaseCheck.rows(scratch.url.appendingPathComponent("clean"))
        #expect(!rows.isEmpty && rows == cleanRows, "the database after the killed run's rerun holds a clean run's rows")
    }

    /// Process ids whose parent is `parent`, from /proc.
    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent ? pid : nil
        }
    }

    @Test("a run into a folder another run holds exits 75 naming the holder")
    func heldFolderExits75() throws {
        let scratch = try Scratch()
        try scratch.write(sampleReport(1), to: "in/r1.txt")
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        let lockPath = scratch.url.appendingPathComponent("out/.scrutiny.lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let holder = "pid 4242 on test-host since 2026-01-01T00:00:00Z\n"
        _ = holder.withCString { write(descriptor, $0, strlen($0)) }

        let run = try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url)
        #expect(run.status == 75)
        #expect(run.stderr.contains("pid 4242 on test-host"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/reports.jsonl").path))

        flock(descriptor, LOCK_UN)
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url).status == 0)
    }

    @Test("the output folder inside an input folder is not read as input")
    func outputFolderInsideInputIsSkipped() throws {
        let scratch = try Scratch()
        try scratch.write(sampleReport(1), to: "in/r1.txt")
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "in/out"], in: scratch.url).status == 0)
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "in/out"], in: scratch.url).status == 0)
        let record = try JSONSerialization.jsonObject(with: scratch.read("in/out/run.json")) as! [String: Any]
        #expect(record["inputs"] as? Int == 1)
    }

    @Test("a worker growing past the memory limit is stopped and its document reported as memory")
    func memoryLimit() throws {
        let scratch = try Scratch()
        try scratch.write(sampleReport(1), to: "in/fine.txt")
        try scratch.write(sampleReport(2), to: "in/greedy.txt")
        try scratch.write(sampleReport(3), to: "in/later.txt")
        let run = try ScrutinyBinary.run(["extract", "in", "--out", "out", "--jobs", "1", "--memory-limit", "128"],
                                         in: scratch.url, hook: "bloat:greedy")
        #expect(run.status == 1)
        let errors = try scratch.jsonLines("out/errors.jsonl")
        #expect(errors.map { $0["kind"] as! String } == ["memory"])
        #expect(errors.map { $0["path"] as! String } == ["in/greedy.txt"])
        #expect(try scratch.jsonLines("out/reports.jsonl").count == 2)
    }

    @Test("workers are replaced after a crash and recycled after --recycle-after documents")
    func workersAreReplacedAndRecycled() throws {
        let scratch = try Scratch()
        let inputs = (1...8).map { "in/r\($0).txt" }
        for (number, input) in zip(1..., inputs) { try scratch.write(sampleReport(number), to: input) }
        // The fourth document the worker is handed (they go in document id order) crashes it.
        let crashing = try scratch.dispatchOrder(inputs)[3].dropFirst(3)
        let run = try ScrutinyBinary.run(["extract", "in", "--out", "out", "--jobs", "1", "--recycle-after", "3"],
                                         in: scratch.url, hook: "crash:\(crashing)")
        #expect(run.status == 1)
        let record = try JSONSerialization.jsonObject(with: scratch.read("out/run.json")) as! [String: Any]
        #expect(record["extracted"] as? Int == 7)
        #expect((record["errors"] as? [String: Int]) == ["crashed": 1])
        // three documents | crash on the fourth | three documents | the last: four workers.
        #expect(record["workers_started"] as? Int == 4)
    }

    @Test("usage errors exit 64")
    func usageErrorExits64() throws {
        let scratch = try Scratch()
        #expect(try ScrutinyBinary.run(["extract", "in"], in: scratch.url).status == 64)
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "o", "--jobs", "0"], in: scratch.url).status == 64)
    }

    @Test("an unchanged rerun restores a deleted table and follows a change of --excel")
    func unchangedRerunStillRepairsTables() throws {
        let scratch = try Scratch()
        for number in 1...3 { try scratch.write(sampleReport(number), to: "in/r\(number).txt") }
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url).status == 0)
        let first = try scratch.snapshot("out", excluding: Scratch.perRun)

        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("out/budgets.csv"))
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url).status == 0)
        #expect(try scratch.snapshot("out", excluding: Scratch.perRun) == first)

        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out", "--excel"], in: scratch.url).status == 0)
        #expect(try scratch.read("out/documents.csv").prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(try scratch.read("out/budgets.csv").prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url).status == 0)
        #expect(try scratch.snapshot("out", excluding: Scratch.perRun) == first)
    }

    @Test("reports written by a run that ended before its tables reach the tables on the next run")
    func tablesCatchUpAfterAnUnfinishedRun() throws {
        let scratch = try Scratch()
        for number in 1...2 { try scratch.write(sampleReport(number), to: "in/r\(number).txt") }
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url).status == 0)
        let tables = try scratch.read("out/reports.jsonl")

        // An unfinished run: a third report and its journal line, but the old tables.
        try scratch.write(sampleReport(3), to: "in/r3.txt")
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url).status == 0)
        let complete = try scratch.snapshot("out", excluding: Scratch.perRun)
        let journal = try scratch.read("out/.scrutiny-state.jsonl")
        try scratch.write(tables, to: "out/reports.jsonl")
        try scratch.write(Data([0x0A]) + journal.split(separator: 0x0A).map { Data($0) + Data([0x0A]) }.reduce(Data(), +),
                          to: "out/.scrutiny-state.jsonl")

        let rerun = try ScrutinyBinary.run(["extract", "in", "--out", "out"], in: scratch.url)
        #expect(rerun.status == 0)
        #expect(rerun.stderr.contains("extracted 0, unchanged 3"))
        #expect(try scratch.snapshot("out", excluding: Scratch.perRun) == complete)
    }
}
