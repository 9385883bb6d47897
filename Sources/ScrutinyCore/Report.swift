/// The report record of one input document: the contract's top-level record.
///
/// Field names follow `CONTRACT.md`. Unknown values are `nil` and are written as JSON `null`,
/// never left out; lists are empty, never absent.
public struct Report: Sendable, Hashable, Codable {
    public static let schemaVersion = "1"

    public var schemaVersion: String
    /// Stable id from the content: the first 16 hex digits of the input's SHA-256, and for an
    /// item of an agenda pack its index after a hyphen (`…-002`).
    public var documentID: String
    public var source: SourceInfo
    public var document: DocumentBlock
    public var recommendations: [Recommendation]
    public var recommendationUpdates: [RecommendationUpdate]
    public var partnerships: [Partnership]
    public var budgets: [Budget]
    public var implications: [Implication]
    public var warnings: [String]

    public init(documentID: String, source: SourceInfo, document: DocumentBlock = .init(),
                recommendations: [Recommendation] = [], recommendationUpdates: [RecommendationUpdate] = [],
                partnerships: [Partnership] = [], budgets: [Budget] = [], implications: [Implication] = [],
                warnings: [String] = []) {
        self.schemaVersion = Report.schemaVersion
        self.documentID = documentID
        self.source = source
        self.document = document
        self.recommendations = recommendations
        self.recommendationUpdates = recommendationUpdates
        self.partnerships = partnerships
        self.budgets = budgets
        self.implications = implications
        self.warnings = warnings
    }

    /// The document id for content with this SHA-256 (lowercase hex): its first 16 digits.
    public static func documentID(sha256 hex: String) -> String { String(hex.prefix(16)) }

    /// The document id of item `index` (1-based) of the agenda pack with this SHA-256: the file's
    /// id and the index in three digits, so the items sort in pack order after their file's id.
    public static func documentID(sha256 hex: String, item index: Int) -> String {
        let digits = String(index)
        return documentID(sha256: hex) + "-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", documentID = "document_id", source, document, recommendations
        case recommendationUpdates = "recommendation_updates", partnerships, budgets, implications, warnings
    }
}

/// Where a report came from.
public struct SourceInfo: Sendable, Hashable, Codable {
    /// The input path as given on the command line, joined with its path inside a folder argument.
    public var file: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    public var format: DocumentFormat
    /// Page count for PDF; `nil` for text and HTML.
    public var pages: Int?
    /// The pages read by OCR and how sure it was; `nil` when every page had a text layer.
    public var ocr: OCRSummary?
    /// Where in the agenda pack this report's pages are; `nil` for a file that is one report.
    public var item: SourceItem?
    /// The meeting the pack's front sheet announces; `nil` for a file that is one report.
    public var meeting: Meeting?

    public init(file: String, sha256: String, format: DocumentFormat, pages: Int?, ocr: OCRSummary? = nil,
                item: SourceItem? = nil, meeting: Meeting? = nil) {
        self.file = file
        self.sha256 = sha256
        self.format = format
        self.pages = pages
        self.ocr = ocr
        self.item = item
        self.meeting = meeting
    }

    enum CodingKeys: String, CodingKey { case file, sha256, format, pages, ocr, item, meeting }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(format, forKey: .format)
        try c.encode(pages, forKey: .pages)
        try c.encodeIfPresent(ocr, forKey: .ocr)
        try c.encodeIfPresent(item, forKey: .item)
        try c.encodeIfPresent(meeting, forKey: .meeting)
    }
}

/// What the report is: council, committee, meeting, title, author, contact, purpose.
public struct DocumentBlock: Sendable, Hashable, Codable {
    public var council: String?
    public var committee: String?
    /// YYYY-MM-DD.
    public var meetingDate: String?
    public var agendaItem: String?
    public var title: String?
    public var reportBy: String?
    public var contact: Contact
    public var purpose: String?

