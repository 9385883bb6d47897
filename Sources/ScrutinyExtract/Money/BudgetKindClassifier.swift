import Foundation
import ScrutinyCore

/// Decides what a money amount is from the cue words around it.
///
/// The cue nearest the amount within its clause wins: "total recommended for allocation was £25,250
/// with the sum of £24,391 being held in reserve" makes the first an allocation and the second a reserve.
/// Words after the amount count only when they follow it closely ("£150,000 reserve maintained").
/// A cue that only says what money is *for* ("available for allocation") gives way to any other cue in the clause.
public struct BudgetKindClassifier: Sendable {
    public init() {}

    /// One token of a sentence: a word, an amount, or a mark that ends a clause.
    enum Token: Equatable {
        case word(String)
        case amount
        case boundary
        /// A comma: it ends a clause, except between amounts in a list.
        case comma
        /// A word inside a proper name ("Budget" in "Budget Equalisation Reserve"): never a cue.
        case name(String)

        /// The word, for a word or a word of a name.
        var text: String? {
            switch self {
            case .word(let word), .name(let word): return word
            default: return nil
            }
        }
    }

    /// Single-word cues, from ``KindVocabulary/words``.
    static let cues: [String: BudgetKind] = {
        var table: [String: BudgetKind] = [:]
        for (kind, words) in KindVocabulary.words { for word in words { table[word] = kind } }
        return table
    }()

    /// Cues of several words, tried before single words at the same place.
    static let phrases: [([String], BudgetKind)] = KindVocabulary.phrases

    static let phrasesByFirstWord: [String: [([String], BudgetKind)]] = Dictionary(grouping: phrases, by: { $0.0[0] })
    /// ``phrases`` by their last word, for a scan that meets them from the end.
    static let phrasesByLastWord: [String: [([String], BudgetKind)]] = Dictionary(grouping: phrases, by: { $0.0[$0.0.count - 1] })

    /// Words that make "revenue" (or "capital") an adjective, not income: "revenue budget", "revenue funding".
    static let revenueModified: Set<String> = [
        "budget", "budgets", "funding", "cost", "costs", "expenditure", "spend", "spending", "grant", "grants",
        "account", "support", "contribution", "contributions", "savings", "saving", "reserve", "reserves", "allocation",
    ]

    /// Cues that say only that money is there ("held at", "remaining"): any other cue in the clause beats them.
    static let generalWords: Set<String> = KindVocabulary.generalWords
    /// Column headings of money tables that name what the column holds.
    static let columnCues: [String: BudgetKind] = ["actual": .expenditure, "actuals": .expenditure, "outturn": .expenditure]
    /// Verbs that make "by £X" the size of a difference: "forecast to exceed its budget by £1.2m".
    static let differenceVerbs: [String: BudgetKind] = [
        "exceed": .deficit, "exceeds": .deficit, "exceeded": .deficit, "overspend": .deficit, "overspent": .deficit,
        "overspends": .deficit, "underspend": .surplus, "underspent": .surplus, "reduce": .saving, "reduced": .saving,
        "reduces": .saving, "cut": .saving, "cuts": .saving,
    ]

    /// Words that begin a new clause.
    static let clauseWords: Set<String> = ["with", "although", "but", "while", "whilst", "whereas", "resulting", "whereby"]
    /// Words that stop the look past an amount: what follows them is about something else.
    static let forwardStops: Set<String> = [
        "and", "or", "in", "for", "from", "to", "by", "at", "of", "on", "per", "as", "is", "was", "against", "than",
    ]
    /// Words that, straight after an amount, join it to the noun that says what it is: "£2.8m of reserves",
    /// "£0.4m in revenue".
    static let forwardLinks: Set<String> = ["of", "in"]
    /// Words that make a following cue the purpose of the money rather than what it is: "for allocation",
    /// "towards the fund", "a contribution to reserves".
    static let purposeWords: Set<String> = ["for", "towards"]
    /// Words that make a following cue the purpose of the money only when the cue names where money goes
    /// (``KindVocabulary/destinations``): "a contribution to reserves", but "able to save £3m".
    static let destinationWords: Set<String> = ["to", "into"]
    /// Words that make a following "budget" what the money is measured against: "a shortfall against budget".
    static let comparisonWords: Set<String> = ["against"]

