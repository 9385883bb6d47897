import Foundation
import Testing
@testable import ScrutinyExport

@Suite struct AtomicFileTests {
    @Test func writesDataAndLeavesNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        try AtomicFile.write(Data("hello\n".utf8), to: folder.file("a.json"))
        #expect(try folder.read("a.json") == Data("hello\n".utf8))
        #expect(try folder.contents() == ["a.json"])
    }

    @Test func replacesAnExistingFile() throws {
        let folder = try TemporaryFolder()
        try AtomicFile.write(Data("old".utf8), to: folder.file("a.json"))
        try AtomicFile.write(Data("new".utf8), to: folder.file("a.json"), durable: false)
        #expect(try folder.read("a.json") == Data("new".utf8))
        #expect(try folder.contents() == ["a.json"])
    }

    @Test func temporaryFileIsAHiddenSiblingUntilCommit() throws {
        let folder = try TemporaryFolder()
        try AtomicFile.write(Data("old".utf8), to: folder.file("a.csv"))
        var seenWhileWriting: [String] = []
        var targetWhileWriting = Data()
        try AtomicFile.write(to: folder.file("a.csv")) { file in
            try file.write("new contents")
            try file.stream.flush()
            seenWhileWriting = try folder.contents()
            targetWhileWriting = try folder.read("a.csv")
            let temporary = URL(fileURLWithPath: file.temporaryPath)
            #expect(temporary.deletingLastPathComponent().standardizedFileURL == URL(fileURLWithPath: folder.path).standardizedFileURL)
            #expect(try Data(contentsOf: temporary) == Data("new contents".utf8))
        }
        #expect(seenWhileWriting.count == 2)
        #expect(seenWhileWriting.contains { $0.hasPrefix(".a.csv.tmp-") })
        #expect(targetWhileWriting == Data("old".utf8))
        #expect(try folder.read("a.csv") == Data("new contents".utf8))
        #expect(try folder.contents() == ["a.csv"])
    }

    @Test func failureWhileStreamingKeepsTheOldFileAndRemovesTheTemporary() throws {
        struct Interrupted: Error {}
        let folder = try TemporaryFolder()
        try AtomicFile.write(Data("complete old file".utf8), to: folder.file("r.jsonl"))
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: folder.file("r.jsonl")) { file in
                try file.write(String(repeating: "partial ", count: 50_000)) // past one buffer
                throw Interrupted()
            }
        }
        #expect(try folder.read("r.jsonl") == Data("complete old file".utf8))
        #expect(try folder.contents() == ["r.jsonl"])
    }

    @Test func failureLeavesNoTargetWhenThereWasNone() throws {
        struct Interrupted: Error {}
        let folder = try TemporaryFolder()
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: folder.file("new.csv")) { file in
                try file.write("half")
                throw Interrupted()
            }
        }
        #expect(try folder.contents() == [])
    }

    @Test func missingFolderIsACreateErrorNamingThePath() throws {
        let folder = try TemporaryFolder()
        let target = folder.file("no/such/folder/a.json")
        #expect(throws: ExportError(.create, path: target, code: ENOENT)) {
            try AtomicFile.write(Data("x".utf8), to: target)
        }
        let message = ExportError(.create, path: target, code: ENOENT).description
        #expect(message.contains(target) && message.contains("check the output folder exists"))
        let thrown: any Error = ExportError(.create, path: target, code: ENOENT)
        #expect(thrown.localizedDescription == message)
    }

    @Test func droppedPendingFileRemovesItsTemporary() throws {
        let folder = try TemporaryFolder()
        do {
            let file = try PendingFile(path: folder.file("x.csv"))
            try file.write("abandoned")
            #expect(try folder.contents().count == 1)
        }
        #expect(try folder.contents() == [])
    }
}
