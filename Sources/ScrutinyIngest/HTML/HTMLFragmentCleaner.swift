/// Cleans the HTML fragments that PDF-to-text conversions leave inside plain text
/// (`<p>A</p> <p>B</p>`, `<ul style="..."><li>• item</li>`), through libxml2's HTML parser.
enum HTMLFragmentCleaner {
    /// Tag names whose presence marks a piece of text as holding markup.
    private static let knownTags: Set<String> = [
        "p", "ul", "ol", "li", "br", "div", "span", "b", "strong", "em", "i", "u", "table", "tr", "td", "th",
        "h1", "h2", "h3", "h4", "h5", "h6", "sup", "sub", "a", "font",
    ]

    /// Whether `text` holds at least one known HTML tag (`<p>`, `</li>`, `<ul style=...>`).
    static func containsMarkup(_ text: Substring) -> Bool {
        let bytes = text.utf8
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            var cursor = bytes.index(after: open)
            if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "/") { cursor = bytes.index(after: cursor) }
            var name: [UInt8] = []
            while cursor < bytes.endIndex, name.count < 8 {
                let byte = bytes[cursor]
                let isLetterOrDigit = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                guard isLetterOrDigit else { break }
                name.append(byte | 0x20)
                cursor = bytes.index(after: cursor)
            }
            if cursor < bytes.endIndex, !name.isEmpty {
                let end = bytes[cursor]
                if end == UInt8(ascii: ">") || end == UInt8(ascii: " ") || end == UInt8(ascii: "/"),
                   knownTags.contains(String(decoding: name, as: UTF8.self)) {
                    return true
                }
            }
            index = bytes.index(after: open)
        }
        return false
    }

    /// The paragraphs of a fragment: block elements and list items each become one.
    static func paragraphs(_ fragment: Substring) -> [String] {
        guard let tree = HTMLTree(utf8: String(fragment)), let root = tree.root else {
            return [Whitespace.collapse(fragment.unicodeScalars)]
        }
        return BlockText.paragraphs(of: root)
    }

    /// The fragment as clean text, paragraphs separated by "\n".
    static func clean(_ fragment: Substring) -> String {
        paragraphs(fragment).joined(separator: "\n")
    }
}