    public init(council: String? = nil, committee: String? = nil, meetingDate: String? = nil, agendaItem: String? = nil,
                title: String? = nil, reportBy: String? = nil, contact: Contact = .init(), purpose: String? = nil) {
        self.council = council
        self.committee = committee
        self.meetingDate = meetingDate
        self.agendaItem = agendaItem
        self.title = title
        self.reportBy = reportBy
        self.contact = contact
        self.purpose = purpose
    }

    enum CodingKeys: String, CodingKey {
        case council, committee, meetingDate = "meeting_date", agendaItem = "agenda_item", title
        case reportBy = "report_by", contact, purpose
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(council, forKey: .council)
        try c.encode(committee, forKey: .committee)
        try c.encode(meetingDate, forKey: .meetingDate)
        try c.encode(agendaItem, forKey: .agendaItem)
        try c.encode(title, forKey: .title)
        try c.encode(reportBy, forKey: .reportBy)
        try c.encode(contact, forKey: .contact)
        try c.encode(purpose, forKey: .purpose)
    }
}

/// The officer to contact about the report.
public struct Contact: Sendable, Hashable, Codable {
    public var name: String?
    public var role: String?
    public var phone: String?
    public var email: String?

    public init(name: String? = nil, role: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(role, forKey: .role)
        try c.encode(phone, forKey: .phone)
        try c.encode(email, forKey: .email)
    }
}

/// Where a record was found.
public struct Provenance: Sendable, Hashable, Codable {
    /// 1-based page, `nil` for text.
    public var page: Int?
    /// 1-based line (see ``SourceLine/number``).
    public var line: Int
    /// The heading the record sits under.
    public var section: String?
    /// True when the page was read by OCR rather than from its text layer (written only when true).
    public var ocr: Bool
    /// The line's bounding box on its page, in points with the origin top-left, where the ingest
    /// knows it (PDF pages, text layer or OCR); written only when known.
    public var box: Box?

    public init(page: Int?, line: Int, section: String?, ocr: Bool = false, box: Box? = nil) {
        self.page = page
        self.line = line
        self.section = section
        self.ocr = ocr
        self.box = box
    }

    enum CodingKeys: String, CodingKey { case page, line, section, ocr, box }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        page = try c.decodeIfPresent(Int.self, forKey: .page)
        line = try c.decode(Int.self, forKey: .line)
        section = try c.decodeIfPresent(String.self, forKey: .section)
        ocr = try c.decodeIfPresent(Bool.self, forKey: .ocr) ?? false
        box = try c.decodeIfPresent(Box.self, forKey: .box)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(page, forKey: .page)
        try c.encode(line, forKey: .line)
        try c.encode(section, forKey: .section)
        if ocr { try c.encode(true, forKey: .ocr) }
        try c.encodeIfPresent(box, forKey: .box)
    }
}

/// Something the report asks its meeting to decide or note.
public struct Recommendation: Sendable, Hashable, Codable {
    /// As printed: "1", "2.1", "a", "ii"; `nil` when unnumbered.
    public var number: String?
    public var text: String
    public var provenance: Provenance

    public init(number: String?, text: String, provenance: Provenance) {
        self.number = number
        self.text = text
        self.provenance = provenance
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(text, forKey: .text)
        try c.encode(provenance, forKey: .provenance)
    }
}

/// An earlier recommendation whose progress the report tracks.
public struct RecommendationUpdate: Sendable, Hashable, Codable {
    /// The partnership or topic the recommendation is grouped under.
    public var partnership: String?
    public var text: String
    public var progress: String?
    public var provenance: Provenance

    public init(partnership: String?, text: String, progress: String?, provenance: Provenance) {
        self.partnership = partnership
        self.text = text
        self.progress = progress
        self.provenance = provenance
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(partnership, forKey: .partnership)
        try c.encode(text, forKey: .text)
        try c.encode(progress, forKey: .progress)
        try c.encode(provenance, forKey: .provenance)
    }
}

