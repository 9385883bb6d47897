import Foundation
import Testing
@testable import ScrutinyExtract

/// The byte-level checks that replaced Foundation calls in the extractors' loops must give the
/// answers the Foundation calls gave.
@Suite("Text scans")
struct TextScanTests {
    @Test func includesFindsTheSameNeedlesAsFoundationContains() {
        let texts = ["The budget was £1.2m.", "What was spent?", "", "naïve café – £5", "to date", "£"]
        let needles = ["£", "?", "to date", "café", "£5", "x", "budget was £1"]
        for text in texts {
            for needle in needles {
                #expect(text.includes(needle) == text.contains(needle), "\(text) / \(needle)")
            }
        }
    }

    @Test func newlinesAsSpacesReplacesEveryLineBreak() {
        #expect("one\ntwo\nthree".newlinesAsSpaces == "one two three")
        #expect("no breaks".newlinesAsSpaces == "no breaks")
    }

    @Test func trimmingPunctuationMatchesFoundation() {
        for word in ["(Partnership),", "“Alliance”", "...", "Board", "£5", "—Trust—", ""] {
            #expect(word.trimmingPunctuation == word.trimmingCharacters(in: .punctuationCharacters), "\(word)")
        }
    }

    @Test func mayStartRejectsOnlyASCIIFirstLettersOutsideTheSet() {
        #expect(TextScan.mayStart("Recommendation", withOneOf: "oar"))
        #expect(TextScan.mayStart("agreed recommendations", withOneOf: "oar"))
        #expect(!TextScan.mayStart("Progress", withOneOf: "oar"))
        #expect(!TextScan.mayStart("", withOneOf: "oar"))
        // A non-ASCII first letter is left to the pattern's own case folding.
        #expect(TextScan.mayStart("Éclair", withOneOf: "oar"))
    }

    @Test func containsASCIICaseInsensitiveIgnoresTheCaseOfASCIILetters() {
        #expect(TextScan.containsASCIICaseInsensitive("(ii) IMPACT ON Risk", "impact"))
        #expect(TextScan.containsASCIICaseInsensitive("Financial Implications", "implication"))
        #expect(!TextScan.containsASCIICaseInsensitive("Legal: none", "impact"))
        #expect(!TextScan.containsASCIICaseInsensitive("imp", "impact"))
    }
}

@Suite("Clean paragraphs")
struct CleanParagraphTests {
    @Test func acceptsTextThatCleaningLeavesUnchanged() {
        for text in ["The budget was £1.2m.", "Partnership’s purpose – “to help”", "a", "Café (2024/25)"] {
            #expect(CleanParagraph.holds(text), "\(text)")
            #expect(InlineMarkup.clean(text) == text)
        }
    }

    @Test func rejectsTextThatCleaningWouldChange() {
        let changed = [" leading", "trailing ", "two  spaces", "tab\there", "one\ntwo", "• bullet", "no\u{A0}break", "", "e\u{301}"]
        for text in changed {
            #expect(!CleanParagraph.holds(text), "\(text)")
        }
        #expect(InlineMarkup.clean("two  spaces ") == "two spaces")
        #expect(InlineMarkup.clean("one • two") == "one\ntwo")
        #expect(InlineMarkup.paragraphs(of: " a \n\n b ") == ["a", "b"])
    }
}

@Suite("Table cell readings")
struct CellReadingsTests {
    @Test func remembersWhatEachHeadingSays() {
        let readings = CellReadings()
        #expect(readings.columnKind("Actual 2024/25") == .expenditure)
        #expect(readings.columnKind("Actual 2024/25") == .expenditure)
        #expect(readings.columnKind("Revised") == nil)
        #expect(readings.firstPeriod(in: "Budget 2025/26") == "2025/26")
        #expect(readings.firstPeriod(in: "Budget") == nil)
        #expect(readings.topic(of: "Income") == .income)
    }

    @Test func allCapsAgreesOnASCIIAndOtherText() {
        #expect(TitleCaser.isAllCaps("ANNUAL REVIEW 2024"))
        #expect(!TitleCaser.isAllCaps("Annual Review"))
        #expect(!TitleCaser.isAllCaps("A 1"))
        #expect(TitleCaser.isAllCaps("ÉTUDE DES PARTENARIATS"))
        #expect(!TitleCaser.isAllCaps("ÉTUDE des partenariats"))
    }
}
