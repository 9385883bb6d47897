import Foundation

/// Reads a meeting's time as front sheets print it ("7.00 pm", "7pm", "10:00am", "10.30 a.m.", "19:00",
/// "12 noon") and gives it as 24-hour `HH:MM`.
enum MeetingClock {
    private static let twelveHour = Pattern(#"(?<![\d.:/£$])(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s?m\b\.?"#)
    private static let noon = Pattern(#"\b(?:12(?:[.:]00)?\s*)?(?:noon|midday)\b"#)
    private static let colon = Pattern(#"(?<![\d.:/£$])([01]?\d|2[0-3]):([0-5]\d)(?![\d.:/])(?:\s*(?:hrs|hours)\b)?"#)
    private static let dotted = Pattern(#"(?<![\d.:/£$])([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d.:/])(?:\s*(?:hrs|hours)\b)?"#)
    private static let endTime = Pattern(#"^\s*(?:-|–|—|to|until)\s*(?:\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\b\.?)?|noon|midday)"#)

    /// The first time in `text` as `HH:MM` and the text after it (an end time "– 8.30 pm" skipped). A time
    /// without am/pm needs a colon unless `dotted` ("19.00" where the text is known to be a time).
    static func first(in text: String, dotted allowDots: Bool) -> (time: String, after: String)? {
        guard let (time, matched) = earliest(in: text, dotted: allowDots), let range = text.range(of: matched) else { return nil }
        var after = String(text[range.upperBound...])
        if let end = endTime.firstMatch(in: after)?[0] { after = String(after.dropFirst(end.count)) }
        return (time, after)
    }

    /// The printed text of the first time in `text`.
    static func matchedText(in text: String) -> String? { earliest(in: text, dotted: false)?.matched }

    /// True when `text` opens with a time: "7.00 pm", "11.00 am 160 High Street".
    static func opens(_ text: String) -> Bool {
        guard let matched = earliest(in: text, dotted: true)?.matched else { return false }
        return text.trimmed.hasPrefix(matched)
    }

    private static func earliest(in text: String, dotted allowDots: Bool) -> (time: String, matched: String)? {
        var best: (offset: Int, time: String, matched: String)?
        func consider(_ time: String?, _ matched: String?) {
            guard let time, let matched, let range = text.range(of: matched) else { return }
            let offset = text.distance(from: text.startIndex, to: range.lowerBound)
            if best == nil || offset < best!.offset { best = (offset, time, matched) }
        }
        if let m = twelveHour.firstMatch(in: text), let hour = m[1].flatMap(Int.init), (1...12).contains(hour) {
            let minute = m[2].flatMap(Int.init) ?? 0
            let pm = m[3]?.lowercased() == "p"
            consider(minute < 60 ? format(hour % 12 + (pm ? 12 : 0), minute) : nil, m[0])
        }
        if let m = noon.firstMatch(in: text) { consider("12:00", m[0]) }
        for pattern in allowDots ? [colon, dotted] : [colon] {
            if let m = pattern.firstMatch(in: text), let hour = m[1].flatMap(Int.init), let minute = m[2].flatMap(Int.init) {
                consider(format(hour, minute), m[0])
            }
        }
        return best.map { ($0.time, $0.matched) }
    }

    private static func format(_ hour: Int, _ minute: Int) -> String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}
