import Foundation
import ScrutinyBatch
import ScrutinyCore
import Testing

/// The pool driven with small shell scripts standing in for `scrutiny worker`.
@Suite("The worker pool's handling of misbehaving workers")
struct WorkerPoolTests {
    func run(script: String, requests: Int = 1, workers: Int = 1, timeout: Double = 10) throws
        -> (results: [String: Result<[ExtractedReport], InputFailure>], started: Int) {
        let pool = WorkerPool(configuration: WorkerPoolConfiguration(
            executable: "/bin/sh", arguments: ["-c", script], workers: workers, timeout: timeout))
        var results: [String: Result<[ExtractedReport], InputFailure>] = [:]
        let started = try pool.run((1...requests).map { WorkerRequest(path: "p\($0)", file: "f\($0)") }) { request, result in
            results[request.file] = result
        }
        return (results, started)
    }

    func failure(_ result: Result<[ExtractedReport], InputFailure>?) -> InputFailure? {
        if case .failure(let failure) = result { return failure }
        return nil
    }

    @Test("a reply per request is passed on, one worker serving many requests")
    func answersArePassedOn() throws {
        let reply = #"{"file":"x","failure":{"kind":"corrupt","message":"damaged xref"}}"#
        let outcome = try run(script: "while read line; do echo '\(reply)'; done", requests: 5)
        #expect(outcome.results.count == 5)
        #expect(outcome.results.values.allSatisfy { failure($0) == InputFailure(.corrupt, "damaged xref") })
        #expect(outcome.started == 1)
    }

    @Test("a worker killed by a signal gives a crashed failure naming the signal, and is replaced")
    func crashIsReported() throws {
        let outcome = try run(script: "read line; kill -SEGV $$", requests: 3)
        #expect(outcome.results.count == 3)
        let first = try #require(failure(outcome.results["f1"]))
        #expect(first.kind == .crashed)
        #expect(first.message.contains("SIGSEGV"))
        #expect(outcome.started == 3)
    }

    @Test("a worker that does not answer within the time limit is killed: timeout")
    func hangTimesOut() throws {
        let started = Date()
        let outcome = try run(script: "read line; sleep 60", timeout: 0.5)
        #expect(failure(outcome.results["f1"])?.kind == .timeout)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("a worker that does not exit when its input ends is killed after a grace period, not waited for")
    func workerIgnoringEndOfInputIsKilled() throws {
        let reply = #"{"file":"x","failure":{"kind":"corrupt","message":"damaged xref"}}"#
        let started = Date()
        let outcome = try run(script: "while read line; do echo '\(reply)'; done; sleep 60", requests: 2)
        #expect(outcome.results.count == 2)
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test("a worker inherits no descriptor of the batch but its two pipes")
    func workerInheritsNoStrayDescriptor() throws {
        // Opened without close-on-exec, as a library might: only the spawn's closing keeps it out.
        let stray = open("/dev/null", O_RDONLY)
        try #require(stray > 2)
        defer { close(stray) }
        let script = #"read line; if [ -e /proc/$$/fd/\#(stray) ]; then m=inherited; else m=closed; fi; "#
            + #"printf '{"file":"x","failure":{"kind":"corrupt","message":"%s"}}\n' "$m""#
        let outcome = try run(script: script)
        #expect(failure(outcome.results["f1"])?.message == "closed")
    }

    @Test("a reply that is not JSON is a crashed failure")
    func garbageIsCrash() throws {
        let outcome = try run(script: "read line; echo 'Segmentation fault (core dumped)'; sleep 60")
        let result = try #require(failure(outcome.results["f1"]))
        #expect(result.kind == .crashed)
        #expect(result.message.contains("not JSON"))
    }

    /// A report reply as `scrutiny worker` frames it: the header line, then the parts' bytes.
    func reportReply(sizes: [Int], body: String) -> String {
        let header = #"{"file":"x","reports":[{"document_id":"0123456789abcdef","sha256":"0123456789abcdef\#(String(repeating: "0", count: 48))","sizes":\#(sizes),"warnings":["ocr"]}]}"#
        return "printf '%s\\n' '\(header)'; \(body)"
    }

    @Test("a reply with several reports (an agenda pack's items) gives each its own parts, in order")
    func packReplyGivesEveryReport() throws {
        let id = "0123456789abcdef", sha = "0123456789abcdef" + String(repeating: "0", count: 48)
        let header = #"{"file":"x","reports":[{"document_id":"\#(id)-001","sha256":"\#(sha)","sizes":[2,3,0,0,0,0,0,0],"warnings":[]},{"document_id":"\#(id)-002","sha256":"\#(sha)","sizes":[4,3,5,0,0,0,0,0],"warnings":["w"]}]}"#
        let body = #"printf '{}'; printf '{}\n'; printf 'abcd'; printf '{}\n'; printf 'y,2\r\n'"#
        let outcome = try run(script: "while read line; do printf '%s\\n' '\(header)'; \(body); done", requests: 2)
        for result in outcome.results.values {
            guard case .success(let reports) = result else {
                Issue.record("expected reports, got \(result)")
                continue
            }
            #expect(reports.map(\.documentID) == ["\(id)-001", "\(id)-002"])
            #expect(reports.map { String(decoding: $0.json, as: UTF8.self) } == ["{}", "abcd"])
            #expect(reports[1].rows.csvRows.first == Array("y,2\r\n".utf8))
            #expect(reports[1].warnings == ["w"])
        }
        #expect(outcome.started == 1)
    }

    @Test("a report reply's parts after its header line arrive whole, the largest past the pipe buffer")
    func reportPartsArriveWhole() throws {
        let body = #"head -c 200000 /dev/zero | tr '\0' 'a'; printf '{}\n'; printf 'x,1\r\n'"#
        let script = "while read line; do \(reportReply(sizes: [200000, 3, 5, 0, 0, 0, 0, 0], body: body)); done"
        let outcome = try run(script: script, requests: 2)
        #expect(outcome.results.count == 2)
        for result in outcome.results.values {
            guard case .success(let reports) = result, reports.count == 1, let report = reports.first else {
                Issue.record("expected a report, got \(result)")
                continue
            }
            #expect(report.json.count == 200000 && report.json.allSatisfy { $0 == UInt8(ascii: "a") })
            #expect(report.rows.jsonLine == Array("{}\n".utf8))
            #expect(report.rows.csvRows.first == Array("x,1\r\n".utf8))
            #expect(report.rows.csvRows.dropFirst().allSatisfy { $0.isEmpty })
            #expect(report.documentID == "0123456789abcdef")
            #expect(report.warnings == ["ocr"])
        }
        #expect(outcome.started == 1)
    }

    @Test("a report reply with the wrong number of parts is a crashed failure")
    func reportReplyWithMissingPartsIsACrash() throws {
        let started = Date()
        let outcome = try run(script: "read line; \(reportReply(sizes: [2], body: "printf '{}'")); sleep 60")
        let result = try #require(failure(outcome.results["f1"]))
        #expect(result.kind == .crashed)
        #expect(result.message.contains("malformed"))
        // Its parts cannot be told apart, so the worker is stopped at once, not left to finish.
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test("a reply far larger than the pipe buffer arrives whole")
    func largeReplyArrivesWhole() throws {
        let script = #"read line; printf '{"file":"x","failure":{"kind":"corrupt","message":"'; head -c 3000000 /dev/zero | tr '\0' 'a'; printf '"}}\n'"#
        let outcome = try run(script: script)
        #expect(failure(outcome.results["f1"])?.message.count == 3_000_000)
    }
}
