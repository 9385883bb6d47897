import Foundation

/// A failure of the database file, naming the file, the step and SQLite's own reason.
///
/// The message is SQLite's (`disk I/O error`, `database is locked`, `UNIQUE constraint failed:
/// documents.document_id`): it names tables and columns, never a report's text.
public struct DatabaseError: LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// What was being done.
    public enum Step: String, Sendable, Hashable {
        /// Opening the file, or making it a database of this version's schema.
        case open
        /// Reading what the file holds.
        case read
        /// Writing rows.
        case write
    }

    public var step: Step
    /// The database file.
    public var path: String
    /// SQLite's extended result code (`SQLITE_IOERR_WRITE` is 778), or 0 when the error is not SQLite's.
    public var code: Int32
    /// SQLite's message for the error.
    public var message: String

    /// An error at `step` on `path`, with SQLite's result code and message.
    public init(_ step: Step, path: String, code: Int32, message: String) {
        self.step = step
        self.path = path
        self.code = code
        self.message = message
    }

    public var errorDescription: String? { description }

    public var description: String {
        switch step {
        case .open:
            return "cannot open the database \(path): \(message) (SQLite code \(code)); "
                + "check the folder is writable, or delete the file to have it made anew"
        case .read:
            return "cannot read the database \(path): \(message) (SQLite code \(code)); delete the file to have it made anew"
        case .write:
            return "cannot write the database \(path): \(message) (SQLite code \(code)); "
                + "check free disk space and retry (rows already committed stay)"
        }
    }
}
