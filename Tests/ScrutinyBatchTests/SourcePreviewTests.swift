import Foundation
import ScrutinyBatch
import ScrutinyCore
import Testing

/// What a worker does with a preview request, and how the pool carries them.
@Suite("Preview requests in the worker")
struct SourcePreviewTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")
    static let pdf = samples.appendingPathComponent("brackenford-2025-11-20-budget-monitoring.pdf")
    static var hasSamples: Bool { FileManager.default.fileExists(atPath: pdf.path) }

    func sha256(of path: String) throws -> String {
        try #require(DocumentProcessor().process(WorkerRequest(path: path, file: path)).report).source.sha256
    }

    func manifest(in folder: String) throws -> SourcePreview {
        try JSONDecoder().decode(SourcePreview.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/" + SourcePreview.fileName)))
    }

    @Test("an extraction request is the line it always was: no preview member")
    func extractionLineIsUnchanged() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = String(decoding: try encoder.encode(WorkerRequest(path: "in/a.pdf", file: "a.pdf")), as: UTF8.self)
        #expect(line == #"{"file":"a.pdf","path":"in/a.pdf"}"#)
    }

    @Test("a PDF's pages asked for are drawn once, listed with their sizes; a second request draws nothing",
          .enabled(if: hasSamples, "samples/ is absent"))
    func pdfPagesAreDrawnOnce() throws {
        let folder = try TemporaryFolder()
        let sha = try sha256(of: Self.pdf.path)
        let request = WorkerRequest(path: Self.pdf.path, file: "b.pdf",
                                    preview: PreviewRequest(folder: folder.path("p"), sha256: sha, format: .pdf, pages: [2, 1, 2, 99], dpi: 100))
        let first = DocumentProcessor().preview(request, request.preview!)
        #expect(try first.get() == PreviewOutcome(rendered: 2))
        let preview = try manifest(in: folder.path("p"))
        #expect(preview.sha256 == sha && preview.format == .pdf && preview.dpi == 100)
        #expect(preview.pages.map(\.number) == [1, 2])
        let page = try #require(preview.page(1))
        #expect(page.width > 500 && page.height > 700)
        #expect(page.pixelWidth == Int((page.width * 100 / 72).rounded(.up)))
        let png = try Data(contentsOf: URL(fileURLWithPath: folder.path("p/" + page.image)))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))

        var more = request
        more.preview?.pages = [1, 2, 3]
        #expect(try DocumentProcessor().preview(more, more.preview!).get() == PreviewOutcome(rendered: 1))
        #expect(try manifest(in: folder.path("p")).pages.map(\.number) == [1, 2, 3])
        #expect(try DocumentProcessor().preview(more, more.preview!).get() == PreviewOutcome(rendered: 0))
    }

    @Test("a text file's lines are listed with their numbers and roles")
    func textLinesAreListed() throws {
        let folder = try TemporaryFolder()
        try folder.write("Quillham Ferry Review\n\nRecommendations\n1. That the panel notes the report.\n", to: "r.txt")
        let sha = try sha256(of: folder.path("r.txt"))
        let request = WorkerRequest(path: folder.path("r.txt"), file: "r.txt",
                                    preview: PreviewRequest(folder: folder.path("p"), sha256: sha, format: .text, pages: [], dpi: 100))
        #expect(try DocumentProcessor().preview(request, request.preview!).get() == PreviewOutcome(rendered: 0))
        let preview = try manifest(in: folder.path("p"))
        #expect(preview.dpi == nil && preview.pages.isEmpty)
        #expect(preview.lines.map(\.number) == [1, 3, 4])
        #expect(preview.lines.last?.text == "1. That the panel notes the report.")
    }

    @Test("a file changed since its reports were extracted is not shown, and says what to do")
    func changedFileIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("Report\n", to: "r.txt")
        let request = WorkerRequest(path: folder.path("r.txt"), file: "r.txt",
                                    preview: PreviewRequest(folder: folder.path("p"), sha256: String(repeating: "0", count: 64),
                                                            format: .text, pages: [], dpi: 100))
        guard case .failure(let failure) = DocumentProcessor().preview(request, request.preview!) else {
            Issue.record("a changed file was previewed")
            return
        }
        #expect(failure.kind == .unreadable)
        #expect(failure.message.contains("scrutiny extract"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("p/" + SourcePreview.fileName)))
    }

    @Test("the pool hands on a worker's preview outcome, and a crash as a crashed failure")
    func poolCarriesPreviews() throws {
        let reply = #"{"file":"x","preview":{"rendered":3}}"#
        let script = "read line; echo '\(reply)'; read line; kill -SEGV $$"
        let pool = WorkerPool(configuration: WorkerPoolConfiguration(executable: "/bin/sh", arguments: ["-c", script], workers: 1, timeout: 10))
        var results: [String: Result<PreviewOutcome, InputFailure>] = [:]
        let requests = (1...2).map {
            WorkerRequest(path: "p\($0)", file: "f\($0)", preview: PreviewRequest(folder: "/nowhere", sha256: "0", format: .pdf, pages: [1], dpi: 100))
        }
        try pool.runPreviews(requests) { request, result in results[request.file] = result }
        #expect(try results["f1"]?.get() == PreviewOutcome(rendered: 3))
        guard case .failure(let failure) = results["f2"] else {
            Issue.record("the crash was not reported")
            return
        }
        #expect(failure.kind == .crashed)
    }
}
