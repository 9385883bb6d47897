import Foundation
import Testing
@testable import ScrutinyExtract

/// The shortcuts of the third speed pass (byte pre-checks before patterns, ASCII fast paths) must
/// give the answers of the slower code they stand in front of.
@Suite("Extraction shortcuts")
struct ExtractionShortcutTests {
    @Test func asciiTableFiguresReadAsTheGeneralPathReadsThem() {
        #expect(ScaledFigure.value(of: "1,342") == 1342)
        #expect(ScaledFigure.value(of: "(44)") == -44)
        #expect(ScaledFigure.value(of: "-1.5") == -1.5)
        #expect(ScaledFigure.value(of: " 2,460 \n") == 2460)
        #expect(ScaledFigure.value(of: "1,234,567") == 1_234_567)
        // Commas after the point are left out, as the general path leaves them out.
        #expect(ScaledFigure.value(of: "12,345.6,7") == 12345.67)
        for notAFigure in ["1,34", "1234,567", "1,,234", "1,", "(", "-", "(12", "1.2.3", "abc", "", "  ", "12a", "(-5)"] {
            #expect(ScaledFigure.value(of: notAFigure) == nil, "\(notAFigure)")
        }
        // Non-ASCII cells take the general path: a no-break space is trimmed, a minus sign is a sign.
        #expect(ScaledFigure.value(of: "\u{00A0}1,342") == 1342)
        #expect(ScaledFigure.value(of: "\u{2212}15") == -15)
    }

    @Test func headingFactorsNeedAPoundSign() {
        #expect(ScaledFigure.factor(inHeading: "£'000") == 1_000)
        #expect(ScaledFigure.factor(inHeading: "(£m)") == 1_000_000)
        #expect(ScaledFigure.factor(inHeading: "000") == nil)
        #expect(ScaledFigure.factor(inHeading: "Budget") == nil)
    }

    @Test func mayContainAlsoPassesScalarsThatFoldToASCII() {
        #expect(TextScan.mayContain("Partnership name: X", caseInsensitively: "partnership"))
        #expect(TextScan.mayContain("NAME OF THE PARTNERSHIP", caseInsensitively: "partnership"))
        #expect(!TextScan.mayContain("Budget 2024/25 – £5m", caseInsensitively: "partnership"))
        // "ſ" (long s) and the Kelvin sign fold to "s" and "k": the pattern, not the pre-check, decides.
        #expect(TextScan.mayContain("Partnerſhip", caseInsensitively: "partnership"))
        #expect(TextScan.hasASCIIFoldingScalar("\u{212A}ey"))
        #expect(TextScan.hasASCIIFoldingScalar("o\u{FB03}ce"))
        #expect(!TextScan.hasASCIIFoldingScalar("Council’s £5m – “plan”"))
    }

    @Test func mayStartWithWordsChecksOnlyTheOpeningBytes() {
        let words = ["background", "list", "reason"]
        #expect(TextScan.mayStart("Background papers", withOneOfWords: words))
        #expect(TextScan.mayStart("LIST OF APPENDICES", withOneOfWords: words))
        #expect(!TextScan.mayStart("The background", withOneOfWords: words))
        #expect(!TextScan.mayStart("Lis", withOneOfWords: words))
        #expect(TextScan.mayStart("Réason", withOneOfWords: words))
    }

    @Test func periodPreCheckNeverRulesOutAPeriodTheParserFinds() {
        let texts = ["2013/14", "FY2024/25 budget", "2013–14", "in 2013-2014", "year 2013", "12/13", "£2,013", "20134/5", "", "2013"]
        for text in texts {
            if !PeriodParser.mayHoldPeriod(text) {
                #expect(PeriodParser().periods(in: text.scalarText).isEmpty, "\(text)")
            }
        }
        #expect(PeriodParser.mayHoldPeriod("2013–14"))
        #expect(!PeriodParser.mayHoldPeriod("year 2013 and 12 of 13"))
        // "12/13" is a financial year in short form (the contract reads "24/25" as 2024/25).
        #expect(PeriodParser.mayHoldPeriod("year 2013 and 12/13"))
    }

    @Test func asciiAcronymScanFindsWhatThePatternFinds() {
        let text = "The MOUs and NHS plans, CCTV; ABCDEFG x_AB ABc AB1 (LDM) A ECCs's"
        #expect(DocumentBlockExtractor.asciiAcronymWords(in: text) == ["MOU", "NHS", "CCTV", "LDM", "ECC"])
        #expect(DocumentBlockExtractor.asciiAcronymWords(in: "The NHS’s plan") == nil)
        let lines = [OutlinedLine(page: nil, lineNumber: 1, text: "The MOU and the NHS’s plan with CCG partners")]
        #expect(DocumentBlockExtractor.acronyms(in: lines) == ["MOU", "NHS", "CCG"])
    }

