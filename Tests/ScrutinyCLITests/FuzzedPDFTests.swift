import Foundation
import Testing

/// Damaged PDFs from `scripts/fuzz-pdfs` through one extract run.
///
/// Runs 60 files by default; set `SCRUTINY_FUZZ_COUNT` (e.g. 300) for the full sweep.
@Suite("extract over damaged PDFs", .serialized, .enabled(if: ScrutinyBinary.isBuilt, "build the package first: swift build"))
struct FuzzedPDFTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/fuzz-pdfs")

    static var hasPython: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    @Test("every damaged PDF is either a report or an errors.jsonl line, and the batch finishes",
          .enabled(if: hasPython, "python3 is needed to run scripts/fuzz-pdfs"))
    func everyInputAccountedFor() throws {
        let scratch = try Scratch()
        let count = Int(ProcessInfo.processInfo.environment["SCRUTINY_FUZZ_COUNT"] ?? "") ?? 60
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        generator.arguments = [Self.script.path, scratch.url.appendingPathComponent("fuzzed").path, "--count", String(count)]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        let inputs = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("fuzzed").path)
        try #require(inputs.count == count)

        let run = try ScrutinyBinary.run(["extract", "fuzzed", "--out", "out", "--timeout", "30"], in: scratch.url)
        #expect([0, 1].contains(run.status), "exit \(run.status): \(run.stderr)")

        let errors = try scratch.jsonLines("out/errors.jsonl").map { $0["path"] as! String }
        let stateText = (try? scratch.text("out/.scrutiny-state.jsonl")) ?? ""
        let reported = stateText.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["file"] as? String
        }
        #expect(Set(errors).isDisjoint(with: reported))
        #expect(Set(errors).union(reported) == Set(inputs.map { "fuzzed/" + $0 }))
        #expect(errors.count + reported.count == count)
        let record = try JSONSerialization.jsonObject(with: scratch.read("out/run.json")) as! [String: Any]
        #expect(record["inputs"] as? Int == count)
    }
}
