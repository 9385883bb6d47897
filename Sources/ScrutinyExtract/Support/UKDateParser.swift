/// Reads dates as UK reports print them and gives them as ISO 8601 (`YYYY-MM-DD`).
///
/// Understands "29 SEPTEMBER 2014", "30th June 2021", "Tuesday, 16th September, 2014",
/// "Sept 3 2019", "30/06/2021", "30.06.21" (day first, as in the UK).
public struct UKDateParser: Sendable {
    public init() {}

    private static let monthNames: [(prefix: String, month: Int)] = [
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6),
        ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]
    private static let month = #"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"#
    private static let dayMonthYear = Pattern(#"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"# + month + #",?\s+(\d{4})\b"#)
    private static let monthDayYear = Pattern(#"\b"# + month + #"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#)
    private static let numeric = Pattern(#"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b"#)

    /// The first date printed in `text`, as `YYYY-MM-DD`; `nil` when there is none.
    public func firstDate(in text: String) -> String? {
        var best: (offset: Int, iso: String)?
        func consider(_ iso: String?, _ matched: String?) {
            guard let iso, let matched, let range = text.range(of: matched) else { return }
            let offset = text.distance(from: text.startIndex, to: range.lowerBound)
            if best == nil || offset < best!.offset { best = (offset, iso) }
        }
        for m in Self.dayMonthYear.allMatches(in: text) {
            consider(iso(day: m[1], month: m[2], year: m[3]), m[0])
            break
        }
        for m in Self.monthDayYear.allMatches(in: text) {
            consider(iso(day: m[2], month: m[1], year: m[3]), m[0])
            break
        }
        for m in Self.numeric.allMatches(in: text) {
            guard let y = m[3] else { continue }
            let year = y.count == 2 ? "20" + y : y
            if let iso = isoNumeric(day: m[1], month: m[2], year: year) { consider(iso, m[0]); break }
        }
        return best?.iso
    }

    private func iso(day: String?, month: String?, year: String?) -> String? {
        guard let month, let number = Self.monthNumber(month) else { return nil }
        return isoNumeric(day: day, month: String(number), year: year)
    }

    private func isoNumeric(day: String?, month: String?, year: String?) -> String? {
        guard let d = day.flatMap(Int.init), let m = month.flatMap(Int.init), let y = year.flatMap(Int.init),
              (1...12).contains(m), (1900...2100).contains(y), d >= 1, d <= Self.daysIn(month: m, year: y)
        else { return nil }
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    static func monthNumber(_ name: String) -> Int? {
        let lower = name.lowercased()
        return monthNames.first(where: { lower.hasPrefix($0.prefix) })?.month
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
