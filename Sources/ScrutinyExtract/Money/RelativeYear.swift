import ScrutinyCore

/// Years named relative to the report's own ("in the previous year", "next year"), read as periods.
///
/// The phrases are data: a report that says "the year before" adds a row. Such a phrase dates only an
/// amount close to it, in the same clause ("£14,696 in the previous year", "an increase next year of £4m"),
/// never a whole sentence: "as a result of borrowing last year" says why, not when.
enum RelativeYear {
    /// Lowercased phrases and how many years each lies from the report's current year.
    static let phrases: [(phrase: ScalarText, offset: Int)] = [
        ("previous financial year", -1), ("previous year", -1), ("last financial year", -1), ("last year", -1),
        ("prior year", -1), ("next financial year", 1), ("next year", 1), ("following year", 1), ("coming year", 1),
    ].map { ($0.0.scalarText, $0.1) }

    /// The first letters of ``phrases``: a word starting with none of them starts no phrase.
    static let firstScalars: Set<Unicode.Scalar> = Set(phrases.map { $0.phrase[0] })

    /// The farthest (in scalars) a relative year may sit from the amount it dates.
    static let reach = 16

    /// The relative years of `sentence` as periods, each marked ``PeriodMention/isRelative``; none when the
    /// report's current year is unknown.
    static func mentions(in sentence: ScalarText, currentYear: String?) -> [PeriodMention] {
        guard let currentYear, let start = Int(currentYear.prefix(4)) else { return [] }
        var found: [PeriodMention] = []
        var index = 0
        while index < sentence.count {
            let startsWord = index == 0 || !sentence[index - 1].isLetter
            if startsWord, sentence[index].isASCII, firstScalars.contains(sentence[index].asciiLowercased),
               let match = phrases.first(where: { BudgetKindClassifier.startsLowercased(sentence, at: index, with: $0.phrase) }) {
                let year = start + match.offset
                var mention = PeriodMention(range: index..<(index + match.phrase.count),
                                            period: String(year) + "/" + PeriodParser.twoDigits((year + 1) % 100),
                                            preposition: "in")
                mention.isRelative = true
                found.append(mention)
                index += match.phrase.count
                continue
            }
            index += 1
        }
        return found
    }
}
