import CSQLite
import Foundation
import ScrutinyCore
import ScrutinyExport

/// `scrutiny.db`: the export tables as an SQLite 3 database, kept next to the CSV files so
/// Datasette, `sqlite3` or any SQL client can query them.
///
/// Every CSV file is a table of the same name with the same columns in the same order and the
/// same rows (``ExportTable``), typed (`TEXT`, `INTEGER`, `REAL` amounts, booleans as 0 and 1,
/// lists as their "; "-joined text, `NULL` for an empty cell), with primary and foreign keys, indexes
/// for the usual filters, FTS5 indexes over titles, recommendations, partnership names and budget
/// contexts, and views that put each record beside its document. Text is stored as the report
/// has it: the CSV's `'` before formula-like text is a spreadsheet matter.
///
/// The file is changed only in transactions, in WAL mode, so a reader sees the rows of the last
/// committed transaction throughout, and a process killed at any moment leaves the rows of
/// whole transactions. Each document's rows are stored with a ``ReportStamp``, in the same
/// transaction, so the caller mirrors a folder of reports by comparing ``storedReports()`` with
/// the folder and applying the difference: a run cut short is finished by the next.
///
/// ```swift
/// let database = try ReportDatabase(path: "out/scrutiny.db")
/// // stamps: each report file's ReportStamp(fileAt:), by document id
/// let plan = ReportDatabase.difference(stored: try database.storedReports(), wanted: stamps)
/// let inserted = try plan.inserted.map { DatabaseChange.Insertion(report: try load($0), stamp: stamps[$0]!) }
/// try database.apply(DatabaseChange(removed: plan.removed, inserted: inserted))
/// ```
///
/// For many reports, load and apply them a few thousand at a time (every ``apply(_:reportsPerTransaction:)``
/// converges on its own), so they are never all in memory at once.
///
/// Not thread-safe: one database value belongs to one task.
public final class ReportDatabase {
    /// What opening the file found.
    public enum Opening: Sendable, Hashable {
        /// The file held this version's schema; its rows are kept.
        case reused
        /// There was no database yet: the schema was made in a new or empty file.
        case created
        /// The file held another version's schema (its `user_version`, `nil` when the file was
        /// not a database at all): everything in it was dropped and the schema made anew.
        /// Every report must be inserted again.
        case rebuilt(previousVersion: Int32?)
    }

    /// The database's file name next to the CSV files.
    public static let fileName = "scrutiny.db"

    /// The schema's version in `PRAGMA user_version`: a fingerprint of its SQL, so any change to
    /// the tables (a new CSV column) gives a new version.
    public static var schemaVersion: Int32 { DatabaseSchema.version }

    /// How many reports ``apply(_:reportsPerTransaction:)`` inserts per transaction by default.
    public static let reportsPerTransaction = 2000

    /// The database file.
    public let path: String
    /// What opening found; after ``Opening/created`` or ``Opening/rebuilt(previousVersion:)``
    /// the database holds no reports.
    public let opening: Opening

    private let connection: SQLiteConnection
    private let writer: RowWriter

    /// Opens the database at `path`, making the file and its schema if missing.
    ///
    /// A file whose schema is another version's (``schemaVersion``), or that is not an SQLite
    /// database, is made anew; ``opening`` says so, and the caller inserts every report again.
    /// The connection has foreign keys on and WAL journaling.
    /// - Throws: ``DatabaseError`` when the file cannot be opened, read or written.
    public init(path: String) throws(DatabaseError) {
        self.path = path
        var connection = try SQLiteConnection(path: path)
        var opening: Opening
        do {
            opening = try Self.prepare(connection)
        } catch let error where Self.isNotADatabase(error) {
            // Not SQLite, or damaged beyond reading its schema: it is our file, so start again.
            connection = try SQLiteConnection(path: ":memory:")  // closes the file before it is removed
            connection = try Self.replaceFile(at: path)
            _ = try Self.prepare(connection)
            opening = .rebuilt(previousVersion: nil)
        }
        self.connection = connection
        self.opening = opening
        writer = try RowWriter(connection)
    }

    deinit {
        // Lets SQLite analyse the tables the connection's queries would have used (usually nothing).
        try? connection.execute("PRAGMA optimize")
    }

    /// Every document the database holds, with the stamp its rows were inserted with.
    /// - Throws: ``DatabaseError`` when the file cannot be read.
    public func storedReports() throws(DatabaseError) -> [String: ReportStamp] {
        let statement = try connection.prepare(
            "SELECT \"document_id\", \"stamp\" FROM \(DatabaseSchema.quote(DatabaseSchema.stampTable))", during: .read)
        var stamps: [String: ReportStamp] = [:]
        while try statement.step() {
            if let id = statement.text(at: 0), let stamp = statement.text(at: 1) { stamps[id] = ReportStamp(stamp) }
        }
        return stamps
    }

    /// Applies `change`: removes its ids' rows, inserts its reports (replacing whatever rows their
    /// ids had) with their stamps, and appends its log lines.
    ///
    /// Each transaction inserts at most `reportsPerTransaction` reports: the removals go with the
    /// first, the log lines with the last. If the process stops between two, the committed ones
    /// stay and ``storedReports()`` shows which reports are in; inserting the rest finishes the change.
    /// - Throws: ``DatabaseError`` when a row cannot be written; that transaction is rolled back,
    ///   earlier ones stay.
    public func apply(_ change: DatabaseChange,
                      reportsPerTransaction: Int = ReportDatabase.reportsPerTransaction) throws(DatabaseError) {
        precondition(reportsPerTransaction > 0, "ReportDatabase.apply needs at least one report per transaction")
        guard !change.isEmpty else { return }
        var start = 0
        repeat {
            let end = min(start + reportsPerTransaction, change.inserted.count)
            try connection.transaction { () throws(DatabaseError) in
                try writer.write(removing: start == 0 ? change.removed : [], inserting: change.inserted[start..<end])
                if end == change.inserted.count {
                    for record in change.log { try writer.append(record) }
                }
            }
            start = end
            try chunkCommitted?(end)
        } while start < change.inserted.count
    }

