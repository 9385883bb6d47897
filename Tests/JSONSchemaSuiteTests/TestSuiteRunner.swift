import Foundation
import JSONSchema

/// Reads the official JSON-Schema-Test-Suite from `../shared/json-schema-test-suite` beside the
/// package root and runs its cases through ``SchemaValidator``.
enum TestSuite {
    /// `<package root>/../shared/json-schema-test-suite`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/json-schema-test-suite")

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("tests/draft2020-12").path)
    }

    static var testsDirectory: URL { root.appendingPathComponent("tests/draft2020-12") }

    /// Test files of one group ("" = required, "optional", "optional/format"), sorted by name.
    static func files(_ group: String) -> [String] {
        let dir = group.isEmpty ? testsDirectory : testsDirectory.appendingPathComponent(group)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { group.isEmpty ? $0 : group + "/" + $0 }
    }

    /// Remotes as `http://localhost:1234/<path>` plus the 2020-12 meta-schemas under their `$id`s.
    static let registry: SchemaRegistry = {
        var registry = SchemaRegistry(includeMetaSchemas: false)
        let fm = FileManager.default
        let remotes = root.appendingPathComponent("remotes")
        if let walker = fm.enumerator(atPath: remotes.path) {
            for case let path as String in walker where path.hasSuffix(".json") {
                if let data = fm.contents(atPath: remotes.appendingPathComponent(path).path),
                    let doc = try? JSONParser.parse(data)
                {
                    registry.register(doc, as: "http://localhost:1234/" + path)
                }
            }
        }
        let metas = root.appendingPathComponent("metaschemas/draft2020-12")
        if let walker = fm.enumerator(atPath: metas.path) {
            for case let path as String in walker {
                if let data = fm.contents(atPath: metas.appendingPathComponent(path).path),
                    let doc = try? JSONParser.parse(data)
                {
                    try? registry.register(doc)
                }
            }
        }
        return registry
    }()

    /// Outcome of one file.
    struct FileOutcome: Sendable {
        var passed = 0
        var failed: [String] = []
        var skipped: [String] = []
    }

    /// Tests to skip, keyed "file | case | test", each with its reason. Kept empty on purpose.
    static let skips: [String: String] = [:]

    /// Runs every test in `file` (a path relative to tests/draft2020-12).
    static func run(_ file: String, formatAssertion: Bool) -> FileOutcome {
        var outcome = FileOutcome()
        guard let data = FileManager.default.contents(atPath: testsDirectory.appendingPathComponent(file).path),
            case .array(let cases) = (try? JSONParser.parse(data)) ?? .null
        else {
            outcome.failed.append("\(file): cannot read the file")
            return outcome
        }
        for testCase in cases {
            let caseName = testCase["description"]?.stringValue ?? "?"
            let tests = testCase["tests"]?.arrayValue ?? []
            let validator: SchemaValidator
            do {
                validator = try SchemaValidator(schema: testCase["schema"] ?? .null,
                                                baseURI: "https://json-schema-test-suite.invalid/root.json",
                                                registry: registry,
                                                options: ValidationOptions(formatAssertion: formatAssertion))
            } catch {
                for t in tests {
                    outcome.failed.append("\(file) | \(caseName) | \(t["description"]?.stringValue ?? "?"): compile error: \(error)")
                }
                continue
            }
            for t in tests {
                let testName = t["description"]?.stringValue ?? "?"
                let key = "\(file) | \(caseName) | \(testName)"
                if let reason = skips[key] {
                    outcome.skipped.append("\(key): \(reason)")
                    continue
                }
                let expected = t["valid"] == .bool(true)
                let result = validator.validate(t["data"] ?? .null)
                let quick = validator.isValid(t["data"] ?? .null)
                if result.isValid == expected && quick == expected {
                    outcome.passed += 1
                } else {
                    let why = result.errors.first.map { ": \($0)" } ?? ""
                    outcome.failed.append("\(key): expected \(expected ? "valid" : "invalid")"
                                          + (quick != result.isValid ? " (isValid and validate disagree)" : "") + why)
                }
            }
        }
        return outcome
    }

    /// Runs a whole group and returns the summary line plus the failures and skips.
    static func summary(_ group: String, label: String, formatAssertion: Bool) -> (line: String, outcome: FileOutcome) {
        var total = FileOutcome()
        for file in files(group) {
            let o = run(file, formatAssertion: formatAssertion)
            total.passed += o.passed
            total.failed += o.failed
            total.skipped += o.skipped
        }
        let count = total.passed + total.failed.count + total.skipped.count
        let line = "JSON-Schema-Test-Suite draft2020-12 \(label): \(total.passed) passed / \(total.failed.count) failed / \(total.skipped.count) skipped of \(count)"
        return (line, total)
    }
}
