/// The financial year a report is about, for amounts whose sentence, table and heading name none.
///
/// A report whose title names exactly one financial year ("Revenue Monitoring Report 2025-26", "Annual
/// Report 2023/24") is about that year: its in-year figures belong to it. A sentence that speaks of "the
/// current financial year" means the title's year, or else the financial year (April to March) in which
/// the meeting falls.
public struct ReportYear: Sendable, Hashable {
    /// The one financial year the title names, canonical ("2025/26"), or `nil`.
    public var titleYear: String?
    /// The financial year running on the meeting date, or `nil` when the date is unknown.
    public var meetingYear: String?

    /// A report about no one year.
    public init() {}

    /// Reads the title's year and the meeting date's ("YYYY-MM-DD") financial year.
    public init(title: String?, meetingDate: String?) {
        titleYear = title.flatMap(Self.onlyYear)
        meetingYear = meetingDate.flatMap(Self.financialYear)
    }

    /// The year "this year" or "the current financial year" means.
    public var currentYear: String? { titleYear ?? meetingYear }

    /// The one financial year of `title`, when it prints one and only one.
    static func onlyYear(of title: String) -> String? {
        let years = Set(PeriodParser().periods(in: title).map(\.period))
        return years.count == 1 ? years.first : nil
    }

    /// The financial year (April to March) holding an ISO date: "2008-05-20" is in 2008/09, "2026-01-29" in 2025/26.
    static func financialYear(of date: String) -> String? {
        let parts = date.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        let start = month >= 4 ? year : year - 1
        return String(start) + "/" + PeriodParser.twoDigits((start + 1) % 100)
    }
}

/// Phrases of a sentence that mean the report's current year ("in the current financial year", "this year").
enum CurrentYearPhrases {
    /// Lowercased phrases; a sentence holding one dates its undated amounts to ``ReportYear/currentYear``.
    static let phrases = [
        "current financial year", "this financial year", "current year", "this year", "in-year",
    ]

    /// True when the lowercased sentence speaks of the current year.
    static func mentioned(in lower: String) -> Bool { phrases.contains(where: lower.includes) }
}
