import CPopplerText

/// One block read from a tagged PDF's structure tree.
struct TaggedBlock: Sendable {
    enum Kind: Sendable { case paragraph, heading(level: Int?), listItem, tableRow }

    var kind: Kind
    /// 0-based page index: where the block's text starts.
    var page: Int
    /// The 0-based page where the block's text ends (after ``page`` when it runs over a page break).
    var lastPage: Int? = nil
    /// The block's text; for a table row, its cells (a cell's paragraphs joined by "\n").
    var cells: [String]
}

/// A tagged PDF's structure tree, flattened in document order, with the text of every
/// marked-content piece (gathered by ``PopplerTextFile`` in the same pass as the page glyphs).
struct StructureTree {
    /// One node; its subtree is the `subtreeSize` nodes starting at it.
    struct Node {
        var kind: scrutiny_node_kind
        /// 0-based page, or -1 when the PDF does not say.
        var page: Int
        var subtreeSize: Int
        /// A marked-content piece's text; empty for other nodes.
        var text: String
    }

    var nodes: [Node]

    /// The tree of `file` with the marked-content text of the pages read so far; `nil` when the
    /// PDF has no structure tree (or it was not asked for).
    init?(_ file: PopplerTextFile) {
        let raw = file.structureNodes
        guard !raw.isEmpty else { return nil }
        nodes = raw.indices.map { index in
            let node = raw[index]
            let kind = scrutiny_node_kind(rawValue: UInt32(node.kind))
            return Node(kind: kind, page: Int(node.page), subtreeSize: max(1, Int(node.subtree_size)),
                        text: kind == SCRUTINY_NODE_CONTENT ? file.contentText(of: index) : "")
        }
    }

    /// The indices of the children of the node at `index` (of the roots for `nil`).
    func children(of index: Int?) -> [Int] {
        var result: [Int] = []
        var child = index.map { $0 + 1 } ?? 0
        let end = index.map { $0 + nodes[$0].subtreeSize } ?? nodes.count
        while child < end {
            result.append(child)
            child += nodes[child].subtreeSize
        }
        return result
    }

    /// The text of the node at `index`: its marked-content pieces in order, white space collapsed.
    func text(of index: Int) -> String {
        var collapser = Whitespace.Collapser()
        // By index: copying each node would retain and release its text.
        for node in index..<index + nodes[index].subtreeSize where !nodes[node].text.isEmpty { collapser.add(nodes[node].text) }
        return collapser.text
    }

    /// The blocks in document order: headings (H, H1–H6), paragraphs (P, Caption), list items
    /// (LI), table rows (TR with TH/TD cells).
    func blocks() -> [TaggedBlock] {
        var walker = StructureWalker(tree: self)
        walker.walkChildren(of: nil)
        return walker.blocks
    }
}

struct StructureWalker {
    let tree: StructureTree
    private(set) var blocks: [TaggedBlock] = []
    private var lastPage = 0

    init(tree: StructureTree) {
        self.tree = tree
    }

    /// Visits the children of the node at `parent` (the roots for `nil`), in order.
    mutating func walkChildren(of parent: Int?) {
        var index = parent.map { $0 + 1 } ?? 0
        let end = parent.map { $0 + tree.nodes[$0].subtreeSize } ?? tree.nodes.count
        while index < end {
            visit(index)
            index += tree.nodes[index].subtreeSize
        }
    }

    /// Emits the node at `index` as a block, or visits its children.
    private mutating func visit(_ index: Int) {
        let kind = tree.nodes[index].kind
        switch kind {
        case SCRUTINY_NODE_PARAGRAPH, SCRUTINY_NODE_CAPTION:
            emit(.paragraph, index)
        case SCRUTINY_NODE_HEADING:
            emit(.heading(level: nil), index)
        case _ where kind.rawValue >= SCRUTINY_NODE_HEADING_1.rawValue && kind.rawValue <= SCRUTINY_NODE_HEADING_6.rawValue:
            emit(.heading(level: Int(kind.rawValue - SCRUTINY_NODE_HEADING_1.rawValue) + 1), index)
        case SCRUTINY_NODE_LIST_ITEM:
            emit(.listItem, index)
        case SCRUTINY_NODE_TABLE_ROW:
            row(index)
        default:
            walkChildren(of: index)
        }
    }

    /// The pages of the node at `index`: those of the first and last marked-content pieces with
    /// text (an element's own page may be inherited from a section that starts pages earlier),
    /// else the element's page, else the page of the block before.
    private mutating func pages(of index: Int) -> (first: Int, last: Int) {
        var first: Int?
        var last = -1
        for node in index..<index + tree.nodes[index].subtreeSize
        where tree.nodes[node].page >= 0 && tree.nodes[node].kind == SCRUTINY_NODE_CONTENT && !tree.nodes[node].text.isEmpty {
            if first == nil { first = tree.nodes[node].page }
            last = tree.nodes[node].page
        }
        let page = first ?? tree.nodes[index].page
        if page >= 0 { lastPage = page }
        return (lastPage, max(lastPage, last))
    }

    private mutating func emit(_ kind: TaggedBlock.Kind, _ index: Int) {
        var text = tree.text(of: index)
        guard !text.isEmpty else { return }
        if case .listItem = kind { text = Self.spacedBullet(text) }
        let pages = pages(of: index)
        blocks.append(TaggedBlock(kind: kind, page: pages.first, lastPage: pages.last, cells: [text]))
    }

    /// "•Reduce" (label and body run together) becomes "• Reduce".
    private static func spacedBullet(_ text: String) -> String {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), Bullets.inlineGlyphs.contains(first), let second = scalars.next(),
              !Whitespace.isSpace(second) else { return text }
        // Whole-string pieces copy their bytes at once, where a scalar view appends one by one.
        return String(first) + " " + String(text.unicodeScalars.dropFirst())
    }

    /// A TR: one cell per TH/TD child; a cell's paragraphs (P, H, LI inside it) joined by "\n".
    private mutating func row(_ index: Int) {
        let rowPages = pages(of: index)
        var cells: [String] = []
        for cell in tree.children(of: index) {
            var nested = StructureWalker(tree: tree)
            nested.walkChildren(of: cell)
            switch nested.blocks.count {
            case 0: cells.append(tree.text(of: cell))
            case 1: cells.append(Self.lines(nested.blocks[0].cells))
            default: cells.append(nested.blocks.map { Self.lines($0.cells) }.joined(separator: "\n"))
            }
        }
        guard cells.contains(where: { !$0.isEmpty }) else { return }
        blocks.append(TaggedBlock(kind: .tableRow, page: rowPages.first, lastPage: rowPages.last, cells: cells))
    }

    /// `texts` one per line (the one text itself when there is just one).
    private static func lines(_ texts: [String]) -> String {
        texts.count == 1 ? texts[0] : texts.joined(separator: "\n")
    }
}