    @Test func lowercasingByScalarMatchesLowercased() {
        for text in ["ÀÉÎ × ß Þ", "– £5 “Quote” ‘Q’", "İstanbul Ω", "already lower", "MIXED Case", "", "Ǆ ǅ ǆ", "\u{212A}elvin"] {
            #expect(text.lowercasedByScalar == text.lowercased(), "\(text)")
        }
    }

    @Test func tokenizerWordsAreLowercasedWithCurlyApostrophesStraightened() {
        let (tokens, _) = BudgetKindClassifier.tokenize("The council’s BUDGET, which is".scalarText, target: 0..<0, amounts: [])
        #expect(tokens == [.word("the"), .word("council's"), .word("budget"), .word("which"), .word("is")])
        // ", which" needs its space: at the very end the comma still ends the clause.
        let (last, _) = BudgetKindClassifier.tokenize("the budget, which".scalarText, target: 0..<0, amounts: [])
        #expect(last == [.word("the"), .word("budget"), .comma, .word("which")])
        let (named, _) = BudgetKindClassifier.tokenize("Budget Equalisation Reserve".scalarText, target: 0..<0, amounts: [])
        #expect(named == [.name("budget"), .name("equalisation"), .word("reserve")])
    }

    /// Whether each text was new to one ``SeenLines``, in order.
    private func insertions(_ texts: [String]) -> [Bool] {
        var seen = SeenLines()
        return texts.map { seen.insert($0) }
    }

