/// A subschema compiled once: its keywords in evaluation order, with references already resolved
/// to node indices so validating many instances never resolves anything again.
struct CompiledNode: Sendable {
    // Kept as a value; evaluation reads it through ``Evaluation/nodes`` without copying keywords.
    /// `true`/`false` schema.
    var boolean: Bool?
    var keywords: [Keyword] = []
    /// Index of the schema resource the node belongs to (for the dynamic scope).
    var resource: Int
    /// Absolute location, e.g. "https://x/s.json#/$defs/a".
    var absoluteLocation: String
    var unevaluatedProperties: Int?
    var unevaluatedItems: Int?
    /// Whether keywords of this node need annotations from their in-place subschemas.
    var tracksAnnotations: Bool { unevaluatedProperties != nil || unevaluatedItems != nil }
}

/// The JSON types named by `type`.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1), boolean = TypeSet(rawValue: 2), object = TypeSet(rawValue: 4)
    static let array = TypeSet(rawValue: 8), number = TypeSet(rawValue: 16), string = TypeSet(rawValue: 32)
    static let integer = TypeSet(rawValue: 64)
    static let names: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array), ("number", .number),
        ("string", .string), ("integer", .integer),
    ]

    func admits(_ v: JSONValue) -> Bool {
        switch v {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .object: contains(.object)
        case .array: contains(.array)
        case .string: contains(.string)
        case .number(let n): contains(.number) || (contains(.integer) && n.isInteger)
        }
    }

    var text: String {
        let n = Self.names.filter { contains($0.1) }.map(\.0)
        return n.count <= 1 ? (n.first ?? "nothing") : n.dropLast().joined(separator: ", ") + " or " + n.last!
    }
}

/// A finished node, shared by reference so evaluation never copies its keyword list.
final class FrozenNode: Sendable {
    let boolean: Bool?
    let keywords: [Keyword]
    let resource: Int
    let absoluteLocation: String
    let unevaluatedProperties: Int?
    let unevaluatedItems: Int?
    let tracksAnnotations: Bool
    /// Whether every keyword only asserts on the value itself (no subschemas, no annotations),
    /// so a value that passes them all can skip the bookkeeping of a full evaluation.
    let assertsOnly: Bool
    /// The target of a node that is nothing but a `$ref`.
    let onlyReference: Int?

    init(_ node: CompiledNode) {
        boolean = node.boolean
        keywords = node.keywords
        resource = node.resource
        absoluteLocation = node.absoluteLocation
        unevaluatedProperties = node.unevaluatedProperties
        unevaluatedItems = node.unevaluatedItems
        tracksAnnotations = node.tracksAnnotations
        assertsOnly = node.boolean == nil && !node.tracksAnnotations && node.keywords.allSatisfy(\.isAssertion)
        if node.boolean == nil, !node.tracksAnnotations, node.keywords.count == 1, case .ref(let target) = node.keywords[0] {
            onlyReference = target
        } else {
            onlyReference = nil
        }
    }
}

/// One compiled keyword. Subschemas are node indices into ``CompiledSchema/nodes``.
indirect enum Keyword: Sendable {
    case ref(Int)
    /// `initial` is the statically resolved target; `anchor` is set when that target carries a
    /// matching `$dynamicAnchor`, which makes the reference dynamic.
    case dynamicRef(initial: Int, anchor: String?)
    case type(TypeSet)
    case enumeration([JSONValue])
    case const(JSONValue)
    case multipleOf(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case maxLength(Int)
    case minLength(Int)
    case pattern(ECMARegex)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case dependentRequired([(String, [String])])
    case format(String, assert: Bool)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    case dependentSchemas([(String, Int)])
    case prefixItems([Int])
    case items(Int, from: Int)
    case contains(Int, min: Int, max: Int?)
    case properties([(name: String, schema: Int)])
    case patternProperties([(ECMARegex, Int)])
    case additionalProperties(Int, known: Set<String>, patterns: [ECMARegex])
    case propertyNames(Int)

    /// Whether the keyword checks the value alone, applying no subschema.
    var isAssertion: Bool {
        switch self {
        case .ref, .dynamicRef, .allOf, .anyOf, .oneOf, .not, .conditional, .dependentSchemas, .prefixItems, .items,
             .contains, .properties, .patternProperties, .additionalProperties, .propertyNames:
            false
        default:
            true
        }
    }

    var name: String {
        switch self {
        case .ref: "$ref"
        case .dynamicRef: "$dynamicRef"
        case .type: "type"
        case .enumeration: "enum"
        case .const: "const"
        case .multipleOf: "multipleOf"
        case .maximum: "maximum"
        case .exclusiveMaximum: "exclusiveMaximum"
        case .minimum: "minimum"
        case .exclusiveMinimum: "exclusiveMinimum"
        case .maxLength: "maxLength"
        case .minLength: "minLength"
        case .pattern: "pattern"
        case .maxItems: "maxItems"
        case .minItems: "minItems"
        case .uniqueItems: "uniqueItems"
        case .maxProperties: "maxProperties"
        case .minProperties: "minProperties"
        case .required: "required"
        case .dependentRequired: "dependentRequired"
        case .format: "format"
        case .allOf: "allOf"
        case .anyOf: "anyOf"
        case .oneOf: "oneOf"
        case .not: "not"
        case .conditional: "if"
        case .dependentSchemas: "dependentSchemas"
        case .prefixItems: "prefixItems"
        case .items: "items"
        case .contains: "contains"
        case .properties: "properties"
        case .patternProperties: "patternProperties"
        case .additionalProperties: "additionalProperties"
        case .propertyNames: "propertyNames"
        }
    }
}
