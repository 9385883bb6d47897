import Foundation

/// Options for compiling a ``SchemaValidator``.
public struct ValidationOptions: Sendable {
    /// Treat `format` as an assertion rather than an annotation (off by default, as in 2020-12).
    public var formatAssertion: Bool
    /// How deep `$ref` chains may nest during one validation before it is reported as a loop.
    public var maxDepth: Int

    public init(formatAssertion: Bool = false, maxDepth: Int = 256) {
        self.formatAssertion = formatAssertion
        self.maxDepth = maxDepth
    }
}

/// A JSON Schema (draft 2020-12) compiled once and reusable for any number of instances.
///
/// ```swift
/// let validator = try SchemaValidator(schema: schemaJSON)
/// for error in validator.validate(instance).errors { print(error) }
/// ```
public struct SchemaValidator: Sendable {
    let nodes: [FrozenNode]
    let root: Int
    let dynamicAnchors: [[String: Int]]
    let options: ValidationOptions

    /// Compiles `schema`. `baseURI` is used when the schema has no `$id`; `registry` supplies every
    /// document the schema references (the 2020-12 meta-schemas are there by default).
    public init(schema: JSONValue, baseURI: String? = nil, registry: SchemaRegistry = SchemaRegistry(),
                options: ValidationOptions = ValidationOptions()) throws(SchemaError) {
        var index = ResourceIndex(registry: registry)
        let fallback = baseURI ?? "urn:scrutiny:schema:root"
        var rootURI = URIText.split(fallback).base
        if let id = schema["$id"]?.stringValue { rootURI = URIText.split(URIText.resolve(id, against: fallback)).base }
        index.add(schema, uri: rootURI)
        if rootURI != URIText.split(fallback).base { index.add(schema, uri: URIText.split(fallback).base) }
        var compiler = SchemaCompiler(index: index, formatAssertion: options.formatAssertion)
        root = try compiler.node(at: rootURI + "#", from: rootURI, exact: true)
        nodes = compiler.nodes.map(FrozenNode.init)
        dynamicAnchors = compiler.dynamicAnchors
        self.options = options
    }

    /// Compiles a schema from JSON text.
    public init(schemaData: Data, baseURI: String? = nil, registry: SchemaRegistry = SchemaRegistry(),
                options: ValidationOptions = ValidationOptions()) throws {
        try self.init(schema: try JSONParser.parse(schemaData), baseURI: baseURI, registry: registry, options: options)
    }

    /// Validates `instance`, collecting every error.
    ///
    /// A quick pass that stops at the first failure and keeps no locations comes first, so a
    /// valid instance (the common case) costs no more than ``isValid(_:)``; only an invalid one
    /// is walked again for its errors.
    public func validate(_ instance: JSONValue) -> ValidationResult {
        if isValid(instance) { return ValidationResult(errors: []) }
        var run = Evaluation(schema: self, reportErrors: true)
        var annotations = Annotations()
        _ = run.evaluate(root, instance, collect: false, report: true, into: &annotations)
        return ValidationResult(errors: run.errors)
    }

    /// Whether `instance` is valid; stops at the first failure.
    public func isValid(_ instance: JSONValue) -> Bool {
        var run = Evaluation(schema: self, reportErrors: false)
        var annotations = Annotations()
        return run.evaluate(root, instance, collect: false, report: false, into: &annotations)
    }
}
