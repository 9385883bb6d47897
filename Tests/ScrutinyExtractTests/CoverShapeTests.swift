import Testing
import ScrutinyCore
@testable import ScrutinyExtract

@Suite("Cover shapes")
struct CoverShapeTests {
    @Test func aTwoColumnCoverWithAnEmptyMiddleCellAndAnAuditTrailAuthor() {
        let report = TestDocuments.report("""
        Meeting Name:\t\tCabinet
        \tDate:\t3 March 2026
        \tReport title:\tLibrary Opening Hours Review
        \tCabinet Member:\tCouncillor Ada Brook - Cabinet Member for Culture and Councillor Ben Hale – Cabinet Member for Finance
        \tWard(s) or groups affected:\tAll
        \tClassification:\tOpen
        RECOMMENDATIONS
        Recommendations for the Cabinet to note
        1. The outcome of the consultation.
        AUDIT TRAIL
        \tLead Officer\tCara Dunn, Strategic Director of Place
        \tReport Author\tDev Patel - Libraries Manager - Place
        """)
        let block = report.document
        #expect(block.committee == "Cabinet")
        #expect(block.meetingDate == "2026-03-03")
        #expect(block.title == "Library Opening Hours Review")
        #expect(block.reportBy == "Councillor Ada Brook - Cabinet Member for Culture; Councillor Ben Hale – Cabinet Member for Finance")
        #expect(block.contact.name == "Dev Patel")
        #expect(block.contact.role == "Libraries Manager, Place")
    }

    @Test func aRowOfLabelsOverARowOfValuesIsReadByColumn() {
        let block = TestDocuments.report("""
        Item No.\tClassification:\tDate:\tDecision maker:
        7\tOpen\tMarch 2024\tCabinet Member for Parks
        Report title\tPlay Area Renewal
        From:\tHead of Parks
        RECOMMENDATION
        1. That the Cabinet Member approves the renewal.
        """).document
        #expect(block.committee == "Cabinet Member for Parks")
        #expect(block.meetingDate == nil)
        #expect(block.agendaItem == "7")
        #expect(block.title == "Play Area Renewal")
        #expect(block.reportBy == "Head of Parks")
    }

    @Test func cellsThatEachHoldALabelAndItsValue() {
        let block = TestDocuments.report("""
        Item No: 6\tClassification: Open\tDate: 14 May 2025\tMeeting Name: Harbour Board
        Report title:\tHarbour Annual Report
        """).document
        #expect(block.agendaItem == "6")
        #expect(block.meetingDate == "2025-05-14")
        #expect(block.committee == "Harbour Board")
    }

    @Test func labelledLinesNameEveryPersonTheReportIsFromAndTheContact() {
        let block = TestDocuments.report("""
        CABINET 2 MARCH 2026
        Report title: Waste Collection Contract
        Wards: All
        Portfolio: Cabinet Member for Environment: Councillor Rhea Moss
        Report Authorised by: Ivo Grant, Corporate Director of Place
        Contact for enquiries: Lena Ford, Waste Manager, 01632 960441, lford@ashcombe.gov.uk
        REPORT SUMMARY
        This report sets out the contract.
        """).document
        #expect(block.committee == "Cabinet")
        #expect(block.meetingDate == "2026-03-02")
        #expect(block.reportBy == "Cabinet Member for Environment: Councillor Rhea Moss; Ivo Grant, Corporate Director of Place")
        #expect(block.contact.name == "Lena Ford")
        #expect(block.contact.phone == "01632 960441")
        #expect(block.contact.email == "lford@ashcombe.gov.uk")
    }

    @Test func aPortfolioThatNamesNoPersonIsNotWhoReports() {
        let block = TestDocuments.report("""
        Report to:\tCabinet
        Report of:\tDirector of Place
        Portfolio:\tClimate and Leisure
        """).document
        #expect(block.reportBy == "Director of Place")
    }

    @Test func aContactHeadingOverNamePositionTelephoneAndEmailRows() {
        let block = TestDocuments.report("""
        Report to:\tExecutive - 4 June 2025
        Subject:\tTown Centre Framework
        Contact Officers:
        Name:\tOmar Reid
        Position:\tHead of Regeneration
        Telephone:\t0161 496 0123
        E-mail:\to.reid@fenby.gov.uk
        Name:\tPia Lowe
        Position:\tCity Solicitor
        """).document
        #expect(block.contact.name == "Omar Reid")
        #expect(block.contact.role == "Head of Regeneration")
        #expect(block.contact.phone == "0161 496 0123")
        #expect(block.contact.email == "o.reid@fenby.gov.uk")
    }

