/// Builds an HTML document as UTF-8 bytes, escaping what it is given.
///
/// Every value from a report goes through ``text(_:)`` or ``attribute(_:_:)``, so no record's text
/// can open a tag or close an attribute; only the page code's own literals are written raw.
struct HTMLText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 14) { bytes.reserveCapacity(capacity) }

    /// The document as a string.
    var html: String { String(decoding: bytes, as: UTF8.self) }

    /// Markup written as it is: the page code's own literals only, never a record's text.
    mutating func raw(_ markup: String) {
        var markup = markup
        markup.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Text content, escaped.
    mutating func text(_ value: String) { Self.appendEscaped(value, to: &bytes) }

    /// ` name="value"`, the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        raw(name)
        bytes.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
        Self.appendEscaped(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// An integer's digits.
    mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes.append(contentsOf: digits.reversed())
    }

    /// A number of points as a script reads it: hundredths at most (`72.5`, `310.25`, `420`), as
    /// a provenance box holds them; anything finer or larger as Swift describes it.
    mutating func points(_ value: Double) {
        let hundredths = (value * 100).rounded()
        guard value.isFinite, abs(hundredths) < 1e15, abs(hundredths / 100 - value) < 1e-9 else { return raw(String(value)) }
        let whole = Int(hundredths)
        if whole < 0 { bytes.append(UInt8(ascii: "-")) }
        integer(abs(whole) / 100)
        let fraction = abs(whole) % 100
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
    }

    /// `<tag attributes>text</tag>`, for the common case of an element holding only text.
    mutating func element(_ tag: String, _ content: String, class className: String? = nil) {
        raw("<" + tag)
        if let className { attribute("class", className) }
        raw(">")
        text(content)
        raw("</" + tag + ">")
    }

    /// `value` with `&`, `<`, `>`, `"` and `'` escaped (safe in text and in quoted attributes).
    static func escaped(_ value: String) -> String {
        var out: [UInt8] = []
        appendEscaped(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let entity: StaticString
                switch utf8[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
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
