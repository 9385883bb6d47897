import ScrutinyCore

/// Whether an amount is a rate ("£42.32 per week", "£2m a year", "an annual cost of £3m") rather than one
/// year's figure: a rate is dated only by a year its own sentence prints, never by the report's year.
enum AmountRate {
    /// Words just after an amount that make it a rate (lowercased).
    static let wordsAfter: Set<String> = ["per", "pw", "pa", "p.a", "weekly", "monthly", "annually", "yearly", "each"]
    /// Two words just after an amount that make it a rate.
    static let pairsAfter: Set<String> = ["a week", "a month", "a year", "each year", "every year", "a day"]
    /// Words just before an amount (or its "of") that make it a rate.
    static let wordsBefore: Set<String> = ["annual", "weekly", "monthly", "yearly"]

    /// True when the words around `amount` in `sentence` make it a rate.
    static func isRate(_ amount: Range<Int>, in sentence: ScalarText) -> Bool {
        let after = words(in: sentence, from: amount.upperBound, count: 2)
        if let first = after.first, wordsAfter.contains(first) { return true }
        if after.count == 2, pairsAfter.contains(after.joined(separator: " ")) { return true }
        let before = MoneyParser.lowercasedWords(before: amount.lowerBound, in: sentence, count: 3)
        return before.suffix(3).contains(where: wordsBefore.contains)
    }

    /// Words that join the amounts of a list ("£1, £2, or £3 weekly"): the list shares what follows its last amount.
    static let listJoiners: Set<String> = ["or", "and"]

    /// True when the amount at `index` of `amounts`, or the last amount of the list it opens, is a rate.
    static func isRate(_ index: Int, of amounts: [Range<Int>], in sentence: ScalarText) -> Bool {
        var last = index
        while last + 1 < amounts.count, joinsList(sentence, from: amounts[last].upperBound, to: amounts[last + 1].lowerBound) {
            last += 1
        }
        return isRate(amounts[index], in: sentence) || (last != index && isRate(amounts[last], in: sentence))
    }

    /// True when the scalars between two amounts only join a list: commas, spaces, "or", "and".
    static func joinsList(_ sentence: ScalarText, from start: Int, to end: Int) -> Bool {
        guard start <= end, end - start <= 8 else { return false }
        let between = String(scalars: sentence[start..<end])
        let words = between.split(whereSeparator: { $0 == " " || $0 == "," })
        guard words.allSatisfy({ listJoiners.contains($0.lowercased()) }) else { return false }
        return !words.isEmpty || between.contains(",")
    }

    /// Up to `count` lowercased words of letters starting at `offset`, stopping at a clause mark.
    static func words(in sentence: ScalarText, from offset: Int, count: Int) -> [String] {
        var words: [String] = []
        var index = offset
        while words.count < count, index < sentence.count {
            let scalar = sentence[index]
            if ",;:()".unicodeScalars.contains(scalar) { break }
            guard scalar.isLetter else { index += 1; continue }
            let start = index
            while index < sentence.count, sentence[index].isLetter || sentence[index] == "." { index += 1 }
            // A stop after the word ends the sentence ("or less."); one inside it is the word's ("p.a").
            var end = index
            while end > start + 1, sentence[end - 1] == "." { end -= 1 }
            words.append(String(scalars: sentence[start..<end]).lowercasedByScalar)
        }
        return words
    }
}
