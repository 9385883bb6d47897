/// A body a line names: capitalised words ending in a body type ("the Lambeth Vale Shared
/// Service"), optionally followed by what it is for ("Joint Management Committee for Ashby Green").
struct NamedBody: Sendable, Hashable {
    /// The name as printed, without a leading "the" and trailing punctuation.
    var name: String
    /// The bracketed capitals printed just after the name: "(VFP)".
    var acronym: String?
    /// True when the name itself says the body is run jointly (its type, or "Joint"/"Shared" in it).
    var isJoint: Bool
    /// True when its type leaves it a council's own body ("X Committee", "X Project Board") and nothing says joint.
    var isCouncilBody: Bool
    /// For a name "Type for X" ("Joint Committee for Ashby Green"), the other order it goes by:
    /// "Ashby Green Committee", lower case.
    var reorderedName: String?
}

/// Finds ``NamedBody``s in text, word by word; lines holding no body-type word are skipped unread.
enum NamedBodyScanner {
    /// Capitalised words that open a sentence or a role, not a name.
    private static let notNameWords: Set<String> = [
        "the", "this", "that", "these", "those", "our", "its", "their", "a", "an", "in", "on", "at", "by", "for",
        "from", "with", "to", "of", "and", "or", "chair", "member", "members", "if", "as", "all", "each", "every",
        "both", "any", "existing", "proposed", "where", "when", "while", "whilst", "following", "membership",
    ]
    /// Lower-case words a name may hold between capitalised ones ("Elephant and Castle Partnership").
    /// "of" and "for" are not among them: "Chair of", "Review of" open no name.
    private static let connectors: Set<String> = ["and", "&"]
    /// Owners whose possessive opens a name rather than being part of it: "the Council's Policy Forum".
    private static let owners: Set<String> = ["council", "authority", "office", "government", "department", "borough", "city", "county", "mayor"]
    /// Words after a type that say what the body is for: "Committee for X".
    private static let purposeLinks: Set<String> = ["for", "of"]

    /// The bodies `text` names, in order.
    static func bodies(in text: String) -> [NamedBody] {
        guard mayName(text) else { return [] }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" || $0 == "\n" }).map(String.init)
        let bare = words.map(bareWord)
        let lower = bare.map { $0.lowercased() }
        var found: [NamedBody] = []
        for index in words.indices where BodyVocabulary.lastWords.contains(lower[index]) && isCapitalised(bare[index]) {
            if let body = body(endingAt: index, words: words, bare: bare, lower: lower) { found.append(body) }
        }
        return found
    }

    /// True unless `text` surely holds no body-type word.
    private static func mayName(_ text: String) -> Bool {
        BodyVocabulary.lastWords.contains { TextScan.containsASCIICaseInsensitive(text, $0) }
    }

    private static func body(endingAt index: Int, words: [String], bare: [String], lower: [String]) -> NamedBody? {
        // The words up to `index`, one more than the longest type, are enough to tell it.
        let window = lower[max(0, index - BodyVocabulary.longestTypeWords)...index]
        guard let type = BodyVocabulary.type(ending: Array(window)) else { return nil }
        let typeStart = index - type.words.count + 1
        // The type's words are one phrase: no punctuation inside it.
        guard (typeStart..<index).allSatisfy({ !endsPhrase(words[$0]) && isCapitalised(bare[$0]) }) else { return nil }
        var start = typeStart
        while start > 0 {
            let previous = start - 1
            guard !endsPhrase(words[previous]), !opensPhrase(words[start]) else { break }
            let word = lower[previous]
            if isOwnerPossessive(words[previous], bare: lower[previous]) { break }
            if isCapitalised(bare[previous]) && !notNameWords.contains(word) {
                start = previous
            } else if connectors.contains(word), previous > 0, isCapitalised(bare[previous - 1]),
                      !notNameWords.contains(lower[previous - 1]), !endsPhrase(words[previous - 1]) {
                start = previous
            } else {
                break
            }
        }
        while start < typeStart, connectors.contains(lower[start]) { start += 1 }
        guard start < typeStart else { return nil }
        var end = index
        var reordered: String?
        if !endsPhrase(words[index]), index + 2 < words.count, purposeLinks.contains(lower[index + 1]) {
            var next = index + 2
            if lower[next] == "the", next + 1 < words.count { next += 1 }
            var last = next - 1
            while last + 1 < words.count, last - next < 3, isCapitalised(bare[last + 1]), !notNameWords.contains(lower[last + 1]) {
                last += 1
                if endsPhrase(words[last]) { break }
            }
            if last >= next {
                end = last
                reordered = (bare[next...last] + [bare[index]]).joined(separator: " ").lowercased()
            }
        }
        let nameWords = lower[start...end]
        let joint = type.reach == .joint || nameWords.contains { BodyVocabulary.jointQualifiers.contains($0) || jointTypeWords.contains($0) }
        // Inner words keep their apostrophes ("People's"); the type word loses its possessive.
        let printed = words[start..<index] + [bare[index]] + (end > index ? words[(index + 1)...end] : [])
        let name = printed.joined(separator: " ")
        return NamedBody(name: name.droppingTrailingPunctuation.trimmingPunctuation, acronym: acronym(after: end, in: words),
                         isJoint: joint, isCouncilBody: !joint && BodyVocabulary.isCouncilOwn(type, wordBefore: lower[typeStart - 1]),
                         reorderedName: reordered)
    }

    /// The one-word joint types ("partnership", "alliance"): a "Partnership Board" is joint too.
    private static let jointTypeWords: Set<String> = Set(BodyVocabulary.types.filter { $0.reach == .joint && $0.words.count == 1 }.map { $0.words[0] })

    /// "(ABC)" as the word after `index`, when it is two to eight capitals.
    private static func acronym(after index: Int, in words: [String]) -> String? {
        guard index + 1 < words.count else { return nil }
        let word = words[index + 1]
        guard word.hasPrefix("(") else { return nil }
        let inner = word.dropFirst().prefix { $0 != ")" }
        guard word.dropFirst().contains(")"), (2...8).contains(inner.count), inner.allSatisfy({ $0.isUppercase || $0 == "&" }) else { return nil }
        return String(inner)
    }

    /// The word without punctuation around it and without a possessive "'s".
    private static func bareWord(_ word: String) -> String {
        var bare = word.trimmingPunctuation
        for suffix in ["'s", "’s"] where bare.hasSuffix(suffix) { bare = String(bare.dropLast(2)) }
        return bare
    }

    /// True for "Council's" and the like: an owner, or a body, in the possessive.
    private static func isOwnerPossessive(_ word: String, bare: String) -> Bool {
        let trimmed = word.trimmingPunctuation
        guard trimmed.hasSuffix("'s") || trimmed.hasSuffix("’s") else { return false }
        return owners.contains(bare) || BodyVocabulary.lastWords.contains(bare)
    }

    private static func isCapitalised(_ word: String) -> Bool { word.first?.isUppercase == true }

    /// True when the word closes a phrase: a comma, full stop, colon, semicolon or closing bracket after it.
    private static func endsPhrase(_ word: String) -> Bool {
        guard let last = word.last else { return false }
        return ",.;:)”\"".contains(last)
    }

    /// True when the word opens a phrase: a bracket or quotation mark before it.
    private static func opensPhrase(_ word: String) -> Bool {
        guard let first = word.first else { return false }
        return "(“\"‘'".contains(first)
    }
}
