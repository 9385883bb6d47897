import Foundation
import JSONSchema
import ScrutinyValidate
import ScrutinyCore
import ScrutinyExtract
import ScrutinyIngest
import Testing

/// Python's jsonschema (Debian python3-jsonschema, `Draft202012Validator`) is the second opinion.
enum PythonJSONSchema {
    static let python: String = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3"

    static let isAvailable: Bool = run(["-c", "import jsonschema; jsonschema.Draft202012Validator"]).status == 0

    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [python] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return (-1, "") }
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    /// For each instance file: "valid" or the sorted, distinct JSON Pointers of its errors.
    static let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        v = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:]:
            errors = list(v.iter_errors(json.load(open(path))))
            ptrs = sorted({"".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in e.absolute_path) for e in errors})
            print(json.dumps({"file": path, "valid": not errors, "paths": ptrs}))
        """
}

@Suite(.enabled(if: PythonJSONSchema.isAvailable, "python3 with jsonschema is not installed; run `make setup-test`"))
struct PythonCrossCheckTests {
    @Test func bothValidatorsAgreeOnValidityAndErrorPaths() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-crosscheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        var instances: [(name: String, value: JSONValue)] = [("valid-full", SampleReports.fullValue)]
        instances.append(("valid-minimal", SampleReports.fullValue.replacing("/budgets", with: []).replacing("/partnerships", with: [])))
        instances.append(("valid-extra-field", SampleReports.fullValue.replacing("/budgets/0/note", with: "extra")))
        for (k, b) in SampleReports.breakages.enumerated() { instances.append(("broken-\(k)", b.json)) }
        // The project's own reports: every sample document, ingested and extracted as `extract` does.
        let samples = try ExtractedSamples.reports()
        #expect(samples.count >= 9, "samples/ should hold at least 9 documents")
        instances += samples

        var files: [String] = []
        for (name, value) in instances {
            let url = dir.appendingPathComponent(name + ".json")
            try Data(value.jsonText.utf8).write(to: url)
            files.append(url.path)
        }
        let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schemas/report.schema.json").path
        let (status, output) = PythonJSONSchema.run(["-c", PythonJSONSchema.script, schemaPath] + files)
        try #require(status == 0, "python jsonschema run failed")

        let validator = try ReportValidator()
        let lines = output.split(separator: "\n")
        #expect(lines.count == instances.count)
        for (line, (name, value)) in zip(lines, instances) {
            let py = try JSONParser.parse(String(line))
            let ours = validator.validate(value)
            let pyValid = py["valid"] == .bool(true)
            #expect(ours.isEmpty == pyValid, "\(name): scrutiny says \(ours.isEmpty ? "valid" : "invalid"), python \(pyValid)")
            let pyPaths = Set(py["paths"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            #expect(Set(ours.map(\.instanceLocation)) == pyPaths, "\(name): \(ours) vs python \(pyPaths)")
            if let first = ours.first { #expect(pyPaths.contains(first.instanceLocation), "\(name)") }
        }
        #expect(instances.filter { $0.name.hasPrefix("broken") }.count >= 8)
    }
}

/// Reports extracted from the documents in `samples/`, as JSON values named after their files.
enum ExtractedSamples {
    static func reports() throws -> [(name: String, value: JSONValue)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("samples")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { DocumentIngester.supportedExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
        return try names.map { name in
            let path = folder.appendingPathComponent(name).path
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let sha = ContentHash.sha256(data)
            let document = try DocumentIngester().ingest(data: data, path: path)
            let report = ReportExtractor().extract(
                document, source: SourceInfo(file: "samples/" + name, sha256: sha, format: document.format,
                                             pages: document.reportedPageCount),
                documentID: Report.documentID(sha256: sha))
            return ("sample-" + name, try JSONParser.parse(JSONEncoder().encode(report)))
        }
    }
}
