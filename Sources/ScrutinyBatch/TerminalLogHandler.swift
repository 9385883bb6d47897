import Foundation
import Logging

/// A swift-log handler for people at a terminal: `warning: message` on standard error,
/// without timestamps or labels; `info` and below print the bare message.
public struct TerminalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level

    public init(level: Logger.Level) {
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        FileHandle.standardError.write(Data((Self.prefix(event.level) + event.message.description + "\n").utf8))
    }

    static func prefix(_ level: Logger.Level) -> String {
        switch level {
        case .critical, .error: return "error: "
        case .warning: return "warning: "
        default: return ""
        }
    }
}
