import Testing
import ScrutinyCore
@testable import ScrutinyExtract

@Suite("Document block")
struct DocumentBlockExtractorTests {
    static let coverTable = """
    Riverford Borough Council
    LICENSING AND REGULATORY COMMITTEE
    Tuesday, 4th March, 2025
    Item 5(b)
    Subject\tTAXI FARES REVIEW FOR THE BOROUGH
    Report of\tHead of Regulatory Services
    Contact Officer\tSam Okafor, Licensing Team Leader, Tel: 01632 960123, sam.okafor@riverford.gov.uk
    Purpose
    1.1 To set out the outcome of the annual review of hackney carriage fares.
    Recommendations
    1. That the revised fares table is approved.
    """

    static let reportOfBlock = """
    REPORT of
    HEAD OF HOUSING AND COMMUNITIES
    to
    CABINET
    12 JANUARY 2024
    EMPTY HOMES STRATEGY – ANNUAL UPDATE
    1. PURPOSE OF THE REPORT
    - 1.1 The purpose of this report is to update Members on the Empty Homes Strategy.
    2. RECOMMENDATION
    That the update is noted.
    The strategy is run by Westmere District Council (WDC) with partners. Westmere District Council officers lead.
    Enquiries to: Priya Shah, Housing Strategy Officer.
    """

    @Test func readsACoverTableReport() {
        let report = TestDocuments.report(Self.coverTable)
        let block = report.document
        #expect(block.council == "Riverford Borough Council")
        #expect(block.committee == "Licensing and Regulatory Committee")
        #expect(block.meetingDate == "2025-03-04")
        #expect(block.agendaItem == "5(b)")
        #expect(block.title == "Taxi Fares Review for the Borough")
        #expect(block.reportBy == "Head of Regulatory Services")
        #expect(block.contact.name == "Sam Okafor")
        #expect(block.contact.role == "Licensing Team Leader")
        #expect(block.contact.phone == "01632 960123")
        #expect(block.contact.email == "sam.okafor@riverford.gov.uk")
        #expect(block.purpose == "To set out the outcome of the annual review of hackney carriage fares.")
        #expect(!report.warnings.contains { $0.hasPrefix("council") })
    }

    @Test func readsAReportOfToBlockAndInfersTheCouncil() {
        let report = TestDocuments.report(Self.reportOfBlock)
        let block = report.document
        #expect(block.reportBy == "Head of Housing and Communities")
        #expect(block.committee == "Cabinet")
        #expect(block.meetingDate == "2024-01-12")
        #expect(block.title == "Empty Homes Strategy – Annual Update")
        #expect(block.purpose == "The purpose of this report is to update Members on the Empty Homes Strategy.")
        #expect(block.council == "Westmere District Council")
        #expect(report.warnings.contains { $0.hasPrefix("council inferred") })
        #expect(block.contact.name == "Priya Shah")
        #expect(block.contact.role == "Housing Strategy Officer")
        #expect(block.agendaItem == nil)
    }

    @Test func missingDateIsAWarningNotAGuess() {
        let report = TestDocuments.report("PLANNING COMMITTEE\nSubject\tTree Preservation Orders\nPurpose\nTo note the orders made.")
        #expect(report.document.meetingDate == nil)
        #expect(report.warnings.contains("meeting_date not found"))
    }

    @Test func councilFromEmailDomainWhenTextNamesNone() {
        let report = TestDocuments.report("CABINET\n1 May 2024\nContact: Lee Ward, Officer\nlee.ward@eastholm.gov.uk")
        #expect(report.document.council == "Eastholm Council")
        #expect(report.warnings.contains { $0.contains("e-mail domain") })
    }
}

@Suite("Document block without a cover table")
struct DocumentBlockFallbackTests {
    @Test func reportOfAndToOnOneLine() {
        let block = TestDocuments.report("""
        Report of the Head of Finance to Standards Committee
        Date: 11/09/2024
        **Members' Allowances Scheme Review**
        Purpose
        To review the allowances.
        """).document
        #expect(block.reportBy == "Head of Finance")
        #expect(block.committee == "Standards Committee")
        #expect(block.meetingDate == "2024-09-11")
        #expect(block.title == "Members' Allowances Scheme Review")
    }
}

@Suite("Document block from a table exported as text")
struct FlatCoverTableTests {
    @Test func labelsAloneOnTheirLineTakeTheNextLine() {
        let report = TestDocuments.report("""
        CABINET
        Agenda item
        Harbour Dredging Contract
        Item
        9
        Subject
        HARBOUR DREDGING CONTRACT AWARD
        Report author
        Head of Harbours
        Contact
        Nia Evans, Harbour Engineer, 01632 960777
        """)
        #expect(report.document.agendaItem == "9")
        #expect(report.document.title == "Harbour Dredging Contract Award")
        #expect(report.document.reportBy == "Head of Harbours")
        #expect(report.document.contact.name == "Nia Evans")
        #expect(report.document.contact.role == "Harbour Engineer")
        #expect(report.document.contact.phone == "01632 960777")
    }
}

@Suite("Contact cells whose line breaks were lost")
struct GluedContactTests {
    @Test func splitsGluedNameRolePhoneAndEmail() {
        let block = TestDocuments.report("""
        CABINET
        1 May 2024
        Contact Officer:\tJo McDonald-HaleParks ManagerTel: 01632 960555Email: jo.hale@westmere.gov.uk
        """).document
        #expect(block.contact.name == "Jo McDonald-Hale")
        #expect(block.contact.role == "Parks Manager")
        #expect(block.contact.phone == "01632 960555")
        #expect(block.contact.email == "jo.hale@westmere.gov.uk")
    }
}

@Suite("Councils named in letterheads")
struct CouncilLetterheadTests {
    @Test("letterheads in capitals and London boroughs", arguments: [
        ("FENBY CITY COUNCIL", "Fenby City Council"),
        ("London Borough of Eastwick", "London Borough of Eastwick"),
        ("Lowmoor Council", "Lowmoor Council"),
    ])
    func letterhead(_ line: String, _ council: String) {
        let report = TestDocuments.report("\(line)\nCABINET\n1 May 2024\nMeeting: Cabinet (Item 4)\nPurpose\nTo note.")
        #expect(report.document.council == council)
        #expect(!report.warnings.contains { $0.hasPrefix("council inferred") })
    }

    @Test func meetingLabelLosesItsItemNumber() {
        let report = TestDocuments.report("Meeting: 02/02/2024 - Licensing Committee (Item 3)\nPurpose\nTo note.")
        #expect(report.document.committee == "Licensing Committee")
        #expect(report.document.meetingDate == "2024-02-02")
    }
}
