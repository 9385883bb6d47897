import ScrutinyCore

/// A PDF's document information (title, author, creation date) as scrutiny records it.
enum DocumentInformation {
    /// Metadata from the information entries: blank values dropped, the creation date (seconds
    /// since 1970; not positive for none) written as ISO 8601 in UTC.
    static func metadata(title: String?, author: String?, creationSeconds: Int64) -> DocumentMetadata {
        func clean(_ value: String?) -> String? {
            guard let value = value?.trimmingSpaces(), !value.isEmpty else { return nil }
            return value
        }
        return DocumentMetadata(title: clean(title), author: clean(author),
                                created: creationSeconds > 0 ? iso8601(secondsSince1970: creationSeconds) : nil)
    }

    /// `2021-06-14T10:22:00Z` for a moment in seconds since 1970 (proleptic Gregorian, UTC).
    static func iso8601(secondsSince1970 seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        // Days since 1970-01-01 to a civil date, counting in 400-year eras from 0000-03-01.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T\(padded(time / 3_600, 2)):\(padded(time % 3_600 / 60, 2)):\(padded(time % 60, 2))Z"
    }
}
