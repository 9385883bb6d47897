import Foundation
import Testing
@testable import ScrutinyIngest

@Suite struct ContentHashTests {
    @Test func knownDigests() {
        #expect(ContentHash.sha256(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func libcryptoAndGLibAgreeOnAFixturePDF() throws {
        let data = try Data(contentsOf: PDFReaderTests.fixtures.appendingPathComponent("report-tagged.pdf"))
        let fast = try #require(ContentHash.libcryptoSHA256(data))
        #expect(fast == ContentHash.glibSHA256(data))
        #expect(fast.count == 64)
    }
}
