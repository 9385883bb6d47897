import Testing
@testable import ScrutinyExtract

@Suite("List markers")
struct ListMarkerTests {
    @Test("numbers as printed, without punctuation", arguments: [
        ("1. Approve the plan", "1", "Approve the plan"),
        ("2.1 Note the report", "2.1", "Note the report"),
        ("(a) Agree the fees", "a", "Agree the fees"),
        ("ii) Delegate authority", "ii", "Delegate authority"),
        ("b) Review in a year", "b", "Review in a year"),
    ])
    func numbers(_ text: String, _ number: String, _ rest: String) {
        let marker = ListMarker.split(text)
        #expect(marker?.number == number)
        #expect(marker?.rest == rest)
    }

    @Test func plainSentencesHaveNoMarker() {
        #expect(ListMarker.split("That the report be noted.") == nil)
    }

    @Test func bulletsAreStripped() {
        #expect(ListMarker.strippingBullet("- Keep the reserve") == "Keep the reserve")
        #expect(ListMarker.strippingBullet("• Keep the reserve") == "Keep the reserve")
        #expect(ListMarker.strippingBullet("-5 degrees") == nil)
    }
}

@Suite("Private-use bullets")
struct PrivateUseBulletTests {
    @Test func wordsSymbolBulletGlyphIsABullet() {
        #expect(ListMarker.strippingBullet("\u{F0B7} Reduce the backlog") == "Reduce the backlog")
    }
}
