import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import ScrutinyCore
import ScrutinyExport
@testable import ScrutinyDatabase

/// `datasette.json` describes exactly what the database holds.
@Suite struct DatasetteMetadataTests {
    private func metadata() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: ReportDatabase.datasetteMetadata())
        return try #require(object as? [String: Any])
    }

    private func tables() throws -> [String: [String: Any]] {
        let databases = try #require(try metadata()["databases"] as? [String: Any])
        return try #require((databases["scrutiny"] as? [String: Any])?["tables"] as? [String: [String: Any]])
    }

    @Test func describesEveryTableAndViewAndEveryColumn() throws {
        let folder = try TemporaryFolder()
        let database = try ReportDatabase(path: folder.file(ReportDatabase.fileName))
        let tables = try tables()
        let shown = try database.texts("""
            SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            AND name NOT GLOB '*_fts' AND name NOT GLOB '*_fts_*' AND name NOT GLOB 'search_*'
            """).compactMap { $0 }
        #expect(Set(tables.keys) == Set(shown))
        for name in shown {
            let table = try #require(tables[name])
            #expect(!((table["description"] as? String) ?? "").isEmpty, "\(name)")
            let columns = try #require(table["columns"] as? [String: String], "\(name)")
            let names = try database.columnNames(name)
            #expect(Set(columns.keys) == Set(names), "\(name)")
            #expect(columns.values.allSatisfy { !$0.isEmpty }, "\(name)")
            for facet in table["facets"] as? [String] ?? [] { #expect(names.contains(facet), "\(name) facet \(facet)") }
            for sortable in table["sortable_columns"] as? [String] ?? [] { #expect(names.contains(sortable), "\(name) sort \(sortable)") }
        }
    }

    @Test func facetsCouncilCommitteeKindAndPeriodWhereTablesHaveThem() throws {
        let tables = try tables()
        #expect(tables["documents"]?["facets"] as? [String] == ["council", "committee"])
        #expect(tables["budgets"]?["facets"] as? [String] == ["kind", "period"])
        #expect(tables["budgets_with_document"]?["facets"] as? [String] == ["council", "committee", "kind", "period"])
        #expect(tables["recommendations"]?["facets"] == nil)
        #expect(tables["budgets"]?["fts_table"] as? String == "budgets_fts")
        #expect(tables["documents"]?["label_column"] as? String == "title")
        #expect(tables["_scrutiny_reports"]?["hidden"] as? Bool == true)
        #expect(!(try #require(tables["budgets"]?["sortable_columns"] as? [String])).contains("context"))
    }

    @Test func columnDescriptionsAreTheExportTablesOwn() throws {
        let budgets = try #require(try tables()["budgets"]?["columns"] as? [String: String])
        let amount = try #require(ExportTable.all.first { $0.name == "budgets" }?.columns.first { $0.name == "amount" })
        #expect(budgets["amount"] == amount.description)
        #expect(try metadata()["title"] as? String != nil)
    }

    @Test func bytesAreTheSameOnEveryCall() throws {
        #expect(try ReportDatabase.datasetteMetadata() == ReportDatabase.datasetteMetadata())
    }
}

/// Datasette itself serves a database built from sample reports. It needs python3 with venv and
/// PyPI (Datasette is installed once into `.build/datasette-venv`); without them the test is skipped.
@Suite struct DatasetteServingTests {
    @Test func datasetteServesTheBudgetRowsFacetsAndSearch() async throws {
        let datasette = try DatasetteInstall.datasette()
        let folder = try TemporaryFolder()
        let database = try database(in: folder)
        let metadata = folder.file(ReportDatabase.datasetteFileName)
        try ReportDatabase.datasetteMetadata().write(to: URL(fileURLWithPath: metadata))

        let port = try freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: datasette)
        server.arguments = ["serve", folder.file(ReportDatabase.fileName), "--host", "127.0.0.1", "--port", String(port),
                            "--metadata", metadata]
        FileManager.default.createFile(atPath: folder.file("datasette.log"), contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.file("datasette.log")))
        server.standardOutput = log
        server.standardError = log
        try server.run()
        defer { stop(server) }

        let base = "http://127.0.0.1:\(port)"
        try await waitUntilServing(base + "/-/versions.json", server: server, log: folder.file("datasette.log"))

        // Every budget row, as the database holds it.
        let budgets = try #require(ExportTable.all.first { $0.name == "budgets" })
        let expected = SampleReports.all.flatMap(budgets.rows(of:)).sorted { "\($0[0])\($0[1])" < "\($1[0])\($1[1])" }
        let rows = try await json(base + "/scrutiny/budgets.json?_shape=array&_size=max") as? [[String: Any]]
        let served = try #require(rows).sorted { "\($0["document_id"]!)\($0["index"]!)" < "\($1["document_id"]!)\($1["index"]!)" }
        #expect(served.count == expected.count)
        for (row, cells) in zip(served, expected) {
            #expect(Set(row.keys) == Set(budgets.columns.map(\.name)))
            for (column, cell) in zip(budgets.columns, cells) {
                #expect(Self.json(row[column.name], equals: cell), "\(column.name): \(String(describing: row[column.name])) vs \(cell)")
            }
        }

        // The metadata's facets, and the table's search box over budgets_fts.
        let table = try #require(try await json(base + "/scrutiny/budgets.json") as? [String: Any])
        let facets = try #require(table["facet_results"] as? [String: Any])
        #expect(facets["kind"] != nil && facets["period"] != nil, "\(facets.keys)")
        let found = try await json(base + "/scrutiny/budgets.json?_search=plots&_shape=array") as? [[String: Any]]
        #expect(Set(try #require(found).compactMap { $0["raw"] as? String }) == ["£45k", "£0.50"])

        // SQL over the search table.
        let query = "select kind, document_id from search where search match 'allotment' order by kind"
        let hits = try await json(base + "/scrutiny.json?_shape=array&sql=" + query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect((hits as? [[String: Any]])?.compactMap { $0["kind"] as? String } == ["document", "partnership", "recommendation"])

        // A change committed while Datasette runs is what it serves next.
        try database.apply(DatabaseChange(removed: ["00112233445566ff-002"]))
        let after = try await json(base + "/scrutiny/budgets.json?_shape=array&_size=max") as? [[String: Any]]
        #expect(try #require(after).count == expected.count - 2)
    }

    private static func json(_ value: Any?, equals cell: ExportValue) -> Bool {
        switch cell {
        case .null: return value is NSNull
        case .text(let text): return value as? String == text
        case .integer(let number): return (value as? NSNumber)?.intValue == number
        case .number(let number): return (value as? NSNumber)?.doubleValue == number
        case .boolean(let flag): return (value as? NSNumber)?.intValue == (flag ? 1 : 0)
        }
    }

    private func json(_ url: String) async throws -> Any {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(url): \(String(decoding: data, as: UTF8.self).prefix(500))")
        return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    private func waitUntilServing(_ url: String, server: Process, log: String) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            if !server.isRunning {
                Issue.record("datasette exited (\(server.terminationStatus)): \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
                return
            }
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: url)!),
               (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("datasette did not answer within 120 s: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    /// Ends the server: SIGTERM, then SIGKILL if it has not gone within five seconds.
    private func stop(_ server: Process) {
        guard server.isRunning else { return }
        server.terminate()
        let deadline = Date().addingTimeInterval(5)
        while server.isRunning && Date() < deadline { usleep(50_000) }
        if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        server.waitUntilExit()
    }

    /// A port no one listens on now: the one the kernel gives a socket bound to port 0.
    private func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Datasette in a virtual environment under `.build`, made on first use and reused by later runs.
enum DatasetteInstall {
    /// The package's folder: this file is `Tests/ScrutinyDatabaseTests/DatasetteTests.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let venv = packageRoot.appendingPathComponent(".build/datasette-venv").path
    /// The Datasette releases the test is written for (metadata.json holds facets and sortable columns before 1.0).
    static let requirement = "datasette>=0.64,<1.0"

    private static let lock = NSLock()

    /// The `datasette` executable, installing it first if needed; cancels (skips) the test with
    /// the reason when python3, its venv module or PyPI is unavailable.
    static func datasette() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        let executable = venv + "/bin/datasette"
        if FileManager.default.isExecutableFile(atPath: executable), (try? run(executable, ["--version"]).status) == 0 {
            return executable
        }
        guard let python = executableOnPath("python3") else { try Test.cancel("python3 is not installed: Datasette test skipped") }
        try? FileManager.default.removeItem(atPath: venv)
        let made = try run(python, ["-m", "venv", venv])
        guard made.status == 0 else {
            try? FileManager.default.removeItem(atPath: venv)
            try Test.cancel("python3 cannot make a venv (apt-get install python3-venv): Datasette test skipped. \(made.output.suffix(300))")
        }
        let installed = try run(venv + "/bin/python", ["-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                                      "--timeout", "20", "--retries", "1", requirement])
        guard installed.status == 0, FileManager.default.isExecutableFile(atPath: executable) else {
            try? FileManager.default.removeItem(atPath: venv)
            try Test.cancel("cannot install \(requirement) from PyPI (offline?): Datasette test skipped. \(installed.output.suffix(300))")
        }
        return executable
    }
}
