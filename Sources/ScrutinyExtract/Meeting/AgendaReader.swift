import Foundation
import ScrutinyCore

/// Finds the agenda's numbered items among a front sheet's lines.
struct AgendaReader: Sendable {
    let sheet: Sheet

    /// A number alone in its cell: "4", "4.", "7a", "7(a)", "7.1", "Item 4".
    private static let numberCell = Pattern(#"^(?:(?:agenda\s+)?item\s+(?:no\.?\s*)?)?(\d{1,2})(?:([a-z])|\s?\(([a-z]{1,3}|\d{1,2})\)|\.(\d{1,2}))?[.):]?$"#)
    /// A number and the title after it: "4. Minutes", "7a Draft budget", "Item 5 - Local Plan".
    private static let numberedText = Pattern(#"^(?:(?:agenda\s+)?item\s+(?:no\.?\s*)?)?(\d{1,2})(?:([a-z])(?![a-z'’])|\s?\(([a-z]{1,3}|\d{1,2})\)|\.(\d{1,2})(?!\d))?(?:[.):]\s*|\s+)(?:[-–—:]\s*)?(\S.*)$"#)
    /// Page numbers in a cell or a line of their own: "Pages 3 - 12", "(Pages 3 - 12)", "pp. 3-12", "Page 5", "1 - 40".
    private static let pageCell = Pattern(#"^\(?\s*(?:(pages?|pp?\.?|page\s+nos?\.?)\s*)?(\d{1,4})\s*(?:(?:-|–|—|to)\s*(\d{1,4}))?\s*\)?$"#)
    /// Page numbers closing a title: "Minutes (Pages 3 - 12)", "Minutes Pages 3 - 12".
    private static let trailingPages = Pattern(#"\s*\(?\s*\b(?:pages?|pp\.?)\s*(\d{1,4})(?:\s*(?:-|–|—|to)\s*(\d{1,4}))?\s*\)?\s*$"#)
    /// Dot leaders between a title and its page ("Minutes ........ 3").
    private static let leader = Pattern(#"\s*(?:\.{3,}|…+|_{3,})\s*"#)
    /// A planning or decision reference opening a title, words after it: "25/01234/FUL - Land at …", "2026/07 Fees and charges".
    private static let reference = Pattern(#"^\d\w*(?:/\w+)+\s*[-–—:]?\s+.*\p{L}{3,}"#)
    private static let timeWords: Set<String> = ["am", "pm", "a.m.", "p.m.", "a.m", "p.m", "noon", "midday", "hrs", "hours"]

    /// The items in printed order.
    func items() -> [ListedItem] {
        let lines = sheet.lines
        let starts = lines.indices.compactMap(start(at:))
        let chain = Self.bestChain(starts, sheet: sheet)
        var items: [ListedItem] = []
        for (position, item) in chain.enumerated() {
            let end = position + 1 < chain.count ? chain[position + 1].line : lines.count
            var item = completed(item, before: end)
            item.title = Self.finished(item.title)
            items.append(item)
        }
        return items
    }

    // MARK: Item starts

    /// The item a line starts, if it starts one.
    private func start(at index: Int) -> ListedItem? {
        let line = sheet.lines[index]
        guard let first = line.leadCells.first, TextScan.mayStart(first, withOneOf: "0123456789ia") else { return nil }
        // A number alone in its cell, the title in the next cell or on the next line.
        if let m = Self.numberCell.firstMatch(in: first), let key = Self.key(m) {
            var rest = Array(line.leadCells.dropFirst())
            var lastLine = index
            if rest.isEmpty, index + 1 < sheet.lines.count {
                let next = sheet.lines[index + 1]
                guard Self.numberCell.firstMatch(in: next.filled.first ?? "") == nil, Self.pages(inCell: next.text) == nil,
                      !MeetingVocabulary.agendaHeading.matches(next.text), !MeetingLabels.opensWithLabel(next.text) else { return nil }
                rest = next.leadCells
                lastLine = index + 1
            }
            guard let (title, pages) = title(of: rest), Self.isTitle(title, line: line.text) else { return nil }
            return ListedItem(number: Self.number(m), key: key, title: title, pages: pages, line: index, lastLine: lastLine,
                              numberInOwnCell: line.filled.count > 1)
        }
        guard let m = Self.numberedText.firstMatch(in: first), let key = Self.key(m), let head = m[5] else { return nil }
        guard let (title, pages) = title(of: [head] + line.leadCells.dropFirst()), Self.isTitle(title, line: line.text) else { return nil }
        return ListedItem(number: Self.number(m), key: key, title: title, pages: pages, line: index, lastLine: index,
                          numberInOwnCell: false)
    }

    /// The title the cells hold and the pages they give: page cells and trailing page numbers taken off.
    private func title(of cells: [String]) -> (String, ClosedRange<Int>?)? {
        var pages: ClosedRange<Int>?
        var parts: [String] = []
        for (offset, cell) in cells.enumerated() {
            if offset > 0, let range = Self.pages(inCell: cell) {
                pages = pages ?? range
                continue
            }
            // A column naming who reports ("Director of Finance") is no part of the title.
            if offset > 0, !parts.isEmpty, MeetingVocabulary.notABody.matches(cell), cell.wordCount <= 8 { continue }
            parts.append(cell)
        }
        var title = Self.leader.replacing(in: parts.joined(separator: " "), with: " ").collapsingSpaces
        if let m = Self.trailingPages.firstMatch(in: title), let range = Self.range(m[1], m[2]),
           let whole = m[0], title.count > whole.count {
            pages = pages ?? range
            title = String(title.dropLast(whole.count))
        }
        title = Self.droppingDescription(title.trimmed)
        return Self.finished(title).isEmpty ? nil : (title, pages)
    }

    /// A sentence that opens after the title on its line ("Minutes of the meeting held on 3 May 2026
    /// To confirm the minutes as a correct record."): the title without it.
    private static let describingSentence = Pattern(#"(?<=[a-z0-9)])\s+(?=(?:To|The|This|These|Members)\s+[a-z])"#,
                                                    caseSensitive: true)

    private static func droppingDescription(_ title: String) -> String {
        guard title.hasSuffix(".") else { return title }
        let parts = describingSentence.replacing(in: title, with: "\u{1F}").split(separator: "\u{1F}", maxSplits: 1)
        guard parts.count == 2, String(parts[0]).wordCount >= 2, String(parts[1]).wordCount >= 3 else { return title }
        return String(parts[0])
    }

    /// A title without the punctuation that closes its last line ("Apologies for absence." and "Review:" ⏎ "findings" aside).
    private static func finished(_ title: String) -> String {
        title.trimmingCharacters(in: CharacterSet(charactersIn: " .:;,")).trimmed
    }

    /// True when `title` reads as an item's title, not a date, a time or an address that happens to open with a number.
    private static func isTitle(_ title: String, line: String) -> Bool {
        guard let first = title.unicodeScalars.first else { return false }
        if first.properties.numericType != nil {
            // A reference before the words ("25/01234/FUL - Land at Mill Lane"), not a number's tail ("1 - 40", "7525 0514").
            guard reference.matches(title) else { return false }
        } else if !(first.properties.isAlphabetic || "\"'‘“(".unicodeScalars.contains(first)) {
            return false
        }
        let firstWord = title.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) } ?? ""
        if timeWords.contains(firstWord) || timeWords.contains(title.split(separator: " ").first.map { $0.lowercased() } ?? "") { return false }
        // "27 January 2026": a date.
        if UKDateParser.monthNumber(firstWord) != nil, firstWord.count >= 3, UKDateParser().firstDate(in: line) != nil { return false }
        // "16 High Street, Fenby FE1 1AA": an address.
        if MeetingVocabulary.postcode.matches(title), title.wordCount <= 6, !reference.matches(title) { return false }
        let words = title.lowercased().split(whereSeparator: { !$0.isLetter })
        if let last = words.last, MeetingVocabulary.streetEndings.contains(String(last)), title.wordCount <= 5 { return false }
        return true
    }

    private static func key(_ m: [String?]) -> ItemKey? {
        guard let main = m[1].flatMap(Int.init) else { return nil }
        if let letter = m[2] ?? m[3], let scalar = letter.lowercased().unicodeScalars.first, scalar.properties.isAlphabetic {
            return ItemKey(main: main, sub: Int(scalar.value) - 96)
        }
        if let digits = (m[3] ?? m[4]).flatMap(Int.init) { return ItemKey(main: main, sub: digits) }
        return ItemKey(main: main, sub: 0)
    }

    /// The number as printed without its punctuation: "7a", "7(a)", "7.1".
    private static func number(_ m: [String?]) -> String {
        let main = m[1] ?? ""
        if let letter = m[2] { return main + letter }
        if let inner = m[3] { return main + "(" + inner + ")" }
        if let decimal = m[4] { return main + "." + decimal }
        return main
    }

    /// The pages a cell or line of their own give; a bare number only as a range ("1 - 40") or in a cell.
    static func pages(inCell text: String) -> ClosedRange<Int>? {
        guard let m = pageCell.firstMatch(in: text.trimmed) else { return nil }
        // "5" alone is a page in a page column; with "Pages" or as a range it is one anywhere.
        return range(m[2], m[3]).flatMap { range in
            m[1] != nil || m[3] != nil || range.lowerBound < 1000 ? range : nil
        }
    }

    private static func range(_ low: String?, _ high: String?) -> ClosedRange<Int>? {
        guard let lo = low.flatMap(Int.init), lo >= 1 else { return nil }
        let hi = high.flatMap(Int.init) ?? lo
        return hi >= lo && hi - lo < 1000 ? lo...hi : nil
    }

    // MARK: Choosing the run

    /// The run of starts whose numbers rise that reads most like an agenda: most items, page numbers
    /// beside them, titles rather than sentences, one style.
    private static func bestChain(_ starts: [ListedItem], sheet: Sheet) -> [ListedItem] {
        var best: [ListedItem] = []
        var bestScore = 0.0
        for first in starts.indices {
            var chain = [starts[first]]
            for next in starts[(first + 1)...] where next.key > chain[chain.count - 1].key { chain.append(next) }
            let score = Self.score(chain, sheet: sheet)
            if score > bestScore + 0.001 {
                best = chain
                bestScore = score
            }
        }
        return best
    }

    private static func score(_ chain: [ListedItem], sheet: Sheet) -> Double {
        // The style most of the chain's lines share.
        var styles: [String: Int] = [:]
        func style(_ item: ListedItem) -> String {
            let line = sheet.lines[item.line]
            return "\(line.isBold)|\(line.fontSize.map { ($0 * 2).rounded() / 2 } ?? 0)"
        }
        for item in chain { styles[style(item), default: 0] += 1 }
        let common = styles.max { $0.value < $1.value }?.key
        // A run that opens just under the agenda's heading ("Agenda", "List of Contents", its table's header row).
        let opening = chain.first.map { first in
            sheet.lines[max(0, first.line - 3)..<first.line].contains { line in
                MeetingVocabulary.agendaOpening.matches(line.text) || line.filled.count >= 2
                    && line.filled.allSatisfy(MeetingVocabulary.tableHeaderCell.matches)
            }
        } ?? false
        return (opening ? 1 : 0) + chain.reduce(0.0) { total, item in
            var weight = 1.0
            if item.pages != nil { weight += 0.5 }
            if item.title.hasSuffix(".") || item.title.wordCount > 20 { weight -= 0.5 }
            if style(item) != common { weight -= 0.4 }
            return total + weight
        }
    }

    // MARK: Titles over several lines

    /// `item` with its title carried over wrapped lines before `end` and the pages a line of their own gives.
    private func completed(_ item: ListedItem, before end: Int) -> ListedItem {
        var item = item
        let lines = sheet.lines
        let numbered = lines[item.line]
        var previous = lines[item.lastLine]
        var joining = true
        var index = item.lastLine + 1
        // The last item's page numbers stand close under it, if anywhere.
        let limit = min(end, item.lastLine + 8)
        while index < limit {
            let next = lines[index]
            // "(Pages 3 - 12)" on a line of its own just under the title.
            if joining, let range = Self.pages(inCell: next.text), next.filled.count == 1,
               next.role == .tableRow || Self.saysPages(next.text) {
                if item.pages == nil { item.pages = range }
                item.lastLine = index
                index += 1
                continue
            }
            if joining, continuesTitle(numbered, previous: previous, title: item.title, next: next, ownCell: item.numberInOwnCell),
               let (more, pages) = title(of: next.filled) {
                item.title += " " + more
                if item.pages == nil { item.pages = pages }
                item.lastLine = index
                previous = next
            } else {
                // The row right under the title may close with the item's pages ("for 2027/28 Report of … | Pages 13 - 40").
                if joining, item.pages == nil, let last = next.filled.last {
                    if next.filled.count >= 2, let range = Self.pages(inCell: last) {
                        item.pages = range
                    } else if let m = Self.trailingPages.firstMatch(in: last), let range = Self.range(m[1], m[2]) {
                        item.pages = range
                    }
                }
                // Or the paragraph under it closes with them ("Recommendation: grant. (Pages 7 - 30)").
                if !joining, item.pages == nil, let m = Self.trailingPages.firstMatch(in: next.text), let range = Self.range(m[1], m[2]) {
                    item.pages = range
                }
                joining = false
                if item.pages != nil || MeetingVocabulary.agendaHeading.matches(next.text) { break }
            }
            index += 1
        }
        return item
    }

    /// True when a line of its own is page numbers, not a page's footer ("Page 3"): a range, or in brackets.
    private static func saysPages(_ text: String) -> Bool {
        text.hasPrefix("(") || text.lowercased().hasPrefix("pages") || text.contains("-") || text.contains("–")
    }

    /// True when `next` carries on the title of the item numbered on `numbered` (its last title line `previous`):
    /// not a new item, heading or label, in the title's style, and not a sentence describing the item.
    private func continuesTitle(_ numbered: SheetLine, previous: SheetLine, title: String, next: SheetLine, ownCell: Bool) -> Bool {
        let text = next.text
        guard let first = text.unicodeScalars.first, title.wordCount + text.wordCount <= 30,
              AgendaReader.numberedText.firstMatch(in: next.filled.first ?? "") == nil,
              AgendaReader.numberCell.firstMatch(in: next.filled.first ?? "") == nil,
              !MeetingVocabulary.agendaHeading.matches(text), !MeetingLabels.opensWithLabel(text),
              !next.filled.allSatisfy(MeetingVocabulary.tableHeaderCell.matches), !text.includes("@") else { return false }
        // A row that fills the number column, or a line back at the number's margin, is no wrapped title.
        if ownCell, next.role == .tableRow, let cell = next.cells.first, !cell.isEmpty { return false }
        if !ownCell, next.role != .tableRow || next.cells.first?.isEmpty == false, let nx = next.x, let ix = numbered.x,
           nx <= ix + 1 { return false }
        if text.hasSuffix(":") || (text.hasSuffix(".") && text.wordCount > 3) { return false }
        // A lettered sub-point ("(a) Land at Mill Lane") is no part of the title above it.
        if ListMarker.split(text)?.number != nil { return false }
        if sheet.isStyled {
            guard sheet.sameStyle(previous, next) else { return false }
            // A title set apart from the body (bold, larger) carries on in its own style.
            if numbered.isBold || (numbered.fontSize ?? 0) > (sheet.bodySize ?? .infinity) { return true }
        }
        // In the body's style a wrapped title and the paragraph under it look alike: only a line that
        // cannot open a sentence, or a title left hanging on a small word, carries on.
        if first.properties.isLowercase || first.properties.numericType != nil || "(&-–".unicodeScalars.contains(first) { return true }
        if let last = title.split(separator: " ").last?.lowercased(), MeetingVocabulary.joiningWords.contains(last) { return true }
        // Unstyled, a short line that cannot open a sentence of its own ("Constitution", not "To").
        let opening = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return !sheet.isStyled && text.wordCount <= 3 && !MeetingVocabulary.joiningWords.contains(opening) && !text.hasSuffix(".")
    }
}
