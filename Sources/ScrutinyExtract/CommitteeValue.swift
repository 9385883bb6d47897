import Foundation

/// The committee a cover's value names: the first body where it lists two ("Cabinet ⏎ Council",
/// "Cabinet / Council", "Cabinet and Full Council"), the whole value where a name only wraps
/// ("Overview and Scrutiny ⏎ Committee").
enum CommitteeValue {
    /// Nouns a body's name ends with.
    static let bodyNouns: Set<String> = ["committee", "sub-committee", "cabinet", "council", "board", "panel", "executive",
                                         "forum", "assembly", "commission", "group", "partnership"]
    private static let monthWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "st", "nd", "rd", "th",
    ]
    private static let separators = [" / ", "; ", " and then ", " and ", " & ", "\n"]

    /// The first body in `value`.
    static func first(in value: String) -> String {
        for separator in separators where value.contains(separator) {
            let parts = value.components(separatedBy: separator).map { $0.trimmed }
            if parts.count >= 2, parts.allSatisfy(namesABody(_:)) { return parts[0] }
        }
        return value.split(whereSeparator: \.isNewline).map { String($0).trimmed }.joined(separator: " ")
    }

    /// True when `text`, once a date after it is dropped, ends with a body noun ("Cabinet – 5 June 2025").
    private static func namesABody(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" })
        guard let last = words.last(where: { !monthWords.contains(String($0)) }) else { return false }
        return bodyNouns.contains(String(last))
    }
}
