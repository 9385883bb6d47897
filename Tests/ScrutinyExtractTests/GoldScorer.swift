import Foundation
import ScrutinyCore

// Scores a `Report` against a gold file (the format of `samples/expected/*.json` and
// `shared/corpus/expected/*.json`), with the meaning of `shared/tools/score.py`:
// five groups (document, recommendations, recommendation updates, partnerships, budgets),
// each in 0...1, and their mean as the overall score.

// MARK: - Gold file

/// One gold file: what a perfect extraction of one sample holds.
struct GoldFile: Sendable, Decodable {
    /// The sample's file name, relative to the samples folder.
    var file: String
    /// Document fields by key; contact fields are keyed `contact.name`, `contact.email`, ...
    var document: [GoldDocumentField]
    var recommendations: [String]
    var recommendationUpdates: [GoldUpdate]
    var partnerships: [GoldPartnership]
    /// Partnership names a report may also list without being wrong.
    var acceptableExtraPartnerships: [String]
    var budgets: [GoldBudget]

    init(file: String, document: [GoldDocumentField] = [], recommendations: [String] = [],
         recommendationUpdates: [GoldUpdate] = [], partnerships: [GoldPartnership] = [],
         acceptableExtraPartnerships: [String] = [], budgets: [GoldBudget] = []) {
        self.file = file
        self.document = document
        self.recommendations = recommendations
        self.recommendationUpdates = recommendationUpdates
        self.partnerships = partnerships
        self.acceptableExtraPartnerships = acceptableExtraPartnerships
        self.budgets = budgets
    }

    enum CodingKeys: String, CodingKey {
        case file, document, recommendations, partnerships, budgets
        case recommendationUpdates = "recommendation_updates"
        case acceptableExtraPartnerships = "acceptable_extra_partnerships"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        document = try c.decodeIfPresent(GoldDocument.self, forKey: .document)?.fields ?? []
        recommendations = try c.decodeIfPresent([GoldText].self, forKey: .recommendations)?.map(\.text) ?? []
        recommendationUpdates = try c.decodeIfPresent([GoldUpdate].self, forKey: .recommendationUpdates) ?? []
        partnerships = try c.decodeIfPresent([GoldPartnership].self, forKey: .partnerships) ?? []
        acceptableExtraPartnerships = try c.decodeIfPresent([String].self, forKey: .acceptableExtraPartnerships) ?? []
        budgets = try c.decodeIfPresent([GoldBudget].self, forKey: .budgets) ?? []
    }

    /// Reads a gold file from disk.
    static func load(_ url: URL) throws -> GoldFile {
        try JSONDecoder().decode(GoldFile.self, from: Data(contentsOf: url))
    }
}

/// One expected document field; `expected == nil` means the report must leave it null.
struct GoldDocumentField: Sendable, Hashable {
    /// The contract's key: `council`, `meeting_date`, `contact.email`, ...
    var key: String
    var expected: String?
}

/// An earlier recommendation the report tracks, with its progress.
struct GoldUpdate: Sendable, Decodable {
    var text: String
    var progress: String?
    var partnership: String?
}

/// A partnership the report is about, with the other names it may go by.
struct GoldPartnership: Sendable, Decodable {
    var name: String
    var aliases: [String]
    var acronym: String?
    var statutory: Bool?

    init(name: String, aliases: [String] = [], acronym: String? = nil, statutory: Bool? = nil) {
        self.name = name
        self.aliases = aliases
        self.acronym = acronym
        self.statutory = statutory
    }

    enum CodingKeys: String, CodingKey { case name, aliases, acronym, statutory }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        acronym = try c.decodeIfPresent(String.self, forKey: .acronym)
        statutory = try c.decodeIfPresent(Bool.self, forKey: .statutory)
    }
}

/// A money amount the report prints with a currency sign, and the attribute values accepted for it.
struct GoldBudget: Sendable, Decodable {
    var amount: Double
    var partnership: String?
    /// Any one of these kinds is right (a gold `null` is the single option `nil`).
    var kinds: [String?]
    /// Any one of these periods is right; `nil` accepts a report without a period.
    var periods: [String?]
    var approximate: Bool

    init(amount: Double, partnership: String? = nil, kinds: [String?], periods: [String?] = [nil], approximate: Bool = false) {
        self.amount = amount
        self.partnership = partnership
        self.kinds = kinds
        self.periods = periods
        self.approximate = approximate
    }

