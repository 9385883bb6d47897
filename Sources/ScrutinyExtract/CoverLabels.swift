import Foundation

/// The document-block field a printed cover label names.
enum CoverField: Sendable, Hashable {
    case council
    case committee
    case meetingDate
    case agendaItem
    case title
    /// Who the report is from: "Report of", "From", "Cabinet Member", "Report authorised by".
    case reportBy
    /// "Report author": the contact when no contact is labelled, and who the report is by when nothing else says.
    case reportAuthor
    /// The contact officer: "Contact officer", "Enquiries to", "Contact for enquiries".
    case contact
    /// A cover label that names none of the fields ("Wards affected", "Classification"): read so that
    /// a row of labels is known as one and its value is not taken for another field's.
    case other
}

/// One printed label and the field it names.
struct CoverLabel: Sendable, Hashable {
    /// The label, lower case, words separated by single spaces, without its colon.
    let text: String
    let field: CoverField
    /// True when the value counts only if it names a person ("Portfolio: Cabinet Member for Finance,
    /// Councillor A" does; "Portfolio: Climate and Leisure" names an area, not who reports).
    let needsPerson: Bool

    init(_ text: String, _ field: CoverField, needsPerson: Bool = false) {
        self.text = text
        self.field = field
        self.needsPerson = needsPerson
    }
}

/// The labels councils print on report covers, as data: a council whose template prints another
/// label adds a row here.
enum CoverLabels {
    static let table: [CoverLabel] = [
        // The body the report goes to.
        .init("meeting", .committee), .init("meeting name", .committee), .init("name of meeting", .committee),
        .init("to", .committee), .init("report to", .committee), .init("committee", .committee),
        .init("name of committee", .committee), .init("decision maker", .committee), .init("decision taker", .committee),
        .init("meeting of", .committee), .init("submitted to", .committee),
        .init("decision making body", .committee), .init("body", .committee),
        // Its date.
        .init("date", .meetingDate), .init("date of meeting", .meetingDate), .init("meeting date", .meetingDate),
        .init("date of decision", .meetingDate), .init("decision date", .meetingDate),
        // The agenda item.
        .init("agenda item", .agendaItem), .init("item", .agendaItem), .init("item no", .agendaItem),
        .init("item number", .agendaItem), .init("agenda item no", .agendaItem), .init("agenda item number", .agendaItem),
        .init("agenda no", .agendaItem),
        // The title.
        .init("subject", .title), .init("title", .title), .init("report title", .title), .init("title of report", .title),
        .init("report subject", .title), .init("subject of report", .title), .init("report name", .title),
        .init("subject heading", .title), .init("name of report", .title),
        // Who the report is from.
        .init("report of", .reportBy), .init("report by", .reportBy), .init("report from", .reportBy), .init("from", .reportBy),
        .init("lead officer", .reportBy), .init("responsible officer", .reportBy), .init("cabinet member", .reportBy),
        .init("cabinet members", .reportBy), .init("portfolio holder", .reportBy), .init("executive member", .reportBy),
        .init("lead member", .reportBy), .init("lead cabinet member", .reportBy), .init("report authorised by", .reportBy),
        .init("authorised by", .reportBy),
        .init("responsible cabinet member", .reportBy), .init("cabinet portfolio holder", .reportBy),
        .init("responsible director", .reportBy), .init("lead director", .reportBy), .init("report sponsor", .reportBy),
        .init("sponsoring director", .reportBy), .init("accountable officer", .reportBy), .init("submitted by", .reportBy),
        .init("portfolio", .reportBy, needsPerson: true), .init("cabinet portfolio", .reportBy, needsPerson: true),
        // Who wrote it and whom to ask.
        .init("report author", .reportAuthor), .init("report authors", .reportAuthor), .init("report author(s)", .reportAuthor),
        .init("author", .reportAuthor),
        .init("lead author", .reportAuthor), .init("report writer", .reportAuthor),
        .init("contact officer", .contact), .init("contact officers", .contact), .init("contact", .contact),
        .init("officer contact", .contact), .init("enquiries to", .contact), .init("enquiries contact", .contact),
        .init("enquiries", .contact), .init("contact details", .contact), .init("contact for enquiries", .contact),
        .init("contact name", .contact), .init("contact person", .contact), .init("for further information contact", .contact),
        // The authority.
        .init("council", .council), .init("authority", .council), .init("local authority", .council),
        // Labels of other cover fields.
        .init("wards", .other), .init("ward", .other), .init("wards affected", .other), .init("ward(s)", .other),
        .init("ward(s) affected", .other), .init("ward(s) or groups affected", .other), .init("classification", .other),
        .init("reason for lateness", .other), .init("key decision", .other), .init("status", .other),
        .init("version", .other), .init("dated", .other), .init("report number", .other), .init("report reference", .other),
        .init("reference", .other), .init("forward plan reference", .other), .init("decision reference", .other),
        .init("date of report", .other), .init("report date", .other), .init("date of publication", .other),
        .init("date published", .other), .init("publication date", .other), .init("date of issue", .other),
        .init("exempt information", .other), .init("open or exempt", .other), .init("corporate priority", .other),
    ]

