import CSQLite
import ScrutinyExport

/// One connection to an SQLite file: statements run and prepared on it, errors turned into
/// ``DatabaseError``. The thin layer over the C API; the rest of the module speaks SQL through it.
///
/// Not thread-safe: one connection belongs to one task (SQLite is opened without its own mutex).
final class SQLiteConnection {
    let path: String
    private let handle: OpaquePointer

    /// Opens `path` for reading and writing, creating an empty file if there is none.
    init(path: String) throws(DatabaseError) {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard let opened, code == SQLITE_OK else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(opened)
            throw DatabaseError(.open, path: path, code: code, message: message)
        }
        self.path = path
        handle = opened
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements that return no rows the caller needs.
    func execute(_ sql: String, during step: DatabaseError.Step = .write) throws(DatabaseError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, during: step) }
    }

    /// Compiles one statement, to be run any number of times with new bindings.
    func prepare(_ sql: String, during step: DatabaseError.Step = .write) throws(DatabaseError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, during: step) }
        return SQLiteStatement(statement, connection: self, step: step)
    }

    /// The integer in the first column of the first row `sql` gives (a pragma's value), or `nil`.
    func integer(_ sql: String, during step: DatabaseError.Step = .read) throws(DatabaseError) -> Int? {
        let statement = try prepare(sql, during: step)
        return try statement.step() ? statement.integer(at: 0) : nil
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: committed when it returns, rolled back
    /// when it throws.
    func transaction(during step: DatabaseError.Step = .write, _ body: () throws(DatabaseError) -> Void) throws(DatabaseError) {
        try execute("BEGIN IMMEDIATE", during: step)
        do {
            try body()
            try execute("COMMIT", during: step)
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
            throw error
        }
    }

    /// The error SQLite reports for `code` on this connection.
    func error(_ code: Int32, during step: DatabaseError.Step) -> DatabaseError {
        DatabaseError(step, path: path, code: code, message: String(cString: sqlite3_errmsg(handle)))
    }
}

/// A prepared statement: bind values, step through rows, reset, run again.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let connection: SQLiteConnection
    /// What running the statement is part of, for its errors.
    private let purpose: DatabaseError.Step

    fileprivate init(_ handle: OpaquePointer, connection: SQLiteConnection, step: DatabaseError.Step) {
        self.handle = handle
        self.connection = connection
        purpose = step
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values` to the parameters `?1`, `?2`, … in order (after a reset of earlier bindings).
    func bind(_ values: [ExportValue]) throws(DatabaseError) {
        for (offset, value) in values.enumerated() { try bind(value, at: Int32(offset + 1)) }
    }

    /// Binds `value` to parameter `index` (1-based). Booleans become 0 and 1.
    func bind(_ value: ExportValue, at index: Int32) throws(DatabaseError) {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .text(let text): code = bind(text, at: index)
        case .integer(let number): code = sqlite3_bind_int64(handle, index, Int64(number))
        case .number(let number): code = sqlite3_bind_double(handle, index, number)
        case .boolean(let flag): code = sqlite3_bind_int64(handle, index, flag ? 1 : 0)
        }
        guard code == SQLITE_OK else { throw connection.error(code, during: purpose) }
    }

    /// Binds text (or NULL for `nil`) to parameter `index`.
    func bind(_ text: String?, at index: Int32) throws(DatabaseError) {
        let code = text.map { bind($0, at: index) } ?? sqlite3_bind_null(handle, index)
        guard code == SQLITE_OK else { throw connection.error(code, during: purpose) }
    }

    private func bind(_ text: String, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { utf8 in
            sqlite3_bind_text(handle, index, utf8.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                              Int32(utf8.count), scrutiny_sqlite_transient())
        }
    }

    /// Runs the statement to its next row: `true` when a row is ready to read, `false` when done.
    @discardableResult
    func step() throws(DatabaseError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            sqlite3_reset(handle)
            throw connection.error(code, during: purpose)
        }
    }

    /// Runs the statement to its end with `values` bound, then readies it for the next run.
    func run(_ values: [ExportValue]) throws(DatabaseError) {
        try bind(values)
        while try step() {}
        reset()
    }

    /// Readies the statement to run again and clears its bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    var columnCount: Int { Int(sqlite3_column_count(handle)) }

    func columnName(at index: Int) -> String { String(cString: sqlite3_column_name(handle, Int32(index))) }

    /// The current row's cell `index` (0-based) as SQLite stores it.
    func value(at index: Int) -> SQLiteValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_NULL: return .null
        default: return .text(text(at: index) ?? "")
        }
    }

    func integer(at index: Int) -> Int? {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, Int32(index)))
    }

    func text(at index: Int) -> String? {
        guard let bytes = sqlite3_column_text(handle, Int32(index)) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}

/// A cell as SQLite stores it: its storage class and value.
enum SQLiteValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}