    @Test func theAuthorsPhoneFromTheBackgroundPapersTable() {
        let block = TestDocuments.report("""
        Meeting Name:\tCabinet
        Report title:\tParks Contract Extension
        Background Papers\tHeld At\tContact
        Contract award report\tParks Office\tNoor Haddad, 020 7946 0321
        Report Author\tNoor Haddad, Parks Manager
        """).document
        #expect(block.contact.name == "Noor Haddad")
        #expect(block.contact.phone == "020 7946 0321")
        #expect(block.contact.email == nil)
    }

    @Test func aCaseOfficerLineUnderAnUnlabelledContactBox() {
        let block = TestDocuments.report("""
        planning report 7 June 2025
        For further information, contact the Planning Unit:
        Rose Kerr, Assistant Director
        Tom Vale, Senior Planner (Case Officer)
        020 7946 0555 email tom.vale@fenby.gov.uk
        """).document
        #expect(block.contact.name == "Tom Vale")
        #expect(block.contact.phone == "020 7946 0555")
        #expect(block.contact.email == "tom.vale@fenby.gov.uk")
    }
}

@Suite("Cover values that are not there")
struct CoverAbsenceTests {
    @Test func aDateWithoutAMeetingIsNoMeetingDate() {
        let block = TestDocuments.report("""
        **Annual Summary of Accounts as at 31 March 2025**
        Receipts\tPayments
        Precept\tInsurance
        """).document
        #expect(block.meetingDate == nil)
        #expect(block.committee == nil)
    }

    @Test func aRecommendationsHeadingIsNotTheCommittee() {
        let block = TestDocuments.report("""
        FOREWORD
        This report sets out the position.
        RECOMMENDATIONS
        Recommendations for the Cabinet to note
        1. The position.
        """).document
        #expect(block.committee == nil)
    }

    @Test func aWordEndingInItemsIsNoAgendaItem() {
        let block = TestDocuments.report("""
        **Explanation of Other Payments**
        Coronation items\t120.00
        """).document
        #expect(block.agendaItem == nil)
    }
}

@Suite("Council from self-references")
struct CouncilSelfReferenceTests {
    @Test func theDomainsPlaceBeatsAnotherCouncilMentionedMoreOften() {
        let report = TestDocuments.report("""
        Meeting:\tCabinet
        Subject:\tShared Waste Depot
        The depot is shared with Lowmoor County Council. Lowmoor County Council will run it.
        Fenby Council will pay its share. Papers: www.fenby.gov.uk/papers
        """)
        #expect(report.document.council == "Fenby Council")
    }

    @Test func aDomainWithoutASelfNameGivesThePlacesCouncil() {
        let report = TestDocuments.report("""
        Meeting:\tCabinet
        Subject:\tRent Setting
        The approach follows Lowmoor County Council's. See https://democracy.fenby.gov.uk/item
        """)
        #expect(report.document.council == "Fenby Council")
    }

    @Test func theFullestSelfNameIsTaken() {
        let report = TestDocuments.report("""
        Meeting:\tCabinet
        Subject:\tCharity Annual Report
        The trustee is the Council of the London Borough of Eastwick. Eastwick Council insures the building.
        Contact: Ola Ince, Officer, ola.ince@eastwick.gov.uk
        """)
        #expect(report.document.council == "London Borough of Eastwick")
    }

    @Test func aPlaceBeforeALowerCaseCouncilNamesItWhereNothingElseDoes() {
        let report = TestDocuments.report("""
        Report title:\tHarbour Moorings Charges
        Fenby council tax payers will see no change.
        The moorings stay in Fenby council's ownership and Fenby council will set the charges.
        """)
        #expect(report.document.council == "Fenby Council")
    }

    @Test func councilTaxAloneNamesNoCouncil() {
        let report = TestDocuments.report("""
        Report title:\tCollection Rates
        Fenby council tax collection rose this year.
        """)
        #expect(report.document.council == nil)
    }

    @Test func aBareTheCouncilIsNoLetterhead() {
        let report = TestDocuments.report("""
        The Council
        Ann Hope, Chairman
        Chairman's Introduction
        The Council has had a busy year.
        """)
        #expect(report.document.council == nil)
    }

    @Test func aMeetingHeadingWithItemNumberAndDateNamesTheCommitteeNotTheCouncil() {
        let lines = [
            OutlinedLine(page: 1, lineNumber: 1, text: "Item 5 Tenant Council 14 March 2025", role: .heading, isBold: true,
                         fontSize: 12, isHeading: true, headingLevel: 1),
            OutlinedLine(page: 1, lineNumber: 2, text: "Repairs Contract Update", role: .heading, isBold: true, fontSize: 10,
                         isHeading: true, headingLevel: 2),
            OutlinedLine(page: 1, lineNumber: 3, text: "1. The chair of the Tenant's Council asked for an update on the repairs contract.",
                         role: .listItem, fontSize: 10),
        ]
        let (block, _) = DocumentBlockExtractor().extract(from: lines)
        #expect(block.committee == "Tenant Council")
        #expect(block.meetingDate == "2025-03-14")
        #expect(block.agendaItem == "5")
        #expect(block.council == nil, "a tenants' council is no local authority")
    }

