import Foundation
@testable import ScrutinyBatch
import ScrutinyCore
import ScrutinyExport
import Testing

private func scan(_ text: String) -> IdentityFieldScanner.Fields? {
    scan(Data(text.utf8))
}

private func scan(_ data: Data) -> IdentityFieldScanner.Fields? {
    data.withUnsafeBytes { IdentityFieldScanner.scan($0.bindMemory(to: UInt8.self)) }
}

@Suite("The byte scanner behind the document identity check")
struct IdentityFieldScannerTests {
    let sha = "ab" + String(repeating: "0", count: 62)

    @Test("reads both fields of a written report")
    func readsWrittenReport() throws {
        var report = Report(documentID: String(sha.prefix(16)), source: SourceInfo(file: "r \"x\".pdf", sha256: sha, format: .pdf, pages: 3))
        report.warnings = ["a\nb", "£12"]
        report.budgets = [Budget(amount: 1.5, raw: "£1.5", approximate: false, kind: .other, period: nil, partnership: nil, context: "tab\there", provenance: Provenance(page: 2, line: 7, section: "A \"B\""))]
        for pretty in [true, false] {
            let fields = scan(try ReportJSON.encode(report, pretty: pretty))
            #expect(fields == .init(documentID: String(sha.prefix(16)), sha256: sha))
        }
    }

    @Test("a field of another type or a missing field reads as absent")
    func otherTypesReadAsAbsent() {
        #expect(scan(#"{"document_id":12,"source":{"sha256":[1,{"a":null}]}}"#) == .init(documentID: nil, sha256: nil))
        #expect(scan(#"{"source":"x"}"#) == .init(documentID: nil, sha256: nil))
        #expect(scan(#"{"other":{"sha256":"ab"},"document_id":"ab"}"#) == .init(documentID: "ab", sha256: nil))
    }

    @Test("gives up on texts it does not decide, leaving them to JSONDecoder")
    func givesUpOnUnusualTexts() {
        #expect(scan("[1,2]") == nil)
        #expect(scan(#"{"document_id":"a\u0062"}"#) == nil)
        #expect(scan(#"{"document_id":"a\"b"}"#) == nil)
        #expect(scan(#"{"document\u005fid":"ab"}"#) == nil)
        #expect(scan(#"{"document_id":"ab","document_id":"cd"}"#) == nil)
        #expect(scan(Data([0xEF, 0xBB, 0xBF] + Array(#"{"document_id":"ab"}"#.utf8))) == nil)
    }

    @Test("rejects invalid JSON")
    func rejectsInvalidJSON() {
        for text in [#"{"a":1"#, #"{"a":01}"#, #"{"a":1,}"#, #"{"a":tru}"#, #"{"a":"x"} x"#, "{\"a\":\"\u{01}\"}", #"{"a":1.}"#, #"{"a":"\q"}"#] {
            #expect(scan(text) == nil, "\(text)")
        }
        #expect(scan(Data(Array(#"{"a":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8))) == nil)
        #expect(scan(Data(Array(#"{"a":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8))) == nil)
    }

    @Test("agrees with JSONDecoder wherever it answers")
    func agreesWithDecoder() throws {
        struct Fields: Decodable {
            var document_id: String?
            var source: Source?
            struct Source: Decodable { var sha256: String? }
        }
        let texts = [
            #"{"document_id":"abcdef0123456789","source":{"sha256":"abcdef01"}}"#,
            #" { "source" : { "file" : "é ü", "sha256" : "ff" } , "x" : [ 1 , -2.5e+3 , true , false , null ] } "#,
            #"{"document_id":"\/a","source":{}}"#,
        ]
        for text in texts {
            let decoded = try JSONDecoder().decode(Fields.self, from: Data(text.utf8))
            if let fields = scan(text) {
                #expect(fields == .init(documentID: decoded.document_id, sha256: decoded.source?.sha256), "\(text)")
            }
        }
    }
}
