import ScrutinyCore

/// The ink (non-space scalars) of the lines already read for a tagged page, each line's ink
/// followed by a separator no text has, searched for the ink of visual lines.
///
/// Visual lines mostly come in the order of the text, so each search starts where the last one
/// was found and wraps round: a page is searched about once, not once per line.
struct PageInk {
    private var scalars: [Unicode.Scalar] = []
    private var cursor = 0

    init(_ lines: [SourceLine]) {
        for line in lines {
            Self.append(of: line.text, to: &scalars)
            scalars.append("\u{1}")
        }
    }

    /// The ink of `text`.
    static func of(_ text: String) -> [Unicode.Scalar] {
        var ink: [Unicode.Scalar] = []
        append(of: text, to: &ink)
        return ink
    }

    /// Appends the scalars of `text` that are not white space.
    static func append(of text: String, to ink: inout [Unicode.Scalar]) {
        for scalar in text.unicodeScalars where !Whitespace.isSpace(scalar) { ink.append(scalar) }
    }

    /// Whether `run` occurs in the page's ink, scalar for scalar.
    mutating func contains(_ run: [Unicode.Scalar]) -> Bool {
        guard !run.isEmpty else { return true }
        guard run.count <= scalars.count else { return false }
        let last = scalars.count - run.count
        let start = min(cursor, last)
        for range in [start...last, 0...start] {
            for position in range where scalars[position] == run[0] && scalars[position..<position + run.count].elementsEqual(run) {
                cursor = position + run.count
                return true
            }
        }
        return false
    }

    /// Whether the ink of `line` is in the page's ink (true for a line without ink); for a line
    /// of several cells, whether any cell's is (a table row's cells wrap line by line).
    mutating func containsAnyCell(of line: VisualLine) -> Bool {
        let ink = Self.of(line.text)
        if ink.isEmpty || contains(ink) { return true }
        guard line.cells.count > 1 else { return false }
        return line.cells.contains { cell in
            let cellInk = Self.of(cell.text)
            return !cellInk.isEmpty && contains(cellInk)
        }
    }
}
