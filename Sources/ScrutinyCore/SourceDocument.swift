/// A document as ingested: pages of lines, each line with its text and style.
///
/// Every reader (PDF, text, HTML) produces this one model, so extraction never needs to know
/// where a document came from. A text file is one page unless it has form feeds; an HTML file
/// is one page.
public struct SourceDocument: Sendable, Hashable, Codable {
    /// The input format the document was read from.
    public var format: DocumentFormat
    /// The pages, in order. Never empty for a document that was read.
    public var pages: [SourcePage]
    /// Metadata the file itself carries (PDF info dictionary, HTML `<title>`).
    public var metadata: DocumentMetadata
    /// Problems the reader noticed but which did not stop it (`no_text_layer`, ...).
    public var warnings: [String]
    /// The pages read by OCR, `nil` when none was.
    public var ocr: OCRSummary?
    /// The papers of an agenda pack, in order; empty for a file that is one report.
    public var items: [PackItem]
    /// The PDF's bookmarks in document order, `[]` when it has none (and for text and HTML).
    public var outline: [OutlineEntry]

    public init(format: DocumentFormat, pages: [SourcePage], metadata: DocumentMetadata = .init(), warnings: [String] = [],
                ocr: OCRSummary? = nil, items: [PackItem] = [], outline: [OutlineEntry] = []) {
        self.format = format
        self.pages = pages
        self.metadata = metadata
        self.warnings = warnings
        self.ocr = ocr
        self.items = items
        self.outline = outline
    }

    /// Reads a document encoded before it carried an outline as one without bookmarks.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(DocumentFormat.self, forKey: .format)
        pages = try container.decode([SourcePage].self, forKey: .pages)
        metadata = try container.decode(DocumentMetadata.self, forKey: .metadata)
        warnings = try container.decode([String].self, forKey: .warnings)
        ocr = try container.decodeIfPresent(OCRSummary.self, forKey: .ocr)
        items = try container.decodeIfPresent([PackItem].self, forKey: .items) ?? []
        outline = try container.decodeIfPresent([OutlineEntry].self, forKey: .outline) ?? []
    }

    /// The pages numbered `first` through `last` as a document of their own (an item of a
    /// pack): the file's format and warnings, OCR pages among them, no items, no outline and no file title.
    public func pages(_ first: Int, through last: Int) -> SourceDocument {
        var metadata = metadata
        metadata.title = nil
        let ocr = self.ocr.flatMap { summary in summary.restricted(to: first...last) }
        return SourceDocument(format: format, pages: pages.filter { (first...last).contains($0.number) },
                              metadata: metadata, warnings: warnings, ocr: ocr)
    }

    /// The page count as the contract reports it: the PDF's pages, `nil` for text and HTML.
    public var reportedPageCount: Int? { format == .pdf ? pages.count : nil }

    /// Every line of the document with its page, in reading order.
    public var allLines: [(page: SourcePage, line: SourceLine)] {
        pages.flatMap { page in page.lines.map { (page, $0) } }
    }
}

/// One bookmark of a PDF's outline: its title and the page it opens.
public struct OutlineEntry: Sendable, Hashable, Codable {
    /// The title as the PDF gives it, white space kept.
    public var title: String
    /// The 1-based page the bookmark goes to, `nil` where it goes nowhere in this file.
    public var page: Int?
    /// 0 for a top-level bookmark, 1 for its children, and so on.
    public var depth: Int

    public init(title: String, page: Int?, depth: Int = 0) {
        self.title = title
        self.page = page
        self.depth = depth
    }
}

/// The formats scrutiny reads.
public enum DocumentFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case pdf, text, html
}

/// Metadata carried by the file itself, not read from its text.
public struct DocumentMetadata: Sendable, Hashable, Codable {
    public var title: String?
    public var author: String?
    /// Creation date as ISO 8601 (`2021-06-14T10:22:00Z`) where the file gives one.
    public var created: String?
    /// True when the PDF carries a structure tree (a tagged PDF) that the reader used.
    public var tagged: Bool

    public init(title: String? = nil, author: String? = nil, created: String? = nil, tagged: Bool = false) {
        self.title = title
        self.author = author
        self.created = created
        self.tagged = tagged
    }
}

/// One page of a document.
public struct SourcePage: Sendable, Hashable, Codable {
    /// 1-based page number.
    public var number: Int
    /// Page size in points where known (PDF).
    public var width: Double?
    public var height: Double?
    /// The lines in reading order.
    public var lines: [SourceLine]

    public init(number: Int, width: Double? = nil, height: Double? = nil, lines: [SourceLine]) {
        self.number = number
        self.width = width
        self.height = height
        self.lines = lines
    }
}

/// One line of a page: a visual line of a PDF, a line of a text file, or a block of HTML.
///
/// A table row is one line whose `cells` hold the row's cells in order; a cell's own paragraph
/// breaks are kept as `"\n"` inside the cell. For any other line `cells` is `[text]`.
public struct SourceLine: Sendable, Hashable, Codable {
    /// 1-based line number: within the page for PDF, within the file for text, block index for HTML.
    public var number: Int
    /// The text, with table cells joined by a tab.
    public var text: String
    /// Table cells, or `[text]` when the line is not a table row.
    public var cells: [String]
    /// What the line is in the document's structure.
    public var role: LineRole
    /// Heading level (1 is the largest) when `role == .heading`.
    public var headingLevel: Int?
    /// Font size in points where known (PDF); the dominant size of the line.
    public var fontSize: Double?
    /// True when most of the line's characters are bold (PDF fonts, HTML `<b>`/`<strong>`, text `**`).
    public var isBold: Bool
    /// Position on the page in points, origin top-left, where known (PDF).
    public var box: Box?

    public init(number: Int, text: String, cells: [String]? = nil, role: LineRole = .body, headingLevel: Int? = nil,
                fontSize: Double? = nil, isBold: Bool = false, box: Box? = nil) {
        self.number = number
        self.text = text
        self.cells = cells ?? [text]
        self.role = role
        self.headingLevel = headingLevel
        self.fontSize = fontSize
        self.isBold = isBold
        self.box = box
    }

    /// True when the line is a table row with more than one cell.
    public var isTableRow: Bool { role == .tableRow }
    /// True for running headers, footers and page numbers, which extraction must not read twice.
    public var isFurniture: Bool { role == .runningHeader || role == .runningFooter }
}

/// The structural role of a line.
public enum LineRole: String, Sendable, Hashable, Codable, CaseIterable {
    case body
    case heading
    case listItem = "list_item"
    case tableRow = "table_row"
    /// A line repeated at the top of pages (a title, "Partnership name: X").
    case runningHeader = "running_header"
    /// A line repeated at the foot of pages ("Page 3 of 12").
    case runningFooter = "running_footer"
}

/// A rectangle in points, origin top-left.
public struct Box: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
