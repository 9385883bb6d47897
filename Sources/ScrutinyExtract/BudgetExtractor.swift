import ScrutinyCore

/// Finds every money amount printed in a document.
///
/// Each amount becomes one ``Budget``: its value from ``MoneyParser``, its kind from the words around it
/// (``BudgetKindClassifier``), its period from its own sentence or else from the heading or question it
/// answers (``PeriodParser``), its partnership from the line it is on, and its sentence as context.
/// Paragraphs wrapped over several lines are read as one; each table cell is read on its own.
public struct BudgetExtractor: Sendable {
    public init() {}

    public func extract(from lines: [OutlinedLine]) -> [Budget] {
        var context = PeriodContext()
        var lineContexts: [LineContext] = []
        for line in lines { lineContexts.append(context.context(for: line)) }
        var budgets: [Budget] = []
        for block in TextBlock.blocks(of: lines) where block.text.contains("£") {
            budgets += extract(from: block, lines: lines, lineContexts: lineContexts)
        }
        return budgets
    }

    /// Words that begin a sentence that refers back to the amount before it ("This reduced to £4,954").
    static let anaphora: Set<String> = ["this", "it", "that", "these", "which", "the figure", "the amount", "the sum"]
    /// Phrases that make an amount cumulative rather than one year's.
    static let crossYear = ["to date", "so far", "cumulative", "in total since", "since "]

    func extract(from block: TextBlock, lines: [OutlinedLine], lineContexts: [LineContext]) -> [Budget] {
        let chars = Array(block.text)
        var budgets: [Budget] = []
        var questionPeriod: String?
        var questionTopic: BudgetKind?
        var previousKind: BudgetKind?
        for sentenceRange in SentenceSplitter().sentences(in: chars) {
            let sentence = Array(chars[sentenceRange])
            let sentenceText = String(sentence)
            let periods = PeriodParser().periods(in: sentence)
            if sentenceText.hasSuffix("?") {
                if let temporal = periods.last(where: \.isTemporal) { questionPeriod = temporal.period }
                questionTopic = questionTopic ?? BudgetKindClassifier().topic(of: sentenceText)
            }
            let mentions = MoneyParser().mentions(in: sentence)
            guard !mentions.isEmpty else { continue }
            let lower = sentenceText.lowercased()
            let refersBack = Self.anaphora.contains { lower.hasPrefix($0 + " ") }
            let amountRanges = mentions.map(\.range)
            for mention in mentions {
                let lineIndex = block.lineIndex(at: sentenceRange.lowerBound + mention.range.lowerBound)
                let line = lines[lineIndex]
                var kind = BudgetKindClassifier().kind(in: sentence, target: mention.range, amounts: amountRanges)
                if kind == nil, refersBack { kind = previousKind }
                if kind == nil { kind = questionTopic ?? lineContexts[lineIndex].questionTopic }
                let period: String?
                if let own = Self.period(of: mention.range, in: sentence, periods: periods) {
                    period = own
                } else if Self.crossYear.contains(where: lower.contains) {
                    period = nil
                } else {
                    period = questionPeriod ?? lineContexts[lineIndex].period
                }
                budgets.append(Budget(amount: mention.amount, raw: mention.raw, approximate: mention.approximate,
                                      kind: kind ?? .other, period: period, partnership: line.partnership,
                                      context: sentenceText.trimmingCharacters(in: .whitespacesAndNewlines),
                                      provenance: line.provenance))
                previousKind = kind ?? previousKind
            }
        }
        return budgets
    }

    /// The period the amount's own sentence gives it: one attached just after it ("£16,575 for 2012/13"),
    /// else the nearest in the sentence.
    static func period(of amount: Range<Int>, in sentence: [Character], periods: [PeriodMention]) -> String? {
        guard !periods.isEmpty else { return nil }
        if let attached = periods.first(where: { isAttached($0, after: amount, in: sentence) }) { return attached.period }
        // A period attached to another amount ("£25,000 carried forward from 2023/24") is that amount's alone.
        let others = MoneyParser().mentions(in: sentence).map(\.range).filter { $0 != amount }
        let free = periods.filter { period in !others.contains { isAttached(period, after: $0, in: sentence) } }
        let nearest = free.min { gap($0.range, amount) < gap($1.range, amount) }
        return nearest?.period
    }

    /// True when `period` follows `amount` closely, introduced as a time: "£16,575 for 2012/13".
    static func isAttached(_ period: PeriodMention, after amount: Range<Int>, in sentence: [Character]) -> Bool {
        guard period.range.lowerBound >= amount.upperBound, period.isTemporal else { return false }
        let between = String(sentence[amount.upperBound..<period.range.lowerBound])
        return between.split(separator: " ").count <= 3 && !between.contains(where: { ",;()£".contains($0) })
    }

    static func gap(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
    }
}

/// A run of text read as one: a paragraph (possibly wrapped over several lines) or one table cell.
struct TextBlock {
    var text: String
    /// Where each line's text starts in `text` (`Character` offsets), with the line's index.
    var starts: [(offset: Int, line: Int)]

    func lineIndex(at offset: Int) -> Int {
        starts.last(where: { $0.offset <= offset })?.line ?? starts[0].line
    }

    /// Blocks in reading order. A line joins the paragraph before it when that paragraph has not ended
    /// (no closing stop) and the line carries on in lower case; table cells are blocks of their own.
    static func blocks(of lines: [OutlinedLine]) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var open: TextBlock?
        for (index, line) in lines.enumerated() {
            if line.cells.count > 1 || line.role == .tableRow {
                if let done = open { blocks.append(done); open = nil }
                for cell in line.cells where !cell.isEmpty {
                    blocks.append(TextBlock(text: cell, starts: [(0, index)]))
                }
                continue
            }
            let text = line.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if var current = open, line.role == .body || line.role == .listItem,
               let last = current.text.last, !".!?:;".contains(last),
               let first = text.first, first.isLowercase || first == "£" {
                let offset = current.text.count + 1
                current.text += " " + text
                current.starts.append((offset, index))
                open = current
                continue
            }
            if let done = open { blocks.append(done) }
            open = TextBlock(text: text, starts: [(0, index)])
        }
        if let done = open { blocks.append(done) }
        return blocks
    }
}
