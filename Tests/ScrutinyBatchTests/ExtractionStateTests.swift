import Foundation
import ScrutinyBatch
import Testing

@Suite("The incremental state journal")
struct ExtractionStateTests {
    func entry(_ file: String, _ sha: String) -> StateEntry {
        StateEntry(file: file, sha256: sha, documentID: String(sha.prefix(16)), reportFile: file)
    }

    @Test("recorded entries are there when the folder is opened again, the latest line winning")
    func recordsSurviveReopening() throws {
        let folder = try TemporaryFolder()
        let state = ExtractionState(directory: folder.url)
        try state.record([entry("a.txt", String(repeating: "1", count: 64))])
        try state.record([entry("a.txt", String(repeating: "2", count: 64)), entry("b.txt", String(repeating: "3", count: 64))])
        let reopened = ExtractionState(directory: folder.url)
        #expect(reopened.entries.count == 2)
        #expect(reopened.entries["a.txt"]?.sha256 == String(repeating: "2", count: 64))
    }

    @Test("a torn last line from a killed run is ignored and later records still read")
    func tornLineIsIgnored() throws {
        let folder = try TemporaryFolder()
        let state = ExtractionState(directory: folder.url)
        try state.record([entry("a.txt", String(repeating: "1", count: 64))])
        let handle = try FileHandle(forWritingTo: folder.url.appendingPathComponent(ExtractionState.fileName))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"file\":\"b.t".utf8))
        try handle.close()

        let reopened = ExtractionState(directory: folder.url)
        #expect(Array(reopened.entries.keys) == ["a.txt"])
        try reopened.record([entry("c.txt", String(repeating: "4", count: 64))])
        #expect(Set(ExtractionState(directory: folder.url).entries.keys) == ["a.txt", "c.txt"])
    }

    @Test("a journal line is what JSONEncoder writes with sorted keys, for awkward names, pack items and stamps, and reads back")
    func linesAreTheEncodersBytes() throws {
        let entries = [
            entry("a.txt", String(repeating: "1", count: 64)),
            StateEntry(file: "in/\"odd\"\\name\t\u{1}/é.pdf", sha256: String(repeating: "2", count: 64), documentID: "2222222222222222",
                       reportFile: "in/first.pdf", items: ["2222222222222222-001", "2222222222222222-002"],
                       stamp: FileStamp(size: 1_234_567, modified: 1_764_000_000_123_456_789)),
            StateEntry(file: "b.txt", sha256: String(repeating: "3", count: 64), documentID: "3333333333333333", reportFile: "b.txt",
                       items: [], stamp: FileStamp(size: 0, modified: -5)),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let folder = try TemporaryFolder()
        let state = ExtractionState(directory: folder.url)
        try state.compact(to: entries)
        let expected = try entries.sorted { $0.file < $1.file }.map { try encoder.encode($0) + Data([0x0A]) }.reduce(Data(), +)
        #expect(try Data(contentsOf: folder.url.appendingPathComponent(ExtractionState.fileName)) == expected)
        let reopened = ExtractionState(directory: folder.url)
        #expect(reopened.isCompact)
        #expect(reopened.entries == Dictionary(uniqueKeysWithValues: entries.map { ($0.file, $0) }))
    }

    @Test("compacting keeps exactly the given entries, sorted by file")
    func compactRewrites() throws {
        let folder = try TemporaryFolder()
        let state = ExtractionState(directory: folder.url)
        try state.record([entry("z.txt", String(repeating: "1", count: 64)), entry("old.txt", String(repeating: "2", count: 64))])
        try state.compact(to: [entry("z.txt", String(repeating: "1", count: 64)), entry("m.txt", String(repeating: "5", count: 64))])
        let text = try String(contentsOf: folder.url.appendingPathComponent(ExtractionState.fileName), encoding: .utf8)
        let files = text.split(separator: "\n").map { try! JSONDecoder().decode(StateEntry.self, from: Data($0.utf8)).file }
        #expect(files == ["m.txt", "z.txt"])
    }
}
