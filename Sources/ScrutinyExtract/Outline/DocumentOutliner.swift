import ScrutinyCore

/// Gives each line of a document its section heading and partnership, dropping page furniture.
///
/// Three passes over the lines: clean them (markup, bullets, running "Partnership name: X"
/// headers glued to the next label), collect the partnerships the report names (forms and the
/// list of partnerships it covers), then walk the lines keeping the current heading and the
/// current partnership (a form, a partnership's own section, or a progress-table group).
public struct DocumentOutliner: Sendable {
    public init() {}

    /// The outlined lines of `document`, in reading order, without running headers and footers.
    public func outline(_ document: SourceDocument) -> [OutlinedLine] {
        outlineWithDirectory(document).lines
    }

    /// The outlined lines and the partnerships they were resolved against.
    func outlineWithDirectory(_ document: SourceDocument) -> (lines: [OutlinedLine], directory: PartnershipDirectory) {
        let cleaned = LineCleaner().clean(document)
        var directory = Self.directory(of: cleaned)
        // A report about one alliance or partnership ("X – Memorandum of Understanding"): every
        // line outside a progress-table group belongs to it.
        var wholeReport: String?
        if directory.entries.isEmpty,
           let title = DocumentBlockExtractor().title(from: cleaned, metadata: document.metadata),
           let name = PartnershipExtractor.name(fromTitle: title) {
            wholeReport = directory.add(name, hasForm: false, line: cleaned.first { $0.text.localizedCaseInsensitiveContains(name) })
            directory.titlePartnership = wholeReport
        }
        return (assign(cleaned, directory: directory, wholeReport: wholeReport), directory)
    }

    // MARK: - Partnership names

