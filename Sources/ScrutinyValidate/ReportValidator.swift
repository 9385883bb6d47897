import Foundation
import JSONSchema

/// One way a report record breaks `schemas/report.schema.json`.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// JSON Pointer into the record, e.g. "/budgets/3/amount" ("" is the whole record).
    public let instanceLocation: String
    /// JSON Pointer through the schema as evaluated, e.g. "/properties/budgets/items/$ref/properties/amount/type".
    public let keywordLocation: String
    /// The failing keyword's own place in the schema, e.g. "#/$defs/budget/properties/amount/type".
    public let schemaLocation: String
    /// One line: "expected number, got string".
    public let message: String

    public init(instanceLocation: String, keywordLocation: String, schemaLocation: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.schemaLocation = schemaLocation
        self.message = message
    }

    init(_ error: ValidationIssue) {
        instanceLocation = error.instanceLocation
        keywordLocation = error.keywordLocation
        let absolute = error.absoluteKeywordLocation
        schemaLocation = absolute.firstIndex(of: "#").map { String(absolute[$0...]) } ?? absolute
        message = error.message
    }

    /// `/budgets/3/amount: expected number, got string (schema: #/$defs/budget/properties/amount/type)`.
    public var description: String {
        "\(instanceLocation.isEmpty ? "/" : instanceLocation): \(message) (schema: \(schemaLocation))"
    }

    /// The compiler-style line for `file`: `reports/x.json: /budgets/3/amount: expected number, got string (schema: ...)`.
    public func description(file: String) -> String { "\(file): \(description)" }
}

/// Validates report records against the embedded `schemas/report.schema.json`, compiled once.
///
/// Create one and reuse it; `validate` is safe to call from many tasks at once.
public struct ReportValidator: Sendable {
    /// The report schema's `$id`.
    public static let schemaID = "https://scrutiny.example/schemas/report.schema.json"

    private let validator: SchemaValidator

    /// Compiles the embedded report schema. Throws only if the embedded schema itself is broken.
    public init() throws {
        guard let text = EmbeddedSchemas.files.first(where: { $0.name == "report.schema.json" })?.text else {
            throw ReportSchemaMissing()
        }
        validator = try SchemaValidator(schemaData: Data(text.utf8))
    }

    /// Violations of the record in `json` (empty when valid). Text that is not JSON is one violation at "".
    public func validate(_ json: Data) -> [SchemaViolation] {
        do {
            return validate(try JSONParser.parse(json))
        } catch {
            return [SchemaViolation(instanceLocation: "", keywordLocation: "", schemaLocation: "",
                                    message: "not valid JSON: \(error)")]
        }
    }

    /// Violations of an already-parsed record (empty when valid).
    public func validate(_ value: JSONValue) -> [SchemaViolation] {
        validator.validate(value).errors.map(SchemaViolation.init)
    }

    /// Violations of a `Report` as it would be written (encoded with `JSONEncoder`).
    public func validate(_ report: ScrutinyCore.Report) throws -> [SchemaViolation] {
        validate(try JSONEncoder().encode(report))
    }

    /// The embedded text of a schema file under `schemas/` (e.g. "report.schema.json").
    public static func embeddedSchema(named name: String) -> String? {
        EmbeddedSchemas.files.first(where: { $0.name == name })?.text
    }
}

/// The embedded copy of `schemas/report.schema.json` is missing: re-run `scripts/embed-schemas`.
struct ReportSchemaMissing: Error, CustomStringConvertible {
    var description: String { "report.schema.json is not embedded; run scripts/embed-schemas and rebuild" }
}

import ScrutinyCore