    enum CodingKeys: String, CodingKey { case amount, partnership, kind, period, approximate }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        amount = try c.decode(Double.self, forKey: .amount)
        partnership = try c.decodeIfPresent(String.self, forKey: .partnership)
        kinds = try c.decodeIfPresent(AcceptedValues.self, forKey: .kind)?.options ?? [nil]
        periods = try c.decodeIfPresent(AcceptedValues.self, forKey: .period)?.options ?? [nil]
        approximate = try c.decodeIfPresent(Bool.self, forKey: .approximate) ?? false
    }
}

/// A gold value written either as one value or as a list of accepted values.
private struct AcceptedValues: Decodable {
    var options: [String?]

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            options = [nil]
        } else if let list = try? c.decode([String?].self) {
            options = list
        } else {
            options = [try c.decode(String.self)]
        }
    }
}

/// A gold recommendation: a plain string or an object with a `text`.
private struct GoldText: Decodable {
    var text: String

    enum CodingKeys: String, CodingKey { case text }

    init(from decoder: any Decoder) throws {
        if let plain = try? decoder.singleValueContainer().decode(String.self) {
            text = plain
        } else {
            text = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .text)
        }
    }
}

/// The gold `document` object, flattened to keyed fields (contact fields prefixed `contact.`).
private struct GoldDocument: Decodable {
    var fields: [GoldDocumentField]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var fields: [GoldDocumentField] = []
        for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            if key.stringValue == "contact" {
                let contact = try c.nestedContainer(keyedBy: Key.self, forKey: key)
                for contactKey in contact.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                    fields.append(GoldDocumentField(key: "contact.\(contactKey.stringValue)",
                                                    expected: try contact.decodeIfPresent(String.self, forKey: contactKey)))
                }
            } else {
                fields.append(GoldDocumentField(key: key.stringValue, expected: try c.decodeIfPresent(String.self, forKey: key)))
            }
        }
        self.fields = fields
    }
}

// MARK: - Text comparison

/// The normalisation and similarity every comparison uses.
///
/// Similarity is the longest-common-subsequence ratio `2 * LCS / (len(a) + len(b))` over the
/// characters of the normalised texts: 1 for equal texts, 0 for texts with nothing in common.
/// It is never below difflib's `SequenceMatcher.ratio()` (which counts a subset of common
/// characters), so it is at most slightly more lenient than `score.py`.
enum ScoreText {
    /// Punctuation kept by ``normalise(_:)``; any other non-word character becomes a space.
    private static let keptPunctuation: Set<Character> = ["£", "$", "%", "/", ".", "'", " ", "-", "_"]
    private static let trimmed: Set<Character> = [" ", ".", ";", ":", "-"]

    /// NFKC, case-folded, curly quotes and dashes made plain, punctuation other than
    /// `£$%/.'-` turned to spaces, whitespace collapsed, and `" .;:-"` trimmed from both ends.
    static func normalise(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased().replacingOccurrences(of: "ß", with: "ss")
        var kept = ""
        kept.reserveCapacity(folded.count)
        for character in folded {
            switch character {
            case "\u{2018}", "\u{2019}": kept.append("'")
            case "\u{2013}", "\u{2014}": kept.append("-")
            case _ where character.isLetter || character.isNumber || keptPunctuation.contains(character):
                kept.append(character)
            default: kept.append(" ")
            }
        }
        let collapsed = kept.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(collapsed.drop(while: trimmed.contains).reversed().drop(while: trimmed.contains).reversed())
    }

    /// Similarity in 0...1 of the normalised texts (`nil` counts as empty).
    static func similarity(_ a: String?, _ b: String?) -> Double {
        normalisedSimilarity(normalise(a ?? ""), normalise(b ?? ""))
    }

