import Foundation
import JSONSchema
import Testing

/// The official JSON-Schema-Test-Suite, draft 2020-12 (suite commit 44401e0c, see ../shared).
@Suite("JSON-Schema-Test-Suite draft 2020-12", .enabled(if: TestSuite.isPresent,
    "../shared/json-schema-test-suite is absent beside the package; the conformance suite cannot run"))
struct DraftSuiteTests {
    /// Each required file on its own, so a failure names its file and test.
    @Test("required file passes every test", arguments: TestSuite.isPresent ? TestSuite.files("") : [])
    func requiredFile(_ file: String) {
        let outcome = TestSuite.run(file, formatAssertion: false)
        for failure in outcome.failed { Issue.record(Comment(rawValue: failure)) }
        #expect(outcome.passed > 0)
    }

    /// Prints the totals for the required tests (1299 at the pinned commit) and fails on any failure.
    @Test func requiredTotalsAreAllPassing() {
        let (line, outcome) = TestSuite.summary("", label: "required", formatAssertion: false)
        print(line)
        for skip in outcome.skipped { print("  skipped: \(skip)") }
        #expect(outcome.failed.isEmpty, Comment(rawValue: line))
        #expect(outcome.passed + outcome.failed.count + outcome.skipped.count == 1299)
    }

    /// Optional tests only print their totals and failures; they never fail the run.
    @Test func optionalTotalsArePrinted() {
        let (line, outcome) = TestSuite.summary("optional", label: "optional", formatAssertion: false)
        print(line)
        for failure in outcome.failed { print("  optional failure: \(failure)") }
        let (formatLine, formatOutcome) = TestSuite.summary("optional/format", label: "optional/format (format assertion on)",
                                                            formatAssertion: true)
        print(formatLine)
        for failure in formatOutcome.failed { print("  optional/format failure: \(failure)") }
        #expect(outcome.passed > 0 && formatOutcome.passed > 0)
    }
}
