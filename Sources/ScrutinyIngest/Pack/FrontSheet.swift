import Foundation
import ScrutinyCore

/// One item an agenda front sheet lists: its number and title ("5. Ferry Fares Review").
struct ListedItem: Sendable, Hashable {
    var number: String
    var title: String
    /// The title's words that say what it is about (no "the", "of").
    var contentWords: [String]
    /// True for items that have no papers of their own: apologies, declarations, urgent business.
    var isProcedural: Bool

    init(number: String, title: String) {
        self.number = number
        self.title = title
        let words = PackText.words(title)
        contentWords = words.filter { !PackVocabulary.stopWords.contains($0) }
        let opening = words.prefix(4).joined(separator: " ")
        isProcedural = PackVocabulary.proceduralItems.contains { opening == $0 || opening.hasPrefix($0 + " ") }
    }
}

/// The agenda at the front of a pack: a notice of the meeting on the first page or pages, with
/// the word Agenda as a heading (or a summons), then the meeting's details, its numbered list of
/// items, its members and contact. Only after a front sheet may a pack's unstamped items be told
/// apart: a report's own first page never looks like this.
struct FrontSheet: Sendable, Hashable {
    /// The 0-based index of the front sheet's last page.
    var lastPage: Int
    /// The items it lists, in order.
    var items: [ListedItem]
    /// What showed it, for evidence: "an 'Agenda' heading, a list of 8 numbered items".
    var evidence: String

    /// How many pages a front sheet may run over.
    static let maximumPages = 3
    /// How many lines of a page are read for its headings and list.
    static let readLines = 80
    /// Longest line taken for a heading naming the agenda, in words.
    static let headingWords = 8
    /// Longest title a listed item may have, in words: a longer numbered line is a paragraph.
    static let titleWords = 30

    /// The front sheet of `document`, `nil` when its first page is no agenda.
    static func find(in document: SourceDocument) -> FrontSheet? {
        guard let first = document.pages.first else { return nil }
        let page = FrontSheetPage(first)
        guard page.isFirstPage else { return nil }
        var items = page.items
        var last = 0
        // Its second and third pages: the list running on, or notes for the public, and no paper starting.
        for index in 1..<min(maximumPages, document.pages.count) {
            let next = FrontSheetPage(document.pages[index], after: items)
            let followedByPaper = index + 1 < document.pages.count && FrontSheetPage(document.pages[index + 1]).opensPaper
            guard next.continuesFrontSheet || (next.mayContinueFrontSheet && followedByPaper) else { break }
            items += next.items.filter { item in !items.contains { $0.number == item.number } }
            last = index
        }
        return FrontSheet(lastPage: last, items: items, evidence: page.evidence)
    }
}

/// What one page shows of a front sheet.
struct FrontSheetPage {
    let page: SourcePage
    let lines: [SourceLine]
    let words: [String]
    /// The numbered items listed on the page.
    var items: [ListedItem] = []
    var hasAgendaHeading = false
    var hasNotice = false
    var hasDetails = false
    var hasMembership = false

    init(_ page: SourcePage, after earlier: [ListedItem] = []) {
        self.page = page
        lines = Array(page.lines.filter { PackText.isPrinted($0.text) }.prefix(FrontSheet.readLines))
        words = lines.flatMap { PackText.words($0.text) }
        let text = " " + words.joined(separator: " ") + " "
        hasAgendaHeading = lines.contains(where: Self.namesAgenda)
        hasNotice = PackVocabulary.noticePhrases.contains { text.contains(" \($0) ") }
        hasDetails = Self.detailCount(in: lines) >= 2
        let councillors = words.filter { $0 == "councillor" || $0 == "cllr" || $0 == "councillors" }.count
        hasMembership = councillors >= 2 || PackVocabulary.membershipWords.contains { text.contains(" \($0) ") }
        items = Self.listedItems(in: lines, after: earlier)
        let next = (earlier.last.flatMap { Int($0.number.prefix { $0.isNumber }) } ?? 0) + 1
        let opening = Self.listedItems(in: Array(lines.prefix(Self.listRunsOnLines)), after: earlier)
        listRunsOn = opening.first.map { Int($0.number.prefix { $0.isNumber }) == next } ?? false
    }

