/// Turns schema documents into ``CompiledNode``s, resolving every reference once.
struct SchemaCompiler {
    var index: ResourceIndex
    var formatAssertion: Bool
    private(set) var nodes: [CompiledNode] = []
    private var nodeByLocation: [String: Int] = [:]
    private(set) var resources: [String] = []
    private var resourceByURI: [String: Int] = [:]
    /// Per resource: dynamic anchor name -> node.
    private(set) var dynamicAnchors: [[String: Int]] = []
    private var regexCache: [String: ECMARegex] = [:]

    init(index: ResourceIndex, formatAssertion: Bool) {
        self.index = index
        self.formatAssertion = formatAssertion
    }

    /// The node for the schema at `uri`, compiling it (and everything it references) on first use.
    mutating func node(at uri: String, from: String, exact: Bool = false) throws(SchemaError) -> Int {
        guard let location = index.locate(uri, exact: exact) else { throw .unresolvableReference(uri, at: from) }
        if let n = nodeByLocation[location.canonical] { return n }
        let resourceURI = URIText.split(location.canonical).base
        let resource = try self.resource(resourceURI)
        let n = nodes.count
        nodes.append(CompiledNode(resource: resource, absoluteLocation: location.canonical))
        nodeByLocation[location.canonical] = n
        nodes[n] = try compile(location, resource: resource)
        return n
    }

    private mutating func resource(_ uri: String) throws(SchemaError) -> Int {
        if let r = resourceByURI[uri] { return r }
        let r = resources.count
        resources.append(uri)
        resourceByURI[uri] = r
        dynamicAnchors.append([:])
        for (name, canonical) in index.dynamicAnchors[uri] ?? [:] {
            dynamicAnchors[r][name] = try node(at: canonical, from: uri, exact: true)
        }
        return r
    }

    private mutating func regex(_ pattern: String, at path: String, keyword: String) throws(SchemaError) -> ECMARegex {
        if let r = regexCache[pattern] { return r }
        do {
            let r = try ECMARegex(pattern)
            regexCache[pattern] = r
            return r
        } catch {
            throw .invalidKeyword(keyword, at: path, reason: "not a valid regular expression: \(pattern)")
        }
    }