    /// The kind of the amount at `target` in `sentence`, or `nil` when no cue word is near it.
    ///
    /// - Parameters:
    ///   - sentence: the sentence's scalars.
    ///   - target: the amount's scalar range in `sentence`.
    ///   - amounts: the ranges of every amount in the sentence (including `target`).
    public func kind(in sentence: ScalarText, target: Range<Int>, amounts: [Range<Int>]) -> BudgetKind? {
        let (tokens, targetIndex) = Self.tokenize(sentence, target: target, amounts: amounts)
        guard let targetIndex else { return nil }
        return shareKind(tokens, targetIndex, parenthesised: Self.isParenthesised(target, in: sentence))
            ?? clauseKind(tokens, targetIndex) ?? sentenceKind(tokens, targetIndex)
    }

    /// True when the amount's mention opens with its own parenthesis: "(£2.4m)".
    static func isParenthesised(_ range: Range<Int>, in sentence: ScalarText) -> Bool {
        range.lowerBound < sentence.count && sentence[range.lowerBound] == "("
    }

    /// The kind of every amount in `sentence` (one entry per range of `amounts`, in the same order),
    /// reading the sentence once.
    public func kinds(in sentence: ScalarText, amounts: [Range<Int>]) -> [BudgetKind?] {
        // Every cue is a word of letters: a sentence with no letter outside its amounts ("£420,000",
        // "(£1,234)") has none, and its amounts no kind.
        guard Self.hasLetter(in: sentence, outside: amounts) else { return [BudgetKind?](repeating: nil, count: amounts.count) }
        let (tokens, _) = Self.tokenize(sentence, target: 0..<0, amounts: amounts)
        let amountTokens = tokens.indices.filter { tokens[$0] == .amount }
        // Tokens hold amounts in reading order; map each range to its place in that order.
        let order = amounts.indices.sorted { amounts[$0].lowerBound < amounts[$1].lowerBound }
        var result = [BudgetKind?](repeating: nil, count: amounts.count)
        var previous: BudgetKind?
        for (position, index) in order.enumerated() where position < amountTokens.count {
            let target = amountTokens[position]
            // "£28m of savings, with £14m for 2026/27": a part named after "with" is what the whole is.
            let part = Self.opensPart(tokens, target) ? previous : nil
            // A share restated in parentheses is what the share is, whatever its base's noun says.
            result[index] = shareKind(tokens, target, parenthesised: Self.isParenthesised(amounts[index], in: sentence))
                ?? clauseKind(tokens, target) ?? part ?? sentenceKind(tokens, target)
            previous = result[index]
        }
        return result
    }


    /// Words that may stand between an opening parenthesis and the amount it holds: "(circa £45m)".
    static let asideQualifiers: Set<String> = ["circa", "c", "approximately", "approx", "around", "about", "some", "roughly", "nearly", "almost", "over", "under", "i", "e", "ie"]
    /// How many words a share's base may take: "10% of net revenue expenditure".
    static let shareBaseReach = 6