    /// Similarity of two already normalised texts.
    static func normalisedSimilarity(_ a: String, _ b: String) -> Double {
        if a == b { return 1 }
        let x = Array(a), y = Array(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: y.count + 1)
        var current = previous
        for i in 1...x.count {
            for j in 1...y.count {
                current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return 2 * Double(previous[y.count]) / Double(x.count + y.count)
    }

    /// Same recommendation text: similar (≥ 0.8), or one text inside the other (a lead-in such as
    /// "Cabinet is asked to RESOLVE that", or a trailing clause) when the shorter has at least
    /// 20 characters and 60% of the longer's length.
    static func sameText(_ predicted: String, _ gold: String) -> Bool {
        let a = normalise(predicted), b = normalise(gold)
        if normalisedSimilarity(a, b) >= 0.8 { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.count >= 20 && long.contains(short) && Double(short.count) / Double(long.count) >= 0.6
    }

    /// A partnership name for comparison: bracketed parts and a leading "the" removed.
    static func partnershipName(_ name: String) -> String {
        var unbracketed = ""
        var rest = Substring(name)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            unbracketed += rest[..<open] + " "
            rest = rest[rest.index(after: close)...]
        }
        unbracketed += rest
        let normalised = normalise(unbracketed)
        return normalised.hasPrefix("the ") ? String(normalised.dropFirst(4)) : normalised
    }

    /// A predicted partnership name names the gold partnership: equal to or ≥ 0.9 similar to its
    /// name or an alias, or equal to its acronym.
    static func namesPartnership(_ predicted: String, _ gold: GoldPartnership) -> Bool {
        let name = partnershipName(predicted)
        for candidate in [gold.name] + gold.aliases {
            let goldName = partnershipName(candidate)
            if name == goldName || normalisedSimilarity(name, goldName) >= 0.9 { return true }
        }
        if let acronym = gold.acronym, !acronym.isEmpty { return name == normalise(acronym) }
        return false
    }
}

// MARK: - Score

/// Precision, recall and their harmonic mean; an empty prediction of an empty gold list scores 1.
struct F1Score: Sendable, Hashable {
    var truePositives: Int
    var predicted: Int
    var expected: Int

    var precision: Double { predicted > 0 ? Double(truePositives) / Double(predicted) : (expected == 0 ? 1 : 0) }
    var recall: Double { expected > 0 ? Double(truePositives) / Double(expected) : (predicted == 0 ? 1 : 0) }
    var value: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
}

/// How one report compares with its gold file.
struct GoldScore: Sendable {
    /// Share of gold document fields (contact fields counted one by one) the report matches.
    var document: Double
    var recommendations: F1Score
    var recommendationUpdates: F1Score
    var partnerships: F1Score
    var budgets: F1Score
    /// Among matched budgets, the share whose partnership / kind / period / approximate flag agrees;
    /// `nil` when no budget matched.
    var budgetPartnershipAgreement: Double?
    var budgetKindAgreement: Double?
    var budgetPeriodAgreement: Double?
    var budgetApproximateAgreement: Double?
    /// Among matched partnerships, the share whose `statutory` agrees; `nil` when none matched.
    var partnershipStatutoryAgreement: Double?
    /// Among matched updates, the share whose progress is ≥ 0.7 similar; `nil` when none matched.
    var updateProgressAgreement: Double?
    /// What did not match, one line each, for a failing test's message.
    var misses: [String]

    /// The mean of the five group scores.
    var overall: Double {
        (document + recommendations.value + recommendationUpdates.value + partnerships.value + budgets.value) / 5
    }

    /// The mean of the partnership, kind and period agreements (`score.py`'s budget attributes).
    var budgetAttributeAgreement: Double? {
        guard let p = budgetPartnershipAgreement, let k = budgetKindAgreement, let d = budgetPeriodAgreement else { return nil }
        return (p + k + d) / 3
    }

    /// One line with every score, two decimals each.
    var summary: String {
        func format(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "-" }
        return "overall=\(format(overall)) document=\(format(document)) recommendations=\(format(recommendations.value)) "
            + "updates=\(format(recommendationUpdates.value)) partnerships=\(format(partnerships.value)) "
            + "budgets=\(format(budgets.value)) budget_partnership=\(format(budgetPartnershipAgreement)) "
            + "budget_kind=\(format(budgetKindAgreement)) budget_period=\(format(budgetPeriodAgreement))"
    }
}

/// Compares a report with a gold file.
struct GoldScorer: Sendable {
    /// Older gold files name a kind the contract later split; these gold kinds also accept the listed kinds.
    static let kindSynonyms: [String: [String]] = ["cost": ["cost", "expenditure"]]

    func score(_ report: Report, against gold: GoldFile) -> GoldScore {
        var misses: [String] = []
        let document = scoreDocument(report.document, gold.document, misses: &misses)

        let recommendationPairs = greedyPairs(report.recommendations.map(\.text), gold.recommendations, ScoreText.sameText)
        misses += unmatched(gold.recommendations, recommendationPairs.map(\.gold)).map { "recommendation missed: \($0)" }
        misses += unmatched(report.recommendations.map(\.text), recommendationPairs.map(\.predicted)).map { "recommendation extra: \($0)" }

        let updatePairs = greedyPairs(report.recommendationUpdates, gold.recommendationUpdates) { ScoreText.sameText($0.text, $1.text) }
        misses += unmatched(gold.recommendationUpdates, updatePairs.map(\.gold)).map { "update missed: \($0.text)" }
        misses += unmatched(report.recommendationUpdates, updatePairs.map(\.predicted)).map { "update extra: \($0.text)" }
        let progressAgreement = share(of: updatePairs) {
            ScoreText.similarity(report.recommendationUpdates[$0.predicted].progress,
                                 gold.recommendationUpdates[$0.gold].progress) >= 0.7
        }

        let (partnerships, statutoryAgreement) = scorePartnerships(report.partnerships, gold, misses: &misses)
        var score = GoldScore(
            document: document,
            recommendations: F1Score(truePositives: recommendationPairs.count, predicted: report.recommendations.count,
                                     expected: gold.recommendations.count),
            recommendationUpdates: F1Score(truePositives: updatePairs.count, predicted: report.recommendationUpdates.count,
                                           expected: gold.recommendationUpdates.count),
            partnerships: partnerships, budgets: F1Score(truePositives: 0, predicted: 0, expected: 0),
            partnershipStatutoryAgreement: statutoryAgreement, updateProgressAgreement: progressAgreement, misses: misses)
        scoreBudgets(report.budgets, gold.budgets, into: &score)
        return score
    }

    // MARK: Groups

    private func scoreDocument(_ block: DocumentBlock, _ fields: [GoldDocumentField], misses: inout [String]) -> Double {
        guard !fields.isEmpty else { return 1 }
        var matched = 0
        for field in fields {
            let predicted = Self.value(of: field.key, in: block)
            let good: Bool
            if let expected = field.expected {
                good = predicted.map { ScoreText.similarity($0, expected) >= 0.85 } ?? false
            } else {
                good = predicted == nil
            }
            if good {
                matched += 1
            } else {
                misses.append("document \(field.key): got \(predicted.map { "\"\($0)\"" } ?? "null"), "
                              + "want \(field.expected.map { "\"\($0)\"" } ?? "null")")
            }
        }
        return Double(matched) / Double(fields.count)
    }

    private func scorePartnerships(_ predicted: [Partnership], _ gold: GoldFile,
                                   misses: inout [String]) -> (F1Score, Double?) {
        let pairs = greedyPairs(predicted, gold.partnerships) { ScoreText.namesPartnership($0.name, $1) }
        let extras = gold.acceptableExtraPartnerships.map { GoldPartnership(name: $0) }
        let matchedIndices = Set(pairs.map(\.predicted))
        let falsePositives = predicted.indices.filter { index in
            !matchedIndices.contains(index) && !extras.contains { ScoreText.namesPartnership(predicted[index].name, $0) }
        }
        misses += unmatched(gold.partnerships, pairs.map(\.gold)).map { "partnership missed: \($0.name)" }
        misses += falsePositives.map { "partnership extra: \(predicted[$0].name)" }
        let statutory = share(of: pairs) { predicted[$0.predicted].statutory == gold.partnerships[$0.gold].statutory }
        return (F1Score(truePositives: pairs.count, predicted: pairs.count + falsePositives.count,
                        expected: gold.partnerships.count), statutory)
    }

    /// Budgets pair by absolute amount (within 0.005), preferring a candidate that agrees on the
    /// partnership. An unmatched amount printed without a currency sign (a cell of a "£000" table)
    /// counts neither way: gold files list only amounts printed with one.
    private func scoreBudgets(_ predicted: [Budget], _ gold: [GoldBudget], into score: inout GoldScore) {
        var used = Set<Int>()
        var pairs: [(predicted: Int, gold: Int)] = []
        for (goldIndex, budget) in gold.enumerated() {
            let candidates = predicted.indices.filter { !used.contains($0) && abs(abs(predicted[$0].amount) - abs(budget.amount)) < 0.005 }
            let samePartnership = candidates.first { index in
                guard let goldName = budget.partnership, let name = predicted[index].partnership else { return false }
                return ScoreText.namesPartnership(name, GoldPartnership(name: goldName))
            }
            if let chosen = samePartnership ?? candidates.first {
                used.insert(chosen)
                pairs.append((chosen, goldIndex))
            }
        }
        let unscored = predicted.indices.filter { !used.contains($0) && !Self.hasCurrencySign(predicted[$0].raw) }
        score.budgets = F1Score(truePositives: pairs.count, predicted: predicted.count - unscored.count, expected: gold.count)
        score.misses += unmatched(gold, pairs.map(\.gold)).map { "budget missed: \($0.amount)" }
        score.misses += predicted.indices.filter { !used.contains($0) && !unscored.contains($0) }
            .map { "budget extra: \(predicted[$0].raw) (\(predicted[$0].amount))" }

        score.budgetPartnershipAgreement = share(of: pairs) {
            Self.samePartnership(predicted[$0.predicted].partnership, gold[$0.gold].partnership)
        }
        score.budgetKindAgreement = share(of: pairs) { Self.accepts(gold[$0.gold].kinds, predicted[$0.predicted].kind.rawValue, synonyms: Self.kindSynonyms) }
        score.budgetPeriodAgreement = share(of: pairs) { Self.accepts(gold[$0.gold].periods, predicted[$0.predicted].period) }
        score.budgetApproximateAgreement = share(of: pairs) { predicted[$0.predicted].approximate == gold[$0.gold].approximate }
        for pair in pairs {
            let budget = predicted[pair.predicted], want = gold[pair.gold]
            if !Self.accepts(want.kinds, budget.kind.rawValue, synonyms: Self.kindSynonyms) {
                score.misses.append("budget \(budget.raw): kind \(budget.kind.rawValue), want one of \(want.kinds.map { $0 ?? "null" })")
            }
            if !Self.accepts(want.periods, budget.period) {
                score.misses.append("budget \(budget.raw): period \(budget.period ?? "null"), want one of \(want.periods.map { $0 ?? "null" })")
            }
            if !Self.samePartnership(budget.partnership, want.partnership) {
                score.misses.append("budget \(budget.raw): partnership \(budget.partnership ?? "null"), want \(want.partnership ?? "null")")
            }
        }
    }

    // MARK: Helpers

    /// The report's value for a contract document key (`contact.email` reaches into the contact).
    static func value(of key: String, in block: DocumentBlock) -> String? {
        switch key {
        case "council": block.council
        case "committee": block.committee
        case "meeting_date": block.meetingDate
        case "agenda_item": block.agendaItem
        case "title": block.title
        case "report_by": block.reportBy
        case "purpose": block.purpose
        case "contact.name": block.contact.name
        case "contact.role": block.contact.role
        case "contact.phone": block.contact.phone
        case "contact.email": block.contact.email
        default: nil
        }
    }

    /// Both amounts belong to no partnership, or to partnerships of the same name.
    static func samePartnership(_ predicted: String?, _ gold: String?) -> Bool {
        switch (predicted, gold) {
        case (nil, nil): true
        case let (name?, goldName?): ScoreText.namesPartnership(name, GoldPartnership(name: goldName))
        default: false
        }
    }

    /// Whether an amount as printed carries a currency sign.
    static func hasCurrencySign(_ raw: String) -> Bool {
        raw.contains { "£$€".contains($0) }
    }

    /// Whether `value` is one of the accepted options (compared normalised; a `nil` option accepts `nil`).
    static func accepts(_ options: [String?], _ value: String?, synonyms: [String: [String]] = [:]) -> Bool {
        options.contains { option in
            guard let option else { return value == nil }
            guard let value else { return false }
            return (synonyms[option] ?? [option]).contains { ScoreText.normalise($0) == ScoreText.normalise(value) }
        }
    }

    /// Pairs each gold item, in order, with the first unused prediction that matches it.
    private func greedyPairs<P, G>(_ predicted: [P], _ gold: [G], _ matches: (P, G) -> Bool) -> [(predicted: Int, gold: Int)] {
        var used = Set<Int>()
        var pairs: [(predicted: Int, gold: Int)] = []
        for (goldIndex, item) in gold.enumerated() {
            if let index = predicted.indices.first(where: { !used.contains($0) && matches(predicted[$0], item) }) {
                used.insert(index)
                pairs.append((index, goldIndex))
            }
        }
        return pairs
    }

    private func unmatched<T>(_ items: [T], _ matchedIndices: [Int]) -> [T] {
        let matched = Set(matchedIndices)
        return items.indices.filter { !matched.contains($0) }.map { items[$0] }
    }

    private func share(of pairs: [(predicted: Int, gold: Int)], _ agrees: ((predicted: Int, gold: Int)) -> Bool) -> Double? {
        pairs.isEmpty ? nil : Double(pairs.filter(agrees).count) / Double(pairs.count)
    }
}
