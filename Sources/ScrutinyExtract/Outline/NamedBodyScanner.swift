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
    fileprivate static let notNameWords: Set<String> = [
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
        let run = Words(text)
        var found: [NamedBody] = []
        for index in run.words.indices where BodyVocabulary.lastWords.contains(run.lower[index]) && isCapitalised(run.bare[index]) {
            if let body = body(endingAt: index, in: run) { found.append(body) }
        }
        return found
    }

    /// A line's words as printed, bare (without punctuation around them or a possessive) and bare in lower case.
    private struct Words {
        var words: [String]
        var bare: [String]
        var lower: [String]

        init(_ text: String) {
            words = text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" || $0 == "\n" }).map(String.init)
            bare = words.map(NamedBodyScanner.bareWord)
            lower = bare.map { $0.lowercased() }
        }

        /// True when the word at `index` may stand in a name: capitalised and not a sentence or role opener.
        func isNameWord(_ index: Int) -> Bool {
            NamedBodyScanner.isCapitalised(bare[index]) && !notNameWords.contains(lower[index])
        }
    }

    /// True unless `text` surely holds no body-type word.
    private static func mayName(_ text: String) -> Bool {
        BodyVocabulary.lastWords.contains { TextScan.containsASCIICaseInsensitive(text, $0) }
    }

    private static func body(endingAt index: Int, in run: Words) -> NamedBody? {
        // The words up to `index`, one more than the longest type, are enough to tell it.
        let window = run.lower[max(0, index - BodyVocabulary.longestTypeWords)...index]
        guard let type = BodyVocabulary.type(ending: Array(window)) else { return nil }
        let typeStart = index - type.words.count + 1
        // The type's words are one phrase: no punctuation inside it.
        guard (typeStart..<index).allSatisfy({ !endsPhrase(run.words[$0]) && isCapitalised(run.bare[$0]) }) else { return nil }
        let start = nameStart(before: typeStart, in: run)
        guard start < typeStart else { return nil }
        let tail = purposeTail(after: index, in: run)
        let end = tail?.end ?? index
        let nameWords = run.lower[start...end]
        let joint = type.reach == .joint || nameWords.contains { BodyVocabulary.jointQualifiers.contains($0) || jointTypeWords.contains($0) }
        // Inner words keep their apostrophes ("People's"); the type word loses its possessive.
        let printed = run.words[start..<index] + [run.bare[index]] + (end > index ? run.words[(index + 1)...end] : [])
        let name = printed.joined(separator: " ")
        return NamedBody(name: name.droppingTrailingPunctuation.trimmingPunctuation, acronym: acronym(after: end, in: run.words),
                         isJoint: joint, isCouncilBody: !joint && BodyVocabulary.isCouncilOwn(type, wordBefore: run.lower[typeStart - 1]),
                         reorderedName: tail?.reordered)
    }

    /// Where the name ending in the type at `typeStart` begins: back over capitalised words and the
    /// connectors between them, to a sentence opener, a role, an owner's possessive or punctuation.
    private static func nameStart(before typeStart: Int, in run: Words) -> Int {
        var start = typeStart
        while start > 0 {
            let previous = start - 1
            guard !endsPhrase(run.words[previous]), !opensPhrase(run.words[start]),
                  !isOwnerPossessive(run.words[previous], bare: run.lower[previous]) else { break }
            if run.isNameWord(previous) {
                start = previous
            } else if connectors.contains(run.lower[previous]), previous > 0, run.isNameWord(previous - 1),
                      !endsPhrase(run.words[previous - 1]) {
                start = previous
            } else {
                break
            }
        }
        while start < typeStart, connectors.contains(run.lower[start]) { start += 1 }
        return start
    }

    /// What the body at `index` is for, when "for"/"of" and capitalised words follow its type: the last
    /// word's index and the name in the other order ("ashby green committee").
    private static func purposeTail(after index: Int, in run: Words) -> (end: Int, reordered: String)? {
        guard !endsPhrase(run.words[index]), index + 2 < run.words.count, purposeLinks.contains(run.lower[index + 1]) else { return nil }
        var next = index + 2
        if run.lower[next] == "the", next + 1 < run.words.count { next += 1 }
        var last = next - 1
        while last + 1 < run.words.count, last - next < 3, run.isNameWord(last + 1) {
            last += 1
            if endsPhrase(run.words[last]) { break }
        }
        guard last >= next else { return nil }
        return (last, (run.bare[next...last] + [run.bare[index]]).joined(separator: " ").lowercased())
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
    fileprivate static func bareWord(_ word: String) -> String {
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

    fileprivate static func isCapitalised(_ word: String) -> Bool { word.first?.isUppercase == true }

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