    /// What makes a database holding `stored` hold exactly `wanted`: the ids to remove (stored,
    /// not wanted) and the ids to insert (wanted, and not stored with the same stamp), each sorted.
    ///
    /// ```swift
    /// let plan = ReportDatabase.difference(stored: try database.storedReports(), wanted: stampsOfTheReportFiles)
    /// // load plan.inserted's reports, a few thousand at a time, and apply them with plan.removed
    /// ```
    public static func difference(stored: [String: ReportStamp],
                                  wanted: [String: ReportStamp]) -> (removed: [String], inserted: [String]) {
        (stored.keys.filter { wanted[$0] == nil }.sorted(), wanted.filter { stored[$0.key] != $0.value }.keys.sorted())
    }

    /// Appends lines to the `changes` table, in one transaction.
    /// - Throws: ``DatabaseError`` when they cannot be written (none are).
    public func appendChanges(_ records: [ChangeRecord]) throws(DatabaseError) {
        try apply(DatabaseChange(log: records))
    }

    /// Called after each transaction of ``apply(_:reportsPerTransaction:)`` with the number of
    /// reports inserted so far: for tests that stop a change between two transactions.
    var chunkCommitted: ((Int) throws(DatabaseError) -> Void)?

    /// The connection, for tests that read the tables back.
    var sqlite: SQLiteConnection { connection }

    // MARK: - Opening

    /// Makes `connection`'s file hold this version's schema, and sets the connection's pragmas.
    private static func prepare(_ connection: SQLiteConnection) throws(DatabaseError) -> Opening {
        try connection.execute("PRAGMA busy_timeout = 10000", during: .open)
        let found = try connection.integer("PRAGMA user_version", during: .open) ?? 0
        let objects = try existingObjects(connection)
        let opening: Opening
        if found == Int(DatabaseSchema.version) && DatabaseSchema.objectNames.isSubset(of: objects) {
            opening = .reused
        } else {
            opening = objects.isEmpty && found == 0 ? .created : .rebuilt(previousVersion: Int32(truncatingIfNeeded: found))
            // WAL before the schema, so even the first transaction leaves readers a whole snapshot.
            try connection.execute("PRAGMA journal_mode = WAL", during: .open)
            try connection.execute("PRAGMA foreign_keys = OFF", during: .open)
            try connection.transaction(during: .open) { () throws(DatabaseError) in
                try dropEverything(connection)
                for statement in DatabaseSchema.statements { try connection.execute(statement, during: .open) }
                try connection.execute("PRAGMA user_version = \(DatabaseSchema.version)", during: .open)
            }
        }
        try connection.execute("PRAGMA journal_mode = WAL", during: .open)
        try connection.execute("PRAGMA synchronous = NORMAL", during: .open)
        // 64 MB of page cache (the default is 2 MB): a large change touches every index many times.
        try connection.execute("PRAGMA cache_size = -65536", during: .open)
        try connection.execute("PRAGMA foreign_keys = ON", during: .open)
        return opening
    }

    /// The names of the file's tables, indexes, views and triggers (SQLite's own left out).
    private static func existingObjects(_ connection: SQLiteConnection) throws(DatabaseError) -> Set<String> {
        let statement = try connection.prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
                                               during: .open)
        var names: Set<String> = []
        while try statement.step() { if let name = statement.text(at: 0) { names.insert(name) } }
        return names
    }

    /// Drops every view, trigger and table (virtual tables first: their shadow tables go with them).
    private static func dropEverything(_ connection: SQLiteConnection) throws(DatabaseError) {
        func objects(_ condition: String) throws(DatabaseError) -> [(type: String, name: String)] {
            let statement = try connection.prepare(
                "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND \(condition)", during: .open)
            var found: [(String, String)] = []
            while try statement.step() { found.append((statement.text(at: 0) ?? "", statement.text(at: 1) ?? "")) }
            return found
        }
        for (type, name) in try objects("type IN ('view', 'trigger')") {
            try connection.execute("DROP \(type.uppercased()) IF EXISTS \(DatabaseSchema.quote(name))", during: .open)
        }
        for (_, name) in try objects("type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'") {
            try connection.execute("DROP TABLE IF EXISTS \(DatabaseSchema.quote(name))", during: .open)
        }
        for (_, name) in try objects("type = 'table'") {
            try connection.execute("DROP TABLE IF EXISTS \(DatabaseSchema.quote(name))", during: .open)
        }
    }

    private static func isNotADatabase(_ error: DatabaseError) -> Bool {
        error.code & 0xFF == SQLITE_NOTADB || error.code & 0xFF == SQLITE_CORRUPT
    }

    /// Removes the file at `path` with its WAL and shared-memory files, and opens a new one.
    private static func replaceFile(at path: String) throws(DatabaseError) -> SQLiteConnection {
        for suffix in ["", "-wal", "-shm"] where unlink(path + suffix) != 0 && errno != ENOENT {
            throw DatabaseError(.open, path: path + suffix, code: 0, message: String(cString: strerror(errno)))
        }
        return try SQLiteConnection(path: path)
    }
}
