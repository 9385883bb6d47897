import Foundation
import ScrutinyCore

/// What the batch asks a worker process: read one input and extract its report.
///
/// Sent as one line of JSON on the worker's standard input.
public struct WorkerRequest: Sendable, Hashable, Codable {
    /// Where to read the bytes.
    public var path: String
    /// The name the report gives as `source.file`.
    public var file: String

    public init(path: String, file: String) {
        self.path = path
        self.file = file
    }
}

/// A worker's answer to one ``WorkerRequest``: the report, or why there is none.
///
/// Sent as one line of JSON on the worker's standard output.
public struct WorkerResponse: Sendable, Codable {
    public var file: String
    public var report: Report?
    public var failure: InputFailure?

    public init(file: String, report: Report) {
        self.file = file
        self.report = report
        self.failure = nil
    }

    public init(file: String, failure: InputFailure) {
        self.file = file
        self.report = nil
        self.failure = failure
    }
}

/// The JSON-lines framing both ends of the worker pipe use.
enum WorkerWire {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    static func decode<T: Decodable>(_ type: T.Type, from line: Data) throws -> T {
        try JSONDecoder().decode(type, from: line)
    }
}
