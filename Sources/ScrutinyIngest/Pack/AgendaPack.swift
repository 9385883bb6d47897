import Foundation
import ScrutinyCore

/// Finds the papers of an agenda pack: the front sheet (the agenda), then each item's pages.
///
/// ModernGov and CMIS stamp "Agenda Item N" at the top of each item's first page; the pages
/// before the first stamp are the front sheet, and blank pages and the distribution list at the
/// end belong to no item. A file is a pack only on positive evidence: a stamped item after a
/// front sheet, or two stamped items. A single report (stamped or not) gives no items and is
/// read whole.
public struct AgendaPack: Sendable {
    /// How far down a page, in lines, a stamp may stand (a page number or a banner may come first).
    static let stampLines = 4
    /// Headings of pages that close a pack and belong to no item.
    static let closingPages = ["distribution list", "circulation list"]
    /// Openings of an item that is the minutes of an earlier meeting.
    static let minutesOpenings = ["minutes of", "minutes"]

    public init() {}

    /// The items of `document`, or `[]` when it is no pack.
    public func items(of document: SourceDocument) -> [PackItem] {
        guard document.format == .pdf, document.pages.count >= 2 else { return [] }
        var starts: [(page: Int, number: String)] = []
        for (index, page) in document.pages.enumerated() {
            guard let number = Self.stamp(on: page) else { continue }
            // A stamp repeated on an item's later pages is the same item.
            if starts.last?.number == number { continue }
            starts.append((index, number))
        }
        guard let first = starts.first, first.page > 0 || starts.count >= 2 else { return [] }
        // The pack's end: trailing blank pages and closing lists belong to no item.
        var end = document.pages.count
        while end > first.page + 1, Self.isClosing(document.pages[end - 1]) { end -= 1 }
        var items: [PackItem] = []
        for (position, start) in starts.enumerated() {
            var last = position + 1 < starts.count ? starts[position + 1].page : end
            // Blank pages between items end neither.
            while last - 1 > start.page, Self.isBlank(document.pages[last - 1]) { last -= 1 }
            let page = document.pages[start.page]
            items.append(PackItem(index: position + 1, firstPage: page.number, lastPage: document.pages[last - 1].number,
                                  agendaItem: start.number, kind: Self.kind(of: page),
                                  evidence: "'Agenda Item \(start.number)' stamped at the top of page \(page.number)"))
        }
        return items
    }

    /// The item number stamped at the top of `page` ("Agenda Item 5"), letter-spaced or in a
    /// table cell beside a banner ("Open Agenda | Agenda Item 4") or over two lines.
    static func stamp(on page: SourcePage) -> String? {
        let top = page.lines.prefix(stampLines + 4).filter { !$0.text.allSatisfy(\.isWhitespace) }.prefix(stampLines)
        var texts: [String] = []
        for line in top { texts += line.cells.map(Self.closingLetterSpacing) }
        // "A g e n d a" and "I t e m 5" on lines of their own.
        for index in texts.indices.dropLast() { texts.append(texts[index] + " " + texts[index + 1]) }
        for text in texts {
            if let number = itemNumber(in: text) { return number }
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

    /// Words of a page left blank on purpose, between or after items.
    static let blankPageWords = "intentionally left blank"

    /// A page with nothing printed, or only a note that it was left blank (a page number and a
    /// running footer make a page an item's own).
    private static func isBlank(_ page: SourcePage) -> Bool {
        let printed = page.lines.filter { line in line.text.contains { $0.isLetter || $0.isNumber } }
        return printed.isEmpty || (printed.count <= 3 && printed.contains { $0.text.lowercased().contains(blankPageWords) })
    }

    /// A blank page, or one whose first lines name it a distribution list.
    private static func isClosing(_ page: SourcePage) -> Bool {
        if isBlank(page) { return true }
        let top = page.lines.prefix(4).map { $0.text.lowercased() }
        return top.contains { text in closingPages.contains { text.contains($0) } }
    }

    private static func kind(of page: SourcePage) -> PackItemKind {
        let opening = page.lines.prefix(stampLines + 3).map { $0.text.lowercased() }
        return opening.contains { text in minutesOpenings.contains { text.hasPrefix($0 + " ") || text == $0 } } ? .minutes : .report
    }
}
