import ArgumentParser
import Foundation
import JSONSchema
import ScrutinyValidate

/// `scrutiny validate FILE_OR_DIR...` (report records against the embedded report schema), or
/// `scrutiny validate --schema S.json [--jsonl] [--ref-dir PREFIX=DIR]... FILE...` (any schema, JSON Lines results).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check report records against the schemas and print every violation.",
        discussion: """
            Without --schema: validates report JSON files (a folder means its reports/*.json, or its *.json) against \
            the built-in report schema and prints each violation as `FILE: /path: message (schema: #/...)`. \
            With --schema: validates each file (or each line, with --jsonl) against that schema and prints one JSON \
            Lines result per instance. Exit status 0 when everything is valid, 1 otherwise.
            """)

    @Argument(help: "Report JSON files or folders of them (with --schema: JSON or JSON Lines files).")
    var paths: [String]

    @Option(name: .long, help: "Validate against this JSON Schema (2020-12) instead of the report schema.")
    var schema: String?

    @Flag(name: .long, help: "With --schema: treat each input as JSON Lines, one instance per line.")
    var jsonl = false

    @Option(name: .customLong("ref-dir"),
            help: ArgumentHelp("Resolve references under URI_PREFIX to files under DIR (never the network).",
                               valueName: "URI_PREFIX=DIR"))
    var refDirs: [String] = []

    @Flag(name: .customLong("format-assert"), help: "Treat \"format\" as an assertion (dates, emails, URIs...).")
    var formatAssert = false

    func validate() throws {
        if schema == nil && (jsonl || !refDirs.isEmpty) {
            throw ValidationError("--jsonl and --ref-dir need --schema")
        }
        for mapping in refDirs where !mapping.contains("=") {
            throw ValidationError("--ref-dir expects URI_PREFIX=DIR, got \"\(mapping)\"")
        }
    }

    func run() throws {
        let allValid = try schema.map { try runWithSchema($0) } ?? runReports()
        if !allValid { throw ExitCode(1) }
    }

    /// Report files against the embedded report schema; compiler-style lines on stdout.
    private func runReports() throws -> Bool {
        let validator = try ReportValidator()
        var invalid = 0, checked = 0
        for file in try Self.reportFiles(paths) {
            checked += 1
            guard let data = FileManager.default.contents(atPath: file) else {
                print("\(file): cannot read the file")
                invalid += 1
                continue
            }
            let violations = validator.validate(data)
            if !violations.isEmpty { invalid += 1 }
            for v in violations { print(v.description(file: file)) }
        }
        if checked == 0 {
            FileHandle.standardError.write(Data("no report files (*.json) found in \(paths.joined(separator: " "))\n".utf8))
        }
        FileHandle.standardError.write(Data("\(checked) file(s) checked, \(invalid) invalid\n".utf8))
        return invalid == 0
    }

    /// The report files named by `paths`: files as given; a folder's `reports/*.json` when it has
    /// that folder, else its `*.json`; sorted.
    static func reportFiles(_ paths: [String]) throws -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            guard isDir.boolValue else {
                files.append(path)
                continue
            }
            var folder = path
            var sub: ObjCBool = false
            let reports = (path as NSString).appendingPathComponent("reports")
            if fm.fileExists(atPath: reports, isDirectory: &sub), sub.boolValue { folder = reports }
            let names = try fm.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
            files += names.map { (folder as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// Any schema, any JSON; one JSON Lines result per instance on stdout.
    private func runWithSchema(_ schemaPath: String) throws -> Bool {
        var registry = SchemaRegistry()
        for mapping in refDirs {
            let eq = mapping.firstIndex(of: "=")!
            try Self.register(folder: String(mapping[mapping.index(after: eq)...]), prefix: String(mapping[..<eq]),
                              into: &registry)
        }
        guard let schemaData = FileManager.default.contents(atPath: schemaPath) else {
            throw ValidationError("cannot read the schema \(schemaPath)")
        }
        let validator: SchemaValidator
        do {
            validator = try SchemaValidator(schemaData: schemaData,
                                            baseURI: URL(fileURLWithPath: schemaPath).absoluteURL.absoluteString,
                                            registry: registry,
                                            options: ValidationOptions(formatAssertion: formatAssert))
        } catch {
            throw ValidationError("\(schemaPath): \(error)")
        }
        var allValid = true
        for file in paths {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            if jsonl {
                var lineNumber = 0
                for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                    lineNumber += 1
                    if line.allSatisfy(\.isWhitespace) { continue }
                    allValid = emit(file: file, line: lineNumber, Data(line.utf8), validator) && allValid
                }
            } else {
                allValid = emit(file: file, line: nil, data, validator) && allValid
            }
        }
        return allValid
    }

    private func emit(file: String, line: Int?, _ data: Data, _ validator: SchemaValidator) -> Bool {
        var errors: [JSONValue] = []
        do {
            let instance = try JSONParser.parse(data)
            for e in validator.validate(instance).errors {
                errors.append(["instanceLocation": .string(e.instanceLocation), "keywordLocation": .string(e.keywordLocation),
                               "absoluteKeywordLocation": .string(e.absoluteKeywordLocation), "error": .string(e.message)])
            }
        } catch {
            errors.append(["instanceLocation": "", "keywordLocation": "", "error": .string("not valid JSON: \(error)")])
        }
        let result: JSONValue = ["file": .string(file), "line": line.map { JSONValue(integerLiteral: $0) } ?? .null,
                                 "valid": .bool(errors.isEmpty), "errors": .array(errors)]
        print(result.jsonText)
        return errors.isEmpty
    }

    /// Registers every `*.json` under `folder` as `prefix + relative path`.
    static func register(folder: String, prefix: String, into registry: inout SchemaRegistry) throws {
        let fm = FileManager.default
        guard let subpaths = try? fm.subpathsOfDirectory(atPath: folder) else {
            throw ValidationError("--ref-dir: cannot read the folder \(folder)")
        }
        for rel in subpaths.sorted() where rel.hasSuffix(".json") {
            let path = (folder as NSString).appendingPathComponent(rel)
            guard let data = fm.contents(atPath: path) else { continue }
            do {
                registry.register(try JSONParser.parse(data), as: prefix + rel)
            } catch {
                throw ValidationError("--ref-dir: \(path) is not JSON: \(error)")
            }
        }
    }
}
