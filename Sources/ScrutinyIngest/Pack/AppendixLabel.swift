import ScrutinyCore

/// An appendix label at the top of a page ("Appendix A", "ANNEX 1", "Appendix 2: Survey results",
/// "Options appraisal APPENDIX 1"), and whether a paper names it ("attached as Appendix A",
/// "Appendices 1 to 3"). A report's appendix is part of the report; a page labelled as an
/// appendix that the paper before it never names is someone else's.
struct AppendixLabel: Sendable, Hashable {
    /// The word printed ("appendix", "annex").
    var word: String
    /// The label, lowercased, numbers as digits ("a", "1", "2b").
    var label: String

    /// How many lines from a page's top a label may stand.
    static let topLines = 3
    /// Longest heading a label may close ("Options appraisal APPENDIX 1").
    static let closingHeadingWords = 14
    /// How many words after "Appendices" a list of labels may run ("Appendices A, B and C").
    static let listWords = 8

    /// "Appendix A" as printed for evidence.
    var summary: String { "\(word.capitalized) \(label.uppercased())" }

    /// The label at the top of `page`, `nil` where none stands there.
    static func atTop(of page: SourcePage) -> AppendixLabel? {
        for line in PackText.topLines(of: page, count: topLines) {
            // "Appendices" over a list of them heads a report's last page, it labels none.
            if PackText.words(line.text).allSatisfy(isListHeading) { return nil }
            for cell in line.cells {
                let words = PackText.words(PackText.firstParagraph(cell))
                if let found = label(opening: words) { return found }
                // The label closing a heading line.
                if words.count >= 3, words.count <= closingHeadingWords, let found = label(opening: Array(words.suffix(2))) {
                    return found
                }
            }
        }
        return nil
    }

    /// "Appendices", "List of appendices": the heading of a list, not a label.
    private static func isListHeading(_ word: String) -> Bool {
        ["appendices", "annexes", "attachments", "enclosures", "list", "of"].contains(word)
    }

    /// "appendix a ..." at the start of `words`.
    private static func label(opening words: [String]) -> AppendixLabel? {
        guard words.count >= 2, PackVocabulary.appendixWords.contains(words[0]),
              let label = normalizedLabel(words[1]) else { return nil }
        return AppendixLabel(word: words[0], label: label)
    }

    /// A label token: a letter, a number with an optional letter, a roman numeral or number word.
    static func normalizedLabel(_ token: String) -> String? {
        if let number = PackVocabulary.labelNumbers[token] { return number }
        if token.count == 1, token.first!.isLetter { return token }
        let digits = token.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2 else { return nil }
        let rest = token.dropFirst(digits.count)
        guard rest.count <= 1, rest.allSatisfy(\.isLetter) else { return nil }
        return token
    }

    /// The label as a report names it: its word's family ("annex" for "Annexe") and its label.
    var reference: AppendixLabel { AppendixLabel(word: PackVocabulary.appendixFamily(of: word) ?? word, label: label) }

    /// Whether `lines` name this label after a word of the same family: "Appendix A",
    /// "Appendices A and B", "Appendices 1 to 3", "Appendix A-C" ("Annex A" names an annex, not an appendix).
    func isNamed(in lines: [SourceLine]) -> Bool {
        Self.named(in: lines).contains(reference)
    }

    /// Every label `lines` name after an appendix word, as ``reference``s.
    /// The appendix words' shortest forms, lowercase: a line holding none names no appendix.
    static let wordStems: [[UInt8]] = ["append", "annex", "attachment", "enclosure", "addend"].map { Array($0.utf8) }

    static func named(in lines: [SourceLine]) -> Set<AppendixLabel> {
        var found: Set<AppendixLabel> = []
        for line in lines {
            // Most lines name no appendix: look for one of the words before splitting the line.
            guard PackText.mentions(line.text, anyOf: Self.wordStems) else { continue }
            let words = PackText.words(line.text)
            for (index, word) in words.enumerated() {
                guard let family = PackVocabulary.appendixFamily(of: word) else { continue }
                for label in labels(after: index, in: words) { found.insert(AppendixLabel(word: family, label: label)) }
            }
        }
        return found
    }

    /// The labels listed after the appendix word at `index`, ranges expanded.
    private static func labels(after index: Int, in words: [String]) -> Set<String> {
        var found: Set<String> = []
        var previous: String?
        var inRange = false
        for word in words.dropFirst(index + 1).prefix(listWords) {
            if word == "and" || word == "or" { continue }
            if word == "to" { inRange = previous != nil; continue }
            guard let label = normalizedLabel(word) else { break }
            if inRange, let start = previous { found.formUnion(range(from: start, to: label)) }
            found.insert(label)
            previous = label
            inRange = false
        }
        // "Appendix A-C" reads as the words "a", "c": a letter range is taken whole.
        if found.count == 2, let low = found.min(), let high = found.max() { found.formUnion(range(from: low, to: high)) }
        return found
    }

    /// The labels from `start` to `end`: "1" to "3", "a" to "d".
    private static func range(from start: String, to end: String) -> Set<String> {
        if let low = Int(start), let high = Int(end), low <= high, high - low <= 26 { return Set((low...high).map(String.init)) }
        if start.count == 1, end.count == 1, let low = start.unicodeScalars.first?.value, let high = end.unicodeScalars.first?.value,
           low <= high, high - low <= 26 {
            return Set((low...high).compactMap { Unicode.Scalar($0).map { String(Character($0)) } })
        }
        return [start, end]
    }
}
