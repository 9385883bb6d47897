import Foundation
import ScrutinyCore

/// Finds every money amount printed in a document.
///
/// Each amount becomes one ``Budget``: its value from ``MoneyParser``, its kind from the words around it
/// (``BudgetKindClassifier``), its period from its own sentence or else from the heading or question it
/// answers (``PeriodParser``), its partnership from the line it is on, and its sentence as context.
/// Paragraphs wrapped over several lines are read as one; each table cell is read on its own.
public struct BudgetExtractor: Sendable {
    public init() {}

    /// Every amount in `lines`, in reading order, then any bare figures of "£000"/"£m" tables.
    /// `reportYear` dates the amounts nothing nearer dates (see ``ReportYear``).
    public func extract(from lines: [OutlinedLine], reportYear: ReportYear = ReportYear()) -> [Budget] {
        var context = PeriodContext()
        var lineContexts: [LineContext] = []
        lineContexts.reserveCapacity(lines.count)
        // Read by index: each line is lent to the context, not copied out by an iterator.
        for index in lines.indices { lineContexts.append(context.context(for: lines[index])) }
        // Names that lines carry and that read as bodies (not topics such as "Town Centre Safety review").
        // Each lowercased once here, not at every amount.
        let partnerships = Dictionary(uniqueKeysWithValues: Set(lines.compactMap(\.partnership)).filter(Self.readsAsABody)
            .map { ($0, $0.lowercased()) })
        var budgets: [Budget] = []
        // Figures from "£000" tables come after every printed amount, so a reader matching amounts by value
        // meets the printed "£420,000" before a table's "(420)".
        var scaledFigures: [Budget] = []
        let blocks = TextBlock.blocks(of: lines)
        for index in blocks.indices {
            let block = blocks[index]
            if block.text.includes("£") {
                budgets += extract(from: block, lines: lines, lineContexts: lineContexts, partnerships: partnerships,
                                   reportYear: reportYear)
            } else if let scaled = scaledFigure(in: block, lines: lines, lineContexts: lineContexts, reportYear: reportYear) {
                scaledFigures.append(scaled)
            }
        }
        return budgets + scaledFigures
    }

    /// A bare figure in a column headed "£000" or "£m", scaled by the heading's factor; `raw` is the cell as printed.
    func scaledFigure(in block: TextBlock, lines: [OutlinedLine], lineContexts: [LineContext],
                      reportYear: ReportYear = ReportYear()) -> Budget? {
        guard let table = block.table, let scale = table.scale, let value = ScaledFigure.value(of: block.text) else { return nil }
        let lineIndex = block.firstLine
        return Budget(amount: ((value * scale) * 100).rounded() / 100, raw: block.text, approximate: false,
                      kind: table.kind() ?? .other,
                      period: table.period() ?? lineContexts[lineIndex].period ?? reportYear.titleYear,
                      partnership: lines[lineIndex].partnership, context: table.row.context,
                      provenance: lines[lineIndex].provenance)
    }

    /// Words that begin a sentence that refers back to the amount before it ("This reduced to £4,954").
    static let anaphora: Set<String> = ["this", "it", "that", "these", "which", "the figure", "the amount", "the sum"]
    /// ``anaphora`` each with the space that must follow it, built once.
    static let anaphoraOpenings: [String] = anaphora.map { $0 + " " }
    /// Phrases that make an amount cumulative rather than one year's.
    static let crossYear = [
        "to date", "so far", "cumulative", "in total since", "in total to", "in total over", "in total across", "since ", "over the period", "planning period", "mtfs period",
        "year period", "over the life", "over the next", "over three years", "over 3 years", "over four years",
        "over 4 years", "over five years", "over 5 years", "across the period",
    ]

