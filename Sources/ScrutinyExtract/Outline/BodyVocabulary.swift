/// The words reports use for the bodies they can be about, and for the kinds of document a title
/// names, as data: a council whose template names its bodies differently adds a row here.
enum BodyVocabulary {
    /// How far a body-type word alone makes its bearer a partnership.
    enum Reach: Sendable {
        /// Run by several bodies by definition: "X Partnership", "X Shared Service", "X Joint Committee".
        case joint
        /// Often a partnership, as often one body's own: "X Board", "X Trust", "X Steering Group".
        /// A report is about one when its title names it.
        case standalone
        /// A council's own body unless its name says "Joint": "X Committee", "X Panel", "X Working Group".
        case onlyWhenJoint
    }

    /// One body-type word or phrase (lower case, words in order) that ends a body's name.
    struct BodyType: Sendable {
        var words: [String]
        var reach: Reach
    }

    /// Every body type, longest phrase first so that "joint committee" wins over "committee".
    static let types: [BodyType] = [
        BodyType(words: ["shared", "services"], reach: .joint),
        BodyType(words: ["shared", "service"], reach: .joint),
        BodyType(words: ["joint", "committee"], reach: .joint),
        BodyType(words: ["joint", "board"], reach: .joint),
        BodyType(words: ["steering", "group"], reach: .standalone),
        BodyType(words: ["working", "group"], reach: .onlyWhenJoint),
        BodyType(words: ["partnership"], reach: .joint),
        BodyType(words: ["alliance"], reach: .joint),
        BodyType(words: ["compact"], reach: .joint),
        BodyType(words: ["consortium"], reach: .joint),
        BodyType(words: ["collaborative"], reach: .joint),
        // A pool alone is as often a swimming pool: only pooled money counts.
        BodyType(words: ["rates", "pool"], reach: .joint),
        BodyType(words: ["investment", "pool"], reach: .joint),
        BodyType(words: ["pension", "pool"], reach: .joint),
        BodyType(words: ["board"], reach: .standalone),
        BodyType(words: ["trust"], reach: .standalone),
        BodyType(words: ["forum"], reach: .standalone),
        // Not "network" or "commission": a heat network, the Charity Commission are no partnerships.
        BodyType(words: ["committee"], reach: .onlyWhenJoint),
        BodyType(words: ["panel"], reach: .onlyWhenJoint),
        BodyType(words: ["group"], reach: .onlyWhenJoint),
    ]

    /// Words just before a standalone type that make the body a council's own governance: "Project
    /// Board", "Budget Recovery Board", "Contract Review Board", "Transformation Management Board".
    static let internalGovernanceWords: Set<String> = [
        "project", "projects", "programme", "programmes", "management", "recovery", "transformation", "delivery",
        "review", "officer", "officers", "corporate", "departmental", "directorate", "improvement", "budget", "assurance",
    ]

    /// Words inside a name that make any body a jointly run one: "Joint Management Committee".
    static let jointQualifiers: Set<String> = ["joint", "shared"]

    /// Words that say a body named in the same line is run jointly: "the Vale Leisure Trust, run jointly by".
    static let jointWording: [String] = ["jointly", "joint venture between", "shared between"]

    /// The plurals of the types that may name a partnership on their own ("partnerships", "joint
    /// committees", "consortia"), as a line introducing a list of them says them.
    static let plurals: [String] = types.filter { $0.reach != .onlyWhenJoint }.map { type in
        let phrase = type.words.joined(separator: " ")
        if phrase.hasSuffix("services") { return phrase }
        return phrase.hasSuffix("um") ? String(phrase.dropLast(2)) + "a" : phrase + "s"
    }

    /// The most words a body type has.
    static let longestTypeWords = types.map(\.words.count).max() ?? 1

    /// The last words of the body types, for a first look at a word.
    static let lastWords: Set<String> = Set(types.compactMap(\.words.last))

    /// What a title calls the document itself, said after or before the subject's name:
    /// "X Terms of Reference", "Annual Report of the X" (lower case, longest first within a meaning).
    static let documentKinds: [String] = [
        "terms of reference", "memorandum of understanding", "memorandum of agreement", "partnership agreement",
        "funding agreement", "collaboration agreement", "constitution", "governance arrangements",
        "annual progress report", "annual report", "annual review", "progress report", "progress update",
        "performance report", "monitoring report", "update report", "business plan", "briefing note", "briefing",
        "update", "report", "review",
    ]

    /// Words that link a document kind to its subject: "Annual Report of the X", "Update on the X".
    static let documentKindLinks: [String] = ["of the", "for the", "on the", "of", "for", "on", "from the", "from"]

    /// How a report states what it is for, at the start of a sentence or paragraph (lower case).
    static let purposeLeadIns: [String] = [
        "the purpose of this report", "the purpose of the report", "purpose of the report", "purpose of report",
        "this report", "this paper", "the report seeks", "the report asks", "the report provides",
    ]

    /// Headings of the section that states what the report is for (lower case, without numbering).
    static let purposeHeadings: [String] = [
        "purpose", "summary", "executive summary", "report summary", "summary and purpose", "purpose of the report",
        "purpose of report", "purpose of this report", "introduction and purpose",
    ]

    /// True when `name` ends in a body type that may name a partnership on its own: a jointly run or
    /// standalone type, or a council's own type with "Joint" or "Shared" in the name. A type after a
    /// small word is a way of working, not a name: "Working in Partnership".
    static func endsInBodyType(_ name: String) -> Bool {
        let lower = name.split(separator: " ").map { $0.lowercased().trimmingPunctuation }
        guard let type = type(ending: lower) else { return false }
        let before = lower.count - type.words.count - 1
        if before >= 0 && TitleCaser.smallWords.contains(lower[before]) { return false }
        return !isCouncilOwn(type, wordBefore: before >= 0 ? lower[before] : nil) || lower.contains(where: jointQualifiers.contains)
    }

    /// True when a body of `type` whose name has `wordBefore` just before the type is, unless its name
    /// says "Joint", the council's own: a committee or panel, or a project or programme board.
    static func isCouncilOwn(_ type: BodyType, wordBefore: String?) -> Bool {
        switch type.reach {
        case .joint: false
        case .onlyWhenJoint: true
        case .standalone: wordBefore.map(internalGovernanceWords.contains) ?? false
        }
    }

    /// The types that end `words` (lower case, punctuation already stripped), longest first; `nil` when none does.
    static func type(ending words: [String]) -> BodyType? {
        guard let last = words.last, lastWords.contains(last) else { return nil }
        return types.first { type in
            type.words.count <= words.count && Array(words.suffix(type.words.count)) == type.words
        }
    }
}
