/// Why an input produced no report. Each case is one `kind` in `errors.jsonl`.
public enum InputFailureKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The PDF needs a user password.
    case encrypted
    /// The file is truncated or damaged.
    case corrupt
    /// The file has no bytes (or only white space).
    case empty
    /// Not a format scrutiny reads, or content that does not match its extension.
    case unsupported
    /// The path could not be opened or read.
    case unreadable
    /// The worker reading the document died.
    case crashed
    /// The worker took longer than the time limit.
    case timeout
    /// The worker went over the memory limit.
    case memory
    /// The extracted report failed the schemas.
    case invalid
}

/// An input that could not be turned into a report: what went wrong and what to do next.
public struct InputFailure: Error, Sendable, Hashable, Codable {
    public var kind: InputFailureKind
    /// One line a person can act on, e.g. "PDF needs a password to open; decrypt it (qpdf --decrypt) and retry".
    public var message: String

    public init(_ kind: InputFailureKind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
