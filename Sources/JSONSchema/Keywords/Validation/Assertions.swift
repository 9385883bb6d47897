/// The validation vocabulary (type, enum, const, numeric, string, array and object limits) and
/// format, when asserted.
extension Evaluation {
    mutating func assert(_ keyword: Keyword, of node: FrozenNode, on value: JSONValue, report: Bool) -> Bool {
        var problem: String?
        var missing: [String] = []
        switch (keyword, value) {
        case (.type(let set), _):
            if !set.admits(value) { problem = "expected \(set.text), got \(value.typeName)" }
        case (.enumeration(let allowed), _):
            if !allowed.contains(value) {
                let list = allowed.prefix(12).map(\.brief).joined(separator: ", ")
                problem = "\(value.brief) is not one of the allowed values: \(list)\(allowed.count > 12 ? ", ..." : "")"
            }
        case (.const(let c), _):
            if c != value { problem = "expected \(c.brief), got \(value.brief)" }
        case (.multipleOf(let m), .number(let n)):
            if !n.isMultiple(of: m) { problem = "\(n) is not a multiple of \(m)" }
        case (.maximum(let m), .number(let n)):
            if JSONNumber.compare(n, m) == .orderedDescending { problem = "\(n) is greater than the maximum \(m)" }
        case (.exclusiveMaximum(let m), .number(let n)):
            if JSONNumber.compare(n, m) != .orderedAscending { problem = "\(n) is not less than \(m)" }
        case (.minimum(let m), .number(let n)):
            if JSONNumber.compare(n, m) == .orderedAscending { problem = "\(n) is less than the minimum \(m)" }
        case (.exclusiveMinimum(let m), .number(let n)):
            if JSONNumber.compare(n, m) != .orderedDescending { problem = "\(n) is not greater than \(m)" }
        case (.maxLength(let m), .string(let s)):
            if !StringLength.hasAtMost(m, s) {
                problem = "string has \(s.unicodeScalars.count) characters; at most \(m) are allowed"
            }
        case (.minLength(let m), .string(let s)):
            if !StringLength.hasAtLeast(m, s) {
                problem = "string has \(s.unicodeScalars.count) characters; at least \(m) are required"
            }
        case (.pattern(let regex), .string(let s)):
            if !regex.matches(s) { problem = "\(value.brief) does not match the pattern \(regex.source)" }
        case (.maxItems(let m), .array(let a)):
            if a.count > m { problem = "array has \(a.count) items; at most \(m) are allowed" }
        case (.minItems(let m), .array(let a)):
            if a.count < m { problem = "array has \(a.count) items; at least \(m) are required" }
        case (.uniqueItems, .array(let a)):
            if let (i, j) = firstDuplicate(a) { problem = "items \(i) and \(j) are equal; items must be unique" }
        case (.maxProperties(let m), .object(let o)):
            if o.count > m { problem = "object has \(o.count) properties; at most \(m) are allowed" }
        case (.minProperties(let m), .object(let o)):
            if o.count < m { problem = "object has \(o.count) properties; at least \(m) are required" }
        case (.required(let names), .object(let o)):
            missing = names.filter { !o.hasMember($0) }
        case (.dependentRequired(let list), .object(let o)):
            for (name, needs) in list where o[name] != nil {
                for need in needs where o[need] == nil {
                    if report {
                        fail("property \"\(need)\" is required when \"\(name)\" is present",
                             absolute: node.absoluteLocation + "/dependentRequired")
                    }
                    problem = ""
                }
            }
            if problem != nil { return false }
        case (.format(let format, let asserted), _):
            if asserted && !FormatChecker.check(format, value) { problem = "\(value.brief) is not a valid \(format)" }
        default:
            break
        }
        if !missing.isEmpty {
            if report {
                for name in missing {
                    fail("missing required property \"\(name)\"", absolute: node.absoluteLocation + "/required")
                }
            }
            return false
        }
        guard let problem else { return true }
        if report { fail(problem, absolute: node.absoluteLocation + "/" + keyword.name) }
        return false
    }

    private func firstDuplicate(_ a: [JSONValue]) -> (Int, Int)? {
        guard a.count > 1 else { return nil }
        if a.count > 16 {
            var seen: [JSONValue: Int] = [:]
            for (k, v) in a.enumerated() {
                if let j = seen[v] { return (j, k) }
                seen[v] = k
            }
            return nil
        }
        for i in 0..<a.count {
            for j in (i + 1)..<a.count where a[i] == a[j] { return (i, j) }
        }
        return nil
    }
}
