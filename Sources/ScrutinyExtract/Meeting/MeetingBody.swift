import Foundation

/// Reads the name of a meeting's body ("Cabinet", "Planning Committee", "Licensing Sub-Committee A")
/// out of a front sheet's text, and tells a body's name from the council's letterhead.
enum MeetingBody {
    /// The body's name in `text` without the wrapping ("Open Agenda", "Notice of meeting of the", "– Agenda"),
    /// a date or a time; `nil` where nothing is left, or (with `needsNoun`) it names no body or is the council's letterhead.
    static func name(in text: String, needsNoun: Bool) -> String? {
        var s = CommitteeValue.first(in: text).newlinesAsSpaces.collapsingSpaces
        if let date = MeetingVocabulary.printedDate.firstMatch(in: s)?[0], let range = s.range(of: date) { s.removeSubrange(range) }
        if let matched = MeetingClock.matchedText(in: s), let range = s.range(of: matched) { s.removeSubrange(range) }
        let separators = CharacterSet(charactersIn: " -–—,:;|").union(.whitespaces)
        for _ in 0..<3 {
            s = MeetingVocabulary.leadingWrapper.replacing(in: s, with: "").trimmingCharacters(in: separators)
            s = MeetingVocabulary.trailingWrapper.replacing(in: s, with: "").trimmingCharacters(in: separators)
            s = Pattern(#"^the\s+"#).replacing(in: s, with: "")
        }
        s = s.collapsingSpaces
        // "Fenby District Council Cabinet": the body after the council's name.
        if let council = CouncilFinder.councilName.firstMatch(in: TitleCaser().titleCaseIfAllCaps(s))?[1], s.count > council.count + 1,
           TitleCaser().titleCaseIfAllCaps(s).hasPrefix(council) {
            let rest = String(s.dropFirst(council.count)).trimmingCharacters(in: separators)
            if holdsNoun(rest) { s = rest }
        }
        guard let first = s.first, first.isLetter, first.isUppercase, s.wordCount <= 12,
              !MeetingVocabulary.notABody.matches(s) else { return nil }
        if needsNoun {
            let words = s.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
            guard words.contains(where: MeetingVocabulary.bodyNouns.contains), !MeetingVocabulary.postcode.matches(s),
                  !words.contains(where: MeetingVocabulary.placeOnlyWords.contains) else { return nil }
            if isLetterhead(s) { return nil }
        }
        return s
    }

    /// True when `text` holds a word that names a kind of body ("committee", "cabinet", "council").
    static func holdsNoun(_ text: String) -> Bool {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).contains { MeetingVocabulary.bodyNouns.contains(String($0)) }
    }

    /// True when `text` is a council's name and nothing else, naming a place: "Fenby District Council", not "Full Council".
    static func isLetterhead(_ text: String) -> Bool {
        guard CouncilFinder.councilLine.matches(text) || CouncilFinder.councilLine.matches(TitleCaser().titleCase(text)) else { return false }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" }).map(String.init)
        let place = words.firstIndex(of: "of").map { Array(words[($0 + 1)...]) } ?? words
        return place.contains { !CouncilFinder.notPlaceWords.contains($0) }
    }
}