    /// How many lines from a page's top the list must carry on within, to run on from the page before.
    static let listRunsOnLines = 6

    /// The first page of a front sheet: an agenda heading or a notice, and a list of items or the
    /// meeting's details and members; or, without those words, the meeting's details and members
    /// with a list of business holding its procedural items (apologies, declarations). Never a page that
    /// opens minutes or carries an item stamp.
    var isFirstPage: Bool {
        // A contents table's "Item No. | Title | Page No." is no report's cover: only a stamp or minutes rule a page out.
        guard ItemStamp.number(on: page) == nil, !PackText.opensMinutes(page, lines: 4) else { return false }
        let procedural = items.filter(\.isProcedural).count
        if hasAgendaHeading || hasNotice {
            let listed = items.count >= 3 || (items.count >= 2 && procedural > 0)
            return listed || (hasDetails && hasMembership)
        }
        return hasDetails && hasMembership && items.count >= 3 && procedural >= 2
    }

    /// Whether the page's first lines carry on the earlier pages' list with its next number.
    var listRunsOn = false

    /// A second or third page of a front sheet: the list runs on from its top, or an agenda
    /// heading or notes for the public stand on it, and nothing on it starts a paper.
    var continuesFrontSheet: Bool {
        guard !opensPaper else { return false }
        if listRunsOn || hasAgendaHeading { return true }
        let text = " " + words.joined(separator: " ") + " "
        return PackVocabulary.frontSheetNotes.filter { text.contains(" \($0) ") }.count >= 2
    }

    /// A page with one note for the public and no page number: the front sheet's, when a paper starts after it.
    var mayContinueFrontSheet: Bool {
        guard !opensPaper, PrintedPageNumber.numbers(on: page).isEmpty else { return false }
        let text = " " + words.joined(separator: " ") + " "
        return PackVocabulary.frontSheetNotes.contains { text.contains(" \($0) ") }
    }

    /// Whether the page starts a paper: a stamp, a report's cover, the opening of minutes.
    var opensPaper: Bool {
        ItemStamp.number(on: page) != nil || CoverBlock.find(on: page) != nil || PackText.opensMinutes(page, lines: 4)
    }

    /// What showed the page to be a front sheet.
    var evidence: String {
        var parts: [String] = []
        if hasAgendaHeading { parts.append("an agenda heading") }
        if hasNotice { parts.append("a notice of meeting") }
        if !items.isEmpty { parts.append("\(items.count) numbered items listed") }
        if hasDetails { parts.append("the meeting's date, time and place") }
        if hasMembership { parts.append("its members or contact") }
        return parts.joined(separator: ", ")
    }

    /// A short line naming the agenda ("Agenda", "Open Agenda", "Supplemental Agenda No. 1",
    /// "Summons"), not a stamp ("Agenda Item 4").
    private static func namesAgenda(_ line: SourceLine) -> Bool {
        line.cells.contains { cell in
            let words = PackText.words(cell)
            guard !words.isEmpty, words.count <= FrontSheet.headingWords else { return false }
            if let at = words.firstIndex(of: "agenda"), at + 1 < words.count, words[at + 1] == "item" { return false }
            return PackVocabulary.agendaHeadings.contains { PackText.contains(words, phrase: $0.split(separator: " ").map(String.init)) }
        }
    }

