/// Builds an HTML document as text, escaping what it is given.
///
/// Every value from a report goes through ``text(_:)`` or ``attribute(_:_:)``, so no record's text
/// can open a tag or close an attribute; only the page code's own literals are written raw.
struct HTMLText {
    private(set) var html = ""

    init(capacity: Int = 1 << 14) { html.reserveCapacity(capacity) }

    /// Markup written as it is: the page code's own literals only, never a record's text.
    mutating func raw(_ markup: String) { html += markup }

    /// Text content, escaped.
    mutating func text(_ value: String) { Self.appendEscaped(value, to: &html) }

    /// ` name="value"`, the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        html += " "
        html += name
        html += "=\""
        Self.appendEscaped(value, to: &html)
        html += "\""
    }

    /// `<tag attributes>text</tag>`, for the common case of an element holding only text.
    mutating func element(_ tag: String, _ content: String, class className: String? = nil) {
        html += "<" + tag
        if let className { attribute("class", className) }
        html += ">"
        text(content)
        html += "</" + tag + ">"
    }

    /// `value` with `&`, `<`, `>`, `"` and `'` escaped (safe in text and in quoted attributes).
    static func escaped(_ value: String) -> String {
        var out = ""
        appendEscaped(value, to: &out)
        return out
    }

    private static func appendEscaped(_ value: String, to out: inout String) {
        var value = value
        let needsEscape = value.withUTF8 { bytes in
            bytes.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
        }
        guard needsEscape else { out += value; return }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}

/// The parts every review page shares: the head (no request leaves the folder: the content
/// security policy allows only the folder's own style sheet, script and images) and the end.
enum PageShell {
    /// What the page's `<meta http-equiv="Content-Security-Policy">` allows: nothing from
    /// anywhere but the review folder itself, and no connections at all.
    static let contentSecurityPolicy =
        "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'"

    static func open(title: String, page: String, into html: inout HTMLText) {
        html.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">\n")
        html.raw("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"scrutiny review\">\n<title>")
        html.text(title)
        html.raw("</title>\n<link rel=\"stylesheet\" href=\"\(ReviewAssets.styleSheetName)\">\n")
        html.raw("<script src=\"\(ReviewAssets.scriptName)\" defer></script>\n</head>\n")
        html.raw("<body data-page=\"\(page)\">\n")
    }

    static func close(into html: inout HTMLText) {
        html.raw("</body>\n</html>\n")
    }
}
