import ScrutinyCore

/// Qualifiers that make an amount approximate from further away than the words just before it: an
/// "estimated" earlier in its clause ("the estimated value of the contract is £3.4m") and a bound after
/// it ("£12,000 or less", "£125,001 and above", "£12m+").
extension MoneyParser {
    /// Words that, earlier in the amount's clause, make it an estimate.
    /// ("Estimate" alone names the figure, "the business plan estimate of £156,375", and is no qualifier.)
    static let estimateWords: Set<String> = ["estimated", "est."]
    /// Words before "estimated" that make it a verb with a subject ("we had estimated"): the amount is not the estimate.
    static let estimateSubjects: Set<String> = ["had", "have", "has", "we", "they", "i"]
    /// How many words back an "estimated" is looked for.
    static let estimateReach = 10
    /// Words after an amount that make it a bound (lowercased word pairs).
    static let boundsAfter: Set<String> = [
        "or more", "or less", "and above", "or above", "and over", "or over", "and below", "or below", "or under",
        "and under", "or higher", "or lower",
    ]

    /// True when an "estimated" stands earlier in the clause before `offset`, not as the verb of a subject.
    static func isEstimated(_ chars: ScalarText, before offset: Int) -> Bool {
        let words = lowercasedWords(before: offset, in: chars, count: estimateReach)
        guard let index = words.lastIndex(where: estimateWords.contains) else { return false }
        return index == 0 || !estimateSubjects.contains(words[index - 1])
    }

    /// True when the amount ending at `end` is a bound: "+" straight after it, or "or more", "and above"…
    static func isBound(_ chars: ScalarText, after end: Int) -> Bool {
        if end < chars.count, chars[end] == "+" { return true }
        let after = AmountRate.words(in: chars, from: end, count: 2)
        return after.count == 2 && boundsAfter.contains(after.joined(separator: " "))
    }
}
