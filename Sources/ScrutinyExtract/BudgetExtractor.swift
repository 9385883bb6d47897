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
        // Figures from "£000" tables come after every printed amount, so a reader matching amounts by value
        // meets the printed "£420,000" before a table's "(420)".
        var scaledFigures: [Budget] = []
        for block in TextBlock.blocks(of: lines) {
            if block.text.contains("£") {
                budgets += extract(from: block, lines: lines, lineContexts: lineContexts)
            } else if let scaled = scaledFigure(in: block, lines: lines, lineContexts: lineContexts) {
                scaledFigures.append(scaled)
            }
        }
        return budgets + scaledFigures
    }

    /// A bare figure in a column headed "£000" or "£m", scaled by the heading's factor; `raw` is the cell as printed.
    func scaledFigure(in block: TextBlock, lines: [OutlinedLine], lineContexts: [LineContext]) -> Budget? {
        guard let table = block.table, let scale = table.scale, let value = ScaledFigure.value(of: block.text) else { return nil }
        let lineIndex = block.starts[0].line
        let line = lines[lineIndex]
        return Budget(amount: ((value * scale) * 100).rounded() / 100, raw: block.text, approximate: false,
                      kind: table.kind() ?? .other, period: table.period() ?? lineContexts[lineIndex].period,
                      partnership: line.partnership, context: line.cells.joined(separator: " | "),
                      provenance: line.provenance)
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
        var previousSentencePeriod: String?
        for sentenceRange in SentenceSplitter().sentences(in: chars) {
            let sentence = Array(chars[sentenceRange])
            let sentenceText = String(sentence)
            let periods = PeriodParser().periods(in: sentence)
            if sentenceText.hasSuffix("?") {
                if let temporal = periods.last(where: \.isTemporal) { questionPeriod = temporal.period }
                questionTopic = questionTopic ?? BudgetKindClassifier().topic(of: sentenceText)
            }
            let mentions = MoneyParser().mentions(in: sentence)
            defer {
                // A period before the sentence's amounts frames what follows ("The budget for 2024/25 was £1m.
                // Spending was £0.9m."); one after an amount belongs to that amount ("£15,000, paid in 2024/25").
                let firstAmount = mentions.first?.range.lowerBound ?? sentence.count
                previousSentencePeriod = sentenceText.hasSuffix("?") ? nil
                    : periods.last(where: { $0.isTemporal && $0.range.upperBound <= firstAmount })?.period
            }
            guard !mentions.isEmpty else { continue }
            let lower = sentenceText.lowercased()
            let refersBack = Self.anaphora.contains { lower.hasPrefix($0 + " ") }
            let amountRanges = mentions.map(\.range)
            for (mentionIndex, mention) in mentions.enumerated() {
                let lineIndex = block.lineIndex(at: sentenceRange.lowerBound + mention.range.lowerBound)
                let line = lines[lineIndex]
                var kind = BudgetKindClassifier().kind(in: sentence, target: mention.range, amounts: amountRanges)
                let table = block.table?.spanning(mentionIndex, of: mentions.count)
                if kind == nil, let table { kind = table.kind() }
                if kind == nil, refersBack { kind = previousKind }
                if kind == nil { kind = questionTopic ?? lineContexts[lineIndex].questionTopic }
                let period: String?
                if let own = Self.period(of: mention.range, in: sentence, periods: periods) {
                    period = own
                } else if Self.crossYear.contains(where: lower.contains) {
                    period = nil
                } else if let fromTable = table?.period() {
                    period = fromTable
                } else if let carried = previousSentencePeriod {
                    period = carried
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

/// Where a table cell sits: its row and the heading row of its table.
struct TableCell {
    var row: [String]
    var column: Int
    var heading: [String]?
    /// The factor the column's heading gives bare figures ("£000": 1,000; "£m": 1,000,000), if any.
    var scale: Double?
    /// The table's caption ("Table 2 – Partner contributions 2025/26"), when the line before the table is one.
    var caption: String?

    /// The cell as seen by the `index`-th of its `count` amounts: when a reader has merged cells of one row
    /// ("(£150,000) (£164,000)" under "Budget | Actual"), the amounts are taken as the columns in order.
    func spanning(_ index: Int, of count: Int) -> TableCell {
        guard count > 1, let heading, row.count < heading.count else { return self }
        var cell = self
        cell.column = min(column + index, heading.count - 1)
        return cell
    }

    /// Kinds a row label gives its amounts whatever the column ("Income" in a Budget/Actual table).
    static let rowKinds: Set<BudgetKind> = [.income, .surplus, .deficit, .reserve, .saving, .contribution]

    /// What the cell's amount is, from its row label and column heading ("Saving", "Budget", "Actual").
    func kind() -> BudgetKind? {
        let classifier = BudgetKindClassifier()
        let rowKind = column > 0 ? classifier.topic(of: row[0]) : nil
        if let rowKind, Self.rowKinds.contains(rowKind) { return rowKind }
        if let heading {
            // A heading without a cue ("Revised 2025/26") continues the money columns to its left.
            for index in stride(from: min(column, heading.count - 1), through: 1, by: -1) {
                if let kind = classifier.columnKind(heading[index]) { return kind }
            }
        }
        return rowKind ?? caption.flatMap(classifier.columnKind)
    }

    /// The financial year the cell's row or column names ("2026/27 | 18,000 | £270,000", "2025/26 budget").
    func period() -> String? {
        let parser = PeriodParser()
        for (index, cell) in row.enumerated() where index != column {
            if let found = parser.periods(in: cell).first, !cell.contains("£") { return found.period }
        }
        if let heading {
            if column < heading.count, let found = parser.periods(in: heading[column]).first { return found.period }
            if let found = heading.first.flatMap({ parser.periods(in: $0).first?.period }) { return found }
        }
        return caption.flatMap { parser.periods(in: $0).first?.period }
    }
}

/// A run of text read as one: a paragraph (possibly wrapped over several lines) or one table cell.
struct TextBlock {
    var text: String
    /// The cell's place in its table, for a block that is a table cell.
    var table: TableCell?
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
        var heading: [String]?
        var scales: [Int: Double] = [:]
        var headingEnded = true
        var caption: String?
        var lineBefore: OutlinedLine?
        for (index, line) in lines.enumerated() {
            if line.cells.count > 1 || line.role == .tableRow {
                if let done = open { blocks.append(done); open = nil }
                if let before = lineBefore {
                    // The line just before a table names it when it is a heading or starts "Table".
                    let text = before.text.trimmingCharacters(in: .whitespaces)
                    caption = before.role == .heading || text.lowercased().hasPrefix("table") ? text : nil
                    lineBefore = nil
                }
                // A row with no amounts heads the rows below it; stacked heading rows ("£000" over "Budget") add up.
                if !line.cells.contains(where: { !MoneyParser().mentions(in: $0).isEmpty || ScaledFigure.value(of: $0) != nil }) {
                    if headingEnded { scales = [:] }
                    for (column, cell) in line.cells.enumerated() {
                        if let factor = ScaledFigure.factor(inHeading: cell) { scales[column] = factor }
                    }
                    if heading == nil || !line.cells.allSatisfy({ ScaledFigure.factor(inHeading: $0) != nil || $0.isEmpty }) {
                        heading = line.cells
                    }
                    headingEnded = false
                    continue
                }
                headingEnded = true
                for (column, cell) in line.cells.enumerated() where !cell.isEmpty {
                    let scale = column > 0 ? scales[column] : nil
                    blocks.append(TextBlock(text: cell, table: TableCell(row: line.cells, column: column, heading: heading,
                                                                         scale: scale, caption: caption),
                                            starts: [(0, index)]))
                }
                continue
            }
            let text = line.text.trimmingCharacters(in: .whitespaces)
            lineBefore = line
            // A short run-on line (a cell's wrapped text) stays in the table; a heading or paragraph ends it.
            if line.role == .heading || text.count >= 60 || text.hasSuffix(".") {
                heading = nil
                scales = [:]
                headingEnded = true
            }
            if text.isEmpty { continue }
            if var current = open, line.role == .body || line.role == .listItem,
               let last = current.text.last, !".!?:;".contains(last), let first = text.first,
               first.isLowercase || first == "£" || (line.role == .body && lines[index - 1].text.count >= 60) {
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

/// Bare figures in money tables: "2,460", "(44)", "-1.5" under a "£000" or "£m" heading.
enum ScaledFigure {
    /// The factor a column heading gives its figures: "£000", "£'000", "£k" are thousands; "£m", "£million" millions.
    static func factor(inHeading cell: String) -> Double? {
        let compact = cell.lowercased().filter { !$0.isWhitespace && $0 != "(" && $0 != ")" && $0 != "'" && $0 != "’" }
        guard let pound = compact.firstIndex(of: "£") else { return nil }
        let after = compact[compact.index(after: pound)...]
        if after.hasPrefix("000") || after.hasPrefix("k") || after.hasPrefix("thousand") { return 1_000 }
        if after.hasPrefix("m") || after.hasPrefix("million") { return 1_000_000 }
        return nil
    }

    /// The value of a cell that is nothing but one figure, negative when bracketed or signed; else `nil`.
    static func value(of cell: String) -> Double? {
        var text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        var negative = false
        if text.hasPrefix("("), text.hasSuffix(")") {
            negative = true
            text = String(text.dropFirst().dropLast())
        } else if let first = text.first, "-–−".contains(first) {
            negative = true
            text = String(text.dropFirst())
        }
        guard let first = text.first, first.isASCII, first.isNumber,
              text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." }),
              text.filter({ $0 == "." }).count <= 1 else { return nil }
        // Thousands commas must group threes: "1,342" yes, "1,34" no.
        let whole = text.split(separator: ".", omittingEmptySubsequences: false)[0]
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }), let firstGroup = groups.first, !firstGroup.isEmpty,
              firstGroup.count <= 3 || groups.count == 1 else { return nil }
        guard let number = Double(text.replacingOccurrences(of: ",", with: "")) else { return nil }
        return negative ? -number : number
    }
}
