import Testing
import ScrutinyCore
@testable import ScrutinyExtract

@Suite("A title's subject and the body it names")
struct TitleSubjectTests {
    @Test func documentKindsYearsAndLeadingTheAreDropped() {
        #expect(TitleSubject.phrases(of: "Fraud Prevention Progress Report 2025-26") == ["Fraud Prevention"])
        #expect(TitleSubject.phrases(of: "Vale Forest Partnership: Tree Planting Programme 2026-2029")
            == ["Vale Forest Partnership", "Tree Planting Programme"])
        #expect(TitleSubject.phrases(of: "Annual Report of the Ashby Museums Joint Committee") == ["Ashby Museums Joint Committee"])
    }

    @Test func aTitleNamingAJointBodyNamesIt() {
        #expect(TitleSubject.body(in: "Coastal Land Partnership") == "Coastal Land Partnership")
        #expect(TitleSubject.body(in: "Coastal Land Partnership Terms of Reference") == "Coastal Land Partnership")
        #expect(TitleSubject.body(in: "Annual Report of the Ashby Museums Joint Committee") == "Ashby Museums Joint Committee")
        #expect(TitleSubject.body(in: "Riverdale Sports Trust – Funding Agreement") == "Riverdale Sports Trust")
    }

    @Test func sectionHeadingsNameBodiesFromTheSameVocabulary() {
        #expect(DocumentOutliner.headingName("3.1 Eastmarch Revenues Shared Service") == "Eastmarch Revenues Shared Service")
        #expect(DocumentOutliner.headingName("3.2 Harbour Regeneration Steering Group") == "Harbour Regeneration Steering Group")
        #expect(DocumentOutliner.headingName("District Heat Network") == nil)
        #expect(DocumentOutliner.headingName("Planning Committee") == nil)
    }

    @Test func aListOfSharedServicesIsIntroducedLikeAListOfPartnerships() {
        #expect(BodyVocabulary.plurals.contains("shared services"))
        #expect(BodyVocabulary.plurals.contains("consortia"))
        let lines = TestDocuments.outline("The council takes part in these shared services:\n- Fenby Building Control\n")
        #expect(lines.first?.partnershipListIntro == true)
    }

    @Test func aCouncilCommitteeOrALoneTrustTitleNamesNone() {
        #expect(TitleSubject.body(in: "Audit and Governance Committee – Annual Report 2024/25") == nil)
        #expect(TitleSubject.body(in: "The Ashby Almshouse Trust, Annual Report 2024/25") == nil)
        #expect(TitleSubject.body(in: "Annual Review of the Council's Significant Partnerships") == nil)
        #expect(TitleSubject.body(in: "Annual Budget Report") == nil)
        #expect(TitleSubject.body(in: "Working in Partnership") == nil)
    }
}

@Suite("Bodies named in a line")
struct NamedBodyScannerTests {
    @Test func aNameRunsBackOverCapitalisedWordsAndAnd() {
        let bodies = NamedBodyScanner.bodies(in: "2.7 The Eastmarch and Fenby Counter Fraud Shared Service are members of the network.")
        #expect(bodies.map(\.name) == ["Eastmarch and Fenby Counter Fraud Shared Service"])
        #expect(bodies.first?.isJoint == true)
    }

    @Test func rolesOwnersAndSwimmingPoolsOpenNoName() {
        #expect(NamedBodyScanner.bodies(in: "Chair of Riverside Quarter Partnership").map(\.name) == ["Riverside Quarter Partnership"])
        #expect(NamedBodyScanner.bodies(in: "through the Council’s Policy Forum").map(\.name) == ["Policy Forum"])
        #expect(NamedBodyScanner.bodies(in: "Works at Millbrook Pool start in May.").isEmpty)
        #expect(NamedBodyScanner.bodies(in: "The steering group met twice.").isEmpty)
    }

    @Test func aCommitteeForSomethingIsJointAndKnowsItsOtherWordOrder() {
        let body = NamedBodyScanner.bodies(in: "pressing the Joint Management Committee for Ashby Green to pay").first
        #expect(body?.name == "Joint Management Committee for Ashby Green")
        #expect(body?.isJoint == true)
        #expect(body?.reorderedName == "ashby green committee")
        #expect(NamedBodyScanner.bodies(in: "Village Hall Committee – Councillor Ann Lee").first?.isCouncilBody == true)
    }

    @Test func theBracketedCapitalsAfterANameAreItsAcronym() {
        let bodies = NamedBodyScanner.bodies(in: "The Vale Land Partnership Group (VLPG) will meet.")
        #expect(bodies.map(\.name) == ["Vale Land Partnership", "Vale Land Partnership Group"])
        #expect(bodies.last?.acronym == "VLPG")
    }
}

