/// What a report's title is about, without what it says of the document itself: "Counter Fraud
/// Progress Report 2025-26" is about "Counter Fraud"; "Vale Forest Partnership: Tree Planting
/// Programme" about "Vale Forest Partnership" and "Tree Planting Programme".
enum TitleSubject {
    /// The title's parts (split at spaced dashes and colons; a line break is a space), each without the document kinds,
    /// years and quarters it opens or ends with, and without a leading "the"; empty parts left out.
    static func phrases(of title: String) -> [String] {
        parts(of: title).compactMap { part in
            let words = subjectWords(of: part)
            return words.isEmpty ? nil : words.joined(separator: " ")
        }
    }

    /// The body a title names as its subject: "Coastal Towns Alliance – Memorandum of Understanding"
    /// or "Riverdale Sports Trust – Funding Agreement" (a part of its own), "Vale Forest Partnership
    /// Terms of Reference", "Annual Report of the Riverside Joint Committee" or the name alone. A title
    /// of one part names a body only of a jointly run type; a council's own committee is never one.
    static func body(in title: String) -> String? {
        let phrases = phrases(of: title)
        if parts(of: title).count >= 2 { return phrases.first { readsAsABodyName($0, standaloneAllowed: true) } }
        return phrases.first { readsAsABodyName($0, standaloneAllowed: false) }
    }

    /// True for a short capitalised name ending in a body type: "Westbrook Safeguarding Partnership";
    /// a board or trust ("Westbrook Safeguarding Board") only when `standaloneAllowed`.
    static func readsAsABodyName(_ phrase: String, standaloneAllowed: Bool = true) -> Bool {
        let words = phrase.split(separator: " ")
        guard (2...8).contains(words.count) else { return false }
        let lower = words.map { $0.lowercased().trimmingPunctuation }
        guard let type = BodyVocabulary.type(ending: lower), words.count > type.words.count,
              !genericOpenings.contains(lower[0]), BodyVocabulary.endsInBodyType(phrase) else { return false }
        if type.reach == .standalone && !standaloneAllowed && !lower.contains(where: BodyVocabulary.jointQualifiers.contains) {
            return false
        }
        return words.allSatisfy { word in
            word.first?.isUppercase == true || word.first?.isNumber == true || TitleCaser.smallWords.contains(word.lowercased())
        }
    }

    /// First words of a phrase that names a part of a report or a kind of work, not a body.
    private static let genericOpenings: Set<String> = [
        "appendix", "annex", "schedule", "our", "your", "this", "these", "its", "their", "why", "how", "what", "who",
        "new", "other", "significant", "proposed", "draft", "revised", "future",
    ]

    private static func parts(of title: String) -> [Substring] {
        var parts: [Substring] = []
        var start = title.startIndex
        var index = title.startIndex
        while index < title.endIndex {
            let char = title[index]
            let next = title.index(after: index)
            let spacedDash = (char == "–" || char == "—" || char == "-") && index > title.startIndex
                && title[title.index(before: index)] == " " && next < title.endIndex && title[next] == " "
            if char == ":" || char == "|" || spacedDash {
                parts.append(title[start..<index])
                start = next
            }
            index = next
        }
        parts.append(title[start...])
        return parts
    }

    /// `part`'s words without the document kinds, links, years and quarters at either end.
    private static func subjectWords(of part: Substring) -> [String] {
        var words = part.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" || $0 == "\n" }).map(String.init)
        var changed = true
        while changed && !words.isEmpty {
            changed = false
            let lower = words.map { $0.lowercased().trimmingPunctuation }
            if let last = lower.last, isDateWord(last) || last.isEmpty {
                words.removeLast(); changed = true; continue
            }
            if let first = lower.first, isDateWord(first) || first.isEmpty || first == "the" {
                words.removeFirst(); changed = true; continue
            }
            if let kind = kindLength(at: .end, of: lower) {
                words.removeLast(kind); changed = true; continue
            }
            if let kind = kindLength(at: .start, of: lower) {
                words.removeFirst(kind); changed = true
            }
        }
        if let last = words.last { words[words.count - 1] = last.droppingTrailingPunctuation }
        return words.filter { !$0.isEmpty }
    }

    private enum End { case start, end }

    /// How many words a document kind (with its link words after it, at the start) takes at `end`; `nil` for none.
    private static func kindLength(at end: End, of lower: [String]) -> Int? {
        for kind in BodyVocabulary.documentKinds {
            let kindWords = kind.split(separator: " ").map(String.init)
            guard kindWords.count <= lower.count else { continue }
            switch end {
            case .end where Array(lower.suffix(kindWords.count)) == kindWords:
                return kindWords.count
            case .start where Array(lower.prefix(kindWords.count)) == kindWords:
                let rest = Array(lower.dropFirst(kindWords.count))
                let link = BodyVocabulary.documentKindLinks.first { link in
                    let linkWords = link.split(separator: " ").map(String.init)
                    return linkWords.count < rest.count && Array(rest.prefix(linkWords.count)) == linkWords
                }
                // A kind opening a phrase is a kind only when a link follows: "Review of the X", not "Review Panel".
                guard let link else { continue }
                return kindWords.count + link.split(separator: " ").count
            default:
                continue
            }
        }
        return nil
    }

    /// A year, financial year or quarter: "2025-26", "2024/25", "2023-2024", "Q2".
    private static func isDateWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        if first.isASCIIDigit {
            return word.unicodeScalars.allSatisfy { $0.isASCIIDigit || $0 == "/" || $0 == "-" || $0 == "–" } && word.count >= 4
        }
        return word.count == 2 && first == "q" && word.unicodeScalars.last!.isASCIIDigit
    }
}
