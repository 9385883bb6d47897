import Foundation
import ScrutinyCore

/// The "Agenda Item N" stamp ModernGov and CMIS print at the top of each item's first page (and
/// often of its later pages too): in a banner cell ("Open Agenda | Agenda Item 4"), letter-spaced
/// ("A g e n d a  I t e m  5") or over two lines.
enum ItemStamp {
    /// How far down a page, in lines, a stamp may stand (a page number or a banner may come first).
    static let stampLines = 4
    /// The longest line, in bytes, that may hold a stamp ("Open Agenda | Agenda Item 12a").
    static let longestLine = 80

    /// The item number stamped at the top of `page` ("5", "7a"), `nil` where none is.
    static func number(on page: SourcePage) -> String? {
        let top = page.lines.prefix(stampLines + 4).filter { !$0.text.allSatisfy(\.isWhitespace) }.prefix(stampLines)
        // No "item" in the page's top lines, no stamp: most pages stop here.
        guard top.contains(where: { PackText.mentions($0.text, anyOf: Self.itemWords) }) else { return nil }
        var texts: [String] = []
        for line in top { texts += line.cells.map(Self.closingLetterSpacing) }
        // "A g e n d a" and "I t e m 5" on lines of their own.
        for index in texts.indices.dropLast() { texts.append(texts[index] + " " + texts[index + 1]) }
        for text in texts {
            if let number = itemNumber(in: text) { return number }
        }
        return nil
    }

    /// The item number of one line that is a stamp (a cell of it reads "Agenda Item N").
    /// "item", as printed or letter-spaced: a line without it is no stamp.
    static let itemWords: [[UInt8]] = ["item", "i t e m"].map { Array($0.utf8) }

    static func number(in line: SourceLine) -> String? {
        // A stamp is short; the test is cheap enough for every line of a page.
        guard line.text.utf8.count <= longestLine, PackText.mentions(line.text, anyOf: Self.itemWords) else { return nil }
        for cell in line.cells {
            if let number = itemNumber(in: closingLetterSpacing(cell)) { return number }
        }
        return nil
    }

    /// The number in a cell that is only "Agenda Item N" (a banner word like "Open Agenda" may stand before it).
    private static func itemNumber(in text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let at = words.lastIndex(of: "item"), at >= 1, words[at - 1] == "agenda", at + 2 == words.count else { return nil }
        let number = words[at + 1].trimmingCharacters(in: .init(charactersIn: ".:"))
        guard let firstCharacter = number.first, firstCharacter.isNumber, number.count <= 4,
              number.allSatisfy({ $0.isNumber || $0.isLetter }) else { return nil }
        // Only a banner may come before the stamp: "Open Agenda Agenda Item 4", not a sentence.
        guard at - 1 <= 2 else { return nil }
        return number
    }

    /// "A g e n d a  I t e m  5" as "Agenda Item 5": single letters spaced out are one word.
    static func closingLetterSpacing(_ text: String) -> String {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts.filter({ $0.count == 1 }).count * 4 >= parts.count * 3 else { return text }
        var words: [String] = []
        var current = ""
        for part in parts {
            if part.isEmpty {
                if !current.isEmpty { words.append(current); current = "" }
            } else if part.count == 1 {
                current += part
            } else {
                if !current.isEmpty { words.append(current); current = "" }
                words.append(String(part))
            }
        }
        if !current.isEmpty { words.append(current) }
        // Without double spaces between words, a capital starts the next one ("AgendaItem5").
        return words.flatMap(Self.splittingAtCapitals).joined(separator: " ")
    }

    private static func splittingAtCapitals(_ word: String) -> [String] {
        var out: [String] = []
        var current = ""
        for character in word {
            if !current.isEmpty, character.isUppercase || (character.isNumber && !(current.last?.isNumber ?? false)) {
                out.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
