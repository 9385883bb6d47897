import ScrutinyCore

/// Builds one record per partnership the report is about: from its form ("Partnership name: X"
/// followed by labelled fields, over as many pages as it runs), from the list of partnerships
/// the report covers, or, for a report about one alliance or board, from the title.
public struct PartnershipExtractor: Sendable {
    public init() {}

    /// The form fields a label can introduce.
    enum Field: Sendable { case purpose, aims, statutory, role, members, achievements, priorities, other }

    private static let statutoryAnswer = Pattern(#"statutory\??\s*(?:\(\s*y\s*/\s*n\s*\))?\s*[?:\-–—]*\s*(yes|no|y|n)\b\s*[,.;:\-–—]?\s*(.*)$"#)
    private static let membersList = Pattern(#"(?:consists?|comprises?|is\s+made\s+up|membership\s+(?:includes|comprises|consists))\s+of\s+(?:the\s+following\s+)?(?:[\w\s]{0,40}?)?(?:local\s+authorities|authorities|councils|members|organisations|partners|bodies)?\s*:\s*([^.]+)"#)
    private static let labelSplit = Pattern(#"^(.{3,160}?[?:])(?:\s+(?:\(y/n\)\s*[–\-]?\s*)?(.*))?$"#)

    /// The partnership records of the outlined report whose title is `title`.
    public func extract(from lines: [OutlinedLine], title: String?) -> [Partnership] {
        extract(from: lines, directory: DocumentOutliner.directory(of: lines), title: title)
    }

    func extract(from lines: [OutlinedLine], directory: PartnershipDirectory, title: String?) -> [Partnership] {
        var records: [Partnership] = []
        // Read only when a partnership has no acronym of its own to look for.
        lazy var bracketed = BracketedLines(lines)
        // Which lines open or head a form, read once for every partnership with a form.
        let marks = directory.entries.contains(where: \.hasForm) ? FormMarks(lines, directory: directory) : nil
        for entry in directory.entries {
            let formLines = entry.hasForm ? Self.formLines(of: entry.name, in: lines, marks: marks!) : []
            var record = formLines.isEmpty ? Partnership(name: entry.name, provenance: entry.firstLine?.provenance ?? Provenance(page: nil, line: 1, section: nil))
                : read(form: formLines, name: entry.name)
            record.acronym = entry.acronym ?? Self.acronym(of: entry.name, in: bracketed)
            if directory.entries.count == 1 && !entry.hasForm && record.members.isEmpty {
                record.members = lines.lazy.compactMap { self.members(in: $0.text) }.first ?? []
            }
            records.append(record)
        }
        if records.isEmpty, let title, let name = Self.name(fromTitle: title) {
            let mention = lines.first { $0.text.localizedCaseInsensitiveContains(name) }
            let (canonical, acronym) = PartnershipDirectory.canonical(name)
            var record = Partnership(name: canonical, acronym: acronym,
                                     provenance: mention?.provenance ?? Provenance(page: nil, line: 1, section: nil))
            record.members = lines.lazy.compactMap { self.members(in: $0.text) }.first ?? []
            records.append(record)
        }
        if records.isEmpty {
            records = SubjectBodyFinder().subjects(in: lines, title: title).map { subject in
                Partnership(name: subject.name, acronym: subject.acronym ?? Self.acronym(of: subject.name, in: lines),
                            provenance: subject.line.provenance)
            }
        }
        return records
    }

    /// The acronym the report gives a name in brackets after it: "Vale Forest Partnership (VFP)".
    static func acronym(of name: String, in lines: [OutlinedLine]) -> String? {
        acronym(of: name, in: BracketedLines(lines))
    }

    /// ``acronym(of:in:)`` over lines already lowercased, for looking up many names.
    static func acronym(of name: String, in lines: BracketedLines) -> String? {
        let key = name.lowercased() + " ("
        for (text, lower) in lines.texts where lower.includes(key) {
            guard let range = lower.range(of: key) else { continue }
            let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
            let after = text.dropFirst(offset).prefix { $0 != ")" }
            if (2...8).contains(after.count), after.allSatisfy({ $0.isUppercase || $0 == "&" }) { return String(after) }
        }
        return acronymOfLongerName(name, in: lines)
    }

    /// The acronym of the name with one more word, when its letters are that name's initials: a
    /// "Vale Land Partnership" printed as "Vale Land Partnership Group (VLPG)".
    private static func acronymOfLongerName(_ name: String, in lines: BracketedLines) -> String? {
        let key = name.lowercased() + " "
        let initials = String(name.split(separator: " ").compactMap { $0.first?.isUppercase == true ? $0.first : nil })
        for (text, lower) in lines.texts where lower.includes(key) {
            guard let range = lower.range(of: key) else { continue }
            let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
            let rest = text.dropFirst(offset).split(separator: " ", maxSplits: 2)
            guard rest.count >= 2, let extra = rest[0].first, extra.isUppercase, rest[1].hasPrefix("("),
                  let close = rest[1].firstIndex(of: ")") else { continue }
            let acronym = rest[1][rest[1].index(after: rest[1].startIndex)..<close]
            if acronym == initials + String(extra) { return String(acronym) }
        }
        return nil
    }

    /// The lines that open a bracket, each with its lowercased text: where a name's acronym can be.
    struct BracketedLines {
        var texts: [(text: String, lower: String)]

        init(_ lines: [OutlinedLine]) {
            texts = lines.lazy.filter { $0.text.containsByte(UInt8(ascii: "(")) }.map { ($0.text, $0.text.lowercasedByScalar) }
        }
    }

    /// The body a title is about: "Mid-Essex Alliance – Memorandum of Understanding" is "Mid-Essex
    /// Alliance" (see ``TitleSubject/body(in:)``).
    static func name(fromTitle title: String) -> String? {
        TitleSubject.body(in: title)
    }

    // MARK: - Forms

    /// The lines of a partnership's form: from each "Partnership name: X" line while the
    /// outliner keeps the line in X.
    static func formLines(of name: String, in lines: [OutlinedLine], marks: FormMarks) -> [OutlinedLine] {
        var out: [OutlinedLine] = []
        var collecting = false
        for (index, line) in lines.enumerated() {
            if let opened = marks.opens[index] {
                collecting = opened == name
            } else if line.isHeading, line.partnership == name, marks.headingNames[index] == name {
                collecting = true
                out.append(line)
                continue
            } else if line.partnership != name {
                collecting = false
            }
            if collecting { out.append(line) }
        }
        return out
    }

    private func read(form: [OutlinedLine], name: String) -> Partnership {
        var record = Partnership(name: name, provenance: form[0].provenance)
        var field = Field.other
        var purpose: [String] = []
        var role: [String] = []
        var statutoryText: String?
        for line in form.dropFirst() where DocumentOutliner.formName(line) == nil {
            var content: String? = line.role == .tableRow ? nil : line.text
            if line.role != .listItem && line.role != .tableRow, let (label, value) = label(of: line),
               let labelField = Self.field(of: label),
               labelField != .other || label.hasSuffix("?") || Self.isMoneyLabel(label) {
                field = labelField
                content = value
                if field == .statutory { statutoryText = line.text }
            }
            if line.role == .tableRow {
                // A form laid out as a table: label cell, value cell(s).
                let cells = line.filledCells
                if let labelField = Self.field(of: cells[0]), cells[0].wordCount <= 16 {
                    field = labelField
                    content = cells.dropFirst().joined(separator: " ")
                    if field == .statutory { statutoryText = cells.joined(separator: " ") }
                } else if field == .aims || field == .priorities || field == .achievements {
                    append(cells, to: field, of: &record)
                    continue
                } else {
                    content = cells.joined(separator: " ")
                }
            }
            if let members = members(in: line.text), record.members.isEmpty { record.members = members }
            guard let text = content?.trimmed, !text.isEmpty else { continue }
            switch field {
            case .purpose: purpose.append(text)
            case .role: role.append(text)
            case .aims, .achievements, .priorities:
                if line.role == .listItem || record.items(field).isEmpty || line.isHeading {
                    append([ListMarker.split(text).map(\.rest) ?? text], to: field, of: &record)
                } else {
                    record.extendLast(field, with: text)
                }
            case .statutory where statutoryText == nil: statutoryText = text
            default: break
            }
        }
        record.purpose = purpose.isEmpty ? nil : purpose.joined(separator: " ")
        record.councilRole = role.isEmpty ? nil : role.joined(separator: " ")
        if let statutoryText { (record.statutory, record.statutoryBasis) = Self.statutory(statutoryText) }
        return record
    }

    private func append(_ items: [String], to field: Field, of record: inout Partnership) {
        let clean = items.map(\.trimmed).filter { !$0.isEmpty }
        switch field {
        case .aims: record.aims += clean
        case .achievements: record.achievements += clean
        case .priorities: record.priorities += clean
        default: break
        }
    }

    /// A form label at the start of the line and the value after it: "Partnership's purpose: X".
    private func label(of line: OutlinedLine) -> (String, String?)? {
        let text = line.text
        if line.isHeading { return (text, nil) }
        guard let m = Self.labelSplit.firstMatch(in: text), let label = m[1], label.wordCount <= 20,
              let value = m[2]?.trimmed, !value.isEmpty else { return nil }
        return (label, value)
    }

    private static func isMoneyLabel(_ label: String) -> Bool {
        let lower = label.lowercased()
        return lower.includes("budget") || lower.includes("contribut") || lower.includes("financ")
    }

    /// The field a label introduces, from its words; `nil` when it introduces none we keep.
    static func field(of label: String) -> Field? {
        let lower = label.lowercased()
        if lower.includes("statutory") { return .statutory }
        if lower.includes("achievement") { return .achievements }
        if lower.includes("priorit") && !lower.hasPrefix("a)") && !lower.hasPrefix("b)") && (lower.hasSuffix("?") || lower.hasSuffix(":") || lower.wordCount <= 8) && !lower.includes("corporate plan") { return .priorities }
        if lower.includes("aims") || lower.includes("objectives") { return .aims }
        if lower.includes("purpose") { return .purpose }
        if lower.includes(" role") || lower.hasPrefix("role") { return .role }
        if lower.includes("member") && (lower.hasSuffix("?") || lower.hasSuffix(":")) { return .members }
        if lower.hasSuffix("?") || lower.hasSuffix(":") || lower.includes("budget") || lower.includes("contribut") { return .other }
        return nil
    }

    /// "(Y/N) – Yes, under section 11 Children Act 1989" is (true, "section 11 Children Act 1989").
    static func statutory(_ text: String) -> (Bool?, String?) {
        guard let m = statutoryAnswer.firstMatch(in: text), let answer = m[1]?.lowercased() else { return (nil, nil) }
        let yes = answer.hasPrefix("y")
        var basis = (m[2] ?? "").trimmed.droppingTrailingPunctuation
        for lead in ["under ", "as per ", "by virtue of ", "in accordance with ", "required by ", "because of "] where basis.lowercased().hasPrefix(lead) {
            basis = String(basis.dropFirst(lead.count))
        }
        return (yes, yes && !basis.isEmpty ? basis : nil)
    }

    /// The members listed in "consists of the following local authorities: A, B and C".
    func members(in text: String) -> [String]? {
        guard text.containsByte(UInt8(ascii: ":")), let m = Self.membersList.firstMatch(in: text), let list = m[1] else { return nil }
        let parts = list.replacingOccurrences(of: " and ", with: ", ").split(separator: ",").map { String($0).trimmed }
        let names = parts.filter { !$0.isEmpty && $0.wordCount <= 6 }
        return names.count >= 2 ? names : nil
    }
}

extension Partnership {
    func items(_ field: PartnershipExtractor.Field) -> [String] {
        switch field {
        case .aims: aims
        case .achievements: achievements
        case .priorities: priorities
        default: []
        }
    }

    mutating func extendLast(_ field: PartnershipExtractor.Field, with text: String) {
        switch field {
        case .aims where !aims.isEmpty: aims[aims.count - 1] += " " + text
        case .achievements where !achievements.isEmpty: achievements[achievements.count - 1] += " " + text
        case .priorities where !priorities.isEmpty: priorities[priorities.count - 1] += " " + text
        default: break
        }
    }
}

/// What each line says about partnership forms, read once for a report rather than once per partnership.
struct FormMarks {
    /// Per line: the partnership whose form a "Partnership name: X" line opens (resolved against the
    /// directory, else its canonical name); `nil` for any other line.
    var opens: [String?]
    /// Per line: the partnership a heading that carries a partnership resolves to; `nil` otherwise.
    var headingNames: [String?]

    init(_ lines: [OutlinedLine], directory: PartnershipDirectory) {
        let opened = lines.map { line in
            DocumentOutliner.formName(line).map { directory.resolve($0) ?? PartnershipDirectory.canonical($0).name }
        }
        opens = opened
        headingNames = lines.indices.map { index in
            let line = lines[index]
            guard line.isHeading, line.partnership != nil, opened[index] == nil else { return nil }
            return directory.resolve(line.text)
        }
    }
}