    @Test func seenLinesCompareAsLowercasedKeys() {
        #expect(insertions(["Main achievements in 2013/14", "MAIN ACHIEVEMENTS IN 2013/14", "Main achievements in 2013/15"])
            == [true, false, true])
        #expect(insertions(["Partnership – Café", "PARTNERSHIP – CAFÉ"]) == [true, false])
        // U+037E is canonically ";" and U+0387 "·": their keys equal the plain ones, in either order.
        #expect(insertions(["a\u{037E} b", "A; B", "x; y", "X\u{037E} Y"]) == [true, false, true, false])
        #expect(insertions(["Council’s · plan", "COUNCIL’S \u{0387} PLAN"]) == [true, false])
        // A key that lowercases to ASCII ("K" is the Kelvin sign) meets its ASCII twin too.
        #expect(insertions(["\u{212A}ey", "KEY"]) == [true, false])
        // Compared with Swift's own set of lowercased keys over the same lines.
        let texts = ["One", "one", "ONE ", "Two – x", "two – X", "é", "e\u{301}", "E\u{301}", "", "£5 “Q”", "£5 “q”",
                     "–\u{301}", "–\u{301}", "–"]
        var reference: Set<String> = []
        #expect(insertions(texts) == texts.map { reference.insert($0.lowercasedByScalar).inserted })
    }

    @Test func wordCountMatchesSplittingAtSpaces() {
        for text in ["", " ", "one", "  two  words ", "Council’s £5m – plan", "e\u{301} accent", "tab\tinside", "a\r\nb c"] {
            #expect(text.wordCount == text.split(separator: " ").count, "\(text)")
        }
    }

    @Test func characterCountThresholdsMatchCount() {
        for text in ["", "abc", "a\r\nb", "e\u{301}e\u{301}", "£5 – “x”", String(repeating: "x", count: 60)] {
            for n in [0, 1, 2, 3, 4, 5, 60, 61] {
                #expect(text.hasAtLeastCharacters(n) == (text.count >= n), "\(text) \(n)")
            }
        }
    }

    @Test func bulletsAndListMarkersNeedTheirScalar() {
        #expect(ListMarker.strippingBullet("• item") == "item")
        #expect(ListMarker.strippingBullet("o item") == "item")
        #expect(ListMarker.strippingBullet("Item") == nil)
        #expect(ListMarker.strippingBullet("-\u{301} item") == nil)
        let line = OutlinedLine(page: nil, lineNumber: 1, text: "x")
        #expect(PeriodContext.isListItem(line, "\u{0387} canonically a middle dot"))
        #expect(PeriodContext.isListItem(line, "- dash"))
        #expect(!PeriodContext.isListItem(line, "-dash"))
        #expect(!PeriodContext.isListItem(line, "Text"))
    }

    @Test func collapsingSpacesMatchesSplittingAtSpaceCharacters() {
        let texts = ["  two   words ", "tab\there", "no\u{A0}break\u{A0}\u{A0}space", "£5 – “x”", "e\u{301}  x", " \u{A0} ",
                     "", "a\r\n b", "\u{2003}em space\u{2003}", "x \u{301}y"]
        for text in texts {
            let expected = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(text.collapsingSpaces == expected, "\(text)")
        }
    }

    @Test func labelsWithoutCueWordsAreRuledOutOnlyWhenNoTokenIsACue() {
        let labels = ["Staff salaries", "Total budget", "Net income", "Actual 2024/25", "Premises", "Grant's award", "", "12,345",
                      "Set aside", "Council’s spend", "Ring fenced"]
        for label in labels {
            let (tokens, _) = BudgetKindClassifier.tokenize(label.scalarText, target: 0..<0, amounts: [])
            let words = tokens.compactMap(\.text)
            let hasCueWord = words.contains {
                BudgetKindClassifier.cues[$0] != nil || BudgetKindClassifier.phrasesByFirstWord[$0] != nil
                    || BudgetKindClassifier.columnCues[$0] != nil
            }
            if !BudgetKindClassifier.mayHoldCue(label) { #expect(!hasCueWord, "\(label)") }
        }
        #expect(!BudgetKindClassifier.mayHoldCue("Staff salaries"))
        #expect(BudgetKindClassifier.mayHoldCue("Total BUDGET"))
        #expect(BudgetKindClassifier().topic(of: "Total budget") == .budget)
        #expect(BudgetKindClassifier().columnKind("Outturn") == .expenditure)
    }

    // Fourth pass.

    @Test func wholeTableFiguresEqualTheParsedFigures() {
        for cell in ["0", "007", "1,342", "(44)", "-0", "123456789012345", "1234567890123456789", "12.5", "1,342.25",
                     "0000000000000000001", " 2,460 "] {
            let digits = cell.filter { $0.isNumber || $0 == "." }
            let sign: Double = cell.contains("(") || cell.contains("-") ? -1 : 1
            #expect(ScaledFigure.value(of: cell) == Double(digits).map { $0 * sign }, "\(cell)")
        }
        #expect(ScaledFigure.value(of: "1,34") == nil)
        #expect(ScaledFigure.value(of: "1.2.3") == nil)
    }

    @Test func holdingAnAmountAgreesWithFindingOne() {
        for text in ["£420,000", "£000", "£'000", "£ 5m", "no pound", "£m", "Budget £000 then £12", "£", "(£1,234)",
                     "between £2m and £3m", "£000 £000", "cost £ 12k"] {
            #expect(MoneyParser().holdsAmount(in: text) == !MoneyParser().mentions(in: text).isEmpty, "\(text)")
        }
    }

    @Test func rowContextJoinsCellsAsJoinedDoes() {
        for cells in [[], ["One"], ["Staff", "£1,000", "", "2024/25 – “x”"]] {
            #expect(TableRowReading.joined(cells, separator: " | ") == cells.joined(separator: " | "))
        }
    }

    @Test func trimmingKeepsLatinOneStartsAndTrimsNoBreakSpaces() {
        #expect("£5 ".trimmingHorizontalWhitespace == "£5")
        #expect("£5".trimmingWhitespaceAndNewlines == "£5")
        #expect("\u{00A0}£5".trimmingHorizontalWhitespace == "£5")
        #expect("\u{0085}x".trimmingWhitespaceAndNewlines == "x")
        #expect("\u{0085}x".trimmingHorizontalWhitespace == "\u{0085}x")
    }

    @Test func lowercasingOnBytesMatchesLowercased() {
        for text in ["£5M Budget", "already £5 – lower", "µ ª º ÀB", "Fund€ ⁿ ₐ X", "“Quote” ‘Q’ …", "ŁÓDŹ £"] {
            #expect(text.lowercasedByScalar == text.lowercased(), "\(text)")
        }
    }

    @Test func sentencesWithoutLettersOutsideAmountsHaveNoKind() {
        let sentence = "£420,000 (£1.2m)".scalarText
        let amounts = MoneyParser().mentions(in: sentence).map(\.range)
        #expect(BudgetKindClassifier().kinds(in: sentence, amounts: amounts) == [nil, nil])
        let spent = "£420,000 spent".scalarText
        #expect(BudgetKindClassifier().kinds(in: spent, amounts: MoneyParser().mentions(in: spent).map(\.range)) == [.expenditure])
    }

    @Test func onlyLinesOpeningWithANameLabelReachTheGluedLabelPatterns() {
        #expect(LineCleaner.mayOpenWithNameLabel("**Partnership name: Vale Alliance**Purpose"))
        #expect(LineCleaner.mayOpenWithNameLabel("  name of the partnership: Vale"))
        #expect(LineCleaner.mayOpenWithNameLabel("\u{00A0}Partnership name: Vale"))
        #expect(!LineCleaner.mayOpenWithNameLabel("The partnership name: Vale"))
        #expect(!LineCleaner.mayOpenWithNameLabel("   "))
    }
}
