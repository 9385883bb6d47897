import Foundation
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