    /// For an amount in parentheses that restates a share, "raise balances to 10% of net revenue
    /// expenditure (circa £45m)": the amount is the share, so it is what the words before the percentage
    /// call it (balances), not its base (expenditure). `nil` for any other amount. `parenthesised`: the
    /// mention itself holds the parentheses ("(£2.4m)"), which then leave no mark among the tokens.
    func shareKind(_ tokens: [Token], _ target: Int, parenthesised: Bool) -> BudgetKind? {
        var index = target - 1
        if !parenthesised {
            while index >= 0, let word = tokens[index].text, Self.asideQualifiers.contains(word), target - index <= 3 { index -= 1 }
            guard index >= 1, tokens[index] == .boundary else { return nil }
            index -= 1
        }
        // Back over the base to the "of" after the percentage.
        var words = 0
        while index >= 2, let word = tokens[index].text, word != "of", words < Self.shareBaseReach {
            index -= 1
            words += 1
        }
        guard index >= 2, words > 0, tokens[index] == .word("of") else { return nil }
        var percent = index - 1
        if tokens[percent] == .word("cent"), percent >= 1, tokens[percent - 1] == .word("per") { percent -= 1 }
        else if tokens[percent] != .word("percent") { return nil }
        let number = percent - 1
        guard number >= 0, let digits = tokens[number].text, digits.first?.isNumber == true else { return nil }
        return nearest(tokens, number, strong: true) ?? nearest(tokens, number, strong: false)
    }

    /// The kind the amount's own clause gives it, or `nil` when the clause has no cue.
    func clauseKind(_ tokens: [Token], _ targetIndex: Int) -> BudgetKind? {
        if Self.isPerUnit(tokens, targetIndex) { return .other }
        // A difference ("£2m lower than forecast") is what its clause calls it, else an other figure.
        if isComparison(tokens, targetIndex) { return nearest(tokens, targetIndex, strong: true) ?? .other }
        if let kind = differenceKind(tokens, targetIndex) { return kind }
        return nearest(tokens, targetIndex, strong: true) ?? nearest(tokens, targetIndex, strong: false)
    }

    /// Words that open a clause naming a part of the amount before it: "…, with £14m for 2026/27".
    static let partWords: Set<String> = ["with", "including"]

    /// True when the amount's clause opens with a ``partWords`` word and holds nothing else before the amount.
    static func opensPart(_ tokens: [Token], _ target: Int) -> Bool {
        guard target >= 1, let word = tokens[target - 1].text else { return false }
        return partWords.contains(word)
    }

    /// With no cue in the amount's clause: the nearest cue anywhere in the sentence.
    func sentenceKind(_ tokens: [Token], _ targetIndex: Int) -> BudgetKind? {
        var best: (distance: Int, kind: BudgetKind)?
        for (index, _) in tokens.enumerated() {
            guard let cue = cue(tokens, at: index, target: targetIndex) else { continue }
            let distance = abs(index - targetIndex)
            if best == nil || distance < best!.distance { best = (distance, cue.kind) }
        }
        return best?.kind
    }

    /// True when the amount is a rate per unit: "£42.32 per week", "£5 pw" (but not "£2m per annum").
    static func isPerUnit(_ tokens: [Token], _ target: Int) -> Bool {
        var target = target
        // A list of amounts ("£1, £2, or £3 weekly") shares the words after its last amount.
        while let next = nextInList(tokens, after: target) { target = next }
        guard target + 1 < tokens.count, case .word(let next) = tokens[target + 1] else { return false }
        if KindVocabulary.perUnitWords.contains(next) { return true }
        guard next == "per", target + 2 < tokens.count, let unit = tokens[target + 2].text else { return false }
        return !KindVocabulary.perYearWords.contains(unit)
    }

    /// The index of the amount that follows the amount at `index` in a list ("£1, £2, or £3"), if any.
    static func nextInList(_ tokens: [Token], after index: Int) -> Int? {
        var next = index + 1
        var joined = false
        while next < tokens.count, next - index <= 3 {
            switch tokens[next] {
            case .amount: return joined ? next : nil
            case .comma: joined = true
            case .word(let word) where AmountRate.listJoiners.contains(word): joined = true
            default: return nil
            }
            next += 1
        }
        return nil
    }

    /// True when a scalar of `sentence` outside every range of `amounts` is a letter.
    static func hasLetter(in sentence: ScalarText, outside amounts: [Range<Int>]) -> Bool {
        for (index, scalar) in sentence.enumerated() where scalar.isLetter {
            if !amounts.contains(where: { $0.contains(index) }) { return true }
        }
        return false
    }

