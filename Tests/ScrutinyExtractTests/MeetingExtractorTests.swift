import Foundation
import Testing
import ScrutinyCore
@testable import ScrutinyExtract
import ScrutinyIngest

/// Front sheets of fictional councils in the shapes agenda packs print them.
@Suite("Meeting front sheet")
struct MeetingExtractorTests {
    /// A CMIS-style sheet: the meeting's details as a label table, the agenda as a table with a page column.
    static let labelTable = """
    Fenby District Council
    Meeting:\tPlanning Committee
    Date:\tWednesday 3 June 2026
    Time:\t6.30 pm
    Venue:\tCouncil Chamber, Civic Centre, Fenby FE1 1AA
    Agenda
    Item\tSubject\tPages
    1.\tApologies for absence
    2.\tDeclarations of interest
    3.\tMinutes of the previous meeting\tPages 3 - 10
    4.\tLand at Mill Lane, Fenby\t11 - 24
    4a\tTree preservation order at Mill Lane
    Part B - exempt business
    5.\tDisposal of the former depot
    Published: 26 May 2026
    """

    /// A Modern.gov-style sheet: "Notice of meeting", the body, labels above their values.
    static let stackedLabels = """
    Notice of meeting
    LICENSING SUB-COMMITTEE
    Date and Time
    Tuesday, 14th April, 2026 at 10.00 am
    Place
    Committee Room 1, Civic Offices,
    Brook Street, Hallowmere HM1 3RT
    Enquiries to: Sam Taylor, Democratic Services Officer
    Agenda
    1 Election of Chair
    2 Application for a premises licence: The Old Forge, Mill Road (Pages 5 - 20)
    To determine an application for a new premises licence.
    3 Application to vary a premises licence: Riverside Tavern (Pages 21 - 36)
    """

    /// A parish-style summons: the meeting in one sentence, the agenda as numbered lines.
    static let summons = """
    ASHCOMBE TOWN COUNCIL
    NOTICE OF MEETING
    You are hereby summoned to attend a meeting of the Finance and General Purposes Committee which will be held in the Council Chamber, Market Hall, on Monday 8 June 2026 at 7pm for the purpose of transacting the following business.
    Clerk to the Council
    1 June 2026
    AGENDA
    1. To receive apologies for absence
    2. To approve the minutes of the meeting held on 11 May 2026
    3. To consider the grant application from the
    village hall committee
    4. Public participation
    """

    /// A ModernGov "Open Agenda" display sheet as a PDF reads it: body, date, time and venue in large
    /// type, a supplementary agenda whose items carry a paragraph each, the contact and issue date after.
    static let displaySheet: [SourcePage] = {
        var lines: [SourceLine] = []
        func add(_ text: String, _ size: Double, bold: Bool = false, cells: [String]? = nil, x: Double = 50) {
            lines.append(SourceLine(number: lines.count + 1, text: cells?.joined(separator: "\t") ?? text, cells: cells,
                                    role: cells == nil ? .body : .tableRow, fontSize: size, isBold: bold,
                                    box: Box(x: x, y: Double(lines.count) * 20, width: 400, height: size)))
        }
        add("Open Agenda", 18)
        add("Housing and Communities Scrutiny", 24, bold: true, x: 120)
        add("Commission", 24, bold: true, x: 200)
        add("Thursday 12 March 2026", 14, x: 180)
        add("7.00 pm", 14, x: 220)
        add("Committee Room 2, Riverside House, 5 Quay Street, Westmere WM2 4QT", 14, x: 90)
        add("Supplemental Agenda No. 2", 24, bold: true, x: 120)
        add("List of Contents", 14, x: 180)
        add("", 12, bold: true, cells: ["Item No.", "Title", "Page No."])
        add("", 11, bold: true, cells: ["6. Damp and mould in council homes", "1 - 14"])
        add("", 12, cells: ["", "The commission will hear from the housing repairs team and two tenants' associations.", ""])
        add("9. Allocations policy review:", 11, bold: true)
        add("consultation findings", 11, bold: true, x: 80)
        add("15 - 30", 11, bold: true, x: 500)
        add("A report is enclosed.", 12, x: 80)
        add("Contact", 11, bold: true)
        add("", 11, cells: ["Email:", "scrutiny@westmere.gov.uk"])
        add("Date: 2 March 2026", 11)
        return [SourcePage(number: 1, width: 595, height: 842, lines: lines)]
    }()