    @Test("a heading with a body's possessive (\"The Council's decision\") names no committee, so its date is no meeting's")
    func aPossessiveHeadingIsNoCommittee() {
        func heading(_ number: Int, _ text: String) -> OutlinedLine {
            OutlinedLine(page: 1, lineNumber: number, text: text, role: .heading, isBold: true, fontSize: 14, isHeading: true, headingLevel: 2)
        }
        let lines = [
            heading(1, "planning report PR/0042 2 March 2026"),
            heading(3, "Harbour Quay"),
            heading(5, "The Cabinet’s decision"),
            OutlinedLine(page: 1, lineNumber: 6, text: "The harbour board resolved to grant permission.", role: .body, fontSize: 12),
        ]
        let (block, _) = DocumentBlockExtractor().extract(from: lines)
        #expect(block.committee == nil)
        #expect(block.meetingDate == nil)
    }
}

@Suite("Titles without a label")
struct UnlabelledTitleTests {
    private static func line(_ number: Int, _ text: String, size: Double, heading: Bool = false, bold: Bool = false) -> OutlinedLine {
        OutlinedLine(page: 1, lineNumber: number, text: text, role: heading ? .heading : .body, isBold: bold, fontSize: size,
                     isHeading: heading, headingLevel: heading ? 1 : nil)
    }

    @Test func aTitleInDisplayTypeOverTwoLinesIsJoined() {
        let lines = [
            Self.line(1, "APPENDIX 2", size: 14, bold: true),
            Self.line(2, "Riverside Housing Compact", size: 36, heading: true),
            Self.line(3, "Terms of Reference", size: 24, heading: true),
            Self.line(4, "Background", size: 18, heading: true, bold: true),
            Self.line(5, "The compact brings together the housing providers of the borough.", size: 12),
            Self.line(6, "It meets four times a year.", size: 12),
            Self.line(7, "Its members are listed below.", size: 12),
        ]
        let (block, _) = DocumentBlockExtractor().extract(from: lines)
        #expect(block.title == "Riverside Housing Compact Terms of Reference")
    }

    @Test func aHeadingOpeningWithAnAnnexLabelAndTheCouncilKeepsTheRest() {
        let lines = [
            Self.line(1, "Annex B Fenby Parish Council Receipts and Payments Summary 2024-25", size: 10.5, heading: true, bold: true),
            Self.line(2, "Receipts\tPayments", size: 10.5),
        ]
        let (block, _) = DocumentBlockExtractor().extract(from: lines)
        #expect(block.title == "Receipts and Payments Summary 2024-25")
    }

    @Test func anAnnexLetterheadStackedOnThreeLinesGivesTheThirdAsTitleDateAndAll() {
        let lines = [
            Self.line(1, "Annex B", size: 10.5, heading: true, bold: true),
            Self.line(2, "Fenby Parish Council", size: 10.5, heading: true, bold: true),
            Self.line(3, "Statement of balances at 31 March 2025", size: 10.5, heading: true, bold: true),
            Self.line(4, "Receipts\tPayments", size: 10.5),
            Self.line(5, "Notes on the larger payments", size: 10.5, heading: true, bold: true),
        ]
        let (block, _) = DocumentBlockExtractor().extract(from: lines)
        #expect(block.title == "Statement of balances at 31 March 2025")
    }
}

@Suite("Labels run into their values")
struct RunInLabelTests {
    @Test func aLabelOfSeveralWordsBeforeACapitalisedValue() {
        let block = TestDocuments.report("""
        Report to the Licensing Committee
        Date of meeting 9 October 2025
        Report title Street Trading Fees
        Report of the Head of Regulation
        Purpose
        To set the fees.
        """).document
        #expect(block.committee == "Licensing Committee")
        #expect(block.meetingDate == "2025-10-09")
        #expect(block.title == "Street Trading Fees")
        #expect(block.reportBy == "Head of Regulation")
    }

    @Test func aOneWordLabelNeedsAColon() {
        let block = TestDocuments.report("""
        CABINET
        From April 2026 the charges rise.
        Date: 4 March 2026
        """).document
        #expect(block.reportBy == nil)
        #expect(block.committee == "Cabinet")
    }
}

@Suite("Cover tables whose cells come apart")
struct SplitCoverCellTests {
    private static func row(_ number: Int, _ cells: [String]) -> OutlinedLine {
        OutlinedLine(page: 1, lineNumber: number, text: cells.joined(separator: "\t"), cells: cells, role: .tableRow)
    }

