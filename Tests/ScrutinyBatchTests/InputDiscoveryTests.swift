import Foundation
import ScrutinyBatch
import ScrutinyCore
import Testing

@Suite("Finding the inputs of a run")
struct InputDiscoveryTests {
    let extensions: Set<String> = ["pdf", "txt", "text", "html", "htm"]

    @Test("folders are walked recursively, taking readable extensions in any case and skipping hidden entries")
    func walksFolders() throws {
        let folder = try TemporaryFolder()
        for name in ["b.txt", "a/Report.PDF", "a/deep/x.Htm", "a/deep/y.text", "c.docx", ".secret.txt", ".git/z.txt", "a/.cache/w.html"] {
            try folder.write("x", to: "in/\(name)")
        }
        let root = folder.path("in")
        let result = InputDiscovery(extensions: extensions).discover([root])
        #expect(result.inputs.map(\.file) == ["a/Report.PDF", "a/deep/x.Htm", "a/deep/y.text", "b.txt"].map { root + "/" + $0 })
        #expect(result.problems.isEmpty)
    }

    @Test("the file name joins the folder argument as given with the path inside it")
    func namesJoinTheArgument() throws {
        let folder = try TemporaryFolder()
        try folder.write("x", to: "in/sub/r.txt")
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder.url.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        #expect(InputDiscovery(extensions: extensions).discover(["in/"]).inputs.map(\.file) == ["in/sub/r.txt"])
        #expect(InputDiscovery(extensions: extensions).discover(["./in"]).inputs.map(\.file) == ["./in/sub/r.txt"])
    }

    @Test("an explicit file of another kind is unsupported and a missing path unreadable")
    func explicitProblems() throws {
        let folder = try TemporaryFolder()
        try folder.write("x", to: "notes.docx")
        try folder.write("x", to: "given.TXT")
        let result = InputDiscovery(extensions: extensions).discover(
            [folder.path("notes.docx"), folder.path("missing.pdf"), folder.path("given.TXT")])
        #expect(result.inputs.map(\.file) == [folder.path("given.TXT")])
        #expect(result.problems.map(\.failure.kind) == [.unreadable, .unsupported])
        #expect(result.problems.map(\.file) == [folder.path("missing.pdf"), folder.path("notes.docx")])
    }

    @Test("the output folder is skipped when it lies inside an input folder")
    func skipsOutputFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("x", to: "in/r.txt")
        try folder.write("x", to: "in/out/reports.txt")
        let result = InputDiscovery(extensions: extensions, excluding: folder.path("in/out")).discover([folder.path("in")])
        #expect(result.inputs.map(\.file) == [folder.path("in/r.txt")])
    }

    @Test("a symbolic link back up the tree is not followed forever")
    func symlinkLoopEnds() throws {
        let folder = try TemporaryFolder()
        try folder.write("x", to: "in/sub/r.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.path("in/sub/loop"), withDestinationPath: folder.path("in"))
        let result = InputDiscovery(extensions: extensions).discover([folder.path("in")])
        #expect(result.inputs.map(\.file) == [folder.path("in/sub/r.txt")])
    }

    @Test("a file named twice is one input")
    func deduplicatesNames() throws {
        let folder = try TemporaryFolder()
        try folder.write("x", to: "r.txt")
        let result = InputDiscovery(extensions: extensions).discover([folder.path("r.txt"), folder.path("r.txt")])
        #expect(result.inputs.count == 1)
    }
}
