import Foundation

/// What a sentence before the agenda says of the meeting: "A meeting of the Planning Committee will be
/// held in the Council Chamber, Town Hall, on Wednesday 3 June 2026 at 6.30 pm".
struct Summons: Sendable {
    var committee: String?
    var date: String?
    var time: String?
    var venue: String?

    /// Where the sentence says the meeting is held: "held at the Town Hall", "will meet in Committee Room 2".
    private static let heldAt = Pattern(#"\b(?:held|meet|place)\s+(?:at|in)\s+(.+?)(?=,?\s+on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)|,?\s+at\s+\d|,?\s+(?:commencing|starting|beginning)\b|,?\s+(?:to|for)\s+(?:consider|transact|the\s+purpose)\b|[.;]\s|[.;]?$)"#)
    /// A meeting held with no room: "held remotely via Microsoft Teams on …".
    private static let heldRemotely = Pattern(#"\b(?:held|meet)\s+((?:remotely|virtually|online)(?:\s+(?:via|on|using|by)\s+.+?)?)(?=,?\s+on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)|,?\s+at\s+\d|,?\s+(?:to|for)\s+(?:consider|transact|the\s+purpose)\b|[.;]\s|[.;]?$)"#)
    /// The place just after the sentence's time: "… at 6.30 pm in the Council Chamber".
    private static let afterTime = Pattern(#"^\s*,?\s*(?:at|in)\s+(.+?)(?=,?\s+(?:to|for)\s+(?:consider|transact|the\s+purpose)\b|,?\s+on\s+|[.;]\s|[.;]?$)"#)
    private static let sentenceBreak = Pattern(#"(?<=[.!?])\s+(?=[A-Z])"#, caseSensitive: true)

    /// The summons among the one-cell lines `zone` of `sheet`: the first sentence that says a meeting is held
    /// or names one ("a meeting of …") and gives its date, or says it is held and names its body.
    static func read(from sheet: Sheet, zone: [Int]) -> Summons? {
        var paragraph: [String] = []
        for index in zone where sheet.lines[index].filled.count == 1 { paragraph.append(sheet.lines[index].text) }
        let text = paragraph.joined(separator: " ")
        guard MeetingVocabulary.heldWords.matches(text) || text.lowercased().includes("meeting of") else { return nil }
        for sentence in Self.sentenceBreak.replacing(in: text, with: "\u{1F}").split(separator: "\u{1F}").map(String.init) {
            let held = MeetingVocabulary.heldWords.matches(sentence)
            let meetingOf = MeetingVocabulary.meetingOf.firstMatch(in: sentence)?[1]
            guard held || meetingOf != nil, sentence.wordCount <= 80 else { continue }
            var summons = Summons()
            if let name = meetingOf { summons.committee = Self.summonedBody(name) }
            summons.date = UKDateParser().firstDate(in: sentence)
            if let (time, after) = MeetingClock.first(in: sentence, dotted: true) {
                summons.time = time
                if let venue = Self.afterTime.firstMatch(in: after)?[1] { summons.venue = MeetingVenue.cleaned(venue) }
            }
            for pattern in [Self.heldAt, Self.heldRemotely] {
                if let venue = pattern.firstMatch(in: sentence)?[1], UKDateParser().firstDate(in: venue) == nil,
                   MeetingClock.first(in: venue, dotted: false) == nil {
                    summons.venue = MeetingVenue.cleaned(venue)
                    break
                }
            }
            guard summons.date != nil || (held && summons.committee != nil) else { continue }
            return summons
        }
        return nil
    }

    /// The body a summons names, cut after its last body noun ("Cabinet on Tuesday" is "Cabinet"); the
    /// council's own name is its full meeting, "Council".
    private static func summonedBody(_ name: String) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard let last = words.lastIndex(where: { MeetingVocabulary.bodyNouns.contains($0.lowercased().trimmingPunctuation) }) else { return nil }
        let body = words[...last].joined(separator: " ")
        return MeetingBody.isLetterhead(body) ? "Council" : MeetingBody.name(in: body, needsNoun: true)
    }
}
