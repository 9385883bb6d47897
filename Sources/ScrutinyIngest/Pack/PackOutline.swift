import Foundation
import ScrutinyCore

/// An agenda pack's bookmarks read as its items: ModernGov gives a pack one top-level bookmark
/// for the agenda, then one per item ("4 Minutes", "5 Menopause"), then one for blank pages and
/// the distribution list. A single report's bookmarks are its section headings and say nothing
/// of items, so the outline counts only when its first bookmark covers the front sheet (it opens
/// page 1 and names the agenda, or page 1 is a front sheet) and its next one opens the first page
/// after the front sheet.
struct PackOutline: Sendable, Hashable {
    /// One item's bookmark.
    struct Entry: Sendable, Hashable {
        /// The 0-based index of the item's first page, and of its last (before the next bookmark).
        var page: Int
        var lastPage: Int
        var title: String
        /// The leading item number of the title ("5" of "5 Menopause"), `nil` where it has none.
        var number: String?
    }

    var items: [Entry]

    /// The item bookmarks of `document`, `nil` when its outline is no pack's.
    static func read(_ document: SourceDocument, frontSheet: FrontSheet?) -> PackOutline? {
        let count = document.pages.count
        let top = document.outline.compactMap { entry -> (page: Int, title: String)? in
            guard entry.depth == 0, let page = entry.page, page >= 1, page <= count else { return nil }
            return (page - 1, entry.title)
        }
        guard let first = top.first, first.page == 0, top.count >= 2 else { return nil }
        guard namesFrontSheet(first.title) || frontSheet != nil else { return nil }
        // Bookmarks must run forward through the file.
        guard zip(top, top.dropFirst()).allSatisfy({ $0.page <= $1.page }) else { return nil }
        let frontEnd = frontSheet?.lastPage ?? 0
        let later = top.dropFirst().filter { $0.page > frontEnd }
        let itemEntries = later.filter { !isSeparator($0.title) }
        // An appendix bookmarked at the top level belongs to a report: the outline is that report's.
        guard let firstItem = itemEntries.first, !itemEntries.contains(where: { isAppendix($0.title) }) else { return nil }
        // The first item opens the first printed page after the front sheet.
        let firstPrinted = (frontEnd + 1..<count).first { !PackText.isBlank(document.pages[$0]) } ?? frontEnd + 1
        if frontSheet != nil, firstItem.page != firstPrinted { return nil }
        var items: [Entry] = []
        for entry in itemEntries {
            if items.last?.page == entry.page { continue }
            let next = later.first { $0.page > entry.page }?.page ?? count
            items.append(Entry(page: entry.page, lastPage: next - 1, title: entry.title, number: itemNumber(entry.title)))
        }
        return PackOutline(items: items)
    }

    /// A first bookmark that names the agenda ("Agenda", "Front sheet", "Summons"), not one item
    /// of it ("Agenda Item 6: Library Opening Hours").
    static func namesFrontSheet(_ title: String) -> Bool {
        let words = PackText.words(title)
        if let at = words.firstIndex(of: "agenda"), at + 1 < words.count, words[at + 1] == "item" { return false }
        return words.contains("agenda") || words.contains("summons") || PackText.contains(words, phrase: ["front", "sheet"])
            || PackText.contains(words, phrase: ["notice", "of", "meeting"])
    }

    /// A bookmark for pages that belong to no item: untitled, "Blank", the distribution list.
    static func isSeparator(_ title: String) -> Bool {
        let words = PackText.words(title)
        let text = words.joined(separator: " ")
        return words.isEmpty || text == "blank" || text.contains(PackVocabulary.blankPageWords)
            || PackVocabulary.closingPages.contains { text.contains($0) }
    }

    /// A bookmark for an appendix ("Appendix A: Proposed opening hours").
    static func isAppendix(_ title: String) -> Bool {
        PackText.words(title).first.map(PackVocabulary.appendixWords.contains) ?? false
    }

    /// The item number a bookmark opens with: "5" of "5 Menopause", `nil` for "5 September 2016".
    static func itemNumber(_ title: String) -> String? {
        let words = PackText.normalized(title).split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        let number = words[0].trimmingCharacters(in: CharacterSet(charactersIn: ".):"))
        guard let firstCharacter = number.first, firstCharacter.isNumber, number.count <= 3,
              number.allSatisfy({ $0.isNumber || $0.isLetter }),
              !PackVocabulary.monthNames.contains(PackText.words(words[1]).first ?? "") else { return nil }
        return number
    }
}