    func extract(from block: TextBlock, lines: [OutlinedLine], lineContexts: [LineContext],
                 partnerships: [String: String] = [:], reportYear: ReportYear = ReportYear()) -> [Budget] {
        let chars = block.text.scalarText
        var budgets: [Budget] = []
        var questionPeriod: String?
        var questionTopic: BudgetKind?
        var previousKind: BudgetKind?
        var previousSentencePeriod: String?
        for sentenceRange in SentenceSplitter().sentences(in: chars) {
            // A sentence with no "£" and no closing "?" has no amount and asks nothing: all it gives the
            // sentences after it is its last time period. (A last character "?" needs a last scalar "?".)
            if chars[sentenceRange].last != "?", !chars[sentenceRange].contains("£") {
                previousSentencePeriod = Self.lastTemporalPeriod(in: chars[sentenceRange])
                continue
            }
            // A block of one sentence (a table cell, most often) is read as it is: no copy of its scalars or text.
            let isWholeBlock = sentenceRange == chars.indices
            let sentence = isWholeBlock ? chars : Array(chars[sentenceRange])
            let sentenceText = isWholeBlock ? block.text : String(scalars: sentence)
            let periods = Self.periods(in: sentence, reportYear: reportYear)
            let asks = sentenceText.hasSuffix("?")
            if asks {
                if let temporal = periods.last(where: \.isTemporal) { questionPeriod = temporal.period }
                questionTopic = questionTopic ?? BudgetKindClassifier().topic(of: sentenceText)
            }
            let mentions = MoneyParser().mentions(in: sentence)
            defer {
                // A period before the sentence's amounts frames what follows ("The budget for 2024/25 was £1m.
                // Spending was £0.9m."); one after an amount belongs to that amount ("£15,000, paid in 2024/25").
                let firstAmount = mentions.first?.range.lowerBound ?? sentence.count
                previousSentencePeriod = asks ? nil
                    : periods.last(where: { $0.isTemporal && !$0.isRelative && $0.range.upperBound <= firstAmount })?
                        .datesOneYear
            }
            guard !mentions.isEmpty else { continue }
            // Lowercased only when a question below needs it (what the sentence refers to or names).
            lazy var lower = sentenceText.lowercasedByScalar
            // Asked only when a mention has no kind of its own, and then once for the sentence.
            lazy var refersBack = Self.anaphoraOpenings.contains { lower.hasPrefix($0) }
            lazy var isCrossYear = Self.crossYear.contains(where: lower.includes)
            lazy var speaksOfCurrentYear = CurrentYearPhrases.mentioned(in: lower)
            // With no names to look for, only a printed "… Partnership" can name one: no lowercasing.
            lazy var namedInSentence = partnerships.isEmpty ? Self.namedPartnership(in: sentenceText)
                : Self.partnership(namedIn: sentenceText, lowercased: lower, among: partnerships)
            // Every amount of the sentence shows the same sentence as its context.
            let context = sentenceText.trimmingWhitespaceAndNewlines
            let amountRanges = mentions.map(\.range)
            let kinds = BudgetKindClassifier().kinds(in: sentence, amounts: amountRanges)
            for (mentionIndex, mention) in mentions.enumerated() {
                // The line's fields are read in place: copying the whole line retains every string it holds.
                let lineIndex = block.lineIndex(at: sentenceRange.lowerBound + mention.range.lowerBound)
                var kind = kinds[mentionIndex]
                let table = block.table?.spanning(mentionIndex, of: mentions.count)
                if kind == nil, let table { kind = table.kind() }
                if kind == nil, refersBack { kind = previousKind }
                if kind == nil { kind = questionTopic ?? lineContexts[lineIndex].questionTopic }
                // Nearest evidence first: a period attached to the amount, a multi-year sentence (none), the
                // sentence's nearest period, "the current year", the table's row or column, the sentence
                // before, the heading or question, and last the report's own year (not for a rate).
                let period: String?
                if let attached = periods.first(where: { Self.isAttached($0, after: mention.range, in: sentence) }) {
                    period = attached.datesOneYear
                } else if isCrossYear {
                    period = nil
                } else if let nearest = Self.nearestPeriod(to: mention.range, in: sentence, periods: periods,
                                                           amounts: amountRanges) {
                    period = nearest.datesOneYear
                } else if let current = reportYear.currentYear, speaksOfCurrentYear {
                    period = current
                } else if let fromTable = table?.period() {
                    period = fromTable
                } else if let carried = previousSentencePeriod {
                    period = carried
                } else {
                    period = questionPeriod ?? lineContexts[lineIndex].period
                        ?? (AmountRate.isRate(mentionIndex, of: amountRanges, in: sentence) ? nil : reportYear.titleYear)
                }
                budgets.append(Budget(amount: mention.amount, raw: mention.raw, approximate: mention.approximate,
                                      kind: kind ?? .other, period: period,
                                      partnership: lines[lineIndex].partnership ?? namedInSentence,
                                      context: context,
                                      provenance: lines[lineIndex].provenance))
                previousKind = kind ?? previousKind
            }
        }
        return budgets
    }

