import Foundation
import ScrutinyCore

/// A front-sheet line as the readers use it: trimmed cells and its style.
struct SheetLine: Sendable {
    let page: Int
    let number: Int
    /// Every cell, trimmed, in-cell breaks made spaces; one cell for a line that is no table row.
    let cells: [String]
    /// The cells that hold text.
    let filled: [String]
    /// The filled cells joined by a space.
    let text: String
    /// The filled cells as an item's title reads them: after a cell that breaks into paragraphs (a title
    /// over its description, in one cell) only that cell's first paragraph and the page cells after it.
    let leadCells: [String]
    let role: LineRole
    let isBold: Bool
    let fontSize: Double?
    let headingLevel: Int?
    /// Left edge on the page, where known (PDF).
    let x: Double?

    init(page: Int, line: SourceLine) {
        self.page = page
        number = line.number
        let raw = line.role == .tableRow ? line.cells : [line.text]
        cells = raw.map { InlineMarkup.clean($0).newlinesAsSpaces.collapsingSpaces }
        filled = cells.filter { !$0.isEmpty }
        text = filled.joined(separator: " ")
        var lead: [String] = []
        var broken = false
        for cell in raw {
            let paragraphs = InlineMarkup.paragraphs(of: cell)
            guard let first = paragraphs.first else { continue }
            if broken {
                if AgendaReader.pages(inCell: first) != nil { lead.append(first) }
                continue
            }
            lead.append(Self.titleParagraph(paragraphs))
            broken = paragraphs.count > 1
        }
        leadCells = lead
        role = line.role
        isBold = line.isBold
        fontSize = line.fontSize
        headingLevel = line.headingLevel
        x = line.box?.x
    }

    /// The paragraph of a cell that is a title: the first, unless it is a sentence (the paragraph under
    /// the item above, read into this row) and a later one is not.
    private static func titleParagraph(_ paragraphs: [String]) -> String {
        let first = paragraphs[0]
        guard paragraphs.count > 1, first.hasSuffix("."), first.wordCount > 3 else { return first }
        return paragraphs.dropFirst().first { !$0.hasSuffix(".") && $0.first?.isUppercase == true } ?? first
    }

    /// The line as the other extractors read it.
    var outlined: OutlinedLine {
        let isTable = role == .tableRow && filled.count >= 2
        var line = OutlinedLine(page: page, lineNumber: number, text: isTable ? cells.joined(separator: "\t") : text,
                                cells: isTable ? cells : [text], role: isTable ? .tableRow : (role == .tableRow ? .body : role),
                                isBold: isBold, fontSize: fontSize, headingLevel: headingLevel)
        line.isHeading = HeadingRule.isHeading(line.text, role: line.role, isBold: isBold)
        return line
    }
}
