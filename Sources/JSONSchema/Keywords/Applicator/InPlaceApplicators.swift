/// allOf, anyOf, oneOf, not, if/then/else, dependentSchemas: subschemas applied to the same
/// instance location, whose annotations count for `unevaluated*` when they succeed.
extension Evaluation {
    mutating func applyInPlace(_ keyword: Keyword, of node: FrozenNode, to value: JSONValue, track: Bool, report: Bool,
                      local: inout Annotations) -> Bool {
        var absolute: String { node.absoluteLocation + "/" + keyword.name }
        switch keyword {
        case .allOf(let subs):
            var valid = true
            for (k, s) in subs.enumerated() {
                enterKeyword(String(k))
                let ok = evaluate(s, value, collect: track, report: report, into: &local)
                leaveKeyword()
                if !ok {
                    valid = false
                    if !report { return false }
                }
            }
            return valid

        case .anyOf(let subs):
            var matched = false
            let mark = errorMark
            for (k, s) in subs.enumerated() {
                enterKeyword(String(k))
                // A failed alternative's own errors are never shown, so they are not built.
                let ok = evaluate(s, value, collect: track, report: false, into: &local)
                leaveKeyword()
                if ok {
                    matched = true
                    if !track { break }
                }
            }
            if matched {
                rollback(to: mark)
                return true
            }
            if report {
                rollback(to: mark)
                fail("value matches none of the \(subs.count) alternatives", absolute: absolute)
            }
            return false

        case .oneOf(let subs):
            var passing: [Int] = []
            var found = Annotations()
            let mark = errorMark
            for (k, s) in subs.enumerated() {
                enterKeyword(String(k))
                var candidate = Annotations()
                let ok = evaluate(s, value, collect: track, report: false, into: &candidate)
                leaveKeyword()
                if ok {
                    passing.append(k)
                    found = candidate
                    if passing.count > 1 && !report { return false }
                }
            }
            rollback(to: mark)
            if passing.count == 1 {
                local.merge(found)
                return true
            }
            if report {
                if passing.isEmpty {
                    fail("value matches none of the \(subs.count) alternatives (exactly one must match)", absolute: absolute)
                } else {
                    fail("value matches alternatives \(passing.map(String.init).joined(separator: ", ")); exactly one must match",
                         absolute: absolute)
                }
            }
            return false

        case .not(let s):
            var ignored = Annotations()
            let mark = errorMark
            let ok = evaluate(s, value, collect: false, report: false, into: &ignored)
            rollback(to: mark)
            if ok {
                if report { fail("value must not match the schema under \"not\"", absolute: absolute) }
                return false
            }
            return true

        case .conditional(let ifSchema, let thenSchema, let elseSchema):
            var ifAnnotations = Annotations()
            let condition = evaluate(ifSchema, value, collect: track, report: false, into: &ifAnnotations)
            if condition { local.merge(ifAnnotations) }
            guard let branch = condition ? thenSchema : elseSchema else { return true }
            renameKeyword(condition ? "then" : "else")
            defer { renameKeyword("if") }
            return evaluate(branch, value, collect: track, report: report, into: &local)

        case .dependentSchemas(let list):
            guard case .object(let o) = value else { return true }
            var valid = true
            for (name, s) in list where o[name] != nil {
                enterKeyword(name)
                let ok = evaluate(s, value, collect: track, report: report, into: &local)
                leaveKeyword()
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
}
