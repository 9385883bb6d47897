import ScrutinyCore

/// Finds every money amount printed in a document.
public struct BudgetExtractor: Sendable {
    public init() {}

    public func extract(from lines: [OutlinedLine]) -> [Budget] { [] }
}