    /// What a question or heading asks about: its first cue word ("What was the total budget for 2024/25?" is
    /// about a budget), for an answer that states an amount without saying what it is ("£96,250 in total.").
    public func topic(of text: String) -> BudgetKind? {
        guard Self.mayHoldCue(text) else { return nil }
        let (tokens, _) = Self.tokenize(text.scalarText, target: 0..<0, amounts: [])
        for index in tokens.indices {
            if let cue = cue(tokens, at: index, target: -2), !cue.weak { return cue.kind }
        }
        return nil
    }

    /// For "... exceed its budget by £1.2m": the kind the verb governing "by" gives the amount.
    func differenceKind(_ tokens: [Token], _ target: Int) -> BudgetKind? {
        guard target >= 1, tokens[target - 1] == .word("by") else { return nil }
        var index = target - 2
        var words = 0
        while index >= 0, words < 5, let word = tokens[index].text {
            if let kind = Self.differenceVerbs[word] { return kind }
            index -= 1
            words += 1
        }
        return nil
    }

    /// What a table's column heading says its amounts are ("Budget", "Actual", "Saving"), or `nil`.
    public func columnKind(_ heading: String) -> BudgetKind? {
        guard Self.mayHoldCue(heading) else { return nil }
        let (tokens, _) = Self.tokenize(heading.scalarText, target: 0..<0, amounts: [])
        for index in tokens.indices {
            if case .word(let word) = tokens[index], let kind = Self.columnCues[word] { return kind }
            if let cue = cue(tokens, at: index, target: -2) { return cue.kind }
        }
        return nil
    }

    /// The nearest cue within the amount's clause, backward first on a tie.
    func nearest(_ tokens: [Token], _ target: Int, strong: Bool) -> BudgetKind? {
        var backward: (distance: Int, kind: BudgetKind)?
        var words = 0
        var index = target - 1
        while index >= 0 {
            if tokens[index] == .boundary { break }
            // A comma between two amounts ("£5,000, £6,000 and £7,000") does not end the clause.
            if tokens[index] == .comma, !(index > 0 && tokens[index - 1] == .amount) { break }
            if let word = tokens[index].text {
                if Self.clauseWords.contains(word) { break }
                if let cue = cue(tokens, at: index, target: target), cue.weak != strong {
                    backward = (words, cue.kind)
                    break
                }
                words += 1
            }
            index -= 1
        }
        var forward: (distance: Int, kind: BudgetKind)?
        words = 0
        index = target + 1
        var linked = false
        while index < tokens.count, words < 3 {
            guard let word = tokens[index].text else { break }
            let links = words == 0 && Self.forwardLinks.contains(word)
            linked = linked || links
            if !links, Self.forwardStops.contains(word) || Self.clauseWords.contains(word) { break }
            if let cue = cue(tokens, at: index, target: target), cue.weak != strong {
                // A noun joined by "of"/"in" names the money itself ("£2m in additional contributions"):
                // it wins a tie with a cue before the amount.
                forward = (words + (linked ? 0 : 1), cue.kind)
                break
            }
            words += 1
            index += 1
        }
        switch (backward, forward) {
        case let (b?, f?): return f.distance < b.distance ? f.kind : b.kind
        case let (b?, nil): return b.kind
        case let (nil, f?): return f.kind
        default: return nil
        }
    }

