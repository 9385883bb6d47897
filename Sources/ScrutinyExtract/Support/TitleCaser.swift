/// Turns ALL CAPS headings into title case: "ANNUAL REVIEW OF THE PARTNERSHIPS" becomes
/// "Annual Review of the Partnerships". Short function words stay lower case (except first),
/// acronyms the caller knows (or words without vowels, like "CCTV") stay upper case.
public struct TitleCaser: Sendable {
    /// Upper-case words to keep as they are ("MOU", "NHS").
    public var acronyms: Set<String>

    static let smallWords: Set<String> = [
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or", "per", "the",
        "to", "via", "with", "under", "upon",
    ]

    public init(acronyms: Set<String> = []) { self.acronyms = acronyms }

    /// True when the text has letters and none of them is lower case.
    public static func isAllCaps(_ text: String) -> Bool {
        var letters = 0
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: letters are A-Z and a-z, so the bytes answer without grapheme breaking.
            for byte in text.utf8 {
                if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return false }
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { letters += 1 }
            }
            return letters >= 2
        }
        if text.unicodeScalars.allSatisfy({ $0.isASCII || CleanParagraph.isPlainNonASCII($0.value) }) {
            // Every scalar is a character of its own (no scalar here joins a cluster), so the scalars answer.
            for scalar in text.unicodeScalars where scalar.isLetter {
                if scalar.isLowercase { return false }
                letters += 1
            }
            return letters >= 2
        }
        for character in text where character.isLetter {
            if character.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// `text` in title case when it is ALL CAPS; otherwise unchanged.
    public func titleCaseIfAllCaps(_ text: String) -> String {
        Self.isAllCaps(text) ? titleCase(text) : text
    }

    /// `text` in title case, word by word (hyphenated parts each capitalised).
    public func titleCase(_ text: String) -> String {
        var out: [String] = []
        for (index, word) in text.split(separator: " ").enumerated() {
            out.append(caseWord(String(word), isFirst: index == 0))
        }
        return out.joined(separator: " ")
    }

    private func caseWord(_ word: String, isFirst: Bool) -> String {
        let core = word.filter { $0.isLetter || $0.isNumber }
        if acronyms.contains(core.uppercased()) || isAcronymShape(core) { return word }
        let lower = word.lowercased()
        if !isFirst && Self.smallWords.contains(lower.filter(\.isLetter)) && lower.allSatisfy({ $0.isLetter }) {
            return lower
        }
        // Capitalise the first letter of each hyphen- or bracket-separated part.
        var result = ""
        var capitaliseNext = true
        for ch in lower {
            if ch.isLetter {
                result.append(capitaliseNext ? Character(String(ch).uppercased()) : ch)
                capitaliseNext = false
            } else {
                result.append(ch)
                if ch == "-" || ch == "(" || ch == "/" || ch == "\"" || ch == "‘" || ch == "“" { capitaliseNext = true }
            }
        }
        return result
    }

    /// Upper-case words with no vowels ("CCTV", "CCG") read as acronyms.
    private func isAcronymShape(_ core: String) -> Bool {
        guard core.count >= 2, core.allSatisfy({ $0.isUppercase || $0.isNumber }) else { return false }
        return !core.contains(where: { "AEIOUY".contains($0) })
    }
}