/// A partnership, alliance, joint committee or board the report is about.
public struct Partnership: Sendable, Hashable, Codable {
    public var name: String
    public var acronym: String?
    public var purpose: String?
    public var aims: [String]
    /// Whether the council's involvement is statutory; `nil` when the report does not say.
    public var statutory: Bool?
    public var statutoryBasis: String?
    public var councilRole: String?
    public var members: [String]
    public var achievements: [String]
    public var priorities: [String]
    public var provenance: Provenance

    public init(name: String, acronym: String? = nil, purpose: String? = nil, aims: [String] = [], statutory: Bool? = nil,
                statutoryBasis: String? = nil, councilRole: String? = nil, members: [String] = [],
                achievements: [String] = [], priorities: [String] = [], provenance: Provenance) {
        self.name = name
        self.acronym = acronym
        self.purpose = purpose
        self.aims = aims
        self.statutory = statutory
        self.statutoryBasis = statutoryBasis
        self.councilRole = councilRole
        self.members = members
        self.achievements = achievements
        self.priorities = priorities
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey {
        case name, acronym, purpose, aims, statutory, statutoryBasis = "statutory_basis", councilRole = "council_role"
        case members, achievements, priorities, provenance
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(acronym, forKey: .acronym)
        try c.encode(purpose, forKey: .purpose)
        try c.encode(aims, forKey: .aims)
        try c.encode(statutory, forKey: .statutory)
        try c.encode(statutoryBasis, forKey: .statutoryBasis)
        try c.encode(councilRole, forKey: .councilRole)
        try c.encode(members, forKey: .members)
        try c.encode(achievements, forKey: .achievements)
        try c.encode(priorities, forKey: .priorities)
        try c.encode(provenance, forKey: .provenance)
    }
}

/// What a money amount is, from the words around it.
public enum BudgetKind: String, Sendable, Hashable, Codable, CaseIterable {
    case budget, expenditure, income, surplus, deficit, contribution, reserve, allocation, funding, payment, saving, other
}

/// One money amount printed in the report.
public struct Budget: Sendable, Hashable, Codable {
    /// In major units: `£1.312m` is 1312000. Negative only where printed so.
    public var amount: Double
    /// ISO 4217; "GBP" for £.
    public var currency: String
    /// The amount as printed.
    public var raw: String
    /// True for "circa", "around", "approximately", "under" and the like.
    public var approximate: Bool
    public var kind: BudgetKind
    /// Financial year as "2013/14", or `nil`.
    public var period: String?
    /// The partnership the amount belongs to, or `nil`.
    public var partnership: String?
    /// The sentence the amount is printed in.
    public var context: String
    public var provenance: Provenance

    public init(amount: Double, currency: String = "GBP", raw: String, approximate: Bool, kind: BudgetKind,
                period: String?, partnership: String?, context: String, provenance: Provenance) {
        self.amount = amount
        self.currency = currency
        self.raw = raw
        self.approximate = approximate
        self.kind = kind
        self.period = period
        self.partnership = partnership
        self.context = context
        self.provenance = provenance
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(amount, forKey: .amount)
        try c.encode(currency, forKey: .currency)
        try c.encode(raw, forKey: .raw)
        try c.encode(approximate, forKey: .approximate)
        try c.encode(kind, forKey: .kind)
        try c.encode(period, forKey: .period)
        try c.encode(partnership, forKey: .partnership)
        try c.encode(context, forKey: .context)
        try c.encode(provenance, forKey: .provenance)
    }
}

/// A corporate implication: an area ("Financial", "Impact on Equalities") and what the report says of it.
public struct Implication: Sendable, Hashable, Codable {
    public var area: String
    public var text: String
    public var provenance: Provenance?

    public init(area: String, text: String, provenance: Provenance? = nil) {
        self.area = area
        self.text = text
        self.provenance = provenance
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(area, forKey: .area)
        try c.encode(text, forKey: .text)
        try c.encode(provenance, forKey: .provenance)
    }
}
