import Foundation

/// How front sheets print a meeting's venue: what reads as a place, and the place without the words
/// and punctuation that lead into it.
enum MeetingVenue {
    /// What leads into a venue: punctuation, "at", "in", "Venue", "prompt", "starting".
    private static let leadIn = Pattern(#"^(?:[\s,;:\-–—]|\bat\b|\bin\b|\bvenue\b|\bplace\b|\blocation\b|\bprompt(?:ly)?\b|\bsharp\b|\bstart(?:ing)?\b)*"#)
    private static let theArticle = Pattern(#"^the\s+"#, caseSensitive: true)

    /// The venue that follows a time: "at the Town Hall", ", Council Chamber", "160 High Street".
    static func following(_ text: String) -> String? {
        let rest = droppingLeadIn(text).trimmed
        guard !rest.hasPrefix("("), rest.filter(\.isLetter).count >= 2, UKDateParser().firstDate(in: rest) == nil else { return nil }
        return cleaned(rest)
    }

    /// True when `text` reads as a place: a postcode, a word of a building or street, or a short list of parts.
    static func isPlace(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasSuffix("."), text.wordCount <= 20, UKDateParser().firstDate(in: text) == nil,
              !text.includes("@"), !MeetingVocabulary.notABody.matches(text) else { return false }
        if MeetingVocabulary.postcode.matches(text) { return true }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        return words.contains(where: MeetingVocabulary.venueWords.contains)
    }

    /// A venue as printed, without the article a sentence put before it and trailing punctuation.
    static func cleaned(_ text: String) -> String? {
        let s = theArticle.replacing(in: text.newlinesAsSpaces.collapsingSpaces, with: "").droppingTrailingPunctuation
        return s.isEmpty ? nil : s
    }

    /// `text` without what leads into a venue ("at", ", in", "Venue:").
    static func droppingLeadIn(_ text: String) -> String {
        leadIn.replacing(in: text, with: "")
    }
}