    @Test func aValueWrappedOntoTheNextVisualRowIsJoined() {
        let lines = [
            Self.row(1, ["", "Meeting Name:", "Cabinet"]),
            Self.row(2, ["", "Report title:", "Allotment Rents and Charges"]),
            Self.row(3, ["", "", "2026-27"]),
            Self.row(4, ["", "Cabinet Member:", "Councillor Iris Penn, Communities"]),
        ]
        let (block, _) = DocumentBlockExtractor().extract(from: lines)
        #expect(block.title == "Allotment Rents and Charges 2026-27")
        #expect(block.reportBy == "Councillor Iris Penn, Communities")
        #expect(block.committee == "Cabinet")
    }
}

@Suite("Two bodies on one cover")
struct TwoBodiesTests {
    @Test("the first body is the committee", arguments: [
        ("Report to:\tCabinet – 5 June 2025 / Council – 17 July 2025", "Cabinet"),
        ("Meeting:\tCabinet and Full Council", "Cabinet"),
        ("Meeting:\tHealth and Wellbeing Board", "Health and Wellbeing Board"),
        ("Report to:\tOverview and Scrutiny Committee", "Overview and Scrutiny Committee"),
    ])
    func firstBody(_ cover: String, _ committee: String) {
        let block = TestDocuments.report("\(cover)\nSubject:\tLeisure Contract").document
        #expect(block.committee == committee)
    }
}

@Suite("Contacts over several lines")
struct StackedContactTests {
    @Test func aContactLabelOverNameRolePhoneAndEmailLines() {
        let block = TestDocuments.report("""
        Report to: Cabinet
        Contact officer:
        Gwen Alder
        Senior Planning Officer
        01632 960414
        gwen.alder@fenby.gov.uk
        Purpose
        To note the plan.
        """).document
        #expect(block.contact.name == "Gwen Alder")
        #expect(block.contact.role == "Senior Planning Officer")
        #expect(block.contact.phone == "01632 960414")
        #expect(block.contact.email == "gwen.alder@fenby.gov.uk")
    }

    @Test func phoneAndEmailOnTheTwoLinesAfterTheName() {
        let block = TestDocuments.report("""
        Report to: Cabinet
        Contact: Ravi Bose, Housing Officer
        Tel: 01632 960415
        Email: ravi.bose@fenby.gov.uk
        """).document
        #expect(block.contact.name == "Ravi Bose")
        #expect(block.contact.phone == "01632 960415")
        #expect(block.contact.email == "ravi.bose@fenby.gov.uk")
    }
}

@Suite("Dates that are not the meeting's")
struct NotMeetingDateTests {
    @Test func aPositionDateIsNoMeetingDate() {
        let block = TestDocuments.report("""
        AUDIT COMMITTEE
        Treasury position as at 31 March 2025
        """).document
        #expect(block.committee == "Audit Committee")
        #expect(block.meetingDate == nil)
    }
}

@Suite("Covers in capitals")
struct CapitalCoverTests {
    @Test func aReportToLineInCapitals() {
        let block = TestDocuments.report("""
        REPORT TO THE LICENSING COMMITTEE
        REPORT OF THE HEAD OF REGULATION TO LICENSING COMMITTEE
        """).document
        #expect(block.committee == "Licensing Committee")
    }

    @Test func aReportOfLineInCapitalsSplitsAtTo() {
        let block = TestDocuments.report("""
        REPORT OF THE HEAD OF REGULATION TO LICENSING COMMITTEE
        9 OCTOBER 2025
        """).document
        #expect(block.reportBy == "Head of Regulation")
        #expect(block.committee == "Licensing Committee")
    }

    @Test func aTitleInCapitalsWrappedUnderItsLabel() {
        let block = TestDocuments.report("""
        CABINET
        Subject
        HOUSING ALLOCATIONS POLICY
        REVIEW AND CONSULTATION
        Report by
        HEAD OF HOUSING
        """).document
        #expect(block.title == "Housing Allocations Policy Review and Consultation")
        #expect(block.reportBy == "Head of Housing")
    }
}

@Suite("The report's own date")
struct ReportDateTests {
    @Test func aDateOfReportIsNotTheMeetingDate() {
        let block = TestDocuments.report("""
        PLANNING COMMITTEE
        Date of report: 2 May 2025
        Subject: Tree Preservation Orders
        """).document
        #expect(block.meetingDate == nil)
    }
}

@Suite("Contact labels that name nobody")
struct NamelessContactTests {
    @Test func aContactColumnHeaderGivesWayToTheAuthor() {
        let block = TestDocuments.report("""
        Report to: Cabinet
        Contact\tTelephone\tEmail
        Report author: Ivy Moss, Policy Officer
        """).document
        #expect(block.contact.name == "Ivy Moss")
        #expect(block.contact.role == "Policy Officer")
    }
}
