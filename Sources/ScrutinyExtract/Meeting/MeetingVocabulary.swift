/// The words of front sheets that are not labels: what a body's name holds, what wraps it, what a
/// venue looks like, how an agenda's own headings read and how a date is printed.
enum MeetingVocabulary {
    /// Nouns a meeting body's name holds ("Cabinet", "Planning Committee", "Licensing Sub-Committee A").
    static let bodyNouns: Set<String> = CommitteeValue.bodyNouns.union(["subcommittee", "authority", "executive"])

    /// What a front sheet prints around the body's name: "Open Agenda", "Supplemental Agenda No. 1",
    /// "Notice of meeting of the", "Agenda for", "Public reports pack".
    static let leadingWrapper = Pattern(#"^(?:(?:open|public|supplement(?:al|ary)|additional|revised|draft|late|full|second)\s+)*(?:agenda(?:\s+(?:no\.?|number)\s*\d+)?(?:\s+and\s+(?:reports?|minutes|papers))?|notice\s+of\s+(?:an?\s+|the\s+)?(?:(?:extraordinary|special|annual|ordinary|additional|public|private|remote|virtual|hybrid|informal)\s+)*meeting|summons(?:\s+to\s+attend)?|(?:public\s+)?reports?\s+pack|(?:an?\s+)?(?:(?:extraordinary|special|annual|ordinary|additional|public|private|remote|virtual|hybrid|informal)\s+)*meeting|papers|reports)\b\s*(?:[-–—:,]\s*|\b(?:of|for|to)\b\s*)*(?:the\s+)?"#)
    static let trailingWrapper = Pattern(#"\s*[-–—:,]?\s*(?:(?:open|public|supplement(?:al|ary)|additional|revised|draft)\s+)*(?:agenda|meeting|notice\s+of\s+meeting|summons|(?:public\s+)?reports?\s+pack)(?:\s+(?:no\.?|number)\s*\d+)?\s*$"#)
    /// People and posts whose titles hold a body noun: "Chief Executive", "Clerk to the Council".
    static let notABody = Pattern(#"\b(?:chief\s+executive|director|officer|clerk|head\s+of|manager|councillors?|cllr|members?\s+of|secretary|monitoring|chair(?:man|woman|person)?)\b|@|www\.|https?:"#)

    /// Words a venue's name or address holds.
    static let venueWords: Set<String> = [
        "room", "rooms", "chamber", "chambers", "hall", "house", "centre", "center", "offices", "office", "building",
        "street", "road", "lane", "avenue", "square", "online", "virtual", "remote", "remotely", "teams", "zoom", "library",
        "guildhall", "suite", "floor", "civic", "hub", "pavilion", "museum", "school", "church", "parade", "way", "court",
        "depot", "castle", "hotel", "gallery", "institute", "lodge", "row", "place", "terrace", "crescent", "drive",
    ]
    /// Venue words no body's name holds: a display line with one is the place, not the body ("Committee Room 2").
    static let placeOnlyWords: Set<String> = ["room", "rooms", "chamber", "chambers", "hall", "street", "road", "floor", "suite",
                                              "offices", "building", "online", "virtual", "teams", "zoom"]
    /// A UK postcode: "SE1 2QH", "FE1 1AA".
    static let postcode = Pattern(#"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"#, caseSensitive: true)
    /// Words of a street address, which an item's title does not end with.
    static let streetEndings: Set<String> = ["street", "road", "lane", "avenue", "square", "way", "drive", "crescent", "terrace"]

    /// The heading an agenda's items follow, as a whole line: "Agenda", "Supplemental Agenda No. 1",
    /// "A G E N D A", "List of Contents", "Business to be transacted".
    private static let openingSource = #"^(?:(?:(?:open|public|supplement(?:al|ary)|additional|revised)\s+)*agenda(?:\s+(?:no\.?|number)\s*\d+)?|a\s+g\s+e\s+n\s+d\s+a|list\s+of\s+contents|contents|business|order\s+of\s+business|agenda\s+items?|items\s+of\s+business|business\s+to\s+be\s+transacted)\s*:?\s*$"#
    static let agendaOpening = Pattern(openingSource)
    /// The agenda's own headings and sub-headings, which end an item's title and are no item: the opening,
    /// "Part A - open business", "Items for decision", "Exempt items", "Contact", "Membership".
    static let agendaHeading = Pattern(openingSource + #"|^(?:part\s+(?:[a-z0-9]{1,2}|one|two|three|i{1,3})\b|section\s+[a-z0-9]\b|items?\s+(?:for|to|of|which|not)\b|(?:open|public|private|exempt|confidential|closed|restricted|urgent)\s+(?:business|items?|session|part|agenda|reports?)\b|contact(?:\s+(?:officer|details|information))?\s*:?\s*$|membership\b|quorum\b|information\s+for\b)"#)
    /// What an agenda table's header cells say: "Item No.", "Title", "Page No.".
    static let tableHeaderCell = Pattern(#"^(?:item(?:\s+(?:no\.?|number))?|no\.?|title|subject|description|report|page(?:\s+(?:no\.?|number)s?)?|pages|lead\s+officer|wards?|report\s+of|officer|contact|purpose)\s*:?$"#)

    /// Words a title ends with that carry it onto the next line: "Review of the" ⏎ "Constitution".
    static let joiningWords: Set<String> = ["and", "of", "the", "for", "to", "in", "on", "a", "an", "&", "-", "–", "—", "with", "by", "at"]

    private static let dayName = #"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?"#
    /// A printed date, for where it ends: "Tuesday, 27th January, 2026", "January 27 2026", "27/01/2026".
    static let printedDate = Pattern(#"(?:"# + dayName + #")?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]+\.?,?\s+\d{4}|(?:"# + dayName + #")?[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"#)
    /// Words that put a date after them out of the meeting's: "published on 3 May", "as at 31 March".
    static let notMeetingDate = Pattern(#"\b(?:published|publication|despatched|dispatched|issued|printed|circulated|as\s+at|as\s+of|year\s+end(?:ed|ing)?|period\s+(?:ended|ending|to))\b"#)

    /// Where a sentence says the meeting is held: "will be held", "to be held", "will meet", "takes place".
    static let heldWords = Pattern(#"\b(?:(?:will|is\s+to|to|shall)\s+(?:be\s+)?(?:held|convened)|(?:will|shall)\s+meet|(?:will\s+)?takes?\s+place|being\s+held|which\s+will\s+be\s+held)\b"#)
    /// The body a summons names: "a meeting of the Planning Committee will be held".
    static let meetingOf = Pattern(#"\b[Mm]eeting\s+[Oo]f\s+(?:[Tt]he\s+)?((?:[A-Z&][\w'’&\-]*|and|of|the|for|on|&)(?:\s+(?:[A-Z&][\w'’&\-]*|and|of|the|for|on|&)){0,10})"#, caseSensitive: true)
}
