/// One validation run: walks the compiled nodes over an instance, keeping the instance and
/// keyword paths, the dynamic scope, and the errors found. Made per `validate` call.
struct Evaluation {
    let nodes: [FrozenNode]
    let dynamicAnchors: [[String: Int]]
    let maxDepth: Int
    private(set) var errors: [ValidationIssue] = []
    /// Whether the run keeps the instance and keyword paths: only a run that reports errors
    /// ever reads them, so a run that only answers valid or not skips that bookkeeping.
    let tracksPaths: Bool
    /// JSON Pointer tokens of the instance location, unescaped (escaped only when an error is recorded).
    private var instancePath: [String] = []
    /// JSON Pointer tokens of the keyword location, unescaped.
    private var keywordPath: [String] = []
    /// Resources entered, outermost first.
    var dynamicScope: [Int] = []
    private var depth = 0

    init(schema: SchemaValidator, reportErrors: Bool) {
        nodes = schema.nodes
        dynamicAnchors = schema.dynamicAnchors
        maxDepth = schema.options.maxDepth
        errors.reserveCapacity(reportErrors ? 4 : 0)
        tracksPaths = reportErrors
    }

    /// Steps into a keyword (or a keyword's member) of the keyword location.
    mutating func enterKeyword(_ token: @autoclosure () -> String) {
        if tracksPaths { keywordPath.append(token()) }
    }

    /// Steps back out of the keyword entered last.
    mutating func leaveKeyword() {
        if tracksPaths { keywordPath.removeLast() }
    }

    /// Replaces the keyword entered last (`if` becomes `then` or `else`).
    mutating func renameKeyword(_ token: String) {
        if tracksPaths { keywordPath[keywordPath.count - 1] = token }
    }

    /// Steps into a member or item of the instance location.
    mutating func enterInstance(_ token: @autoclosure () -> String) {
        if tracksPaths { instancePath.append(token()) }
    }

    /// Steps back out of the member or item entered last.
    mutating func leaveInstance() {
        if tracksPaths { instancePath.removeLast() }
    }

    /// Evaluates node `n` against `value`. When `collect`, merges its annotations into `out` on success;
    /// when `report`, records errors, otherwise stops at the first failure.
    mutating func evaluate(_ n: Int, _ value: JSONValue, collect: Bool, report: Bool, into out: inout Annotations) -> Bool {
        if passesWithoutBookkeeping(n, value) { return true }
        let node = nodes[n]
        if let b = node.boolean {
            if !b && report { fail("no value is allowed here", absolute: node.absoluteLocation) }
            return b
        }
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth {
            if report { fail("schema references nest deeper than \(maxDepth) levels (a reference loop?)", absolute: node.absoluteLocation) }
            return false
        }
        let entered = dynamicScope.last != node.resource
        if entered { dynamicScope.append(node.resource) }
        defer { if entered { dynamicScope.removeLast() } }

        let track = collect || node.tracksAnnotations
        var local = Annotations()
        var valid = true
        for keyword in node.keywords {
            enterKeyword(keyword.name)
            let ok = apply(keyword, of: node, to: value, track: track, report: report, local: &local)
            leaveKeyword()
            if !ok {
                valid = false
                if !report { return false }
            }
        }
        if let u = node.unevaluatedItems, case .array(let items) = value {
            if !unevaluatedItems(u, node: node, items, report: report, local: &local) {
                valid = false
                if !report { return false }
            }
        }
        if let u = node.unevaluatedProperties, case .object(let object) = value {
            if !unevaluatedProperties(u, node: node, object, report: report, local: &local) {
                valid = false
            }
        }
        if valid && collect { out.merge(local) }
        return valid
    }

    /// Whether `value` certainly passes node `n` (entered at the current depth) by its plain
    /// assertions alone, directly or through a node that is only a `$ref`. `false` means "evaluate
    /// in full", which then finds the errors, if any.
    private mutating func passesWithoutBookkeeping(_ n: Int, _ value: JSONValue) -> Bool {
        let node = nodes[n]
        if node.assertsOnly { return depth < maxDepth && passesQuietly(node, value) }
        if let target = node.onlyReference, nodes[target].assertsOnly {
            return depth + 1 < maxDepth && passesQuietly(nodes[target], value)
        }
        return false
    }

