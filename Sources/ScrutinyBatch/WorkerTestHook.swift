import Foundation

/// Misbehaviour a worker can be told to show, **for tests only**.
///
/// Set `SCRUTINY_WORKER_TEST_HOOK` to comma-separated `action:substring` pairs, e.g.
/// `crash:broken,hang:slow,invalid:odd`. On a path containing the substring the worker
/// aborts (`crash`), sleeps forever (`hang`), grows its memory without end (`bloat`), or
/// returns a report that breaks the schema (`invalid`). This is how the end-to-end tests exercise the batch's crash, timeout and
/// validation handling; it has no use in production and is off when the variable is unset.
public struct WorkerTestHook: Sendable, Hashable {
    public static let environmentVariable = "SCRUTINY_WORKER_TEST_HOOK"

    public enum Action: String, Sendable, Hashable {
        case crash, hang, bloat, invalid
    }

    public var rules: [(action: Action, substring: String)] { zip(actions, substrings).map { ($0, $1) } }
    private var actions: [Action]
    private var substrings: [String]

    /// Parses the variable's value; unknown actions and empty substrings are ignored.
    public init(specification: String) {
        var actions: [Action] = []
        var substrings: [String] = []
        for part in specification.split(separator: ",") {
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2, let action = Action(rawValue: String(pieces[0])), !pieces[1].isEmpty else { continue }
            actions.append(action)
            substrings.append(String(pieces[1]))
        }
        self.actions = actions
        self.substrings = substrings
    }

    /// The hook set in the environment, or `nil`.
    public static func fromEnvironment() -> WorkerTestHook? {
        guard let value = ProcessInfo.processInfo.environment[environmentVariable], !value.isEmpty else { return nil }
        return WorkerTestHook(specification: value)
    }

    /// The first action whose substring `path` contains.
    public func action(for path: String) -> Action? {
        rules.first { path.contains($0.substring) }?.action
    }
}
