import ScrutinyCore

/// Turns a document's lines into outlined lines with clean text: no page furniture, no inline
/// markup, bullets taken off list items, and a "Partnership name: X" header that the export
/// glued to the form's first label split back into two lines.
struct LineCleaner: Sendable {
    private static let gluedNameLabel = Pattern(#"^\s*(?:\*\*)?\s*((?:partnership(?:'s|’s)?\s+name|name\s+of\s+(?:the\s+)?partnership)\s*:\s*[^*]+?)\s*\*\*(.+)$"#)

    // The same header glued to the label with only a space: "Partnership name: X (XP) Partnership's purpose:".
    private static let spacedNameLabel = Pattern(#"^\s*((?:partnership(?:'s|’s)?\s+name|name\s+of\s+(?:the\s+)?partnership)\s*:\s*.+?)(?:\s+|(?<=[)\p{Ll}])(?=\p{Lu}))((?:(?:the\s+)?partnership(?:'s|’s)\s+)?(?:purpose|aims(?:\s+and\s+objectives)?|objectives|role|description|background)\b[^:?]{0,40}[:?]?)$"#)

    func clean(_ document: SourceDocument) -> [OutlinedLine] {
        var out: [OutlinedLine] = []
        let pdf = document.format == .pdf
        for page in document.pages {
            for line in page.lines where !line.isFurniture {
                for (text, cells) in split(line) {
                    out.append(outlined(line, text: text, cells: cells, page: pdf ? page.number : nil))
                }
            }
        }
        return out
    }

    /// The line's text and cells, as one or (for a glued name label) two parts.
    private func split(_ line: SourceLine) -> [(String, [String])] {
        // Both glued forms start with a name label, so the line names one.
        guard TextScan.containsASCIICaseInsensitive(line.text, "name"),
              TextScan.mayContain(line.text, caseInsensitively: "partnership"),
              Self.mayOpenWithNameLabel(line.text) else { return [(line.text, line.cells)] }
        if line.role != .tableRow, let m = Self.gluedNameLabel.firstMatch(in: line.text), let name = m[1], let rest = m[2] {
            return [(name, [name]), (rest, [rest])]
        }
        if line.role != .tableRow, let m = Self.spacedNameLabel.firstMatch(in: line.text), let name = m[1], let rest = m[2] {
            return [(name, [name]), (rest, [rest])]
        }
        return [(line.text, line.cells)]
    }

    /// False only when `text` surely does not open as both glued forms must: white space and "**" aside,
    /// with "partnership" or "name" in any case. The first other byte decides; a non-ASCII one passes,
    /// so the patterns' own white space and case folding still decide.
    static func mayOpenWithNameLabel(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count, bytes[index] == 0x20 || (bytes[index] >= 0x09 && bytes[index] <= 0x0D)
                || bytes[index] == UInt8(ascii: "*") { index += 1 }
            guard index < bytes.count else { return false }
            let lead = bytes[index]
            return lead >= 0x80 || lead | 0x20 == UInt8(ascii: "p") || lead | 0x20 == UInt8(ascii: "n")
        }
    }

    private func outlined(_ line: SourceLine, text raw: String, cells rawCells: [String], page: Int?) -> OutlinedLine {
        let isTable = line.role == .tableRow
        var role = line.role
        var isBold = line.isBold
        let trimmed = raw.trimmed
        if !isBold && trimmed.utf8.first == UInt8(ascii: "*") && trimmed.hasPrefix("**") && trimmed.hasSuffix("**")
            && trimmed.count > 4 { isBold = true }
        var cells: [String]
        var text: String
        // Inline cleaning takes "•" off as a paragraph break, so the raw text tells.
        var isBulleted = !isTable && ListMarker.strippingBullet(raw) != nil
        let cleanedCells = isTable ? rawCells.map(InlineMarkup.clean) : []
        let filled = cleanedCells.filter { !$0.isEmpty }
        if isTable && filled.count >= 2 || isTable && cleanedCells.first?.isEmpty == true {
            cells = cleanedCells
            text = cells.joinedInOneBuffer(separator: "\t")
        } else if isTable {
            // A "row" with one filled cell is a paragraph laid out in a table: read it as one.
            role = .body
            text = (filled.first ?? "").newlinesAsSpaces
            cells = [text]
        } else {
            text = InlineMarkup.clean(raw).newlinesAsSpaces
            if let rest = ListMarker.strippingBullet(text) {
                text = rest
                isBulleted = true
                if role == .body { role = .listItem }
            }
            cells = [text]
        }
        var outlined = OutlinedLine(page: page, lineNumber: line.number, text: text, cells: cells, role: role,
                                    isBold: isBold, fontSize: line.fontSize, headingLevel: line.headingLevel)
        outlined.isBulleted = isBulleted
        if page != nil { outlined.box = line.box?.standardized.roundedToHundredths }
        outlined.isHeading = HeadingRule.isHeading(text, role: role, isBold: isBold)
        return outlined
    }
}
