import ScrutinyCore

/// A line as the record extractors read it: its text and its place in the report's outline.
///
/// ``DocumentOutliner`` makes these from a ``SourceDocument``; running headers and footers are
/// already left out, so no extractor reads them twice.
public struct OutlinedLine: Sendable, Hashable {
    /// 1-based page, `nil` for text documents.
    public var page: Int?
    /// 1-based line number (``SourceLine/number``).
    public var lineNumber: Int
    public var text: String
    /// Table cells, or `[text]`.
    public var cells: [String]
    public var role: LineRole
    public var isBold: Bool
    public var fontSize: Double?
    /// The heading the line sits under, if any.
    public var section: String?
    /// The partnership whose section or form the line belongs to, if any (its canonical name,
    /// as in the partnership records).
    public var partnership: String?
    /// True when the outliner reads the line as a heading (a field label in a form counts).
    public var isHeading: Bool
    /// The heading level the reader gave (1 is the largest), if any.
    public var headingLevel: Int?
    /// True when the line started with a bullet ("•", "-"), taken off its text.
    public var isBulleted = false
    /// The line's box on its page (points, origin top-left), where the ingest knows it.
    public var box: Box?

    public init(page: Int?, lineNumber: Int, text: String, cells: [String]? = nil, role: LineRole = .body,
                isBold: Bool = false, fontSize: Double? = nil, section: String? = nil, partnership: String? = nil,
                isHeading: Bool = false, headingLevel: Int? = nil) {
        self.page = page
        self.lineNumber = lineNumber
        self.text = text
        self.cells = cells ?? [text]
        self.role = role
        self.isBold = isBold
        self.fontSize = fontSize
        self.section = section
        self.partnership = partnership
        self.isHeading = isHeading
        self.headingLevel = headingLevel
    }

    /// The non-empty cells, trimmed.
    public var filledCells: [String] {
        if cells.count == 1 {
            // Most lines are one cell: no intermediate arrays.
            let only = cells[0].trimmingHorizontalWhitespace
            return only.isEmpty ? [] : [only]
        }
        return cells.map(\.trimmingHorizontalWhitespace).filter { !$0.isEmpty }
    }

    /// Where the line is, for a record's provenance.
    public var provenance: Provenance { Provenance(page: page, line: lineNumber, section: section, box: box) }
}