    /// A CMIS-style sheet in capitals: the date and time on one line, the venue under it, a paragraph under each item.
    static let capitals = """
    WESTMERE CITY COUNCIL
    CABINET
    TUESDAY, 16 JUNE 2026 AT 10:00 HOURS
    IN COMMITTEE ROOMS 3 & 4, COUNCIL HOUSE, MARKET SQUARE, WESTMERE, WM1 1AA
    AGENDA
    1\tNOTICE OF RECORDING/WEBCAST
    \tThe Chair to advise that this meeting will be webcast.
    2\tAPOLOGIES
    \tTo receive any apologies.
    3\tDECLARATIONS OF INTERESTS
    """

    /// A sheet whose body follows "Notice of a public meeting of", with lettered sub-points under an item.
    static let noticeOf = """
    Notice of a public meeting of
    Economy and Place Scrutiny Committee
    To:\tCouncillors Ahmed (Chair), Brook and Carter
    Date:\tThursday, 4 June 2026
    Time:\t4.30 pm
    Venue:\tThe Oak Room, Ground Floor, Riverside Offices (G012)
    AGENDA
    1.\tDeclarations of Interest
    \tAt this point in the meeting, Members are asked to declare any interest they may have.
    2.\tMinutes\t(Pages 1 - 8)
    \tTo approve and sign the minutes of the meeting held on 7 May 2026.
    3.\tPublic Participation
    4.\tLocal Transport Plan: Consultation Response\t(Pages 9 - 40)
    (a)\tBus service improvement plan
    Page 1
    """

    static func pages(_ text: String) -> [SourcePage] { TestDocuments.document(text).pages }

