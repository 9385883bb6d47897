/// unevaluatedItems and unevaluatedProperties: apply to whatever no other keyword of this schema
/// (or its successful in-place subschemas) evaluated. Run after every other keyword of the node.
extension Evaluation {
    mutating func unevaluatedItems(_ s: Int, node: FrozenNode, _ items: [JSONValue], report: Bool,
                          local: inout Annotations) -> Bool {
        var valid = true
        enterKeyword("unevaluatedItems")
        defer { leaveKeyword() }
        for (k, item) in items.enumerated() where !local.evaluated(item: k) {
            let ok = evaluateChild(s, item, instanceToken: String(k), report: report,
                                   falseMessage: "item \(k) is not allowed (no schema keyword accounts for it)")
            if !ok {
                valid = false
                if !report { return false }
            }
        }
        local.allItems = true
        return valid
    }

    mutating func unevaluatedProperties(_ s: Int, node: FrozenNode, _ object: JSONObject, report: Bool,
                               local: inout Annotations) -> Bool {
        var valid = true
        enterKeyword("unevaluatedProperties")
        defer { leaveKeyword() }
        for (name, member) in object where !local.evaluated(property: name) {
            let ok = evaluateChild(s, member, instanceToken: name, report: report,
                                   falseMessage: "unexpected property \"\(name)\"")
            if !ok {
                valid = false
                if !report { return false }
            }
        }
        local.allProperties = true
        return valid
    }
}