    private mutating func compile(_ location: SchemaLocation, resource: Int) throws(SchemaError) -> CompiledNode {
        var compiled = CompiledNode(resource: resource, absoluteLocation: location.canonical)
        let here = location.canonical
        switch location.value {
        case .bool(let b):
            compiled.boolean = b
            return compiled
        case .object:
            break
        default:
            throw .invalidKeyword("schema", at: here, reason: "a schema must be an object or a boolean")
        }
        guard case .object(let o) = location.value else { return compiled }
        let vocab = location.vocabularies
        let base = location.base

        func sub(_ tokens: String...) throws(SchemaError) -> Int {
            var path = here
            for t in tokens { path += "/" + JSONPointer.escape(t) }
            return try node(at: path, from: here, exact: true)
        }
        func int(_ key: String) throws(SchemaError) -> Int {
            guard case .number(let n) = o[key]!, n.isInteger, n.double >= 0 else {
                throw .invalidKeyword(key, at: here, reason: "expected a non-negative integer")
            }
            return Int(min(n.double, Double(Int.max / 2)))
        }
        func number(_ key: String) throws(SchemaError) -> JSONNumber {
            guard case .number(let n) = o[key]! else { throw .invalidKeyword(key, at: here, reason: "expected a number") }
            return n
        }
        func schemaArray(_ key: String) throws(SchemaError) -> [Int] {
            guard case .array(let a) = o[key]!, !a.isEmpty else {
                throw .invalidKeyword(key, at: here, reason: "expected a non-empty array of schemas")
            }
            var out: [Int] = []
            for k in a.indices { out.append(try sub(key, String(k))) }
            return out
        }

        // Core: references.
        do {
            if case .string(let ref) = o["$ref"] {
                compiled.keywords.append(.ref(try self.node(at: URIText.resolve(ref, against: base), from: here)))
            }
            if case .string(let ref) = o["$dynamicRef"] {
                let target = URIText.resolve(ref, against: base)
                let initial = try self.node(at: target, from: here)
                let fragment = URIText.split(target).fragment
                var anchor: String?
                if !fragment.isEmpty, !fragment.hasPrefix("/"), let loc = index.locate(target),
                    loc.value["$dynamicAnchor"]?.stringValue == fragment
                {
                    anchor = fragment
                }
                compiled.keywords.append(.dynamicRef(initial: initial, anchor: anchor))
            }
        }

        if vocab.contains(.validation) {
            if let t = o["type"] {
                var set: TypeSet = []
                let names: [JSONValue] = t.arrayValue ?? [t]
                for name in names {
                    guard let s = name.stringValue, let ty = TypeSet.names.first(where: { $0.0 == s }) else {
                        throw .invalidKeyword("type", at: here, reason: "unknown type \(name.jsonText)")
                    }
                    set.insert(ty.1)
                }
                compiled.keywords.append(.type(set))
            }
            if case .array(let e) = o["enum"] { compiled.keywords.append(.enumeration(e)) }
            if let c = o["const"] { compiled.keywords.append(.const(c)) }
            if o["multipleOf"] != nil { compiled.keywords.append(.multipleOf(try number("multipleOf"))) }
            if o["maximum"] != nil { compiled.keywords.append(.maximum(try number("maximum"))) }
            if o["exclusiveMaximum"] != nil { compiled.keywords.append(.exclusiveMaximum(try number("exclusiveMaximum"))) }
            if o["minimum"] != nil { compiled.keywords.append(.minimum(try number("minimum"))) }
            if o["exclusiveMinimum"] != nil { compiled.keywords.append(.exclusiveMinimum(try number("exclusiveMinimum"))) }
            if o["maxLength"] != nil { compiled.keywords.append(.maxLength(try int("maxLength"))) }
            if o["minLength"] != nil { compiled.keywords.append(.minLength(try int("minLength"))) }
            if case .string(let p) = o["pattern"] { compiled.keywords.append(.pattern(try regex(p, at: here, keyword: "pattern"))) }
            if o["maxItems"] != nil { compiled.keywords.append(.maxItems(try int("maxItems"))) }
            if o["minItems"] != nil { compiled.keywords.append(.minItems(try int("minItems"))) }
            if case .bool(true) = o["uniqueItems"] { compiled.keywords.append(.uniqueItems) }
            if o["maxProperties"] != nil { compiled.keywords.append(.maxProperties(try int("maxProperties"))) }
            if o["minProperties"] != nil { compiled.keywords.append(.minProperties(try int("minProperties"))) }
            if case .array(let r) = o["required"] { compiled.keywords.append(.required(r.compactMap(\.stringValue))) }
            if case .object(let d) = o["dependentRequired"] {
                compiled.keywords.append(.dependentRequired(d.map { ($0.key, $0.value.arrayValue?.compactMap(\.stringValue) ?? []) }))
            }
        }
        if case .string(let f) = o["format"], vocab.contains(.formatAnnotation) || vocab.contains(.formatAssertion) {
            compiled.keywords.append(.format(f, assert: formatAssertion || vocab.contains(.formatAssertion)))
        }

        if vocab.contains(.applicator) {
            if o["allOf"] != nil { compiled.keywords.append(.allOf(try schemaArray("allOf"))) }
            if o["anyOf"] != nil { compiled.keywords.append(.anyOf(try schemaArray("anyOf"))) }
            if o["oneOf"] != nil { compiled.keywords.append(.oneOf(try schemaArray("oneOf"))) }
            if o["not"] != nil { compiled.keywords.append(.not(try sub("not"))) }
            if o["if"] != nil {
                compiled.keywords.append(.conditional(
                    if: try sub("if"), then: o["then"] == nil ? nil : try sub("then"),
                    else: o["else"] == nil ? nil : try sub("else")))
            }
            if case .object(let d) = o["dependentSchemas"] {
                var list: [(String, Int)] = []
                for (name, _) in d { list.append((name, try sub("dependentSchemas", name))) }
                compiled.keywords.append(.dependentSchemas(list))
            }
            var prefixCount = 0
            if o["prefixItems"] != nil {
                let p = try schemaArray("prefixItems")
                prefixCount = p.count
                compiled.keywords.append(.prefixItems(p))
            }
            if o["items"] != nil { compiled.keywords.append(.items(try sub("items"), from: prefixCount)) }
            if o["contains"] != nil {
                let minC = vocab.contains(.validation) && o["minContains"] != nil ? try int("minContains") : 1
                let maxC = vocab.contains(.validation) && o["maxContains"] != nil ? try int("maxContains") : nil
                compiled.keywords.append(.contains(try sub("contains"), min: minC, max: maxC))
            }
            var known = Set<String>()
            if case .object(let p) = o["properties"] {
                var list: [(name: String, schema: Int)] = []
                for (name, _) in p {
                    list.append((name, try sub("properties", name)))
                    known.insert(name)
                }
                compiled.keywords.append(.properties(list))
            }
            var patterns: [ECMARegex] = []
            if case .object(let p) = o["patternProperties"] {
                var list: [(ECMARegex, Int)] = []
                for (pattern, _) in p {
                    let r = try regex(pattern, at: here, keyword: "patternProperties")
                    patterns.append(r)
                    list.append((r, try sub("patternProperties", pattern)))
                }
                compiled.keywords.append(.patternProperties(list))
            }
            if o["additionalProperties"] != nil {
                compiled.keywords.append(.additionalProperties(try sub("additionalProperties"), known: known, patterns: patterns))
            }
            if o["propertyNames"] != nil { compiled.keywords.append(.propertyNames(try sub("propertyNames"))) }
        }
        if vocab.contains(.unevaluated) {
            if o["unevaluatedProperties"] != nil { compiled.unevaluatedProperties = try sub("unevaluatedProperties") }
            if o["unevaluatedItems"] != nil { compiled.unevaluatedItems = try sub("unevaluatedItems") }
        }
        return compiled
    }
}
