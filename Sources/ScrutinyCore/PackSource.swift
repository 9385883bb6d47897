/// One paper of an agenda pack: the pages it runs over and why it was seen to start there.
public struct PackItem: Sendable, Hashable, Codable {
    /// 1-based position among the pack's items.
    public var index: Int
    /// The pack's own page numbers (1-based), first and last.
    public var firstPage: Int
    public var lastPage: Int
    /// The agenda item number ("5", "7a") as a stamp, a bookmark or the front sheet's list gives
    /// it, `nil` where none ties the paper to the agenda.
    public var agendaItem: String?
    public var kind: PackItemKind
    /// What showed the item's start, for `scrutiny dump`: "'Agenda Item 5' stamped at the top of page 14".
    public var evidence: String

    public init(index: Int, firstPage: Int, lastPage: Int, agendaItem: String?, kind: PackItemKind, evidence: String) {
        self.index = index
        self.firstPage = firstPage
        self.lastPage = lastPage
        self.agendaItem = agendaItem
        self.kind = kind
        self.evidence = evidence
    }
}

/// What a paper of an agenda pack is.
public enum PackItemKind: String, Sendable, Hashable, Codable, CaseIterable {
    case report
    /// The minutes of an earlier meeting.
    case minutes
}

/// Where in an agenda pack a report's pages are (`source.item`); absent for a file that is one report.
public struct SourceItem: Sendable, Hashable, Codable {
    /// 1-based position among the pack's items.
    public var index: Int
    /// The pack's own page numbers (1-based), first and last.
    public var firstPage: Int
    public var lastPage: Int
    /// The agenda item number as the pack stamps or lists it ("5", "7a"), `nil` where it gives none.
    public var agendaItem: String?
    public var kind: PackItemKind

    public init(index: Int, firstPage: Int, lastPage: Int, agendaItem: String?, kind: PackItemKind) {
        self.index = index
        self.firstPage = firstPage
        self.lastPage = lastPage
        self.agendaItem = agendaItem
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case index, firstPage = "first_page", lastPage = "last_page", agendaItem = "agenda_item", kind
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(firstPage, forKey: .firstPage)
        try c.encode(lastPage, forKey: .lastPage)
        try c.encode(agendaItem, forKey: .agendaItem)
        try c.encode(kind, forKey: .kind)
    }
}

/// The meeting an agenda pack is for, as its front sheet prints it (`source.meeting`).
public struct Meeting: Sendable, Hashable, Codable {
    public var council: String?
    public var committee: String?
    /// YYYY-MM-DD.
    public var meetingDate: String?
    /// 24-hour `HH:MM`.
    public var time: String?
    public var venue: String?
    /// The agenda as the front sheet lists it.
    public var agenda: [AgendaEntry]

    public init(council: String? = nil, committee: String? = nil, meetingDate: String? = nil, time: String? = nil,
                venue: String? = nil, agenda: [AgendaEntry] = []) {
        self.council = council
        self.committee = committee
        self.meetingDate = meetingDate
        self.time = time
        self.venue = venue
        self.agenda = agenda
    }

    enum CodingKeys: String, CodingKey {
        case council, committee, meetingDate = "meeting_date", time, venue, agenda
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(council, forKey: .council)
        try c.encode(committee, forKey: .committee)
        try c.encode(meetingDate, forKey: .meetingDate)
        try c.encode(time, forKey: .time)
        try c.encode(venue, forKey: .venue)
        try c.encode(agenda, forKey: .agenda)
    }
}

/// One line of a meeting's agenda: its number and title.
public struct AgendaEntry: Sendable, Hashable, Codable {
    /// As printed: "5", "7a"; `nil` when unnumbered.
    public var number: String?
    public var title: String

    public init(number: String?, title: String) {
        self.number = number
        self.title = title
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(title, forKey: .title)
    }
}