    @Test func readsALabelTableAndAnAgendaTableWithPageColumn() {
        let sheet = MeetingExtractor().frontSheet(from: Self.pages(Self.labelTable))
        let meeting = sheet.meeting
        #expect(meeting.council == "Fenby District Council")
        #expect(meeting.committee == "Planning Committee")
        #expect(meeting.meetingDate == "2026-06-03")
        #expect(meeting.time == "18:30")
        #expect(meeting.venue == "Council Chamber, Civic Centre, Fenby FE1 1AA")
        #expect(meeting.agenda.map(\.number) == ["1", "2", "3", "4", "4a", "5"])
        #expect(meeting.agenda.map(\.title) == ["Apologies for absence", "Declarations of interest", "Minutes of the previous meeting",
                                                "Land at Mill Lane, Fenby", "Tree preservation order at Mill Lane",
                                                "Disposal of the former depot"])
        #expect(sheet.items.map(\.pages) == [nil, nil, 3...10, 11...24, nil, nil])
    }

    @Test func readsStackedLabelsAndDropsTheParagraphUnderAnItem() {
        let sheet = MeetingExtractor().frontSheet(from: Self.pages(Self.stackedLabels))
        let meeting = sheet.meeting
        #expect(meeting.committee == "Licensing Sub-Committee")
        #expect(meeting.meetingDate == "2026-04-14")
        #expect(meeting.time == "10:00")
        #expect(meeting.venue == "Committee Room 1, Civic Offices, Brook Street, Hallowmere HM1 3RT")
        #expect(meeting.agenda == [
            AgendaEntry(number: "1", title: "Election of Chair"),
            AgendaEntry(number: "2", title: "Application for a premises licence: The Old Forge, Mill Road"),
            AgendaEntry(number: "3", title: "Application to vary a premises licence: Riverside Tavern"),
        ])
        #expect(sheet.items.map(\.pages) == [nil, 5...20, 21...36])
    }

    @Test func readsASummonsSentenceAndJoinsAWrappedTitle() {
        let meeting = MeetingExtractor().meeting(from: Self.pages(Self.summons))
        #expect(meeting.council == "Ashcombe Town Council")
        #expect(meeting.committee == "Finance and General Purposes Committee")
        #expect(meeting.meetingDate == "2026-06-08")
        #expect(meeting.time == "19:00")
        #expect(meeting.venue == "Council Chamber, Market Hall")
        #expect(meeting.agenda.map(\.number) == ["1", "2", "3", "4"])
        #expect(meeting.agenda[1].title == "To approve the minutes of the meeting held on 11 May 2026")
        #expect(meeting.agenda[2].title == "To consider the grant application from the village hall committee")
    }

    @Test func readsADisplaySheetWithoutAgendaWordsAndWithoutDescriptions() {
        let sheet = MeetingExtractor().frontSheet(from: Self.displaySheet)
        let meeting = sheet.meeting
        #expect(meeting.committee == "Housing and Communities Scrutiny Commission")
        // The issue date under the contact is not the meeting's.
        #expect(meeting.meetingDate == "2026-03-12")
        #expect(meeting.time == "19:00")
        #expect(meeting.venue == "Committee Room 2, Riverside House, 5 Quay Street, Westmere WM2 4QT")
        #expect(meeting.agenda == [
            AgendaEntry(number: "6", title: "Damp and mould in council homes"),
            AgendaEntry(number: "9", title: "Allocations policy review: consultation findings"),
        ])
        #expect(sheet.items.map(\.pages) == [1...14, 15...30])
        // Only the e-mail domain names the council: inferred, and said so.
        #expect(meeting.council == "Westmere Council")
        #expect(sheet.warnings.contains { $0.contains("westmere.gov.uk") })
    }

    @Test func readsACapitalisedSheetWithTheVenueUnderTheDate() {
        let meeting = MeetingExtractor().meeting(from: Self.pages(Self.capitals))
        #expect(meeting.council == "Westmere City Council")
        #expect(meeting.committee == "Cabinet")
        #expect(meeting.meetingDate == "2026-06-16")
        #expect(meeting.time == "10:00")
        #expect(meeting.venue == "COMMITTEE ROOMS 3 & 4, COUNCIL HOUSE, MARKET SQUARE, WESTMERE, WM1 1AA")
        #expect(meeting.agenda == [
            AgendaEntry(number: "1", title: "NOTICE OF RECORDING/WEBCAST"), AgendaEntry(number: "2", title: "APOLOGIES"),
            AgendaEntry(number: "3", title: "DECLARATIONS OF INTERESTS"),
        ])
    }

    @Test func readsTheBodyAfterNoticeOfAPublicMeetingAndKeepsSubPointsOutOfTitles() {
        let sheet = MeetingExtractor().frontSheet(from: Self.pages(Self.noticeOf))
        let meeting = sheet.meeting
        #expect(meeting.committee == "Economy and Place Scrutiny Committee")
        #expect(meeting.meetingDate == "2026-06-04")
        #expect(meeting.time == "16:30")
        #expect(meeting.venue == "The Oak Room, Ground Floor, Riverside Offices (G012)")
        #expect(meeting.agenda.map(\.title) == ["Declarations of Interest", "Minutes", "Public Participation",
                                                "Local Transport Plan: Consultation Response"])
        // The page's footer is no item's page.
        #expect(sheet.items.map(\.pages) == [nil, 1...8, nil, 9...40])
    }

    @Test func readsTheFullCouncilAsTheBodyAndAVenueWrappedInItsCell() {
        let meeting = MeetingExtractor().meeting(from: Self.pages("""
        FENBY DISTRICT COUNCIL
        Council
        Date:\tThursday 16 July 2026
        Time:\t7.00 pm
        Venue:\tCouncil Chamber, Civic Centre,
        \tLowgate, Fenby FB1 2CC
        AGENDA
        1.\tApologies for absence
        2.\tMayor's announcements
        """))
        #expect(meeting.council == "Fenby District Council")
        #expect(meeting.committee == "Council")
        #expect(meeting.venue == "Council Chamber, Civic Centre, Lowgate, Fenby FB1 2CC")
        #expect(meeting.agenda.map(\.title) == ["Apologies for absence", "Mayor's announcements"])
    }

    @Test func prefersTheAgendaToANumberedListOfNotesAfterIt() {
        let meeting = MeetingExtractor().meeting(from: Self.pages("""
        Audit Committee
        Date: Monday 6 July 2026
        Supplementary Agenda
        7.\tInternal audit progress report\t1 - 12
        9.\tRisk management update\t13 - 20
        Information for the public
        1. Members of the public are welcome to attend this meeting.
        2. The meeting may be filmed or recorded.
        3. Please ask at reception for access to the hearing loop.
        """))
        #expect(meeting.agenda.map(\.number) == ["7", "9"])
        #expect(meeting.agenda.map(\.title) == ["Internal audit progress report", "Risk management update"])
    }

    @Test func readsARemoteMeetingAndPlanningReferencesAfterNumberedNotes() {
        let sheet = MeetingExtractor().frontSheet(from: Self.pages("""
        Greyford Borough Council
        Planning Applications Sub-Committee (North)
        A meeting of the Planning Applications Sub-Committee (North) will be held remotely via Microsoft Teams on Wednesday 1 July 2026 at 10am.
        Information for members of the public
        1. The meeting will be broadcast live on the council's website.
        2. If you wish to speak on an application you must register by noon on the day before.
        3. Please note that the order of business may change on the day.
        AGENDA
        1. Apologies for absence
        2. Declarations of interest
        3. 25/01234/FUL - Land to the rear of 12 to 18 Station Approach, Greyford
        Erection of six dwellings with associated access and parking.
        Recommendation: grant subject to conditions. (Pages 7 - 30)
        4. 26/00077/HOU - 4 Elm Close, Greyford GY3 5PL (Pages 31 - 40)
        """))
        let meeting = sheet.meeting
        #expect(meeting.committee == "Planning Applications Sub-Committee (North)")
        #expect(meeting.meetingDate == "2026-07-01")
        #expect(meeting.time == "10:00")
        #expect(meeting.venue == "remotely via Microsoft Teams")
        #expect(meeting.agenda.map(\.title) == ["Apologies for absence", "Declarations of interest",
                                                "25/01234/FUL - Land to the rear of 12 to 18 Station Approach, Greyford",
                                                "26/00077/HOU - 4 Elm Close, Greyford GY3 5PL"])
        #expect(sheet.items.map(\.pages) == [nil, nil, 7...30, 31...40])
    }

    @Test func readsANumberOnALineOfItsOwnWithTheTitleBelow() {
        let meeting = MeetingExtractor().meeting(from: Self.pages("""
        Service Delivery Committee
        Venue: Council Chamber, Brocklow Council Offices, Station Road, Brocklow
        Date: Tuesday, 7 July 2026
        Time: 7.00 pm
        AGENDA
        1.
        Apologies for Absence
        To receive apologies for absence from Members to determine the quorum of the meeting.
        2.
        Appointment of Substitutes
        3.
        Street Cleansing and Grounds Maintenance Performance
        Report of the Head of Neighbourhood Services.
        """))
        #expect(meeting.committee == "Service Delivery Committee")
        #expect(meeting.venue == "Council Chamber, Brocklow Council Offices, Station Road, Brocklow")
        #expect(meeting.agenda == [
            AgendaEntry(number: "1", title: "Apologies for Absence"), AgendaEntry(number: "2", title: "Appointment of Substitutes"),
            AgendaEntry(number: "3", title: "Street Cleansing and Grounds Maintenance Performance"),
        ])
    }

    @Test func readsALabelRowWithAColumnOfItsOwnOverTheValues() {
        let meeting = MeetingExtractor().meeting(from: Self.pages("""
        Notice of Meeting
        Adult Social Care Select Committee
        Date & time\tPlace\tContact\tChief Executive
        Tuesday, 23 June 2026 at 2.00 pm\tCouncil Chamber, Woodside Place\tHuma Noor\tTerry Hale
        1\tApologies for absence
        """))
        #expect(meeting.committee == "Adult Social Care Select Committee")
        #expect(meeting.meetingDate == "2026-06-23")
        #expect(meeting.time == "14:00")
        #expect(meeting.venue == "Council Chamber, Woodside Place")
    }

    @Test func readsTheVenueAfterTheTimeInOneLabelledValue() {
        let meeting = MeetingExtractor().meeting(from: Self.pages("""
        Licensing Committee
        Date, time and venue: Monday 6 July 2026, 7pm, Committee Room A, Guildhall
        1. Apologies
        """))
        #expect(meeting.meetingDate == "2026-07-06")
        #expect(meeting.time == "19:00")
        #expect(meeting.venue == "Committee Room A, Guildhall")
    }

    @Test func leavesWhatTheSheetDoesNotPrintNull() {
        let meeting = MeetingExtractor().meeting(from: Self.pages("Agenda\n1. Apologies\n2. Minutes"))
        #expect(meeting.council == nil)
        #expect(meeting.committee == nil)
        #expect(meeting.meetingDate == nil)
        #expect(meeting.time == nil)
        #expect(meeting.venue == nil)
        #expect(meeting.agenda.map(\.title) == ["Apologies", "Minutes"])
    }

    @Test func readsTheBodyAfterTheCouncilsNameAndADateTimeAndVenueOnOneLine() {
        let meeting = MeetingExtractor().meeting(from: Self.pages("""
        WESTMERE DISTRICT COUNCIL CABINET
        Tuesday 27 January 2026 at 10:00am at the Guildhall, Market Square
        1. Apologies for absence
        """))
        #expect(meeting.council == "Westmere District Council")
        #expect(meeting.committee == "Cabinet")
        #expect(meeting.meetingDate == "2026-01-27")
        #expect(meeting.time == "10:00")
        #expect(meeting.venue == "Guildhall, Market Square")
    }

    @Test(arguments: [
        ("7.00 pm", "19:00"), ("7pm", "19:00"), ("10:00am", "10:00"), ("19:00", "19:00"), ("10.30 a.m.", "10:30"),
        ("12 noon", "12:00"), ("12.30 pm", "12:30"), ("12 am", "00:00"), ("at 6.30pm – 8.30pm", "18:30"),
    ])
    func readsPrintedTimes(printed: String, time: String) {
        #expect(MeetingClock.first(in: printed, dotted: true)?.time == time)
    }

    @Test func takesNoTimeFromADateOrAnAmount() {
        #expect(MeetingClock.first(in: "Monday 03.06.2026", dotted: true) == nil)
        #expect(MeetingClock.first(in: "a fee of £12.50", dotted: true) == nil)
        #expect(MeetingClock.first(in: "Item 10.30 Budget", dotted: false) == nil)
    }
}

