import Foundation
import ScrutinyCore
import Testing
@testable import ScrutinyIngest

/// The hand-written text helpers the PDF reader uses for speed give exactly what the slower
/// general tools they replace give.
@Suite struct FastTextTests {
    /// Every scalar, between ASCII letters, with one sample of each kind of white space.
    static let samples: [String] = {
        var out: [String] = []
        for value in UInt32(0)..<0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            out.append("A " + String(scalar) + "\u{A0} Bc")
        }
        return out
    }()

    @Test func theScalarBuilderEncodesEveryScalarAsStringDoes() {
        var builder = ScalarTextBuilder()
        var view = String.UnicodeScalarView()
        for value in stride(from: UInt32(0), to: 0x11_0000, by: 7) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            builder.append(scalar)
            view.append(scalar)
        }
        #expect(builder.string.utf8.elementsEqual(String(view).utf8))
        #expect(builder.scalarCount == view.count)
        builder.removeAll()
        #expect(builder.string.isEmpty && builder.scalarCount == 0)
    }

    @Test func scalarsCountedFromUTF8MatchTheScalarView() {
        for text in ["", "Premises", "£5,000–£10,000", "Café\u{301} 🏛️ ΣΥΝΟΨΗ", "\u{10FFFF}\u{7F}\u{80}"] {
            #expect(text.scalarCount == text.unicodeScalars.count, "\(text)")
        }
    }

    @Test func theLineSizeIsTheSizeMostCharactersHaveAndTheLargerOnATie() {
        var tally = SizeTally()
        #expect(tally.mostCommon == nil)
        tally.count(11, times: 4)
        tally.count(14, times: 3)
        tally.count(14)
        #expect(tally.mostCommon == 14)
        tally.count(11)
        #expect(tally.mostCommon == 11)
    }

    @Test func collapsingWhiteSpaceKeepsOneSpaceBetweenWords() {
        #expect(Whitespace.collapse("  Item\u{A0}\u{A0}4 \n of\t12  ") == "Item 4 of 12")
        var collapser = Whitespace.Collapser()
        collapser.add(" Partner")
        collapser.add("ship ")
        collapser.add("\u{2007}name ")
        #expect(collapser.text == "Partnership name")
    }

    @Test func collapsingTextByItsBytesAgreesWithCollapsingItsScalars() {
        let spaces = " \t\n\r\u{0B}\u{0C}\u{A0}\u{2007}\u{202F}\u{200B}"
        var texts = Self.samples
        for space in spaces.unicodeScalars {
            texts.append("\(space)a\(space)\(space)€\(space)\u{2008}\u{2028}\u{A1}\u{C2}\(space)")
        }
        for text in texts {
            #expect(Whitespace.collapse(text).utf8.elementsEqual(Whitespace.collapse(text.unicodeScalars).utf8),
                    "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func theRunningHeaderKeyLowercasesAsStringDoesForEveryScalar() {
        for text in Self.samples + ["ΟΔΟΣ  Page 3 of 12", "İSTANBUL 2025", "  - 3 -  "] {
            let reference = Self.referenceHeaderKey(text)
            #expect(RunningHeaderFilter.key(text).utf8.elementsEqual(reference.utf8), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func pageNumbersInTheirUsualFormsAreRecognised() {
        #expect(RunningHeaderFilter.isPageNumber("Page 3 of 12"))
        #expect(RunningHeaderFilter.isPageNumber("- 14 -"))
        #expect(!RunningHeaderFilter.isPageNumber("Page three"))
    }

    @Test func pageNumbersBetweenEnDashesAreRecognised() {
        #expect(RunningHeaderFilter.isPageNumber("\u{2013} 7 \u{2013}"))
        #expect(RunningHeaderFilter.isPageNumber("\u{2013}7\u{2013}"))
        #expect(!RunningHeaderFilter.isPageNumber("\u{2013} 7 \u{2014}"))
    }

    @Test func theTaggedLayoutKeyLowercasesAsStringDoesForEveryScalar() {
        for text in Self.samples + ["ΣΥΝΟΨΗ ΤΗΣ ΕΚΘΕΣΗΣ ΚΑΙ ΑΛΛΑ", "İİİİİİİİİİİİİİİİİİ", "Premises   costs and more text"] {
            let reference = Array(text.lowercased().unicodeScalars.filter { !Whitespace.isSpace($0) }.prefix(16))
            #expect(TaggedLayout.key(text) == reference, "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// The filter's key as it was first written: collapse, lowercase, then digit runs as "#".
    static func referenceHeaderKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasDigit = false
        for scalar in Whitespace.collapse(text).lowercased().unicodeScalars {
            let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
            if isDigit {
                if !lastWasDigit { out.append("#") }
            } else {
                out.append(scalar)
            }
            lastWasDigit = isDigit
        }
        return String(out)
    }
}
