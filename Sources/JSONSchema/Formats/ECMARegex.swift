import Foundation

/// A regular expression compiled once with ECMA-262 meaning where Swift's defaults differ:
/// `\d` and `\w` (and `\b`) are ASCII-only, matching is per Unicode scalar (not per grapheme),
/// and `\p{...}` stays Unicode-aware.
struct ECMARegex: @unchecked Sendable {
    // Regex is an immutable value once built; the wrapper only shares it read-only.
    let source: String
    private let regex: Regex<AnyRegexOutput>

    init(_ pattern: String) throws {
        source = pattern
        regex = try Regex(Self.translate(pattern))
            .asciiOnlyDigits()
            .asciiOnlyWordCharacters()
            .matchingSemantics(.unicodeScalar)
    }

    /// Whether the pattern matches anywhere in `s` (patterns are not implicitly anchored).
    func matches(_ s: String) -> Bool {
        (try? regex.firstMatch(in: s)) != nil
    }

    /// Rewrites the few ECMA-262 escapes Swift reads differently.
    static func translate(_ p: String) -> String {
        guard p.contains("\\") else { return p }
        var out = ""
        var it = Array(p)
        var k = 0
        while k < it.count {
            let c = it[k]
            if c == "\\", k + 1 < it.count {
                let n = it[k + 1]
                // \cX: control character X % 32.
                if n == "c", k + 2 < it.count, let a = it[k + 2].asciiValue, it[k + 2].isLetter {
                    out += String(format: "\\x{%02X}", Int(a) % 32)
                    k += 3
                    continue
                }
                out.append(c)
                out.append(n)
                k += 2
                continue
            }
            out.append(c)
            k += 1
        }
        it = []
        return out
    }
}
