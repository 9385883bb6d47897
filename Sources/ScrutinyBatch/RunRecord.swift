import Foundation
import ScrutinyCore

/// An input that produced no report, as one line of `errors.jsonl`.
public struct ErrorRecord: Sendable, Hashable, Codable {
    public var path: String
    public var kind: InputFailureKind
    public var message: String

    public init(path: String, failure: InputFailure) {
        self.path = path
        self.kind = failure.kind
        self.message = failure.message
    }
}

/// One line of `changes.jsonl`: an input that was added, changed, removed or failed in a run,
/// measured against the last run that finished. Unchanged inputs have no line.
public struct InputChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A new input with a report.
        case added
        /// An input whose content changed: a new report replaces the old.
        case changed
        /// An input no longer found: its report is gone.
        case removed
        /// An input that gave no report in this run (see `errors.jsonl`); an old report is gone.
        case failed
    }

    public var change: Kind
    public var path: String
    /// The input's document id now (`nil` when removed or failed).
    public var documentID: String?
    /// Its document id at the last finished run (`nil` when it had none).
    public var oldDocumentID: String?
    /// When the run saw it (ISO 8601, UTC).
    public var time: String

    public init(change: Kind, path: String, documentID: String?, oldDocumentID: String?, time: String) {
        self.change = change
        self.path = path
        self.documentID = documentID
        self.oldDocumentID = oldDocumentID
        self.time = time
    }

    enum CodingKeys: String, CodingKey {
        case change, path, documentID = "document_id", oldDocumentID = "old_document_id", time
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        change = try c.decode(Kind.self, forKey: .change)
        path = try c.decode(String.self, forKey: .path)
        documentID = try c.decodeIfPresent(String.self, forKey: .documentID)
        oldDocumentID = try c.decodeIfPresent(String.self, forKey: .oldDocumentID)
        time = try c.decode(String.self, forKey: .time)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(change, forKey: .change)
        try c.encode(path, forKey: .path)
        try c.encode(documentID, forKey: .documentID)
        try c.encode(oldDocumentID, forKey: .oldDocumentID)
        try c.encode(time, forKey: .time)
    }

    /// The changes from `before` (the state of the last finished run) to `after` (this run's
    /// entries), with this run's failures; sorted by path.
    static func changes(from before: [String: StateEntry], to after: [StateEntry], failed: [ErrorRecord],
                        seen: [String: String], time: String) -> [InputChange] {
        var changes: [InputChange] = []
        var present = Set<String>()
        for entry in after {
            present.insert(entry.file)
            let old = before[entry.file]
            if old == nil {
                changes.append(InputChange(change: .added, path: entry.file, documentID: entry.documentID, oldDocumentID: nil,
                                           time: seen[entry.file] ?? time))
            } else if old?.sha256 != entry.sha256 || old?.reportIDs != entry.reportIDs {
                changes.append(InputChange(change: .changed, path: entry.file, documentID: entry.documentID,
                                           oldDocumentID: old?.documentID, time: seen[entry.file] ?? time))
            }
        }
        for failure in failed where !present.contains(failure.path) {
            present.insert(failure.path)
            changes.append(InputChange(change: .failed, path: failure.path, documentID: nil,
                                       oldDocumentID: before[failure.path]?.documentID, time: time))
        }
        for (file, old) in before where !present.contains(file) {
            changes.append(InputChange(change: .removed, path: file, documentID: nil, oldDocumentID: old.documentID, time: time))
        }
        return changes.sorted { ($0.path, $0.change.rawValue) < ($1.path, $1.change.rawValue) }
    }
}

/// `run.json`: what one run did.
public struct RunRecord: Sendable, Codable {
    public var started: String
    public var finished: String
    public var scrutinyVersion: String
    /// Input files found (after folder expansion), plus paths that failed before reading.
    public var inputs: Int
    /// Documents extracted in this run.
    public var extracted: Int
    /// Inputs whose content had not changed since the last run, so were not read again.
    public var unchanged: Int
    /// Inputs that produced no report.
    public var failed: Int
    /// Failures by kind.
    public var errors: [String: Int]
    public var jobs: Int
    /// Worker processes started, counting replacements of crashed ones and recycling.
    public var workersStarted: Int
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case started, finished, scrutinyVersion = "scrutiny_version", inputs, extracted, unchanged, failed, errors, jobs
        case workersStarted = "workers_started", seconds
    }
}