@Suite("The bodies a report without forms is about")
struct SubjectBodyReportTests {
    /// The names of the partnership records extracted from `text`.
    static func names(_ text: String) -> [String] {
        TestDocuments.report(text).partnerships.map(\.name)
    }

    @Test func termsOfReferenceTitledByTheBodyTakeItAndItsLongerNamesAcronym() {
        let records = TestDocuments.report("""
        APPENDIX 2
        Coastal Land Partnership
        Terms of Reference
        Background
        The Coastal Land Partnership Group (CLPG) will bring landowners together.
        Membership
        Chair of Harbour Quarter Partnership
        """).partnerships
        #expect(records.map(\.name) == ["Coastal Land Partnership"])
        #expect(records.first?.acronym == "CLPG")
    }

    @Test func aBodyWhoseNameHoldsTheTitlesSubjectIsTheSubject() {
        let names = Self.names("""
        CORPORATE COMMITTEE 12 MARCH 2026
        Report title: Fraud Prevention Progress Report 2025-26
        1. CONTEXT
        1.1 The Eastmarch and Fenby Fraud Prevention Shared Service investigated 40 cases this year.
        1.2 The Upper Dene Anti-Fraud Shared Service completed a peer review of our work.
        """)
        #expect(names == ["Eastmarch and Fenby Fraud Prevention Shared Service"])
    }

    @Test func aPlanningReportTakesTheSteeringGroupNamedForItsSite() {
        let names = Self.names("""
        Report title: Millbrook Quay
        1. Transport
        1.1 Millbrook Quay Ltd will fund a bus service overseen by the Millbrook Quay Steering Group.
        1.2 The steering group includes the council and the transport authority.
        """)
        #expect(names == ["Millbrook Quay Steering Group"])
    }

    @Test func aJointCommitteeNamedInBothWordOrdersIsTheSubject() {
        let names = Self.names("""
        Chairman's Introduction
        We have been pressing the Joint Management Committee for Ashby Green Cemetery to fund its upkeep.
        Committees
        Councillors were nominated for the following committees.
        - Ashby Green Cemetery Committee – Councillor Ann Lee
        - Village Hall Committee – Councillor Tom Hale
        """)
        #expect(names == ["Joint Management Committee for Ashby Green Cemetery"])
    }

    @Test func aJointBodyThePurposeNamesIsTheSubject() {
        let names = Self.names("""
        Report title: Energy Buying
        1. Purpose
        1.1 The purpose of this report is to seek approval to join the Vale Energy Compact.
        2. Recommendation
        That the council joins.
        """)
        #expect(names == ["Vale Energy Compact"])
    }

    @Test func aTrustTheReportSaysIsRunJointlyAndNamesTwiceIsTheSubject() {
        let names = Self.names("""
        Report title: Leisure Services
        1. Background
        1.1 The Fenby Leisure Trust is run jointly by the two councils.
        1.2 The Fenby Leisure Trust will take on the new pool.
        1.3 The Ashby Sports Trust and the Ashby Sports Trust bid again.
        """)
        #expect(names == ["Fenby Leisure Trust"])
    }

    @Test func aProgrammeBoardNamedForTheTitlesSubjectIsTheCouncilsOwn() {
        let names = Self.names("""
        Report title: Depot Relocation Update
        1. Governance
        1.1 The Depot Relocation Programme Board meets monthly.
        1.2 The Depot Relocation Project Board reports to it.
        """)
        #expect(names.isEmpty)
    }

    @Test func aNameFirstPrintedInCapitalsKeepsItsMixedCase() {
        let names = Self.names("""
        1. THE FENBY WASTE PARTNERSHIP
        1.1 The Fenby Waste Partnership collects recycling for three councils.
        """)
        #expect(names == ["Fenby Waste Partnership"])
    }

    @Test func namesInTheImplicationsTemplateAreNoMentions() {
        let names = Self.names("""
        Report title: Parking Charges 2026-27
        Community Safety Implications
        The Northvale Community Safety Partnership has been consulted.
        The Northvale Community Safety Partnership raised no concerns.
        """)
        #expect(names.isEmpty)
    }

    @Test func bodiesNamedOnceInPassingAreNone() {
        let names = Self.names("""
        Report title: Council Tax Base 2026-27
        1. Background
        1.1 The tax base was shared with the Northvale Community Safety Partnership and the Vale Integrated Care Board.
        1.2 The Audit Committee noted it.
        """)
        #expect(names.isEmpty)
    }
}
