import Testing
import ScrutinyCore
@testable import ScrutinyExtract

@Suite("Partnerships and the outline")
struct PartnershipExtractorTests {
    static let forms = """
    2. Partnerships covered
    2.1 This report covers the following partnerships:
    - Northvale Community Safety Partnership (NCSP)
    - Westbrook Joint Waste Board
    Appendix A – Partnership forms
    Partnership name: The Northvale Community Safety Partnership (NCSP)
    Partnership's purpose:
    The NCSP consists of the following local authorities: Northvale, Eastmarch and Upper Dene. It reduces crime.
    Aims and objectives:
    - Reduce burglary
    - Support victims of
    Partnership name: The Northvale Community Safety Partnership (NCSP)
    crime across the district
    Is the council's involvement statutory? (Y/N) – Yes, under section 6 Crime and Disorder Act 1998.
    What role has the council played this year?
    The council chairs the board.
    Main achievements in 2024/25
    - Opened a new hub
    What are the partnership's priorities in 2025/26?
    - Cut reoffending
    Partnership name: Westbrook Joint Waste Board
    Is the council's involvement statutory? (Y/N) – No
    """

    @Test func oneRecordPerFormEvenOverSeveralPages() {
        let records = TestDocuments.report(Self.forms).partnerships
        #expect(records.map(\.name) == ["Northvale Community Safety Partnership", "Westbrook Joint Waste Board"])
        let ncsp = records[0]
        #expect(ncsp.acronym == "NCSP")
        #expect(ncsp.members == ["Northvale", "Eastmarch", "Upper Dene"])
        #expect(ncsp.aims == ["Reduce burglary", "Support victims of crime across the district"])
        #expect(ncsp.statutory == true)
        #expect(ncsp.statutoryBasis == "section 6 Crime and Disorder Act 1998")
        #expect(ncsp.councilRole == "The council chairs the board.")
        #expect(ncsp.achievements == ["Opened a new hub"])
        #expect(ncsp.priorities == ["Cut reoffending"])
        #expect(records[1].statutory == false)
        #expect(records[1].statutoryBasis == nil)
    }

    @Test func linesCarryTheirPartnershipAndRunningHeadersAreDropped() {
        let lines = TestDocuments.outline(Self.forms)
        let crimeLine = lines.first { $0.text == "crime across the district" }
        #expect(crimeLine?.partnership == "Northvale Community Safety Partnership")
        #expect(lines.filter { $0.text.hasPrefix("Partnership name: The Northvale") }.count == 1)
        let intro = lines.first { $0.text.hasPrefix("2.1 This report covers") }
        #expect(intro?.partnership == nil)
        #expect(intro?.section == "2. Partnerships covered")
    }

    @Test func listNamesLinkToFormsBySuffixAndAcronym() {
        var directory = PartnershipDirectory()
        directory.add("Southfield Local Delivery Group (LDG)", hasForm: false, line: nil)
        directory.add("Local Delivery Group (LDG)", hasForm: true, line: nil)
        #expect(directory.entries.count == 1)
        #expect(directory.resolve("LDG") == "Local Delivery Group")
        #expect(directory.resolve("Southfield Local Delivery Group") == "Local Delivery Group")
        #expect(directory.resolve("Harbour Trust") == nil)
    }

    @Test func aReportAboutOneAllianceTakesItFromTheTitle() {
        #expect(PartnershipExtractor.name(fromTitle: "Coastal Towns Alliance – Memorandum of Understanding") == "Coastal Towns Alliance")
        #expect(PartnershipExtractor.name(fromTitle: "Annual Budget Report") == nil)
    }

    @Test func statutoryAnswers() {
        #expect(PartnershipExtractor.statutory("Statutory? (Y/N) – No").0 == false)
        #expect(PartnershipExtractor.statutory("Is it statutory? Yes").0 == true)
        #expect(PartnershipExtractor.statutory("Nothing said").0 == nil)
    }
}

@Suite("Partnership name headers glued to the first label")
struct GluedNameLabelTests {
    @Test("with bold markers or a space between", arguments: [
        "Partnership name: Upper Dene Leisure Trust (UDLT)**Partnership's purpose:**",
        "Partnership name: Upper Dene Leisure Trust (UDLT) Partnership's purpose:",
    ])
    func splitsNameFromLabel(_ header: String) {
        let report = TestDocuments.report(header + "\nTo run the pools and gyms.\nIs the council's involvement statutory? (Y/N) – No")
        #expect(report.partnerships.map(\.name) == ["Upper Dene Leisure Trust"])
        #expect(report.partnerships.first?.acronym == "UDLT")
        #expect(report.partnerships.first?.purpose == "To run the pools and gyms.")
    }
}

@Suite("Partnerships named by section headings")
struct HeadingPartnershipTests {
    static let report = """
    AUDIT COMMITTEE
    2 October 2023
    Subject\tShared services review
    Purpose
    To review the shared services.
    Recommendation
    That the review is noted.
    Background
    The council shares three services.
    3.1 Eastmarch Revenues Partnership (ERP)
    The council's involvement is statutory? (Y/N) – No
    The partnership collects council tax for three councils.
    3.2 Coastal Building Control Board
    It inspects building work.
    4. Conclusion
    Both continue.
    """

    @Test func headingsNamingPartnershipsMakeRecordsAndScopes() {
        let report = TestDocuments.report(Self.report)
        #expect(report.partnerships.map(\.name) == ["Eastmarch Revenues Partnership", "Coastal Building Control Board"])
        #expect(report.partnerships.first?.acronym == "ERP")
        #expect(report.partnerships.first?.statutory == false)
        let lines = TestDocuments.outline(Self.report)
        #expect(lines.first { $0.text.hasPrefix("It inspects") }?.partnership == "Coastal Building Control Board")
        #expect(lines.first { $0.text.hasPrefix("Both continue") }?.partnership == nil)
        #expect(lines.first { $0.text.hasPrefix("The council shares") }?.partnership == nil)
    }

    @Test func headingNameRules() {
        #expect(DocumentOutliner.headingName("2.3 Westbrook Safeguarding Board") == "Westbrook Safeguarding Board")
        #expect(DocumentOutliner.headingName("Appendix A – Partnership") == nil)
        #expect(DocumentOutliner.headingName("How we work with our partnership") == nil)
    }
}

@Suite("A report about one partnership")
struct WholeReportPartnershipTests {
    static let report = """
    REPORT of
    HEAD OF LEISURE
    to
    CABINET
    3 MARCH 2025
    RIVERDALE SPORTS TRUST – FUNDING AGREEMENT
    1. PURPOSE OF THE REPORT
    1.1 To agree a new funding agreement with the Riverdale Sports Trust (RST).
    2. RECOMMENDATION
    That the agreement is approved.
    3. BACKGROUND
    3.1 The Trust consists of the following members: Riverdale, Lowmoor and Fenby.
    """

    @Test func everyLineBelongsToItAndItsRecordHasTheAcronym() {
        let report = TestDocuments.report(Self.report)
        #expect(report.partnerships.map(\.name) == ["Riverdale Sports Trust"])
        #expect(report.partnerships.first?.acronym == "RST")
        #expect(report.partnerships.first?.members == ["Riverdale", "Lowmoor", "Fenby"])
        let lines = TestDocuments.outline(Self.report)
        #expect(lines.first { $0.text.hasPrefix("3.1 The Trust") }?.partnership == "Riverdale Sports Trust")
    }
}
