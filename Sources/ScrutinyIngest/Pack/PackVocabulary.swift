/// The words an agenda pack's pages are told by, as data: a council whose template prints another
/// label or heading adds a row here. Everything is lower case, words separated by single spaces,
/// without the colon a label is printed with.
enum PackVocabulary {
    // MARK: - Front sheets

    /// Lines that name a page as a meeting's agenda or summons ("Agenda", "Supplemental Agenda No. 1").
    /// A line counts when it is short and holds one of these words or phrases.
    static let agendaHeadings = ["agenda", "agendas", "summons", "notice of meeting", "notice of a meeting", "meeting notice",
                                 "order of business", "business to be transacted"]
    /// Phrases of a notice calling a meeting.
    static let noticePhrases = ["notice is hereby given", "you are hereby summoned", "you are summoned", "hereby summoned",
                                "you are invited to attend", "you are requested to attend", "will be held", "to be held at",
                                "to be held on", "a meeting of the"]
    /// Labels of a front sheet's meeting details.
    static let meetingDetailLabels = ["date", "time", "venue", "place", "location", "date and time", "time and date",
                                      "meeting venue", "where", "when"]
    /// Words of a front sheet's membership and contact block.
    static let membershipWords = ["membership", "members", "councillors", "councillor", "cllr", "contact", "clerk",
                                  "democratic services", "committee officer", "governance officer", "committee clerk",
                                  "democratic services officer", "enquiries", "chair", "chairman", "vice chair", "vice-chair"]
    /// Words of a front sheet's notes page (its second or third page): access, filming, the public.
    static let frontSheetNotes = ["membership", "members of the public", "webcast", "webcasting", "filming", "recording",
                                  "fire evacuation", "evacuation", "accessibility", "hearing loop", "induction loop",
                                  "democratic services", "contact officer", "enquiries", "date of next meeting",
                                  "public speaking", "information for", "wi-fi", "social media", "quorum",
                                  "substitute members", "list of contents", "contents", "distribution"]
    /// Opening words of an agenda list's procedural items, which have no papers of their own.
    static let proceduralItems = ["apologies", "apology", "declarations", "declaration", "disclosures", "disclosure",
                                  "interests", "minutes", "urgent", "exclusion", "any other business", "aob",
                                  "date of next meeting", "dates of future meetings", "date of the next meeting",
                                  "public questions", "questions", "petitions", "announcements", "chair's announcements",
                                  "chairman's announcements", "welcome", "introductions", "substitutes", "substitutions",
                                  "deputations", "notification", "exempt", "confidential", "motion to exclude",
                                  "public participation", "public question time", "matters arising", "election of",
                                  "appointment of", "open forum", "other business", "items of business"]

    // MARK: - Report covers

    /// What a cover label names.
    enum CoverLabelKind: String, Sendable, Hashable {
        case meeting, date, title, author, item, other
    }

    /// The labels of a report's cover table ("Report to", "Date of meeting", "Report of", "Subject").
    static let coverLabels: [String: CoverLabelKind] = {
        var table: [String: CoverLabelKind] = [:]
        for label in ["meeting", "meeting name", "name of meeting", "report to", "to", "committee", "name of committee",
                      "decision maker", "decision taker", "decision-maker", "meeting of", "submitted to", "decision making body",
                      "body", "forum", "board", "panel"] { table[label] = .meeting }
        for label in ["date", "date of meeting", "meeting date", "date of decision", "decision date", "date of report",
                      "report date"] { table[label] = .date }
        for label in ["subject", "title", "report title", "title of report", "report subject", "subject of report",
                      "report name", "subject heading", "name of report", "report"] { table[label] = .title }
        for label in ["report of", "report by", "report from", "from", "lead officer", "responsible officer", "cabinet member",
                      "cabinet members", "portfolio holder", "executive member", "lead member", "report authorised by",
                      "authorised by", "responsible director", "lead director", "report sponsor", "sponsoring director",
                      "report author", "report authors", "author", "contact officer", "portfolio", "cabinet portfolio",
                      "responsible cabinet member", "lead cabinet member", "strategic director", "director",
                      "submitted by", "presented by", "officer"] { table[label] = .author }
        for label in ["item no", "item number", "agenda item", "agenda item no", "agenda item number", "agenda no",
                      "item"] { table[label] = .item }
        for label in ["wards", "ward", "wards affected", "ward(s)", "ward(s) affected", "ward(s) or groups affected",
                      "classification", "status", "key decision", "exempt", "exempt information", "confidential",
                      "is this a key decision", "purpose", "purpose of report", "summary", "reason for lateness",
                      "reason for lateness (if applicable)", "part", "open or exempt", "public or private",
                      "forward plan reference", "decision reference", "reference"] { table[label] = .other }
        return table
    }()

    /// Opening words of a cover's by-line ("Report of the Director of Place").
    static let byLineOpenings = ["report of the", "report of", "report by the", "report by", "report from the",
                                 "report from", "joint report of"]
    /// Headings near the top of a report's first page.
    static let openingHeadings = ["recommendation", "recommendations", "purpose", "purpose of report",
                                  "purpose of the report", "summary", "executive summary", "reason for report",
                                  "reasons for the report", "summary and recommendations", "purpose and summary",
                                  "recommendations for decision"]

    // MARK: - Inside and between papers

    /// Words that label an appendix ("Appendix A", "Annex 1"), each with the family a report names
    /// it by: a council that attaches "Annex A" calls it an annex. Not "schedule": reports cite
    /// "Schedule 2 to the Act" far more often than they attach one.
    static let appendixFamilies: [String: String] = [
        "appendix": "appendix", "appendices": "appendix", "annex": "annex", "annexe": "annex", "annexes": "annex",
        "annexure": "annex", "attachment": "attachment", "attachments": "attachment", "enclosure": "enclosure",
        "enclosures": "enclosure", "addendum": "addendum",
    ]
    static let appendixWords = Set(appendixFamilies.keys)

    /// The family of an appendix word, `nil` for any other word.
    static func appendixFamily(of word: String) -> String? { appendixFamilies[word] }

    /// Number words and roman numerals an appendix label may be printed with, as digits.
    static let labelNumbers: [String: String] = [
        "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
        "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
        "i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10",
        "xi": "11", "xii": "12",
    ]
    /// Headings that close a report: its audit trail, background papers, list of appendices.
    static let reportEndings = ["audit trail", "background papers", "background documents", "list of background papers",
                                "appendices", "list of appendices", "date final report sent", "document history",
                                "supporting documents", "appendices attached", "report history"]
    /// Labels that close a report in its last lines, but that a cover prints at its top too.
    static let reportEndingLabels = ["report author", "contact officer", "contact details", "for further information"]
    /// The first words of ``reportEndings`` and ``reportEndingLabels``: a cell opening with none
    /// of them closes no report.
    static let closingFirstWords = Set((reportEndings + reportEndingLabels).compactMap { $0.split(separator: " ").first.map(String.init) })
    /// Headings of pages that close a pack and belong to no item.
    static let closingPages = ["distribution list", "circulation list"]
    /// Words of a page left blank on purpose, between or after items.
    static let blankPageWords = "intentionally left blank"
    /// Openings of an item that is the minutes of an earlier meeting.
    static let minutesOpenings = ["minutes of", "minutes"]

    /// Words left out when titles are compared: they say nothing of what an item is about.
    static let stopWords: Set<String> = ["the", "of", "and", "a", "an", "to", "for", "in", "on", "at", "by", "with", "from",
                                         "or", "as", "is", "be", "its", "their", "our", "this", "that", "s"]
    static let monthNames: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                          "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
}
