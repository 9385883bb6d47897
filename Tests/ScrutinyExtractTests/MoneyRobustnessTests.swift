import Testing
import ScrutinyCore
@testable import ScrutinyExtract

/// Throws awkward text at the money code: it must never trap, and what it finds must make sense.
@Suite("Money robustness")
struct MoneyRobustnessTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces = ["£", "£ ", "(", ")", "-", "–", "1", "0", "000", ",", ".", "5", "m", "k", "bn", " million", " to ",
                         " and ", "between ", "2013/14", "20", "/", "?", " ", "\n", "\t", "e.g.", "No.", "circa ", "up to ",
                         "The ", "budget ", "which ", "income", "\u{00A0}", "é", "👍", "'", "’", "%", "p", "FY", "£'000"]

    func randomText(_ generator: inout Generator) -> String {
        (0..<generator.next(40)).map { _ in Self.pieces[generator.next(Self.pieces.count)] }.joined()
    }

    @Test func randomTextNeverTrapsAndRangesStayInside() {
        var generator = Generator(state: 20_251_123)
        for _ in 0..<3_000 {
            let text = randomText(&generator)
            let chars = text.scalarText
            for mention in MoneyParser().mentions(in: chars) {
                #expect(mention.range.lowerBound >= 0 && mention.range.upperBound <= chars.count, "\(text)")
                #expect(mention.amount.isFinite, "\(text)")
                #expect(mention.raw.contains("£"), "\(text)")
            }
            for period in PeriodParser().periods(in: chars) {
                #expect(period.range.upperBound <= chars.count && period.period.count == 7, "\(text)")
            }
            for sentence in SentenceSplitter().sentences(in: chars) {
                #expect(sentence.lowerBound >= 0 && sentence.upperBound <= chars.count, "\(text)")
            }
        }
    }

    @Test func randomDocumentsNeverTrapTheExtractor() {
        var generator = Generator(state: 7)
        for _ in 0..<200 {
            let lines = (0..<generator.next(12)).map { index in
                let cells = (0...generator.next(3)).map { _ in randomText(&generator) }
                let roles: [LineRole] = [.body, .heading, .listItem, .tableRow]
                return OutlinedLine(page: nil, lineNumber: index + 1, text: cells.joined(separator: "\t"), cells: cells,
                                    role: roles[generator.next(roles.count)])
            }
            for budget in BudgetExtractor().extract(from: lines) {
                #expect(budget.amount.isFinite)
                #expect(budget.currency == "GBP")
                #expect(budget.period.map { $0.count == 7 } ?? true)
            }
        }
    }
}
