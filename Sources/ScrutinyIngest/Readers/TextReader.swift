import Foundation
import ScrutinyCore

/// Reads plain text: UTF-8 (Windows-1252 for bytes that are not UTF-8), any line ending,
/// form feeds as page breaks, tabs as table-cell separators.
///
/// Cleans what PDF-to-text conversions leave behind: HTML fragments (`<p>`, `<ul><li>`) become
/// plain text with "\n" between paragraphs, and `**bold**` markers are removed (a wholly bold
/// line gets `isBold`). Short all-capitals, numbered or bold lines become headings; lines that
/// start with a bullet or a list number become list items.
public struct TextReader: Sendable {
    public init() {}

    /// Reads text bytes into pages of lines.
    /// - Throws: ``InputFailure`` `.empty` when the text is only white space.
    public func read(_ data: Data) throws(InputFailure) -> SourceDocument {
        let text = TextDecoding.decode(data)
        if text.unicodeScalars.allSatisfy(Whitespace.isSpace) {
            throw InputFailure(.empty, "the file has no text")
        }
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var pages: [SourcePage] = []
        var lines: [SourceLine] = []
        var bold = BoldMarkup()
        for (index, fileLine) in normalised.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // A form feed ends a page but not a line: text after it is still on this file line.
            for (part, segment) in fileLine.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated() {
                if part > 0 {
                    pages.append(SourcePage(number: pages.count + 1, lines: lines))
                    lines = []
                    bold.reset()
                }
                if let line = Self.line(segment, number: index + 1, bold: &bold) {
                    lines.append(line)
                } else {
                    bold.reset()
                }
            }
        }
        pages.append(SourcePage(number: pages.count + 1, lines: lines))
        return RunningHeaderFilter().apply(to: SourceDocument(format: .text, pages: pages))
    }

    /// One file line as a ``SourceLine``: a table row when tabs separate two or more cells.
    static func line(_ raw: Substring, number: Int, bold: inout BoldMarkup) -> SourceLine? {
        if raw.unicodeScalars.allSatisfy(Whitespace.isSpace) { return nil }
        if raw.contains("\t") {
            let cells = raw.split(separator: "\t").map(cell).filter { !$0.isEmpty }
            if cells.count > 1 {
                return SourceLine(number: number, text: cells.joined(separator: "\t"), cells: cells, role: .tableRow)
            }
        }
        let cleaned = HTMLFragmentCleaner.containsMarkup(raw) ? HTMLFragmentCleaner.clean(raw) : String(raw)
        let (text, isBold) = bold.strip(cleaned)
        guard !text.isEmpty else { return nil }
        let shape = LineShape(text)
        if shape.looksLikeHeading(isBold: isBold) {
            return SourceLine(number: number, text: text, role: .heading, headingLevel: shape.headingLevel, isBold: isBold)
        }
        let role: LineRole = shape.listMarkerLength > 0 ? .listItem : .body
        return SourceLine(number: number, text: text, role: role, isBold: isBold)
    }

    /// One tab-separated cell, markup cleaned and trimmed.
    private static func cell(_ raw: Substring) -> String {
        let text = HTMLFragmentCleaner.containsMarkup(raw) ? HTMLFragmentCleaner.clean(raw) : Whitespace.collapse(raw.unicodeScalars)
        return BoldMarkup.removeMarkers(text)
    }
}
