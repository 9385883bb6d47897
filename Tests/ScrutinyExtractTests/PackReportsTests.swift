import Testing
import ScrutinyCore
@testable import ScrutinyExtract

/// An agenda pack's items as reports: one each, at the pack's pages, taking the meeting from
/// the front sheet. Fictional pages only.
@Suite("Reports of an agenda pack")
struct PackReportsTests {
    /// A page of lines; "# " makes a line a bold heading.
    static func page(_ number: Int, _ texts: [String]) -> SourcePage {
        SourcePage(number: number, lines: texts.enumerated().map { index, text in
            text.hasPrefix("# ")
                ? SourceLine(number: index + 1, text: String(text.dropFirst(2)), role: .heading, headingLevel: 1, fontSize: 16, isBold: true)
                : SourceLine(number: index + 1, text: text, fontSize: 11)
        })
    }

    static let sha = String(repeating: "ab", count: 32)

    static let pack = SourceDocument(format: .pdf, pages: [
        page(1, ["# Harbour Borough Council", "# Harbour Scrutiny Panel", "Date: Thursday 4 June 2026", "Time: 6.30 pm", "Venue: Quay House",
                 "Agenda", "1. Minutes", "2. Ferry Fares Review"]),
        page(2, ["MINUTES of the Harbour Scrutiny Panel held on 2 April 2026", "RESOLVED: That the fares be reviewed."]),
        page(3, ["# Ferry Fares Review", "# Recommendations", "1. That the panel notes the review of ferry fares."]),
        page(4, ["The fares rose by £120,000 in 2025/26."]),
    ], metadata: DocumentMetadata(title: "Agenda pack"), items: [
        PackItem(index: 1, firstPage: 2, lastPage: 2, agendaItem: "1", kind: .minutes, evidence: "test"),
        PackItem(index: 2, firstPage: 3, lastPage: 4, agendaItem: "2", kind: .report, evidence: "test"),
    ])

    @Test("each item is a report of its own: its id after the file's, where it lies, the meeting's council, body and date")
    func itemsAreReports() throws {
        let reports = ReportExtractor().reports(of: Self.pack, file: "pack.pdf", sha256: Self.sha)
        #expect(reports.map(\.documentID) == ["abababababababab-001", "abababababababab-002"])
        #expect(reports.map(\.source.item?.firstPage) == [2, 3])
        #expect(reports.map(\.source.item?.lastPage) == [2, 4])
        #expect(reports.allSatisfy { $0.source.file == "pack.pdf" && $0.source.pages == 4 })
        #expect(reports.map(\.document.committee) == ["Harbour Scrutiny Panel", "Harbour Scrutiny Panel"], "\(reports.map(\.source.meeting))")
        #expect(reports.map(\.document.meetingDate) == ["2026-06-04", "2026-06-04"])
        #expect(reports.map(\.document.agendaItem) == ["1", "2"])
        let meeting = try #require(reports[1].source.meeting)
        #expect(meeting.time == "18:30")
        #expect(meeting.agenda.map(\.number) == ["1", "2"])
        #expect(reports[1].document.title == "Ferry Fares Review", "not the pack file's own title")
        #expect(reports[1].recommendations.map(\.text) == ["That the panel notes the review of ferry fares."])
        #expect(reports[1].budgets.map(\.provenance.page) == [4], "provenance pages are the pack's")
    }

    @Test("minutes are titled by their opening sentence and give no recommendations")
    func minutesGiveNoRecommendations() {
        let minutes = ReportExtractor().reports(of: Self.pack, file: "pack.pdf", sha256: Self.sha)[0]
        #expect(minutes.source.item?.kind == .minutes)
        #expect(minutes.recommendations.isEmpty)
        #expect(minutes.document.title == "MINUTES of the Harbour Scrutiny Panel held on 2 April 2026")
        #expect(!minutes.warnings.contains("recommendations not found"))
    }

    @Test("a file that is one report is one report, with the file's id and no item")
    func aSingleReportIsOne() {
        var single = Self.pack
        single.items = []
        let reports = ReportExtractor().reports(of: single, file: "one.pdf", sha256: Self.sha)
        #expect(reports.count == 1 && reports[0].documentID == "abababababababab" && reports[0].source.item == nil)
        #expect(reports[0].source.meeting == nil)
    }
}
