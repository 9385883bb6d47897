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
        // Lower the regex program now, while compiling, rather than on first use from many tasks.
        _ = "".contains(regex)
    }

    /// Whether the pattern matches anywhere in `s` (patterns are not implicitly anchored).
    func matches(_ s: String) -> Bool {
        s.contains(regex)
    }

    /// Rewrites the few ECMA-262 constructs Swift reads differently: `\cX` control escapes,
    /// `\s`/`\S` (ECMA counts U+FEFF as white space), and the empty classes `[]` and `[^]`.
    static func translate(_ p: String) -> String {
        let chars = Array(p)
        var out = ""
        var inClass = false
        var k = 0
        while k < chars.count {
            let c = chars[k]
            if c == "\\", k + 1 < chars.count {
                let n = chars[k + 1]
                if n == "c", k + 2 < chars.count, let a = chars[k + 2].asciiValue, chars[k + 2].isLetter {
                    out += String(format: "\\x{%02X}", Int(a) % 32)
                    k += 3
                    continue
                }
                if n == "s" { out += inClass ? "\\s\\x{FEFF}" : "[\\s\\x{FEFF}]"; k += 2; continue }
                if n == "S" && !inClass { out += "[^\\s\\x{FEFF}]"; k += 2; continue }
                out.append(c)
                out.append(n)
                k += 2
                continue
            }
            if !inClass && c == "[" {
                if k + 1 < chars.count, chars[k + 1] == "]" { out += "(?!)"; k += 2; continue }
                if k + 2 < chars.count, chars[k + 1] == "^", chars[k + 2] == "]" { out += "[\\s\\S]"; k += 3; continue }
                inClass = true
                out.append(c)
                k += 1
                if k < chars.count, chars[k] == "^" { out.append("^"); k += 1 }
                if k < chars.count, chars[k] == "]" { out += "\\]"; k += 1 }
                continue
            }
            if inClass && c == "]" { inClass = false }
            out.append(c)
            k += 1
        }
        return out
    }

    /// Whether `pattern` is ECMA-262 syntax (for `format: regex`): rejects constructs other engines
    /// accept but ECMA-262 does not (Python named groups, comments, global inline flags, `\a`).
    static func isECMASyntax(_ pattern: String) -> Bool {
        if pattern.contains("(?P") || pattern.contains("(?#") { return false }
        if pattern.range(of: #"^\(\?[a-zA-Z]+\)"#, options: .regularExpression) != nil { return false }
        let chars = Array(pattern)
        var k = 0
        while k < chars.count {
            if chars[k] == "\\", k + 1 < chars.count {
                if "aeglmoqyzACEFGHIJKLMNOQRTUVXYZ".contains(chars[k + 1]) { return false }
                k += 2
                continue
            }
            k += 1
        }
        return (try? ECMARegex(pattern)) != nil
    }
}
