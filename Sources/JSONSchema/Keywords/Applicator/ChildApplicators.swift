/// prefixItems, items, contains, properties, patternProperties, additionalProperties,
/// propertyNames: subschemas applied to the instance's elements or members.
extension Evaluation {
    mutating func applyToChildren(_ keyword: Keyword, of node: FrozenNode, to value: JSONValue, track: Bool, report: Bool,
                         local: inout Annotations) -> Bool {
        // The two most common applicators first, matched without copying the keyword and the
        // value into a tuple.
        if case .properties(let list) = keyword {
            guard case .object(let members) = value else { return true }
            return properties(list, of: members, track: track, report: report, local: &local)
        }
        if case .items(let s, let from) = keyword {
            guard case .array(let elements) = value else { return true }
            return items(s, from: from, of: elements, track: track, report: report, local: &local)
        }
        switch (keyword, value) {
        case (.prefixItems(let subs), .array(let items)):
            var valid = true
            let n = min(subs.count, items.count)
            for k in 0..<n {
                let ok = evaluateChild(subs[k], items[k], instanceToken: String(k), keywordToken: String(k),
                                       report: report, falseMessage: "no item is allowed at index \(k)")
                if !ok {
                    valid = false
                    if !report { return false }
                }
            }
            if track { local.itemPrefix = max(local.itemPrefix, n) }
            return valid

        case (.contains(let s, let minimum, let maximum), .array(let items)):
            var matches = 0
            let mark = errorMark
            for (k, item) in items.enumerated() {
                var ignored = Annotations()
                enterInstance(String(k))
                let ok = evaluate(s, item, collect: false, report: false, into: &ignored)
                leaveInstance()
                if ok {
                    matches += 1
                    if track { local.items.insert(k) }
                }
            }
            rollback(to: mark)
            let absolute = node.absoluteLocation + "/contains"
            if matches < minimum {
                if report {
                    fail(minimum == 1 ? "no item matches the \"contains\" schema"
                         : "\(matches) items match the \"contains\" schema; at least \(minimum) must", absolute: absolute)
                }
                return false
            }
            if let maximum, matches > maximum {
                if report { fail("\(matches) items match the \"contains\" schema; at most \(maximum) may", absolute: absolute) }
                return false
            }
            return true

        case (.patternProperties(let list), .object(let object)):
            var valid = true
            for (name, member) in object {
                for (regex, s) in list where regex.matches(name) {
                    let ok = evaluateChild(s, member, instanceToken: name,
                                           keywordToken: regex.source, report: report,
                                           falseMessage: "property \"\(name)\" is not allowed")
                    if track { local.properties.insert(name) }
                    if !ok {
                        valid = false
                        if !report { return false }
                    }
                }
            }
            return valid

        case (.additionalProperties(let s, let known, let patterns), .object(let object)):
            var valid = true
            for (name, member) in object where !known.contains(name) {
                if !patterns.isEmpty, patterns.contains(where: { $0.matches(name) }) { continue }
                let ok = evaluateChild(s, member, instanceToken: name, report: report,
                                       falseMessage: "unexpected property \"\(name)\"")
                if track { local.properties.insert(name) }
                if !ok {
                    valid = false
                    if !report { return false }
                }
            }
            return valid

        case (.propertyNames(let s), .object(let object)):
            var valid = true
            for (name, _) in object {
                let ok = evaluateChild(s, .string(name), instanceToken: name, report: report,
                                       falseMessage: "property name \"\(name)\" is not allowed")
                if !ok {
                    valid = false
                    if !report { return false }
                }
            }
            return valid

        default:
            return true
        }
    }

    private mutating func items(_ s: Int, from: Int, of items: [JSONValue], track: Bool, report: Bool,
                                local: inout Annotations) -> Bool {
        var valid = true
        if from < items.count {
            for k in from..<items.count {
                let ok = evaluateChild(s, items[k], instanceToken: String(k), report: report,
                                       falseMessage: "array has \(items.count) items; at most \(from) are allowed")
                if !ok {
                    valid = false
                    if !report { return false }
                }
            }
        }
        if track { local.allItems = true }
        return valid
    }

    private mutating func properties(_ list: [(name: String, schema: Int)], of object: JSONObject, track: Bool, report: Bool,
                                     local: inout Annotations) -> Bool {
        var valid = true
        for (name, s) in list {
            guard let member = object[name] else { continue }
            let ok = evaluateChild(s, member, instanceToken: name, keywordToken: name, report: report,
                                   falseMessage: "property \"\(name)\" is not allowed")
            if track { local.properties.insert(name) }
            if !ok {
                valid = false
                if !report { return false }
            }
        }
        return valid
    }
}
