/// One failed assertion, in the specification's "basic" output shape.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// JSON Pointer to the failing part of the instance ("" is the whole instance).
    public let instanceLocation: String
    /// JSON Pointer through the schema as evaluated, `$ref`s included.
    public let keywordLocation: String
    /// Absolute URI of the failing keyword, after references were followed.
    public let absoluteKeywordLocation: String
    /// One line saying what was wrong, e.g. "expected number, got string".
    public let message: String

    public init(instanceLocation: String, keywordLocation: String, absoluteKeywordLocation: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.message = message
    }

    /// `/budgets/3/amount: expected number, got string (schema: #/$defs/budget/properties/amount/type)`.
    public var description: String {
        "\(instanceLocation.isEmpty ? "/" : instanceLocation): \(message) (schema: #\(keywordLocation))"
    }

    /// Compiler-style line prefixed with the file: `reports/x.json: /budgets/3/amount: ...`.
    public func description(file: String) -> String { "\(file): \(description)" }
}

/// The outcome of validating one instance.
public struct ValidationResult: Sendable, Hashable {
    /// Every failed assertion found; empty when the instance is valid.
    public let errors: [ValidationIssue]
    public var isValid: Bool { errors.isEmpty }
}
