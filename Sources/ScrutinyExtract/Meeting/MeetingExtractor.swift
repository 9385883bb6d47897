import Foundation
import ScrutinyCore

/// What an agenda pack's front sheet says: the meeting, the agenda with the pages it gives for each
/// item, and what had to be inferred.
public struct FrontSheet: Sendable, Hashable {
    /// One item of the agenda as the front sheet lists it.
    public struct Item: Sendable, Hashable {
        /// As printed without its punctuation: "5", "7a", "7(a)", "7.1".
        public var number: String?
        /// The item's title, joined across wrapped lines, without its page numbers or the paragraph under it.
        public var title: String
        /// The pack's printed page numbers the agenda gives ("Pages 3 - 12", "1 - 40"); `nil` where it gives none.
        public var pages: ClosedRange<Int>?

        /// An item numbered `number` (`nil` where the agenda prints none) on the pack's `pages`.
        public init(number: String?, title: String, pages: ClosedRange<Int>? = nil) {
            self.number = number
            self.title = title
            self.pages = pages
        }

        /// The item as the report model's agenda holds it.
        public var entry: AgendaEntry { AgendaEntry(number: number, title: title) }
    }

    /// The meeting, its agenda the ``items``' entries.
    public var meeting: Meeting
    /// The agenda's items in printed order.
    public var items: [Item]
    /// What was inferred rather than printed as a value ("council inferred from e-mail domain fenby.gov.uk").
    public var warnings: [String]

    /// A front sheet of `meeting` listing `items`.
    public init(meeting: Meeting, items: [Item], warnings: [String] = []) {
        self.meeting = meeting
        self.items = items
        self.warnings = warnings
    }
}

/// Reads the meeting an agenda pack is for from its front sheet: the council, the meeting's body,
/// its date, time and venue, and the agenda's numbered items.
///
/// Front sheets come in a few shapes, all read by the same rules:
/// - labels as data (``MeetingLabels``): "Meeting: Cabinet", "Date: Tuesday 27 January 2026",
///   "Time: 7.00 pm", "Venue: Town Hall", in one line, in table cells, above their values or as a
///   row of labels over a row of values;
/// - a display block: the body's name in large or bold type ("Open Agenda" and "Supplemental
///   Agenda No. 1" around it dropped), the date, the time and the venue on the lines below;
/// - a summons: "A meeting of the Planning Committee will be held in the Council Chamber on
///   Wednesday 3 June 2026 at 6.30 pm".
///
/// The agenda is the longest run of numbered lines whose numbers rise ("4", "5", "7", "7a", "8":
/// a supplementary pack lists only some items), each title without its page numbers, carried over
/// wrapped lines in the title's own style and never into the paragraph that describes the item.
///
/// ```swift
/// let items = AgendaPack().items(of: document)
/// let front = document.pages.prefix { $0.number < (items.first?.firstPage ?? 1) }
/// let meeting = MeetingExtractor().meeting(from: Array(front))
/// ```
public struct MeetingExtractor: Sendable {
    /// A reader with the front-sheet rules above; it holds no state.
    public init() {}

    /// The meeting the front sheet's pages describe; a value it does not print is `nil`.
    public func meeting(from frontSheet: [SourcePage]) -> Meeting {
        self.frontSheet(from: frontSheet).meeting
    }

    /// The meeting, the agenda with each item's pages, and the warnings.
    public func frontSheet(from frontSheet: [SourcePage]) -> FrontSheet {
        let sheet = Sheet(pages: frontSheet)
        let agenda = AgendaReader(sheet: sheet).items()
        let headerEnd = agenda.first?.line ?? sheet.lines.count
        let agendaEnd = agenda.last.map { $0.lastLine + 1 } ?? headerEnd
        let details = MeetingDetailsReader(sheet: sheet, zone: Array(0..<headerEnd),
                                           rest: Array(agendaEnd..<sheet.lines.count)).details()

        var warnings: [String] = []
        let outlined = sheet.lines.map(\.outlined)
        let council = CouncilFinder().council(front: Array(outlined.prefix(max(headerEnd, 1))), all: outlined,
                                              labelled: details.council, furniture: sheet.furniture, warnings: &warnings)
        warnings.removeAll { $0 == "council not found" }
        // Acronyms from the lines before the agenda only: a title in capitals below adds none to the body's name.
        let caser = AcronymAwareCaser(lines: Array(outlined.prefix(headerEnd)))
        let items = agenda.map { FrontSheet.Item(number: $0.number, title: $0.title, pages: $0.pages) }
        let meeting = Meeting(council: council, committee: details.committee.map(caser.titleCaseIfAllCaps),
                              meetingDate: details.date, time: details.time, venue: details.venue,
                              agenda: items.map(\.entry))
        return FrontSheet(meeting: meeting, items: items, warnings: warnings)
    }
}