/// The two real packs in `shared/corpus/packs`: the front sheet before the first item, read against the gold's meeting block.
/// Skips (with a message) where `shared/corpus` is not beside the package.
@Suite("Meeting front sheet: real packs")
struct MeetingCorpusTests {
    static let packs = SeedCorpusTests.corpus.appendingPathComponent("packs")
    static var available: Bool { FileManager.default.fileExists(atPath: packs.appendingPathComponent("gold").path) }

    @Test(.enabled(if: MeetingCorpusTests.available, "shared/corpus/packs is absent: pack front sheets skipped"),
          arguments: ["k01", "k02"])
    func readsTheMeetingOfARealPack(id: String) throws {
        let data = try Data(contentsOf: Self.packs.appendingPathComponent("gold/\(id).json"))
        let gold = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let block = try #require(gold["meeting"] as? [String: Any])
        let url = Self.packs.appendingPathComponent("docs/\(id).pdf")
        let document = try DocumentIngester().ingest(path: url.path)
        let items = AgendaPack().items(of: document)
        let first = try #require(items.first?.firstPage)
        let sheet = MeetingExtractor().frontSheet(from: document.pages.filter { $0.number < first })
        let meeting = sheet.meeting

        let councils = (block["council"] as? [String]) ?? [(block["council"] as? String) ?? ""]
        #expect(councils.contains(meeting.council ?? "(none)"), "council \(meeting.council ?? "nil")")
        #expect(meeting.committee == block["committee"] as? String)
        #expect(meeting.meetingDate == block["meeting_date"] as? String)
        #expect(meeting.time != nil)
        #expect(meeting.venue != nil)
        // Every gold item is listed under its number, with a title of its own words (not its page numbers,
        // not the paragraph under it) that shares a word with the report's title.
        for item in gold["items"] as? [[String: Any]] ?? [] {
            let number = try #require(item["agenda_item"] as? String)
            let listed = sheet.items.first { $0.number == number }
            #expect(listed != nil, "item \(number) not listed: \(meeting.agenda)")
            guard let listed else { continue }
            let goldWords = Self.words(item["title"] as? String ?? "")
            #expect(!Self.words(listed.title).isDisjoint(with: goldWords), "item \(number): \(listed.title)")
            #expect(listed.title.wordCount <= 16, "item \(number): \(listed.title)")
            #expect(listed.pages != nil, "item \(number) has no pages")
        }
    }

    private static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count > 3 })
    }
}
