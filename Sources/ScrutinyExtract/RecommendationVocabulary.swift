import Foundation

/// The words English and Welsh council reports use to introduce what they ask a meeting to
/// decide, kept as data: a new council's template is a new row here, not a new pattern.
///
/// Rows are lower case and the patterns built from them ignore case, unless a table says it
/// is matched case by case. Rows may hold spaces (any run of white space matches) and
/// brackets (matched literally).
enum RecommendationVocabulary {
    /// Headings that open the recommendations when they stand alone on a line, after an
    /// optional section number and before an optional colon.
    static let headings: [String] = [
        "recommendation", "recommendations", "recommendation(s)", "recommendations(s)",
        "recommended decision", "recommended decisions", "recommended decision(s)",
        "recommended resolution", "recommended resolutions",
        "recommended action", "recommended actions",
        "decision required", "decisions required", "decision(s) required",
        "decision sought", "decisions sought", "decision(s) sought",
        "decision requested", "decisions requested",
        "decision to be taken", "decisions to be taken",
        "proposed decision", "proposed decisions", "proposed decision(s)",
        "proposed resolution", "proposed resolutions",
        "summary of recommendations",
        // Welsh: "recommendation", "recommendations".
        "argymhelliad", "argymhellion",
    ]

    /// Words that may stand before a heading: "Officer's recommendations".
    static let headingPrefixes: [String] = [
        "officer", "officers", "officer's", "officers'", "officer’s", "officers’", "the",
    ]

    /// Words that tie a heading to the body it addresses: "Recommendations for the Cabinet to
    /// note", "Recommendation to Council". A heading so qualified still opens (or continues)
    /// the recommendations.
    static let headingQualifiers: [String] = ["to", "for", "of"]

    /// Line openings whose sentence is the first recommendation: "RECOMMENDED that ...".
    static let sentenceOpenings: [String] = [
        "it is recommended that", "recommended that", "it is recommended to",
    ]

    /// First words of an item that the layout ran into its heading ("Recommendation That the ..."),
    /// matched in this case only: a capital after the heading word marks the lost line break.
    static let gluedItemOpenings: [String] = ["That", "THAT", "To", "TO"]

    /// Verbs of the lead-in sentence that introduces the items: "The Cabinet is <verb> to:".
    static let leadInVerbs: [String] = [
        "recommended", "asked", "requested", "invited", "being asked", "being recommended", "requested and recommended",
    ]

    /// Words a lead-in may end on without a colon: "The Committee is asked to RESOLVE that".
    static let leadInEndings: [String] = ["resolve", "resolves", "resolve that", "resolves that"]

    /// Endings of an item whose lettered sub-items are options to choose between, kept in the
    /// item ("determine to: (a) keep ...; (b) end ..."); other lettered sub-items are items.
    static let choiceEndings: [String] = [
        "determine to", "determine whether to", "decide to", "decide whether to", "decide between", "choose",
        "one of the following", "one of the following options", "the following options", "either",
    ]

    /// Openings of a value beside a heading that points to the recommendations elsewhere or says
    /// there are none: "Recommendations: see section 2", "Decision required: None".
    static let pointerOpenings: [String] = [
        "see", "as set out", "set out in", "as detailed", "detailed in", "as outlined", "outlined in",
        "as per", "refer to", "please refer", "contained in", "at paragraph", "in paragraph", "in section",
        "none", "n/a", "not applicable", "nil",
    ]

    // MARK: - Patterns built from the rows

    private static let sectionNumber = #"(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?"#
    private static let prefix = "(?:\(alternation(headingPrefixes))\\s+)?"
    private static let heading = "(?:\(alternation(headings)))"
    private static let qualifier = "(?:\\s+(?:\(alternation(headingQualifiers)))\\s+[^.;:]{1,70}?)?"

    /// A heading line: "RECOMMENDATIONS", "2. Decision(s) required:", "Recommendations for the Cabinet to Approve".
    static let headingLine = Pattern("^\(sectionNumber)\(prefix)\(heading)\(qualifier)\\s*[:\\-–]?\\s*$")

    /// A heading with the first item on its line: "Recommendation: That ...", "Decision required – to note ..."; group 1 is the item.
    static let headingWithItem = Pattern("^\(sectionNumber)\(prefix)\(heading)\(qualifier)\\s*[:\\-–]\\s*(\\S.*)$")

    /// A heading run into its item where the layout lost the line break: "Recommendation That the ..."; group 1 is the item.
    static let headingGluedToItem = Pattern("^\(prefix)\(heading)\\s+((?-i:\(alternation(gluedItemOpenings)))\\s.*)$")

    /// A sentence that is itself the first recommendation: "RECOMMENDED that the plan is adopted."
    static let sentenceOpening = Pattern("^\(sectionNumber)(?:\(alternation(sentenceOpenings)))\\b")

    /// A lead-in sentence that ends its line: "The Executive is recommended to:", "Council is asked to RESOLVE",
    /// "The Cabinet is recommended to" (its items below).
    static let leadInLine = Pattern(
        "\\b(?:is|are|be)\\s+(?:\(alternation(leadInVerbs)))\\s+to\\b.*(?::|\\b(?:\(alternation(leadInEndings))))\\s*$"
            + "|\\b(?:is|are)\\s+(?:\(alternation(leadInVerbs)))\\s+to\\s*$"
            + "|\\b(?:\(alternation(leadInEndings)))\\s*:?\\s*$"
            + "|^\(sectionNumber)(?:\(alternation(sentenceOpenings)))\\s*:?\\s*$")

    /// A lead-in glued to its item on one line: "The Cabinet is recommended to: approve the plan"; group 1 is the item.
    static let leadInBeforeItem = Pattern(
        "^[^:]{0,120}?\\b(?:is|are)\\s+(?:\(alternation(leadInVerbs)))\\s+to(?:\\s+(?:\(alternation(leadInEndings))))?\\s*:\\s*(\\S.*)$")

    /// A value that points to the recommendations elsewhere or says there are none: "See section 2.", "None".
    static let pointer = Pattern("^(?:\(alternation(pointerOpenings)))(?:\\b|$)(?:[^.;]{0,60})[.;]?$")

    /// An item that offers a choice: "... and determine to: -".
    static let choiceEnding = Pattern("\\b(?:\(alternation(choiceEndings)))\\s*[:\\-–\\s]*$")

    /// The rows as one regular-expression alternation, longest first so a longer row wins.
    private static func alternation(_ rows: [String]) -> String {
        rows.sorted { $0.count > $1.count }
            .map { NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: " ", with: "\\s+") }
            .joined(separator: "|")
    }
}
