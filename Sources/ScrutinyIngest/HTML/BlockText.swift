/// Turns the inside of an HTML element into paragraphs: block elements (`p`, `div`, `li`, `br`, ...)
/// end a paragraph, white space collapses, and bullets written inline inside a list become items.
struct BlockText {
    /// Elements that start a new paragraph.
    static let blockElements: Set<String> = [
        "p", "div", "li", "ul", "ol", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "section", "article", "dd", "dt", "dl", "pre", "hr",
    ]
    /// Elements whose content is never text a reader sees.
    static let skippedElements: Set<String> = ["script", "style", "head", "noscript", "template"]

    private(set) var paragraphs: [String] = []
    private var buffer: [Unicode.Scalar] = []
    private var listDepth = 0

    /// The paragraphs of `node`'s content.
    static func paragraphs(of node: HTMLNode) -> [String] {
        var collector = BlockText()
        collector.visitChildren(of: node)
        collector.flush()
        return collector.paragraphs
    }

    private mutating func visitChildren(of node: HTMLNode) {
        for child in node.children { visit(child) }
    }

    private mutating func visit(_ node: HTMLNode) {
        if node.isText {
            buffer.append(contentsOf: node.content.unicodeScalars)
            return
        }
        guard node.isElement else { return }
        let name = node.name
        if Self.skippedElements.contains(name) { return }
        guard Self.blockElements.contains(name) else {
            visitChildren(of: node)
            return
        }
        flush()
        let isList = name == "ul" || name == "ol"
        if isList { listDepth += 1 }
        visitChildren(of: node)
        flush()
        if isList { listDepth -= 1 }
    }

    /// Ends the current paragraph. Inside a list, text carrying several inline bullet glyphs
    /// ("• one • two") becomes one paragraph per bullet.
    private mutating func flush() {
        let text = Whitespace.collapse(buffer)
        buffer.removeAll(keepingCapacity: true)
        guard !text.isEmpty else { return }
        if listDepth > 0 {
            for item in Bullets.splitInline(text) { paragraphs.append(item) }
        } else {
            paragraphs.append(Bullets.dropDuplicate(text))
        }
    }
}

/// White-space helpers that work on scalars, not `String.Index`.
enum Whitespace {
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0xA0, 0x2007, 0x202F, 0x200B: return true
        default: return false
        }
    }

    /// Runs of white space become one space; leading and trailing white space goes.
    static func collapse<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var collapser = Collapser()
        for scalar in scalars { collapser.add(scalar) }
        return collapser.text
    }

    static func collapse(_ text: String) -> String {
        var collapser = Collapser()
        collapser.add(text)
        return collapser.text
    }

    /// Collapses white space in text given piece by piece: runs of white space become one
    /// space, leading and trailing white space goes. Works on UTF-8 bytes: the white space
    /// ``isSpace(_:)`` knows is ASCII or one of four scalars whose lead bytes never occur
    /// inside another scalar.
    struct Collapser {
        private var out: [UInt8] = []
        private var pendingSpace = false

        mutating func add(_ scalar: Unicode.Scalar) {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                UTF8.encode(scalar) { out.append($0) }
            }
        }

        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let spaceLength = Self.spaceLength(bytes, at: index)
                    if spaceLength > 0 {
                        pendingSpace = !out.isEmpty
                        index += spaceLength
                        continue
                    }
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    // The bytes up to the next white space, copied in one go.
                    var end = index + 1
                    while end < bytes.count, Self.spaceLength(bytes, at: end) == 0 { end += 1 }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                }
            }
        }

        /// The collapsed text so far.
        var text: String { String(decoding: out, as: UTF8.self) }

        /// The number of bytes of the white-space scalar starting at `index`, or 0.
        private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
            switch bytes[index] {
            case 0x09...0x0D, 0x20:
                return 1
            case 0xC2:  // U+00A0
                return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0
            case 0xE2:  // U+2007, U+200B, U+202F
                guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
                return bytes[index + 2] == 0x87 || bytes[index + 2] == 0x8B || bytes[index + 2] == 0xAF ? 3 : 0
            default:
                return 0
            }
        }
    }
}

/// Bullet glyph handling shared by the readers.
enum Bullets {
    static let glyphs: Set<Unicode.Scalar> = ["•", "◦", "▪", "■", "●", "○", "‣", "⁃", "∙", "·", "\u{F0B7}", "\u{F0A7}", "–", "-", "*"]
    /// Glyphs that may be split out of running text (dashes and stars are too common in prose).
    static let inlineGlyphs: Set<Unicode.Scalar> = ["•", "◦", "▪", "■", "●", "‣", "∙", "\u{F0B7}"]

    /// Whether `text` starts with a bullet glyph followed by a space.
    static func startsWithBullet(_ text: String) -> Bool {
        var iterator = text.unicodeScalars.makeIterator()
        guard let first = iterator.next(), glyphs.contains(first), let second = iterator.next() else { return false }
        return Whitespace.isSpace(second)
    }

    /// "• • text" becomes "• text".
    static func dropDuplicate(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 2, inlineGlyphs.contains(scalars[0]) else { return text }
        var index = 1
        while index < scalars.count, Whitespace.isSpace(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index] == scalars[0] else { return text }
        return String(scalars: scalars[index...])
    }

    /// "intro: • one • two" becomes ["intro:", "• one", "• two"].
    static func splitInline(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        var start = 0
        for index in scalars.indices where inlineGlyphs.contains(scalars[index]) {
            let isolated = (index == 0 || Whitespace.isSpace(scalars[index - 1]))
                && (index + 1 == scalars.count || Whitespace.isSpace(scalars[index + 1]))
            guard isolated, index > start else { continue }
            let part = Whitespace.collapse(scalars[start..<index])
            if !part.isEmpty { parts.append(part) }
            start = index
        }
        let last = Whitespace.collapse(scalars[start...])
        if !last.isEmpty { parts.append(last) }
        return parts.map(dropDuplicate).filter { part in
            !(part.unicodeScalars.count == 1 && inlineGlyphs.contains(part.unicodeScalars.first!))
        }
    }
}