    /// Whether `value` passes every keyword of `node`, an ``FrozenNode/assertsOnly`` node, checked
    /// without recording anything; a value that fails is then evaluated in full for its errors.
    private mutating func passesQuietly(_ node: FrozenNode, _ value: JSONValue) -> Bool {
        for keyword in node.keywords {
            if case .type(let set) = keyword {
                if !set.admits(value) { return false }
            } else if !assert(keyword, of: node, on: value, report: false) {
                return false
            }
        }
        return true
    }

    private mutating func apply(_ keyword: Keyword, of node: FrozenNode, to value: JSONValue, track: Bool, report: Bool,
                       local: inout Annotations) -> Bool {
        switch keyword {
        case .type(let set) where set.admits(value):
            return true  // the common passing case, without building a message
        case .required(let names) where value.objectValue.map({ object in names.allSatisfy { object.hasMember($0) } }) ?? true:
            return true
        case .ref(let target):
            return evaluate(target, value, collect: track, report: report, into: &local)
        case .dynamicRef(let initial, let anchor):
            return evaluate(resolveDynamic(initial, anchor), value, collect: track, report: report, into: &local)
        case .allOf, .anyOf, .oneOf, .not, .conditional, .dependentSchemas:
            return applyInPlace(keyword, of: node, to: value, track: track, report: report, local: &local)
        case .prefixItems, .items, .contains, .properties, .patternProperties, .additionalProperties, .propertyNames:
            return applyToChildren(keyword, of: node, to: value, track: track, report: report, local: &local)
        default:
            return assert(keyword, of: node, on: value, report: report)
        }
    }

    /// `$dynamicRef`: the outermost resource in the dynamic scope that defines the anchor wins.
    private mutating func resolveDynamic(_ initial: Int, _ anchor: String?) -> Int {
        guard let anchor else { return initial }
        for r in dynamicScope {
            if let target = dynamicAnchors[r][anchor] { return target }
        }
        return initial
    }

    /// Evaluates a subschema at a child instance location (`token`) under keyword tokens.
    mutating func evaluateChild(_ n: Int, _ value: JSONValue, instanceToken: @autoclosure () -> String,
                                keywordToken: @autoclosure () -> String? = nil,
                                report: Bool, falseMessage: @autoclosure () -> String) -> Bool {
        if passesWithoutBookkeeping(n, value) { return true }
        enterInstance(instanceToken())
        let keyword = tracksPaths ? keywordToken() : nil
        if let keyword { keywordPath.append(keyword) }
        defer {
            leaveInstance()
            if keyword != nil { keywordPath.removeLast() }
        }
        let child = nodes[n]
        if child.boolean == false {
            if report { fail(falseMessage(), absolute: child.absoluteLocation) }
            return false
        }
        var ignored = Annotations()
        return evaluate(n, value, collect: false, report: report, into: &ignored)
    }

    /// Records an error at the current instance and keyword locations.
    mutating func fail(_ message: String, absolute: String) {
        var instance = ""
        for t in instancePath { instance += "/" + JSONPointer.escape(t) }
        var kw = ""
        for t in keywordPath { kw += "/" + JSONPointer.escape(t) }
        errors.append(ValidationIssue(instanceLocation: instance, keywordLocation: kw,
                                      absoluteKeywordLocation: absolute, message: message))
    }

    /// Drops errors recorded after `mark` (used when a failed alternative is not the verdict).
    mutating func rollback(to mark: Int) {
        if errors.count > mark { errors.removeSubrange(mark...) }
    }
    var errorMark: Int { errors.count }
}

extension JSONValue {
    /// A short rendering for messages.
    var brief: String {
        let t = jsonText
        return t.count > 40 ? String(t.prefix(37)) + "..." : t
    }
}
