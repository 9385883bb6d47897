import Foundation
import ScrutinyCore

/// Reads HTML through libxml2's forgiving parser into one page of blocks: headings (`h1`–`h6`),
/// paragraphs (`p`, text in `div`s), list items (`li`) and table rows (one line per `tr`, its
/// `th`/`td` cells in order, a cell's own paragraphs kept as "\n").
///
/// Scripts, styles, navigation, page headers and footers are skipped; `<title>` becomes
/// ``DocumentMetadata/title``.
public struct HTMLReader: Sendable {
    public init() {}

    /// Reads HTML bytes (UTF-8, or the encoding the document declares).
    /// - Throws: ``InputFailure`` `.empty` when nothing readable is left, `.corrupt` when libxml2 builds no tree.
    public func read(_ data: Data) throws(InputFailure) -> SourceDocument {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw InputFailure(.empty, "the file has no text")
        }
        let encoding: String? = String(validating: data, as: UTF8.self) != nil ? "UTF-8" : nil
        let parsed: (lines: [SourceLine], title: String?)? = data.withUnsafeBytes { bytes in
            guard let tree = HTMLTree(bytes: bytes, encoding: encoding), let root = tree.root else { return nil }
            var walker = HTMLBlockWalker()
            walker.walk(root)
            walker.endBlock()
            return (walker.lines, walker.title)
        }
        guard let parsed else {
            throw InputFailure(.corrupt, "libxml2 could not build a document from the HTML; check that the file is HTML")
        }
        guard !parsed.lines.isEmpty else { throw InputFailure(.empty, "the HTML has no text outside scripts, styles and navigation") }
        let document = SourceDocument(format: .html, pages: [SourcePage(number: 1, lines: parsed.lines)],
                                      metadata: DocumentMetadata(title: parsed.title))
        return RunningHeaderFilter().apply(to: document)
    }
}

/// Walks an HTML tree once, emitting one ``SourceLine`` per block.
struct HTMLBlockWalker {
    private static let skipped: Set<String> = ["script", "style", "nav", "header", "footer", "head", "noscript", "template", "aside"]
    private static let headingLevels: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    private(set) var lines: [SourceLine] = []
    private(set) var title: String?
    private var inline = InlineText()
    private var role: LineRole = .body
    private var headingLevel: Int?
    /// Open lists, innermost last: the next number of an ordered list, `nil` for an unordered one.
    private var lists: [Int?] = []

    mutating func walk(_ node: HTMLNode) {
        for child in node.children { visit(child) }
    }

    private mutating func visit(_ node: HTMLNode) {
        if node.isText {
            inline.append(node.content)
            return
        }
        guard node.isElement else { return }
        let name = node.name
        if name == "title", title == nil {
            let text = Whitespace.collapse(BlockText.paragraphs(of: node).joined(separator: " "))
            title = text.isEmpty ? nil : text
            return
        }
        if name == "head" {
            for child in node.children where child.name == "title" { visit(child) }
            return
        }
        if Self.skipped.contains(name) { return }
        if let level = Self.headingLevels[name] {
            block(role: .heading, level: level, node)
        } else if name == "ul" || name == "ol" {
            endBlock()
            let start = name == "ol" ? node.attribute("start").flatMap { Int($0.trimmingSpaces()) } ?? 1 : nil
            lists.append(start)
            walk(node)
            lists.removeLast()
            endBlock()
        } else if name == "li" {
            endBlock()
            // An ordered list's numbers are not in its text; put them there, as a PDF prints them.
            if let number = lists.last ?? nil {
                let value = node.attribute("value").flatMap { Int($0.trimmingSpaces()) } ?? number
                inline.append("\(value). ")
                lists[lists.count - 1] = value + 1
            }
            role = .listItem
            walk(node)
            endBlock()
        } else if name == "p" || name == "dt" || name == "dd" || name == "caption" || name == "pre" {
            block(role: .body, level: nil, node)
        } else if name == "table" {
            endBlock()
            table(node)
        } else if name == "br" {
            inline.append(" ")
        } else if name == "b" || name == "strong" {
            inline.boldDepth += 1
            walk(node)
            inline.boldDepth -= 1
        } else if BlockText.blockElements.contains(name) || name == "body" || name == "html" || name == "main" {
            endBlock()
            walk(node)
            endBlock()
        } else {
            walk(node)
        }
    }

    /// One block element: its inline text is one line; nested lists and tables become their own lines.
    private mutating func block(role: LineRole, level: Int?, _ node: HTMLNode) {
        endBlock()
        self.role = role
        headingLevel = level
        walk(node)
        endBlock()
    }

    /// Emits the text gathered since the last block boundary, if any.
    mutating func endBlock() {
        defer {
            inline = InlineText(boldDepth: inline.boldDepth)
            role = .body
            headingLevel = nil
        }
        let text = Whitespace.collapse(inline.scalars)
        guard !text.isEmpty else { return }
        lines.append(SourceLine(number: lines.count + 1, text: text, role: role, headingLevel: headingLevel,
                                isBold: inline.isWhollyBold))
    }

    private mutating func table(_ node: HTMLNode) {
        var rows: [HTMLNode] = []
        collectRows(node, into: &rows)
        for row in rows {
            let cells = row.children.filter { $0.name == "td" || $0.name == "th" }
                .map { BlockText.paragraphs(of: $0).joined(separator: "\n") }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            let isHeaderRow = row.children.contains { $0.name == "th" } && !row.children.contains { $0.name == "td" }
            if cells.count > 1 {
                lines.append(SourceLine(number: lines.count + 1, text: cells.joined(separator: "\t"), cells: cells,
                                        role: .tableRow, isBold: isHeaderRow))
            } else {
                lines.append(SourceLine(number: lines.count + 1, text: cells[0], isBold: isHeaderRow))
            }
        }
    }

    /// The table's own rows (through thead/tbody/tfoot), not rows of tables nested in cells.
    private func collectRows(_ node: HTMLNode, into rows: inout [HTMLNode]) {
        for child in node.children where child.isElement {
            switch child.name {
            case "tr": rows.append(child)
            case "thead", "tbody", "tfoot": collectRows(child, into: &rows)
            default: break
            }
        }
    }
}

/// Inline text of one block, with how much of it is bold.
struct InlineText {
    var scalars: [Unicode.Scalar] = []
    var boldDepth = 0
    private var boldCount = 0
    private var plainCount = 0

    init(boldDepth: Int = 0) { self.boldDepth = boldDepth }

    mutating func append(_ text: String) {
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            if !Whitespace.isSpace(scalar) {
                if boldDepth > 0 { boldCount += 1 } else { plainCount += 1 }
            }
        }
    }

    var isWhollyBold: Bool { boldCount > 0 && plainCount == 0 }
}
