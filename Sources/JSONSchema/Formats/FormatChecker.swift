import Foundation

/// Checks for the `format` values JSON Schema 2020-12 defines; used when format assertion is on.
/// Unknown formats always pass, as the specification requires.
enum FormatChecker {
    /// Whether `value` conforms to `format`. Only strings are checked.
    static func check(_ format: String, _ value: JSONValue) -> Bool {
        guard case .string(let s) = value else { return true }
        switch format {
        case "date": return isDate(s)
        case "date-time": return isDateTime(s)
        case "time": return isTime(s)
        case "email", "idn-email": return isEmail(s)
        case "uri": return isURI(s, requireScheme: true)
        case "uri-reference": return isURI(s, requireScheme: false)
        case "iri": return isURI(s, requireScheme: true, allowUnicode: true)
        case "iri-reference": return isURI(s, requireScheme: false, allowUnicode: true)
        case "uuid": return isUUID(s)
        case "ipv4": return isIPv4(s)
        case "ipv6": return isIPv6(s)
        case "duration": return isDuration(s)
        case "hostname", "idn-hostname": return isHostname(s, unicode: format == "idn-hostname")
        case "json-pointer": return isJSONPointer(s)
        case "relative-json-pointer": return isRelativeJSONPointer(s)
        case "regex": return ECMARegex.isECMASyntax(s)
        case "uri-template": return isURITemplate(s)
        default: return true
        }
    }

    private static func digits(_ s: Substring, _ n: Int) -> Int? {
        guard s.count == n, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = digits(parts[0], 4), let m = digits(parts[1], 2), let d = digits(parts[2], 2),
            (1...12).contains(m), d >= 1
        else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }

    static func isTime(_ s: String) -> Bool {
        let u = Array(s.uppercased())
        guard u.count >= 9, u[2] == ":", u[5] == ":" else { return false }
        guard let h = digits(Substring(String(u[0..<2])), 2), let mi = digits(Substring(String(u[3..<5])), 2),
            let se = digits(Substring(String(u[6..<8])), 2), h <= 23, mi <= 59, se <= 60
        else { return false }
        var k = 8
        if u[k] == "." {
            k += 1
            let start = k
            while k < u.count, u[k].isASCII, u[k].isNumber { k += 1 }
            if k == start { return false }
        }
        guard k < u.count else { return false }
        var offsetMinutes = 0
        if u[k] == "Z" {
            guard k == u.count - 1 else { return false }
        } else {
            guard u[k] == "+" || u[k] == "-", u.count - k == 6, u[k + 3] == ":",
                let oh = digits(Substring(String(u[(k + 1)..<(k + 3)])), 2),
                let om = digits(Substring(String(u[(k + 4)..<(k + 6)])), 2), oh <= 23, om <= 59
            else { return false }
            offsetMinutes = (oh * 60 + om) * (u[k] == "+" ? 1 : -1)
        }
        if se == 60 {
            // A leap second is only valid at 23:59:60 UTC.
            let utc = ((h * 60 + mi - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func isDateTime(_ s: String) -> Bool {
        guard let t = s.firstIndex(where: { $0 == "T" || $0 == "t" }) else { return false }
        return isDate(String(s[..<t])) && isTime(String(s[s.index(after: t)...]))
    }

    static func isEmail(_ s: String) -> Bool {
        guard let at = s.lastIndex(of: "@") else { return false }
        let local = s[..<at], domain = s[s.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        if local.hasPrefix("\"") {
            guard local.hasSuffix("\""), local.count >= 2 else { return false }
        } else {
            if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") { return false }
            let allowed = Set("!#$%&'*+-/=?^_`{|}~.")
            guard local.allSatisfy({ $0.isLetter || $0.isNumber || allowed.contains($0) }) else { return false }
        }
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let inner = domain.dropFirst().dropLast()
            if inner.hasPrefix("IPv6:") { return isIPv6(String(inner.dropFirst(5))) }
            return isIPv4(String(inner))
        }
        return isHostname(String(domain), unicode: true)
    }

    static func isHostname(_ s: String, unicode: Bool) -> Bool {
        let host = s
        guard !host.isEmpty, host.utf8.count <= 253 else { return false }
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.utf8.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-") else { return false }
            if label.count >= 4, label.dropFirst(2).hasPrefix("--"), !label.lowercased().hasPrefix("xn--") { return false }
            let ok = label.unicodeScalars.allSatisfy {
                ($0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-"))
                    || (unicode && !$0.isASCII && $0.properties.isAlphabetic)
            }
            if !ok { return false }
        }
        return true
    }

    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(p), v <= 255 else {
                return false
            }
            if p.count > 1 && p.hasPrefix("0") { return false }
        }
        return true
    }

    static func isIPv6(_ s: String) -> Bool {
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII }) else { return false }
        var text = Substring(s)
        var groupsNeeded = 8
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard isIPv4(String(text[text.index(after: lastColon)...])) else { return false }
            text = text[...lastColon]
            if text.hasSuffix(":") && !text.hasSuffix("::") { text = text.dropLast() }
            groupsNeeded = 6
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ h: String) -> Int? {
            if h.isEmpty { return 0 }
            var n = 0
            for g in h.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(g.count), g.allSatisfy(\.isHexDigit) else { return nil }
                n += 1
            }
            return n
        }
        if halves.count == 2 {
            guard let a = groups(halves[0]), let b = groups(halves[1]) else { return false }
            return a + b < groupsNeeded
        }
        return groups(halves[0]) == groupsNeeded
    }

    static func isUUID(_ s: String) -> Bool {
        let u = Array(s)
        guard u.count == 36 else { return false }
        for (k, c) in u.enumerated() {
            if [8, 13, 18, 23].contains(k) { if c != "-" { return false } } else if !c.isHexDigit { return false }
        }
        return true
    }

    static func isDuration(_ s: String) -> Bool {
        var rest = Substring(s)
        guard rest.popFirst() == "P", !rest.isEmpty else { return false }
        var inTime = false, sawAny = false, sawWeek = false, order = 0
        let dateUnits: [Character] = ["Y", "M", "D"], timeUnits: [Character] = ["H", "M", "S"]
        var sawTimeComponent = false
        while !rest.isEmpty {
            if rest.first == "T" {
                if inTime { return false }
                inTime = true
                order = 0
                rest = rest.dropFirst()
                if rest.isEmpty { return false }
                continue
            }
            let num = rest.prefix { $0.isASCII && $0.isNumber }
            guard !num.isEmpty else { return false }
            rest = rest.dropFirst(num.count)
            guard let unit = rest.popFirst() else { return false }
            if unit == "W" {
                if sawAny || inTime { return false }
                sawWeek = true
            } else {
                if sawWeek { return false }
                let units = inTime ? timeUnits : dateUnits
                // RFC 3339 durations name consecutive units: P1Y2M, not P1Y2D.
                guard let idx = units.firstIndex(of: unit), order == 0 ? true : idx == order else { return false }
                order = idx + 1
                if inTime { sawTimeComponent = true }
            }
            sawAny = true
        }
        if inTime && !sawTimeComponent { return false }
        return sawAny
    }

    static func isJSONPointer(_ s: String) -> Bool {
        if s.isEmpty { return true }
        guard s.hasPrefix("/") else { return false }
        let u = Array(s)
        for (k, c) in u.enumerated() where c == "~" {
            guard k + 1 < u.count, u[k + 1] == "0" || u[k + 1] == "1" else { return false }
        }
        return true
    }

    static func isRelativeJSONPointer(_ s: String) -> Bool {
        let num = s.prefix { $0.isASCII && $0.isNumber }
        guard !num.isEmpty, !(num.count > 1 && num.hasPrefix("0")) else { return false }
        let rest = s.dropFirst(num.count)
        return rest == "#" || isJSONPointer(String(rest))
    }

    static func isURI(_ s: String, requireScheme: Bool, allowUnicode: Bool = false) -> Bool {
        let forbidden = Set(" <>\"{}|\\^`")
        for ch in s {
            if forbidden.contains(ch) { return false }
            if !ch.isASCII && !allowUnicode { return false }
        }
        // Percent escapes must be complete.
        let u = Array(s.utf8)
        var k = 0
        while k < u.count {
            if u[k] == UInt8(ascii: "%") {
                guard k + 2 < u.count, Character(Unicode.Scalar(u[k + 1])).isHexDigit,
                    Character(Unicode.Scalar(u[k + 2])).isHexDigit
                else { return false }
                k += 3
            } else { k += 1 }
        }
        let r = URIReference(s)
        if let f = r.fragment, f.contains("#") { return false }
        if requireScheme && r.scheme == nil { return false }
        if r.scheme == nil, let colon = r.path.firstIndex(of: ":"), !r.path[..<colon].contains("/") { return false }
        if let a = r.authority {
            var host = Substring(a)
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
            if host.hasPrefix("[") {
                guard let close = host.firstIndex(of: "]") else { return false }
                let rest = host[host.index(after: close)...]
                if !rest.isEmpty && !(rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber)) { return false }
            } else if let colon = host.lastIndex(of: ":") {
                if !host[host.index(after: colon)...].allSatisfy(\.isNumber) { return false }
            }
        }
        return true
    }

    static func isURITemplate(_ s: String) -> Bool {
        var open = false
        for c in s {
            if c == "{" { if open { return false }; open = true }
            else if c == "}" { if !open { return false }; open = false }
        }
        return !open
    }
}