    /// The last period of `sentence` introduced as a time, read only when its scalars may hold a period.
    static func lastTemporalPeriod(in sentence: ArraySlice<Unicode.Scalar>) -> String? {
        var digitRun = 0
        var mayHold = false
        for scalar in sentence {
            if scalar.isASCIIDigit { digitRun += 1; continue }
            if digitRun >= 4 && (scalar == "/" || scalar == "-" || scalar == "–") { mayHold = true; break }
            digitRun = 0
        }
        guard mayHold else { return nil }
        return PeriodParser().periods(in: Array(sentence)).last(where: \.isTemporal)?.datesOneYear
    }

    /// Words that end the name of a partnership, alliance, board or joint body.
    static let bodyWords: Set<String> = [
        "partnership", "alliance", "board", "committee", "trust", "forum", "network", "consortium", "mechanism", "panel",
        "group", "company", "agency", "service", "collaborative", "commission", "authority", "ltd", "limited", "cic",
    ]

    static func readsAsABody(_ name: String) -> Bool {
        let last = name.split(whereSeparator: { !$0.isLetter }).last.map { $0.lowercased() } ?? ""
        return bodyWords.contains(last)
    }

    /// The one partnership of the report that an amount's sentence names ("a grant of £15,000 to the Food
    /// Partnership"), for a line outside every partnership's section; `nil` when it names none or several.
    /// `lower` is `sentence` lowercased; `names` maps each name to its lowercased form.
    static func partnership(namedIn sentence: String, lowercased lower: String, among names: [String: String]) -> String? {
        var named: String?
        for (name, lowered) in names where lower.includes(lowered) {
            // A second name makes the sentence name several.
            guard named == nil else { return nil }
            named = name
        }
        return named ?? namedPartnership(in: sentence)
    }

    /// A name of capitalised words ending in "Partnership" or "Alliance" ("the Kirkbridge Food Partnership"),
    /// when the sentence has exactly one.
    static func namedPartnership(in sentence: String) -> String? {
        // Both words are matched whole, so a sentence without either literal names none.
        guard sentence.includes("Partnership") || sentence.includes("Alliance") else { return nil }
        let words = sentence.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map {
            String($0).trimmingPunctuation
        }
        var found: [String] = []
        for (index, word) in words.enumerated() where word == "Partnership" || word == "Alliance" {
            var start = index
            while start > 0, let first = words[start - 1].first, first.isUppercase, words[start - 1] != "The" { start -= 1 }
            if start < index { found.append(words[start...index].joined(separator: " ")) }
        }
        return Set(found).count == 1 ? found.first : nil
    }

    /// The period of the amount's sentence nearest it, leaving out any attached to another amount
    /// ("£25,000 carried forward from 2023/24" is that amount's alone). One attached just after the amount
    /// ("£16,575 for 2012/13") is read before this, and before the sentence is found to span years.
    static func nearestPeriod(to amount: Range<Int>, in sentence: ScalarText, periods: [PeriodMention],
                              amounts: [Range<Int>]) -> PeriodMention? {
        guard !periods.isEmpty else { return nil }
        let others = amounts.filter { $0 != amount }
        let free = periods.filter { period in
            !others.contains { isAttached(period, after: $0, in: sentence) }
                && (!period.isRelative || isClose(period, to: amount, in: sentence))
        }
        return free.min { gap($0.range, amount) < gap($1.range, amount) }
    }

    /// The financial years of `sentence`, with the years it names relative to the report's ("next year").
    static func periods(in sentence: ScalarText, reportYear: ReportYear) -> [PeriodMention] {
        let printed = PeriodParser().periods(in: sentence)
        let relative = RelativeYear.mentions(in: sentence, currentYear: reportYear.currentYear)
        guard !relative.isEmpty else { return printed }
        return (printed + relative).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// True when `period` sits within ``RelativeYear/reach`` scalars of `amount`, with no mark between
    /// them that ends a clause or starts another amount.
    static func isClose(_ period: PeriodMention, to amount: Range<Int>, in sentence: ScalarText) -> Bool {
        let between = period.range.lowerBound >= amount.upperBound ? amount.upperBound..<period.range.lowerBound
            : period.range.upperBound..<amount.lowerBound
        return between.count <= RelativeYear.reach && !sentence[between].contains(where: { ",;()£".unicodeScalars.contains($0) })
    }

    /// True when `period` follows `amount` closely, introduced as a time: "£16,575 for 2012/13".
    static func isAttached(_ period: PeriodMention, after amount: Range<Int>, in sentence: ScalarText) -> Bool {
        guard period.range.lowerBound >= amount.upperBound, period.isTemporal else { return false }
        let between = String(scalars: sentence[amount.upperBound..<period.range.lowerBound])
        return between.split(separator: " ").count <= 3 && !between.contains(where: { ",;()£".contains($0) })
    }

    static func gap(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
    }
}
