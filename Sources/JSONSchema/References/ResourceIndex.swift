/// The vocabularies in force for a schema resource (from its meta-schema's `$vocabulary`).
struct Vocabularies: OptionSet, Sendable, Hashable {
    let rawValue: Int
    static let core = Vocabularies(rawValue: 1)
    static let applicator = Vocabularies(rawValue: 2)
    static let unevaluated = Vocabularies(rawValue: 4)
    static let validation = Vocabularies(rawValue: 8)
    static let metaData = Vocabularies(rawValue: 16)
    static let formatAnnotation = Vocabularies(rawValue: 32)
    static let formatAssertion = Vocabularies(rawValue: 64)
    static let content = Vocabularies(rawValue: 128)
    static let all: Vocabularies = [.core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content]

    static let byURI: [String: Vocabularies] = [
        "https://json-schema.org/draft/2020-12/vocab/core": .core,
        "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
        "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": .metaData,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": .formatAnnotation,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
        "https://json-schema.org/draft/2020-12/vocab/content": .content,
    ]
}

/// One schema location found while indexing: the value, its base URI and its canonical address.
struct SchemaLocation {
    var value: JSONValue
    /// Base URI for resolving references inside the value.
    var base: String
    /// "resourceURI#pointer" relative to the nearest enclosing resource.
    var canonical: String
    var vocabularies: Vocabularies
}

/// Everything addressable in the registered documents: resources, pointer locations, anchors.
struct ResourceIndex {
    var registry: SchemaRegistry
    private(set) var locations: [String: SchemaLocation] = [:]
    private(set) var anchors: [String: String] = [:]
    /// resource URI -> dynamic anchor name -> canonical location.
    private(set) var dynamicAnchors: [String: [String: String]] = [:]
    private var indexedDocuments: Set<String> = []

    init(registry: SchemaRegistry) { self.registry = registry }

    /// Indexes `document` as the resource `uri`.
    mutating func add(_ document: JSONValue, uri: String) {
        let base = URIText.split(uri).base
        guard indexedDocuments.insert(base).inserted else { return }
        walk(document, base: base, scopes: [(base, "")], vocabularies: vocabularies(for: document, inherited: .all),
             identifiers: true)
    }

    /// Finds the location `uri` names, indexing registered documents on demand.
    /// `uri`'s fragment is percent-decoded unless `exact` (used for canonical keys built internally).
    mutating func locate(_ uri: String, exact: Bool = false) -> SchemaLocation? {
        var (base, fragment) = URIText.split(uri)
        if exact, let h = uri.firstIndex(of: "#") { fragment = String(uri[uri.index(after: h)...]) }
        if !indexedDocuments.contains(base), locations[base + "#"] == nil, let doc = registry.documents[base] {
            add(doc, uri: base)
        }
        if fragment.isEmpty || fragment.hasPrefix("/") {
            if let l = locations[base + "#" + fragment] { return l }
            // A pointer into a place the walk did not treat as a schema.
            guard let root = locations[base + "#"], let v = JSONPointer.resolve(fragment, in: root.value) else { return nil }
            return SchemaLocation(value: v, base: root.base, canonical: base + "#" + fragment, vocabularies: root.vocabularies)
        }
        guard let canonical = anchors[base + "#" + fragment] else { return nil }
        return locations[canonical]
    }

    private mutating func vocabularies(for schema: JSONValue, inherited: Vocabularies) -> Vocabularies {
        guard let meta = schema["$schema"]?.stringValue else { return inherited }
        let metaURI = URIText.split(meta).base
        let metaDoc: JSONValue? = registry.documents[metaURI] ?? locations[metaURI + "#"]?.value
        guard let vocab = metaDoc?["$vocabulary"]?.objectValue else { return .all }
        var set: Vocabularies = []
        for (uri, _) in vocab { if let v = Vocabularies.byURI[uri] { set.insert(v) } }
        return set
    }

    private mutating func walk(_ value: JSONValue, base: String, scopes: [(uri: String, pointer: String)],
                               vocabularies: Vocabularies, identifiers: Bool) {
        var base = base
        var scopes = scopes
        var vocabularies = vocabularies
        if identifiers, case .object(let o) = value {
            if let id = o["$id"]?.stringValue, !id.hasPrefix("#") {
                let resolved = URIText.split(URIText.resolve(id, against: base)).base
                base = resolved
                if !(scopes.last!.uri == resolved && scopes.last!.pointer.isEmpty) { scopes.append((resolved, "")) }
            }
            if o["$schema"] != nil { vocabularies = self.vocabularies(for: value, inherited: vocabularies) }
        }
        let canonical = scopes.last!.uri + "#" + scopes.last!.pointer
        let location = SchemaLocation(value: value, base: base, canonical: canonical, vocabularies: vocabularies)
        for s in scopes where locations[s.uri + "#" + s.pointer] == nil || s.pointer.isEmpty {
            locations[s.uri + "#" + s.pointer] = location
        }
        guard case .object(let o) = value else { return }
        if identifiers {
            if let a = o["$anchor"]?.stringValue { anchors[base + "#" + a] = canonical }
            if let a = o["$dynamicAnchor"]?.stringValue {
                anchors[base + "#" + a] = canonical
                dynamicAnchors[base, default: [:]][a] = canonical
            }
        }
        func child(_ v: JSONValue, _ tokens: String..., schema: Bool = true) {
            var suffix = ""
            for t in tokens { suffix += "/" + JSONPointer.escape(t) }
            walk(v, base: base, scopes: scopes.map { ($0.uri, $0.pointer + suffix) }, vocabularies: vocabularies,
                 identifiers: identifiers && schema)
        }
        for (key, v) in o {
            switch key {
            case "properties", "patternProperties", "$defs", "definitions", "dependentSchemas":
                if case .object(let m) = v { for (name, s) in m { child(s, key, name) } }
            case "allOf", "anyOf", "oneOf", "prefixItems":
                if case .array(let a) = v { for (k, s) in a.enumerated() { child(s, key, String(k)) } }
            case "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
                "unevaluatedItems", "unevaluatedProperties", "contentSchema":
                child(v, key)
            case "enum", "const", "default", "examples", "required", "$vocabulary", "dependentRequired", "type",
                "$id", "$schema", "$anchor", "$dynamicAnchor", "$ref", "$dynamicRef", "$comment":
                continue
            default:
                // Unknown keywords: addressable by pointer, but `$id`s inside them are not identifiers.
                switch v {
                case .object(let m):
                    child(v, key, schema: false)
                    _ = m
                case .array(let a): for (k, s) in a.enumerated() { child(s, key, String(k), schema: false) }
                default: continue
                }
            }
        }
    }
}
