import Foundation
import JSONSchema
import ScrutinyBatch
import ScrutinyCore
import ScrutinyExport
import Testing

@Suite("The document identity check run on every report before it is written")
struct DocumentIdentityCheckTests {
    let sha = "ab" + String(repeating: "0", count: 62)

    func encoded(_ change: (inout Report) -> Void = { _ in }) throws -> Data {
        var report = Report(documentID: String(sha.prefix(16)), source: SourceInfo(file: "r.txt", sha256: sha, format: .text, pages: nil))
        change(&report)
        return try ReportJSON.encode(report)
    }

    @Test("a well-formed report passes")
    func wellFormedPasses() throws {
        #expect(DocumentIdentityCheck().problems(in: try encoded { $0.document.meetingDate = "2024-03-05" }).isEmpty)
    }

    @Test("a document id that is not the hash prefix is a problem")
    func idMustMatchHash() throws {
        let problems = DocumentIdentityCheck().problems(in: try encoded { $0.documentID = "ffffffffffffffff" })
        #expect(problems == ["/document_id: must be the first 16 hex digits of source.sha256"])
    }

    @Test("bytes that are not a JSON object are a problem")
    func notJSON() {
        #expect(DocumentIdentityCheck().problems(in: Data("[1,2]".utf8)) == ["the report is not a JSON object"])
    }

    @Test("the check gives the same verdict on a parsed report as on its bytes")
    func parsedAndBytesAgree() throws {
        let id = String(sha.prefix(16))
        let texts = [
            String(decoding: try encoded(), as: UTF8.self),
            String(decoding: try encoded { $0.documentID = "ffffffffffffffff" }, as: UTF8.self),
            "[1,2]", "\"text\"",
            #"{"document_id":"\#(id)"}"#,
            #"{"document_id":12,"source":{"sha256":"\#(sha)"}}"#,
            #"{"document_id":"\#(id)","source":{"sha256":7}}"#,
            #"{"document_id":"\#(id)","source":[]}"#,
        ]
        for text in texts {
            let data = Data(text.utf8)
            let parsed = try JSONParser.parse(data)
            #expect(DocumentIdentityCheck().problems(in: data, parsed: parsed) == DocumentIdentityCheck().problems(in: data), "\(text)")
        }
    }

    @Test("a combined check parses once and reports every check's problems in order")
    func combinedReportsAllProblems() throws {
        struct Always: ReportValidating {
            var message: String
            func problems(in reportJSON: Data) -> [String] { [message] }
        }
        let bad = try encoded { $0.documentID = "ffffffffffffffff" }
        let combined = CombinedValidator([Always(message: "first"), DocumentIdentityCheck(), Always(message: "last")])
        #expect(combined.problems(in: bad) == ["first", "/document_id: must be the first 16 hex digits of source.sha256", "last"])
        #expect(combined.problems(in: Data("not json".utf8)) == ["first", "the report is not a JSON object", "last"])
        #expect(combined.problems(in: try encoded()) == ["first", "last"])
    }

    @Test("a document id or hash that is missing or not a string is a problem, not a pass")
    func missingOrMistypedFieldsFail() {
        let message = ["/document_id: must be the first 16 hex digits of source.sha256"]
        let id = String(sha.prefix(16))
        #expect(DocumentIdentityCheck().problems(in: Data(#"{"document_id":"\#(id)"}"#.utf8)) == message)
        #expect(DocumentIdentityCheck().problems(in: Data(#"{"document_id":12,"source":{"sha256":"\#(sha)"}}"#.utf8)) == message)
        #expect(DocumentIdentityCheck().problems(in: Data(#"{"document_id":"\#(id)","source":{"sha256":7}}"#.utf8)) == message)
        #expect(DocumentIdentityCheck().problems(in: Data(#"{"document_id":"\#(id)","source":{"sha256":"\#(sha)"}}"#.utf8)).isEmpty)
    }
}
