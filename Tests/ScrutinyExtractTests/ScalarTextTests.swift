import Testing
@testable import ScrutinyExtract

@Suite("Scalar text")
struct ScalarTextTests {
    @Test func lowercasedByScalarMatchesLowercasedOnMixedText() {
        let samples = [
            "The Budget was £1.2M – Forecast", "ΟΔΟΣ ΣΑ", "İSTANBUL Café", "A\u{301}B", "ǅUNGLA ǈ", "ÀÉÎÕÜ ẞ",
            "plain ascii LINE", "", "Ｆｕｌｌｗｉｄｔｈ", "\u{212A}elvin \u{2126}hm",
        ]
        for text in samples {
            #expect(Array(text.lowercasedByScalar.unicodeScalars) == Array(text.lowercased().unicodeScalars), "\(text)")
        }
    }

    @Test func scalarQuestionsAgreeWithOneScalarCharacters() {
        let scalars = "aZ09 \t\n£–é ÉßΣ٣ ½(\u{00A0}\u{2009}".unicodeScalars
        for scalar in scalars {
            let character = Character(scalar)
            #expect(scalar.isLetter == character.isLetter, "\(scalar)")
            #expect(scalar.isNumber == character.isNumber, "\(scalar)")
            #expect(scalar.isWhitespace == character.isWhitespace, "\(scalar)")
            #expect(scalar.isUppercase == character.isUppercase, "\(scalar)")
            #expect(scalar.isLowercase == character.isLowercase, "\(scalar)")
        }
    }

    @Test func scanOffsetsCountScalarsPastNonASCIIText() {
        let text = "Café – £5k and £6k."
        let scalars = text.scalarText
        let found = MoneyParser().mentions(in: scalars)
        #expect(found.map(\.range) == [7..<10, 15..<18])
        #expect(found.map { String(scalars: scalars[$0.range]) } == ["£5k", "£6k"])
    }
}
