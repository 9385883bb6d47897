import Foundation

/// Everything in a review file that would make a browser ask for something outside the review
/// folder: an attribute naming a URL with a scheme or a host (`http:`, `//cdn…`, `data:`), a CSS
/// `url(`/`@import`, or a script call that opens a connection. A record's text may mention a web
/// address; only markup that loads or links one counts.
enum NetworkReferences {
    static let attribute = try! NSRegularExpression(pattern: #"\s(?:src|href|action|srcset|poster|data|formaction|manifest)\s*=\s*"([^"]*)""#,
                                                     options: [.caseInsensitive])
    static let code = ["url(", "@import", "fetch(", "XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon", "import(",
                       "http://", "https://", "navigator.serviceWorker", "window.open("]

    /// The offending references in an HTML page (its attributes) or, with `isCode`, a style sheet or script.
    static func `in`(_ text: String, isCode: Bool = false) -> [String] {
        if isCode { return code.filter { text.contains($0) } }
        let range = NSRange(text.startIndex..., in: text)
        return attribute.matches(in: text, range: range).compactMap { match -> String? in
            guard let value = Range(match.range(at: 1), in: text).map({ String(text[$0]) }) else { return nil }
            let local = value.hasPrefix("#") || (!value.contains(":") && !value.hasPrefix("//"))
            return local ? nil : value
        }
    }
}
