import Glibc
import ScrutinyCore

/// What the caller knows of the report a document's rows came from, so a later run can tell
/// whether they are still current: by default the report file's size and modification time.
///
/// The database keeps it beside the rows, written in the same transaction, and gives it back in
/// ``ReportDatabase/storedReports()``; it never looks inside.
public struct ReportStamp: Sendable, Hashable, CustomStringConvertible {
    /// The stamp as stored.
    public let text: String

    /// A stamp of the caller's own making.
    public init(_ text: String) {
        self.text = text
    }

    /// The stamp of a file `size` bytes long last modified `modified` nanoseconds after 1970.
    public init(size: Int, modified: Int) {
        text = "\(size) \(modified)"
    }

    /// The stamp of the file at `path` (its size and modification time), or `nil` when it cannot be read.
    public init?(fileAt path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }

    public var description: String { text }
}

/// One step towards a database that holds exactly the reports of an output folder: documents to
/// remove, reports to (re)insert with their stamps, and lines for the run log.
///
/// ``ReportDatabase/apply(_:reportsPerTransaction:)`` applies the removals first, then the insertions (each replacing
/// every row its `document_id` had), then the log lines.
public struct DatabaseChange: Sendable {
    /// A report to insert and the stamp to keep with its rows.
    public struct Insertion: Sendable {
        public var report: Report
        public var stamp: ReportStamp

        public init(report: Report, stamp: ReportStamp) {
            self.report = report
            self.stamp = stamp
        }
    }

    /// Document ids whose rows go (an id that is not there is ignored).
    public var removed: [String]
    /// Reports to insert; an id that is already there has its old rows deleted first.
    public var inserted: [Insertion]
    /// Lines appended to the `changes` table with the last of the change's transactions.
    public var log: [ChangeRecord]

    public init(removed: [String] = [], inserted: [Insertion] = [], log: [ChangeRecord] = []) {
        self.removed = removed
        self.inserted = inserted
        self.log = log
    }

    /// Whether applying the change would do nothing.
    public var isEmpty: Bool { removed.isEmpty && inserted.isEmpty && log.isEmpty }
}

/// One line of the run log: what a run did to one input. The `changes` table holds these fields,
/// named as ``CodingKeys`` names them: the fields of a `changes.jsonl` line (the batch's
/// `InputChange`, with the same meanings) and the run they belong to.
public struct ChangeRecord: Sendable, Hashable, Codable {
    /// What happened to the input, measured against the last run that finished.
    public enum Change: String, Sendable, Hashable, Codable, CaseIterable {
        /// A new input with a report.
        case added
        /// An input whose content changed: a new report replaces the old.
        case changed
        /// An input no longer found: its report is gone.
        case removed
        /// An input that gave no report in this run (see `errors.jsonl`); an old report is gone.
        case failed
    }

    /// When the run started, ISO 8601 (the `started` of `run.json`).
    public var runStarted: String
    public var change: Change
    /// The input's path.
    public var path: String
    /// The input's document id now (`nil` when removed or failed).
    public var documentID: String?
    /// Its document id at the last finished run (`nil` when it had none).
    public var oldDocumentID: String?
    /// When the run saw it, ISO 8601 (UTC).
    public var time: String

    public init(runStarted: String, change: Change, path: String, documentID: String?, oldDocumentID: String?, time: String) {
        self.runStarted = runStarted
        self.change = change
        self.path = path
        self.documentID = documentID
        self.oldDocumentID = oldDocumentID
        self.time = time
    }

    public enum CodingKeys: String, CodingKey {
        case runStarted = "run_started", change, path, documentID = "document_id", oldDocumentID = "old_document_id", time
    }

    /// Writes every field, `null` for a missing id (never left out).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(runStarted, forKey: .runStarted)
        try c.encode(change, forKey: .change)
        try c.encode(path, forKey: .path)
        try c.encode(documentID, forKey: .documentID)
        try c.encode(oldDocumentID, forKey: .oldDocumentID)
        try c.encode(time, forKey: .time)
    }
}
