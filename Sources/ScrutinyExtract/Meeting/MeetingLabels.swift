import Foundation

/// The meeting field a front sheet's label names.
enum MeetingField: Sendable, Hashable {
    case committee
    case date
    case time
    /// "Date and time": a date and a time in one value.
    case dateAndTime
    case venue
    case council
    /// A date that is not the meeting's: "Date of publication", "Despatched". Read so that the label
    /// is known as one and its value is never taken for the meeting's date.
    case otherDate
    /// A label of another detail ("Enquiries to", "Membership"): read so that a row of labels is known
    /// as one and its value is never taken for another field's.
    case other
}

/// The labels agenda front sheets print before the meeting's details (CMIS "Meeting: … Date: …
/// Time: … Venue: …", Modern.gov "Date and Time" / "Place"), as data: a council whose template
/// prints another label adds a row here.
enum MeetingLabels {
    static let table: [(text: String, field: MeetingField)] = [
        ("meeting", .committee), ("meeting of", .committee), ("meeting name", .committee), ("name of meeting", .committee),
        ("committee", .committee), ("name of committee", .committee), ("body", .committee), ("decision maker", .committee),
        ("date", .date), ("meeting date", .date), ("date of meeting", .date), ("day", .date),
        ("date and time", .dateAndTime), ("date & time", .dateAndTime), ("date/time", .dateAndTime),
        ("time and date", .dateAndTime), ("when", .dateAndTime), ("date and time of meeting", .dateAndTime),
        ("date, time and venue", .dateAndTime), ("date, time and place", .dateAndTime), ("time and venue", .time),
        ("time and place", .time), ("date and venue", .date), ("date and place", .date),
        ("time", .time), ("start time", .time), ("meeting time", .time), ("time of meeting", .time), ("starts", .time),
        ("venue", .venue), ("place", .venue), ("location", .venue), ("where", .venue), ("meeting place", .venue),
        ("meeting venue", .venue), ("venue and address", .venue), ("address", .venue), ("meeting location", .venue),
        ("council", .council), ("authority", .council),
        ("date of publication", .otherDate), ("publication date", .otherDate), ("date published", .otherDate),
        ("published", .otherDate), ("published on", .otherDate), ("date of issue", .otherDate), ("issue date", .otherDate),
        ("issued", .otherDate), ("issued on", .otherDate), ("despatched", .otherDate), ("dispatched", .otherDate),
        ("despatch date", .otherDate), ("date of despatch", .otherDate), ("date of dispatch", .otherDate),
        ("agenda published", .otherDate), ("printed", .otherDate), ("circulated", .otherDate), ("date sent", .otherDate),
        ("enquiries to", .other), ("enquiries", .other), ("contact", .other), ("contact officer", .other),
        ("contact details", .other), ("democratic services officer", .other), ("clerk", .other), ("membership", .other),
        ("members", .other), ("to", .other), ("quorum", .other), ("chair", .other), ("vice-chair", .other),
        ("email", .other), ("e-mail", .other), ("telephone", .other), ("tel", .other), ("webpage", .other), ("website", .other),
    ]

    private static let byText: [String: MeetingField] = Dictionary(table.map { ($0.text, $0.field) },
                                                                    uniquingKeysWith: { first, _ in first })

    /// How a label is set off from its value.
    enum Separator: Sendable { case punctuation, space, none }

    /// A label at the start of a text and what follows it.
    struct Match: Sendable {
        let field: MeetingField
        let separator: Separator
        /// The text after the label and its separator, trimmed; empty when the label stands alone.
        let value: String
    }

    /// One pattern for every label, longest first ("Date of meeting" wins over "Date"): the label, then
    /// a colon or dash, spaces before a value, or the end.
    private static let pattern: Pattern = {
        let alternatives = table.map(\.text).sorted { $0.count > $1.count }.map { label in
            label.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: #"\s+"#)
        }
        return Pattern(#"(?s)^\s*("# + alternatives.joined(separator: "|") + #")(?:\s*([:\-–—])|[ \t]+(?=\S)|\s*$)\s*(.*)$"#)
    }()

    /// The label `text` starts with, if any.
    static func match(_ text: String) -> Match? {
        guard let m = pattern.firstMatch(in: text), let printed = m[1],
              let field = byText[printed.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")] else { return nil }
        let value = (m[3] ?? "").trimmed
        let separator: Separator = m[2] != nil ? .punctuation : value.isEmpty ? .none : .space
        return Match(field: field, separator: separator, value: value)
    }

    /// True when `text` is a label and nothing else ("Venue:", "Date and Time").
    static func isBareLabel(_ text: String) -> Bool { match(text)?.value.isEmpty == true }

    /// True when `text` opens with a label set off as one: "Venue: …", "Date" alone; not "Committee Room 2".
    static func opensWithLabel(_ text: String) -> Bool { match(text).map { $0.separator != .space } ?? false }
}