    private static let nameLabel = Pattern(#"^(?:partnership(?:'s|’s)?\s+name|name\s+of\s+(?:the\s+)?partnership)\s*[:\-–]\s*(.*)$"#)
    /// The partnership named by a "Partnership name: X" line or row, or `nil`.
    static func formName(_ line: OutlinedLine) -> String? {
        // The label names a partnership: a line none of whose cells holds the word has none.
        guard mayStartNameLabel(line),
              line.cells.contains(where: { TextScan.mayContain($0, caseInsensitively: "partnership") }) else { return nil }
        let cells = line.filledCells
        if let first = cells.first, let m = nameLabel.firstMatch(in: first), let value = m[1]?.trimmed {
            if !value.isEmpty { return value.wordCount <= 14 ? value : nil }
            if cells.count >= 2 { return cells[1].wordCount <= 14 ? cells[1] : nil }
        }
        return nil
    }

    /// True when the line's first filled cell starts with the letter of "Partnership name" or
    /// "Name of partnership": a cheap test that spares almost every line the pattern.
    private static func mayStartNameLabel(_ line: OutlinedLine) -> Bool {
        for cell in line.cells {
            guard let first = cell.trimmingHorizontalWhitespace.unicodeScalars.first else { continue }
            return first == "p" || first == "P" || first == "n" || first == "N"
        }
        return false
    }

    static func directory(of lines: [OutlinedLine]) -> PartnershipDirectory {
        var directory = PartnershipDirectory()
        for line in lines {
            if let name = formName(line) { directory.add(name, hasForm: true, line: line) }
        }
        // The list of partnerships the report covers: items after "... partnerships ...:".
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].partnershipListIntro else { continue }
            var next = index + 1
            while next < lines.count, lines[next].role == .listItem, let name = listedName(lines[next].text) {
                directory.add(name, hasForm: false, line: lines[next])
                next += 1
            }
        }
        // A report without forms or a list, with a section per partnership: its headings.
        if directory.entries.isEmpty {
            for line in lines.dropFirst(8) where line.isHeading {  // past the cover block
                if let name = headingName(line.text) { directory.add(name, hasForm: true, line: line) }
            }
        }
        return directory
    }

    private static let sectionWords = Pattern(#"^(?:appendix|annex|schedule|report|update|review|progress|about|our|your|this|these|its|their|why|how|what|who|role|work|annual|background|membership|future|new|other|joint|partnership)\b"#)

    /// The partnership a heading names ("3.2 Coastal Waste Partnership (CWP)"), or `nil`.
    static func headingName(_ text: String) -> String? {
        let bare = ListMarker.split(text).map(\.rest) ?? text
        let (name, _) = PartnershipDirectory.canonical(bare)
        guard (2...8).contains(name.wordCount), BodyVocabulary.endsInBodyType(name), !sectionWords.matches(name) else { return nil }
        let capitalised = name.split(separator: " ").allSatisfy { word in
            word.first?.isUppercase == true || TitleCaser.smallWords.contains(word.lowercased())
        }
        return capitalised ? bare : nil
    }

    /// A list item that is a partnership's name (short, capitalised, not a sentence); `nil` otherwise.
    static func listedName(_ text: String) -> String? {
        if ListMarker.split(text)?.number?.contains(".") == true { return nil }
        let (name, _) = PartnershipDirectory.canonical(text)
        guard let first = name.first, first.isUppercase, name.wordCount <= 10, !name.includes("?") else { return nil }
        if text.hasSuffix(".") && text.wordCount > 6 { return nil }
        return text
    }

    // MARK: - Sections and partnerships

    private func assign(_ lines: [OutlinedLine], directory: PartnershipDirectory, wholeReport: String?) -> [OutlinedLine] {
        var out: [OutlinedLine] = []
        out.reserveCapacity(lines.count)
        var section: String?
        var partnership: String?
        var scope = Scope.none
        var flatHeaderPending = false
        for (index, original) in lines.enumerated() {
            var line = original
            if flatHeaderPending {
                flatHeaderPending = false  // the "Progress" half of a text-exported header
            } else if ProgressTable.isFlatHeader(at: index, in: lines) {
                if scope != .progressTable { partnership = nil }
                scope = .progressTable
                flatHeaderPending = true
            } else if let printed = Self.formName(line) {
                let name = directory.resolve(printed) ?? PartnershipDirectory.canonical(printed).name
                if scope == .form && name == partnership { continue }  // a running header: same form goes on
                partnership = name
                scope = .form
                line.isHeading = true
                section = line.text
            } else if ProgressTable.isHeader(line) {
                if scope != .progressTable { partnership = nil }
                scope = .progressTable
                line.isHeading = false
            } else if scope == .progressTable, !(line.isHeading && HeadingRule.opensMajorSection(line.text, headingLevel: nil)),
                      let group = ProgressTable.groupName(line),
                      line.role == .tableRow || directory.resolve(group) != nil || group.wordCount <= 6 {
                partnership = directory.resolve(group) ?? PartnershipDirectory.canonical(group).name
                line.isHeading = false
            } else if line.isHeading {
                let label = line.text.hasSuffix("?") || line.text.hasSuffix(":")
                if HeadingRule.opensMajorSection(line.text, headingLevel: line.headingLevel) {
                    scope = .none
                    partnership = nil
                }
                if scope != .form && scope != .progressTable, !label {
                    if let name = directory.resolve(line.text) {
                        partnership = name
                        scope = .heading
                    } else if scope == .heading {
                        partnership = nil
                        scope = .none
                    }
                }
                section = line.text.droppingTrailingPunctuation.isEmpty ? section : line.text
            }
            line.section = section
            line.partnership = partnership ?? (scope == .progressTable ? nil : wholeReport)
            out.append(line)
        }
        return out
    }

    private enum Scope { case none, form, heading, progressTable }
}

extension OutlinedLine {
    private static let listIntro = Pattern(#"\b(?:"# + BodyVocabulary.plurals.joined(separator: "|") + #")\b.*:$"#)

    /// True for a line introducing a list of the partnerships the report covers.
    var partnershipListIntro: Bool { text.containsByte(UInt8(ascii: ":")) && Self.listIntro.matches(text) }
}
