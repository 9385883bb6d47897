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