    /// How many of the meeting's details the page labels or prints: a date, a time, a place.
    private static func detailCount(in lines: [SourceLine]) -> Int {
        var found: Set<String> = []
        for line in lines {
            for label in CoverBlock.labels(in: line) where PackVocabulary.meetingDetailLabels.contains(label) { found.insert(label) }
            let text = line.text.lowercased()
            if text.range(of: #"\b\d{1,2}([.:]\d{2})?\s?(am|pm|a\.m\.|p\.m\.)"#, options: .regularExpression) != nil
                || text.range(of: #"\b\d{1,2}[.:]\d{2}\b"#, options: .regularExpression) != nil { found.insert("time") }
            let words = PackText.words(text)
            if words.contains(where: PackVocabulary.monthNames.contains), words.contains(where: { $0.count == 4 && Int($0) != nil }) {
                found.insert("date")
            }
        }
        return found.count
    }

    /// The numbered items listed: lines or rows opening with an item number ("5.", "5", "7a)")
    /// then a title, in rising order, following any listed on earlier pages.
    private static func listedItems(in lines: [SourceLine], after earlier: [ListedItem]) -> [ListedItem] {
        var items: [ListedItem] = []
        var lastNumber = earlier.last.flatMap { Int($0.number.prefix { $0.isNumber }) } ?? 0
        for line in lines {
            for cells in pieces(of: line, after: lastNumber) {
                guard let (number, title) = numberedTitle(cells) else { continue }
                let value = Int(number.prefix { $0.isNumber }) ?? 0
                guard value >= lastNumber, value <= lastNumber + 20,
                      !(value == lastNumber && !number.contains(where: \.isLetter)) else { continue }
                lastNumber = value
                items.append(ListedItem(number: number, title: title))
            }
        }
        return items
    }

    /// A line's cells, or for a line of text the items run together on it ("5. Precept 6. Grants"),
    /// cut where the next number after `last` stands.
    private static func pieces(of line: SourceLine, after last: Int) -> [[String]] {
        guard line.cells.count == 1 else { return [line.cells] }
        let text = line.text
        var pieces: [String] = []
        var rest = Substring(text)
        var expected = last + 1
        // Skip to the line's own first number, then cut before each next one.
        if let first = text.range(of: #"^\s*(\d{1,2})[a-z]?[.)]"#, options: .regularExpression),
           let value = Int(text[first].filter(\.isNumber)) {
            expected = value + 1
        } else {
            return [[text]]
        }
        while let cut = rest.range(of: "\\s\(expected)[.)]\\s+(?=\\p{Lu})", options: .regularExpression) {
            pieces.append(String(rest[..<cut.lowerBound]))
            rest = rest[rest.index(after: cut.lowerBound)...]
            expected += 1
        }
        pieces.append(String(rest))
        return pieces.map { [$0] }
    }

    /// "5. Ferry Fares Review", "5 | Ferry Fares Review | 3 - 10", "7a) Harbour dues", "Item 5: Ferry fares".
    private static func numberedTitle(_ cells: [String]) -> (String, String)? {
        var cells = cells.map { PackText.firstParagraph($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = cells.first else { return nil }
        // Page references in a contents table ("1 - 11", "Pages 3 - 10") are no part of a title.
        cells = [first] + cells.dropFirst().filter { cell in
            cell.range(of: #"^(pages?\s*)?\d+(\s*[-–]\s*\d+)?$"#, options: [.regularExpression, .caseInsensitive]) == nil
        }
        var number: String
        var title: String
        if let match = first.range(of: #"^(item\s+)?(\d{1,2}[a-z]?)[.):]?(\s+|$)"#, options: [.regularExpression, .caseInsensitive]) {
            number = String(first[match]).lowercased().replacingOccurrences(of: "item", with: "")
                .trimmingCharacters(in: CharacterSet(charactersIn: ".):").union(.whitespaces))
            title = ([String(first[match.upperBound...])] + cells.dropFirst()).joined(separator: " ")
        } else {
            return nil
        }
        title = title.replacingOccurrences(of: #"\(\s*pages?\s*\d+(\s*[-–]\s*\d+)?\s*\)"#, with: "", options: [.regularExpression, .caseInsensitive])
        title = PackText.normalizedKeepingCase(title)
        let words = PackText.words(title)
        guard let firstCharacter = title.first, firstCharacter.isLetter, firstCharacter.isUppercase,
              !words.isEmpty, words.count <= FrontSheet.titleWords else { return nil }
        number = number.lowercased()
        return (number, title)
    }
}