    /// The cue starting at token `index`, if any, and whether it only names a purpose.
    func cue(_ tokens: [Token], at index: Int, target: Int) -> (kind: BudgetKind, weak: Bool)? {
        guard case .word(let word) = tokens[index] else { return nil }
        let weak = isWeak(tokens, word: word, at: index)
        for (phrase, kind) in Self.phrasesByFirstWord[word] ?? [] {
            let matches = phrase.indices.allSatisfy { offset in
                index + offset < tokens.count && tokens[index + offset] == .word(phrase[offset])
            }
            if matches { return (kind, weak) }
        }
        // Read backward from an amount, a phrase is met at its last word: "adverse variance of £1m".
        for (phrase, kind) in Self.phrasesByLastWord[word] ?? [] {
            let start = index - (phrase.count - 1)
            if start >= 0, phrase.indices.allSatisfy({ tokens[start + $0] == .word(phrase[$0]) }) {
                return (kind, isWeak(tokens, word: phrase[0], at: start))
            }
        }
        guard let kind = Self.cues[word] else { return nil }
        // "funding gap", "grant income": the noun after the cue says what the money is.
        if index + 1 < tokens.count, case .word(let next) = tokens[index + 1], next != word,
           KindVocabulary.headNouns.contains(next) { return nil }
        if word == "revenue" || word == "revenues" {
            if index == target + 1 { return nil }
            if index + 1 < tokens.count, case .word(let next) = tokens[index + 1], Self.revenueModified.contains(next) { return nil }
        }
        return (kind, weak)
    }

    /// True when the cue `word` at `index` only says what money is there, is for, or is measured against.
    func isWeak(_ tokens: [Token], word: String, at index: Int) -> Bool {
        Self.generalWords.contains(word) || (1...2).contains { offset in
            guard index - offset >= 0, case .word(let before) = tokens[index - offset] else { return false }
            return Self.purposeWords.contains(before) || (Self.comparisonWords.contains(before) && Self.cues[word] == .budget)
                || (Self.destinationWords.contains(before) && KindVocabulary.destinations.contains(word))
        }
    }

    /// True when the amount is a difference from another figure: "£116m a year less to spend", "£15m lower
    /// than forecast" (but not "£1m more funding", where the noun after says what the money is).
    func isComparison(_ tokens: [Token], _ target: Int) -> Bool {
        var index = target + 1
        if index + 1 < tokens.count, let first = tokens[index].text, let second = tokens[index + 1].text,
           KindVocabulary.ratePairs.contains(first + " " + second) {
            index += 2
        }
        guard index < tokens.count, let word = tokens[index].text, KindVocabulary.comparatives.contains(word) else { return false }
        return index + 1 >= tokens.count || cue(tokens, at: index + 1, target: target) == nil
    }

    /// Hashes of every word that can start a cue (single-word cues, phrases' first words, column cues).
    static let cueWordHashes: Set<UInt64> = Set(
        (Array(cues.keys) + Array(phrasesByFirstWord.keys) + Array(columnCues.keys)).map { wordHash(Array($0.utf8)[...]) })

