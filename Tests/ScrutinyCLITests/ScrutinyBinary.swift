import Foundation
import ScrutinyCore
import ScrutinyIngest
#if canImport(Glibc)
import Glibc
#endif

/// The built `scrutiny` binary and helpers to run it on temporary folders.
enum ScrutinyBinary {
    /// `<package>/.build/debug/scrutiny`, found from this file's path.
    static let url: URL = {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.appendingPathComponent(".build/debug/scrutiny")
    }()

    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: url.path) }

    /// What one run of the binary did.
    struct Run {
        var status: Int32
        var stderr: String
    }

    /// Runs `scrutiny arguments...` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL, hook: String? = nil) throws -> Run {
        let process = try start(arguments, in: directory, hook: hook)
        let stderr = process.standardError as! Pipe
        let data = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    /// Starts `scrutiny arguments...` in `directory` without waiting; `environment` sets (or,
    /// with `nil`, removes) variables of the test's own environment.
    static func start(_ arguments: [String], in directory: URL, hook: String? = nil,
                      environment changes: [String: String?] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["SCRUTINY_WORKER_TEST_HOOK"] = hook
        for (name, value) in changes { environment[name] = value }
        process.environment = environment
        process.standardError = Pipe()
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// The output folder's SQLite database read back by the Python checkers in `Support/` (Python's
/// own sqlite3 module, independent of the writer).
enum DatabaseCheck {
    static let support = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Support")
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `Support/script arguments...`; its exit status and standard output.
    static func run(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "/usr/bin/python3")
        process.arguments = [support.appendingPathComponent(script).path] + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The database's data rows, one sorted JSON line each.
    static func rows(_ folder: URL) throws -> String { try run("db-rows.py", [folder.path]).output }

    /// "ok", or what differs between the database and the CSVs (and whether `word` is found).
    static func matchesCSV(_ folder: URL, word: String? = nil) throws -> (ok: Bool, report: String) {
        let result = try run("db-matches-csv.py", [folder.path] + (word.map { [$0] } ?? []))
        return (result.status == 0, result.output)
    }
}

/// A temporary folder for one test, removed when the test ends.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `relativePath`, making folders as needed.
    func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    func write(_ data: Data, to relativePath: String) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func read(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url.appendingPathComponent(relativePath))
    }

    func text(_ relativePath: String) throws -> String {
        String(decoding: try read(relativePath), as: UTF8.self)
    }

    /// Lines of a JSON Lines file, each decoded as an object.
    func jsonLines(_ relativePath: String) throws -> [[String: Any]] {
        try text(relativePath).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Every file under `relativePath` (hidden ones too), as relative path → bytes.
    /// The files of an output folder that differ from run to run by nature: the run's summary
    /// and changes, the lock, and the database file (compared by its rows, ``DatabaseCheck``).
    static let perRun: Set<String> = ["run.json", "changes.jsonl", ".scrutiny.lock", "scrutiny.db", "scrutiny.db-wal", "scrutiny.db-shm"]

    func snapshot(_ relativePath: String, excluding: Set<String> = []) throws -> [String: Data] {
        let root = url.appendingPathComponent(relativePath)
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: root.path) ?? [] where !excluding.contains(path) {
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: full)
            }
        }
        return files
    }
}

extension Scratch {
    /// `relativePaths` in the order `extract` hands them to its workers: by document id (the
    /// start of each file's SHA-256), the order of the export tables.
    func dispatchOrder(_ relativePaths: [String]) throws -> [String] {
        try relativePaths.map { (Report.documentID(sha256: ContentHash.sha256(try read($0))), $0) }
            .sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// A council report as plain text, different for each `number`.
func sampleReport(_ number: Int) -> String {
    """
    Report to the Overview and Scrutiny Committee
    Meeting date: \(number) March 2024
    Report number \(number): partnership review
    Recommendations
    1. That the committee notes the progress of partnership \(number).
    2. That the budget of £\(number).5m for 2024/25 is agreed.
    """
}
