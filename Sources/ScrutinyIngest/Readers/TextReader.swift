import Foundation
import ScrutinyCore

/// Reads plain text: UTF-8 (Windows-1252 where the bytes are not UTF-8), any line ending,
/// form feeds as page breaks, tabs as table-cell separators.
public struct TextReader: Sendable {
    public init() {}

    public func read(_ data: Data) throws(InputFailure) -> SourceDocument {
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else {
            throw InputFailure(.unsupported, "the text is neither UTF-8 nor Windows-1252")
        }
        if text.allSatisfy(\.isWhitespace) {
            throw InputFailure(.empty, "the file has no text")
        }
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var pages: [SourcePage] = []
        var lines: [SourceLine] = []
        for (index, fileLine) in normalised.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // A form feed ends a page but not a line: text after it is still on this file line.
            for (part, segment) in fileLine.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated() {
                if part > 0 {
                    pages.append(SourcePage(number: pages.count + 1, lines: lines))
                    lines = []
                }
                if let line = Self.line(segment, number: index + 1) { lines.append(line) }
            }
        }
        pages.append(SourcePage(number: pages.count + 1, lines: lines))
        return SourceDocument(format: .text, pages: pages)
    }

    /// One file line as a ``SourceLine``: a table row when tabs separate two or more cells.
    static func line(_ raw: Substring, number: Int) -> SourceLine? {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        let cells = raw.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if cells.count > 1 {
            return SourceLine(number: number, text: cells.joined(separator: "\t"), cells: cells, role: .tableRow)
        }
        return SourceLine(number: number, text: trimmed)
    }
}
