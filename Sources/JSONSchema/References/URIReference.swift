/// A URI reference split into its RFC 3986 components, with reference resolution (section 5.2).
///
/// Works on text only, so `urn:` and other non-hierarchical schemes resolve as the RFC says.
struct URIReference: Sendable, Equatable {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    init(_ text: String) {
        var rest = Substring(text)
        if let h = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: h)...])
            rest = rest[..<h]
        }
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        if let c = rest.firstIndex(of: ":"), !rest[..<c].isEmpty, !rest[..<c].contains("/"),
            rest.first!.isLetter, rest[..<c].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) })
        {
            scheme = String(rest[..<c])
            rest = rest[rest.index(after: c)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    var text: String {
        var s = ""
        if let scheme { s += scheme + ":" }
        if let authority { s += "//" + authority }
        s += path
        if let query { s += "?" + query }
        if let fragment { s += "#" + fragment }
        return s
    }

    /// Resolves `reference` against this base (RFC 3986 section 5.2.2).
    func resolving(_ reference: URIReference) -> URIReference {
        let r = reference
        if r.scheme != nil {
            return URIReference(scheme: r.scheme, authority: r.authority, path: Self.removeDotSegments(r.path),
                                query: r.query, fragment: r.fragment)
        }
        if r.authority != nil {
            return URIReference(scheme: scheme, authority: r.authority, path: Self.removeDotSegments(r.path),
                                query: r.query, fragment: r.fragment)
        }
        if r.path.isEmpty {
            return URIReference(scheme: scheme, authority: authority, path: path, query: r.query ?? query,
                                fragment: r.fragment)
        }
        let merged: String
        if r.path.hasPrefix("/") {
            merged = r.path
        } else if authority != nil && path.isEmpty {
            merged = "/" + r.path
        } else if let slash = path.lastIndex(of: "/") {
            merged = String(path[...slash]) + r.path
        } else {
            merged = r.path
        }
        return URIReference(scheme: scheme, authority: authority, path: Self.removeDotSegments(merged),
                            query: r.query, fragment: r.fragment)
    }

    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = Substring(path)
        var output: [Substring] = []
        var out = ""
        while !input.isEmpty {
            if input.hasPrefix("../") { input = input.dropFirst(3) }
            else if input.hasPrefix("./") { input = input.dropFirst(2) }
            else if input.hasPrefix("/./") { input = input.dropFirst(2) }
            else if input == "/." { input = "/" }
            else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." { input = "" }
            else {
                let from = input.first == "/" ? input.index(after: input.startIndex) : input.startIndex
                let end = input[from...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        for seg in output { out += seg }
        return out
    }
}

/// URI helpers used by the resolver.
enum URIText {
    /// `reference` resolved against `base`.
    static func resolve(_ reference: String, against base: String) -> String {
        if base.isEmpty { return reference }
        return URIReference(base).resolving(URIReference(reference)).text
    }

    /// The URI without its fragment, and the fragment (percent-decoded; empty when none).
    static func split(_ uri: String) -> (base: String, fragment: String) {
        guard let h = uri.firstIndex(of: "#") else { return (uri, "") }
        let frag = String(uri[uri.index(after: h)...])
        return (String(uri[..<h]), frag.removingPercentEncodingASCII)
    }
}

extension String {
    /// Decodes `%XX` escapes (UTF-8); leaves malformed escapes as they are.
    var removingPercentEncodingASCII: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var it = Array(utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%"), it.count >= 2,
                let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(v)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