    /// Words that show a value names a person, for labels that need one.
    static let personMarkers = ["councillor", "cllr", "member", "leader", "mayor", "director", "officer", "head of",
                                "chief", "manager"]

    private static let byText: [String: CoverLabel] = Dictionary(table.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })

    /// How a label is set off from its value.
    enum Separator: Sendable { case punctuation, lineBreak, space, none }

    /// A label at the start of a text and what follows it.
    struct Match: Sendable {
        let label: CoverLabel
        let separator: Separator
        /// The text after the label and its separator, trimmed; empty when the label stands alone.
        let value: String
    }

    /// One pattern for every label, longest first, so "Contact for enquiries" wins over "Contact":
    /// the label, then a colon or dash (after an optional bracketed note, "(if applicable):"),
    /// a line break, spaces, or the end.
    private static let pattern: Pattern = {
        let alternatives = table.map(\.text).sorted { $0.count > $1.count }.map { label in
            label.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: #"[\s\-]+"#)
        }
        return Pattern(#"(?s)^[\s*]*("# + alternatives.joined(separator: "|")
            + #")\.?(?:(?:[ \t]*\([^)\n]*\))?[ \t]*([:\-–—?])|[ \t]*(\n)|[ \t]+(?=\S)|\s*$)\s*(.*)$"#)
    }()

    /// The first words of every label, for a cheap test before the pattern runs.
    private static let firstWords: [String] = Array(Set(table.compactMap { $0.text.split(separator: " ").first.map(String.init) }))

    /// The label `text` starts with, if any.
    static func match(_ text: String) -> Match? {
        guard TextScan.mayStart(text.trimmingHorizontalWhitespace, withOneOfWords: firstWords),
              let m = pattern.firstMatch(in: text), let printed = m[1], let label = byText[normalized(printed)] else { return nil }
        let value = (m[4] ?? "").trimmed
        let separator: Separator = m[2] != nil ? .punctuation : m[3] != nil ? .lineBreak : value.isEmpty ? .none : .space
        return Match(label: label, separator: separator, value: value)
    }

    /// True when `text` is a label and nothing else ("Date:", "Report author").
    static func isBareLabel(_ text: String) -> Bool {
        match(text)?.value.isEmpty == true
    }

    /// True when `value` names a person, as a label that needs one asks.
    static func namesPerson(_ value: String) -> Bool {
        let lower = value.lowercased()
        return personMarkers.contains { lower.contains($0) }
    }

    private static func normalized(_ printed: String) -> String {
        printed.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0.isNewline || $0 == "\t" })
            .joined(separator: " ")
    }
}
