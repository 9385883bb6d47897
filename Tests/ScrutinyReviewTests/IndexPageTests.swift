import Foundation
import ScrutinyCore
import Testing
import ScrutinyBatch
@testable import ScrutinyReview

/// The index: one row per report, linking its page, with what the filters and sorting read.
@Suite struct IndexPageTests {
    static let summaries = [ReportSummary(ReviewFixtures.pdfReport), ReportSummary(ReviewFixtures.textReport)]

    @Test func everyReportIsARowLinkingItsPage() {
        let html = IndexPage(summaries: Self.summaries).html()
        #expect(html.contains(#"<a href="0f1e2d3c4b5a6978.html">Ferry &lt;fares&gt; review</a>"#))
        #expect(html.contains(#"<a href="1234567890abcdef.html">Untitled report</a>"#))
        #expect(html.components(separatedBy: "<tr data-council=").count - 1 == 2)
    }

    @Test func rowsCarryWhatTheFiltersReadAndCountsAndDates() {
        let html = IndexPage(summaries: Self.summaries).html()
        #expect(html.contains(#"data-council="Quillham Borough Council" data-committee="Harbour &amp; Ferries Panel""#))
        #expect(html.contains("data-warning=\"partnership inferred from the title\npurpose not found\""))
        #expect(html.contains(#"<td data-value="2026-03-05">5 March 2026</td>"#))
        #expect(html.contains(#"<td class="num">2</td>"#))
        #expect(html.contains("<option value=\"partnership inferred from the title\">partnership inferred from the title</option>"))
        #expect(html.contains("<option value=\"Quillham Borough Council\">Quillham Borough Council</option>"))
        #expect(html.contains("<option value=\"\">(not found)</option>"))
    }

    @Test func aSourceNotShownIsSaidOnItsRow() {
        let html = IndexPage(summaries: Self.summaries, problems: ["1234567890abcdef": "in/notes.txt is not found"]).html()
        #expect(html.contains("Source not shown: in/notes.txt is not found"))
    }

    @Test func theTableHasACaptionAndColumnHeaders() {
        let html = IndexPage(summaries: Self.summaries).html()
        #expect(html.contains("<caption id=\"reports-caption\">Reports</caption>"))
        #expect(html.contains("<th scope=\"col\" data-key=\"council\">Council</th>"))
        #expect(html.contains("<th scope=\"col\" data-key=\"budgets\" class=\"num\">Budgets</th>"))
        #expect(NetworkReferences.in(html).isEmpty)
    }
}

/// The style sheet and the script: ours, and asking for nothing.
@Suite struct ReviewAssetsTests {
    @Test func theStyleSheetAndScriptOpenNoConnection() {
        #expect(NetworkReferences.in(ReviewAssets.styleSheet, isCode: true).isEmpty)
        #expect(NetworkReferences.in(ReviewAssets.script, isCode: true).isEmpty)
    }

    @Test func theFocusRingShowsOnEveryFocusableThing() {
        #expect(ReviewAssets.styleSheet.contains(":focus-visible { outline: 3px solid var(--focus)"))
        #expect(!ReviewAssets.styleSheet.contains("outline: none; }\n:focus"))
    }
}

/// The fast report reader against `JSONDecoder`, the reference for what a report file means.
@Suite struct ReportReaderTests {
    static func encoded(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report)
    }

    @Test func readsWhatTheDecoderReads() throws {
        var pack = ReviewFixtures.pdfReport
        pack.source.item = SourceItem(index: 2, firstPage: 5, lastPage: 9, agendaItem: "4a", kind: .report)
        pack.source.meeting = Meeting(council: "Quillham Borough Council", committee: nil, meetingDate: "2026-03-05", time: "18:00",
                                      venue: "Harbour Room", agenda: [AgendaEntry(number: "1", title: "Apologies"),
                                                                      AgendaEntry(number: nil, title: "Any other business")])
        for report in [ReviewFixtures.pdfReport, ReviewFixtures.textReport, pack] {
            let data = try Self.encoded(report)
            let read = try #require(ReportReader.report(from: data))
            #expect(read == (try JSONDecoder().decode(Report.self, from: data)))
            #expect(read == report)
        }
    }

    @Test func aFileThatIsNotAReportIsNil() {
        #expect(ReportReader.report(from: Data("{\"document_id\": 3}".utf8)) == nil)
        #expect(ReportReader.report(from: Data("not json".utf8)) == nil)
    }
}