    /// FNV-1a over a word's bytes, ASCII capitals read as lower case.
    static func wordHash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            hash = (hash ^ UInt64(lower)) &* 0x100_0000_01B3
        }
        return hash
    }

    /// False only when `text` is ASCII and none of its words (as ``tokenize(_:target:amounts:)`` cuts
    /// them) can start a cue: then it has no topic and no column kind, and need not be tokenized.
    static func mayHoldCue(_ text: String) -> Bool {
        var text = text
        // Read in place: no copy of the text's bytes.
        return text.withUTF8(mayHoldCue)
    }

    /// ``mayHoldCue(_:)`` on a text's UTF-8.
    private static func mayHoldCue(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return true }
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39)
        }
        var index = 0
        while index < bytes.count {
            guard isAlphanumeric(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, isAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "'") || bytes[index] == UInt8(ascii: "/") {
                index += 1
            }
            if cueWordHashes.contains(wordHash(bytes[start..<index])) { return true }
        }
        return false
    }

    /// A letter or digit; ASCII answered from the byte, without Unicode property look-ups.
    static func isWordCharacter(_ c: Unicode.Scalar) -> Bool { c.isLetter || c.isNumber }

    /// A word's scalars lowercased (as ``Swift/String/lowercasedByScalar`` would), with "’" read as "'",
    /// built into one buffer.
    static func lowercasedWord(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.asciiLowercased.value))
            } else if scalar == "’" {
                bytes.append(UInt8(ascii: "'"))
            } else {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let which: ScalarText = "which ".scalarText

    /// True when the scalars at `offset`, lowercased, start with `prefix` (lower-case ASCII). A non-ASCII
    /// scalar whose lower case is ASCII (the Kelvin sign) is read as that letter, as lowercasing would.
    static func startsLowercased(_ chars: ScalarText, at offset: Int, with prefix: ScalarText) -> Bool {
        guard offset + prefix.count <= chars.count else { return false }
        for (index, expected) in prefix.enumerated() {
            let scalar = chars[offset + index]
            if scalar.isASCII {
                guard scalar.asciiLowercased == expected else { return false }
            } else {
                guard scalar.properties.lowercaseMapping == String(expected) else { return false }
            }
        }
        return true
    }

    /// The longest aside in parentheses (in scalars) that is read as a name's short form.
    static let asideLength = 12

    /// The index of the ")" closing a short aside of capital letters that opens at `open` ("(NRPF)",
    /// "(GF)"), or `nil` when the parenthesis holds anything else (an amount, a clause, a number).
    static func closeOfAside(_ chars: ScalarText, openingAt open: Int) -> Int? {
        var index = open + 1
        while index < chars.count, index - open <= asideLength {
            let scalar = chars[index]
            if scalar == ")" { return index > open + 1 ? index : nil }
            guard scalar.isASCII, scalar.properties.isUppercase || scalar == "&" else { return nil }
            index += 1
        }
        return nil
    }

    /// Words (lowercased), amounts and clause marks; also the index of the target amount.
    static func tokenize(_ chars: ScalarText, target: Range<Int>, amounts: [Range<Int>]) -> ([Token], Int?) {
        var tokens: [Token] = []
        var targetIndex: Int?
        var previousWordCapitalised = false
        var i = 0
        let sorted = amounts.sorted { $0.lowerBound < $1.lowerBound }
        var next = 0
        while i < chars.count {
            if next < sorted.count, i >= sorted[next].lowerBound {
                if sorted[next] == target { targetIndex = tokens.count }
                tokens.append(.amount)
                previousWordCapitalised = false
                i = max(i + 1, sorted[next].upperBound)
                next += 1
                continue
            }
            let c = chars[i]
            if Self.isWordCharacter(c) {
                let start = i
                while i < chars.count, Self.isWordCharacter(chars[i]) || chars[i] == "'" || chars[i] == "’" || chars[i] == "/",
                      !(next < sorted.count && i >= sorted[next].lowerBound) {
                    i += 1
                }
                let lower = Self.lowercasedWord(chars[start..<i])
                // The word's first character is its first scalar: a word is letters and digits, and no letter
                // that starts a word extends into a cased character.
                let capitalised = chars[start].isUppercase
                // In a name ("Budget Equalisation Reserve", "Growth Fund") only the last word says what the thing is.
                if capitalised, let last = tokens.last, case .word(let previous) = last, previousWordCapitalised {
                    tokens[tokens.count - 1] = .name(previous)
                }
                previousWordCapitalised = capitalised
                tokens.append(.word(lower))
                continue
            }
            if c != " " { previousWordCapitalised = false }
            if c == "%" {
                // "10%" reads as "10 percent", as "10 per cent" does.
                tokens.append(.word("percent"))
            } else if c == "," {
                // ", which" refers back to the noun before the comma: the clause goes on.
                var j = i + 1
                while j < chars.count, chars[j] == " " { j += 1 }
                if !Self.startsLowercased(chars, at: j, with: Self.which) { tokens.append(.comma) }
            } else if c == "(", let close = Self.closeOfAside(chars, openingAt: i) {
                // "(NRPF)", "(HRA)": a short aside of letters names the words before it and ends no clause.
                i = close + 1
                continue
            } else if ";:()[]".unicodeScalars.contains(c) || ((c == "–" || c == "—" || c == "-") && i > 0 && chars[i - 1] == " ") {
                tokens.append(.boundary)
            }
            i += 1
        }
        return (tokens, targetIndex)
    }
}
