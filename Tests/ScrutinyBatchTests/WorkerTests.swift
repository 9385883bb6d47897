import Foundation
import ScrutinyBatch
import ScrutinyCore
import Testing

@Suite("What a worker does with one request")
struct DocumentProcessorTests {
    @Test("a text file becomes a report naming the file as given and its content hash")
    func textBecomesReport() throws {
        let folder = try TemporaryFolder()
        try folder.write("Report title\nRecommendations\n1. Note the report.\n", to: "r.txt")
        let response = DocumentProcessor().process(WorkerRequest(path: folder.path("r.txt"), file: "in/r.txt"))
        let report = try #require(response.report)
        #expect(report.source.file == "in/r.txt")
        #expect(report.source.format == .text)
        #expect(report.source.sha256.count == 64)
        #expect(report.documentID == String(report.source.sha256.prefix(16)))
        #expect(response.failure == nil)
    }

    @Test("an empty file and a missing file come back as failures of their kind")
    func failuresComeBack() throws {
        let folder = try TemporaryFolder()
        try folder.write("", to: "empty.txt")
        #expect(DocumentProcessor().process(WorkerRequest(path: folder.path("empty.txt"), file: "empty.txt")).failure?.kind == .empty)
        #expect(DocumentProcessor().process(WorkerRequest(path: folder.path("gone.txt"), file: "gone.txt")).failure?.kind == .unreadable)
    }

    @Test("the invalid test hook breaks the meeting date so validation can be exercised")
    func invalidHook() throws {
        let folder = try TemporaryFolder()
        try folder.write("Report\n", to: "odd.txt")
        let processor = DocumentProcessor(hook: WorkerTestHook(specification: "invalid:odd"))
        let report = try #require(processor.process(WorkerRequest(path: folder.path("odd.txt"), file: "odd.txt")).report)
        #expect(report.document.meetingDate == "not a date")
    }
}

@Suite("The test-only worker hook")
struct WorkerTestHookTests {
    @Test("rules are comma-separated action:substring pairs; the first matching rule wins")
    func parsesRules() {
        let hook = WorkerTestHook(specification: "crash:bad,hang:slow,bogus:x,invalid:,hang:ba")
        #expect(hook.action(for: "in/bad.pdf") == .crash)
        #expect(hook.action(for: "in/slow.txt") == .hang)
        #expect(hook.action(for: "in/fine.txt") == nil)
        #expect(hook.rules.count == 3)
    }
}

@Suite("The terminal progress bar")
struct ProgressBarTests {
    @Test("the line shows done/total, rate and time left")
    func lineText() {
        #expect(ProgressBar.line(done: 25, total: 100, elapsed: 5, width: 10) == "[##--------] 25/100 5.0/s ETA 15s")
        #expect(ProgressBar.line(done: 0, total: 10, elapsed: 0, width: 4) == "[----] 0/10 0.0/s ETA --")
        #expect(ProgressBar.line(done: 10, total: 1000, elapsed: 10, width: 4).hasSuffix("ETA 16m30s"))
    }
}

@Suite("The output folder lock")
struct OutputLockTests {
    @Test("a second lock on a held folder fails at once, naming the holder's pid; released, it can be taken")
    func secondLockFails() throws {
        let folder = try TemporaryFolder()
        do {
            let held = try OutputLock(directory: folder.url, startedAt: Date())
            #expect {
                _ = try OutputLock(directory: folder.url, startedAt: Date())
            } throws: { error in
                (error as? OutputFolderBusy)?.holder.contains("pid \(ProcessInfo.processInfo.processIdentifier)") == true
            }
            withExtendedLifetime(held) {}
        }
        #expect(throws: Never.self) { _ = try OutputLock(directory: folder.url, startedAt: Date()) }
    }
}
