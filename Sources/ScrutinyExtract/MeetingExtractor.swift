import Foundation
import ScrutinyCore

/// What an agenda pack's front sheet says: the meeting, the agenda with the pages it gives for each
/// item, and what had to be inferred.
public struct FrontSheet: Sendable, Hashable {
    /// One item of the agenda as the front sheet lists it.
    public struct Item: Sendable, Hashable {
        /// As printed without its punctuation: "5", "7a", "7(a)", "7.1".
        public var number: String?
        /// The item's title, joined across wrapped lines, without its page numbers or the paragraph under it.
        public var title: String
        /// The pack's printed page numbers the agenda gives ("Pages 3 - 12", "1 - 40"); `nil` where it gives none.
        public var pages: ClosedRange<Int>?

        public init(number: String?, title: String, pages: ClosedRange<Int>? = nil) {
            self.number = number
            self.title = title
            self.pages = pages
        }

        /// The item as the report model's agenda holds it.
        public var entry: AgendaEntry { AgendaEntry(number: number, title: title) }
    }

    /// The meeting, its agenda the ``items``' entries.
    public var meeting: Meeting
    public var items: [Item]
    /// What was inferred rather than printed as a value ("council inferred from e-mail domain fenby.gov.uk").
    public var warnings: [String]

    public init(meeting: Meeting, items: [Item], warnings: [String] = []) {
        self.meeting = meeting
        self.items = items
        self.warnings = warnings
    }
}

/// Reads the meeting an agenda pack is for from its front sheet: the council, the meeting's body,
/// its date, time and venue, and the agenda's numbered items.
///
/// Front sheets come in a few shapes, all read by the same rules:
/// - labels as data (``MeetingLabels``): "Meeting: Cabinet", "Date: Tuesday 27 January 2026",
///   "Time: 7.00 pm", "Venue: Town Hall", in one line, in table cells, above their values or as a
///   row of labels over a row of values;
/// - a display block: the body's name in large or bold type ("Open Agenda" and "Supplemental
///   Agenda No. 1" around it dropped), the date, the time and the venue on the lines below;
/// - a summons: "A meeting of the Planning Committee will be held in the Council Chamber on
///   Wednesday 3 June 2026 at 6.30 pm".
///
/// The agenda is the longest run of numbered lines whose numbers rise ("4", "5", "7", "7a", "8":
/// a supplementary pack lists only some items), each title without its page numbers, carried over
/// wrapped lines in the title's own style and never into the paragraph that describes the item.
///
/// ```swift
/// let items = AgendaPack().items(of: document)
/// let front = document.pages.prefix { $0.number < (items.first?.firstPage ?? 1) }
/// let meeting = MeetingExtractor().meeting(from: Array(front))
/// ```
public struct MeetingExtractor: Sendable {
    public init() {}

    /// The meeting the front sheet's pages describe; a value it does not print is `nil`.
    public func meeting(from frontSheet: [SourcePage]) -> Meeting {
        self.frontSheet(from: frontSheet).meeting
    }

    /// The meeting, the agenda with each item's pages, and the warnings.
    public func frontSheet(from frontSheet: [SourcePage]) -> FrontSheet {
        let sheet = Sheet(pages: frontSheet)
        let agenda = AgendaReader(sheet: sheet).items()
        let headerEnd = agenda.first?.line ?? sheet.lines.count
        let agendaEnd = agenda.last.map { $0.lastLine + 1 } ?? headerEnd
        let details = DetailsReader(sheet: sheet, zone: Array(0..<headerEnd),
                                    rest: Array(agendaEnd..<sheet.lines.count)).details()

        var warnings: [String] = []
        let outlined = sheet.lines.map(\.outlined)
        let council = CouncilFinder().council(front: Array(outlined.prefix(max(headerEnd, 1))), all: outlined,
                                              labelled: details.council, furniture: sheet.furniture, warnings: &warnings)
        warnings.removeAll { $0 == "council not found" }
        // Acronyms from the lines before the agenda only: a title in capitals below adds none to the body's name.
        let caser = AcronymAwareCaser(lines: Array(outlined.prefix(headerEnd)))
        let items = agenda.map { FrontSheet.Item(number: $0.number, title: $0.title, pages: $0.pages) }
        let meeting = Meeting(council: council, committee: details.committee.map(caser.titleCaseIfAllCaps),
                              meetingDate: details.date, time: details.time, venue: details.venue,
                              agenda: items.map(\.entry))
        return FrontSheet(meeting: meeting, items: items, warnings: warnings)
    }
}

// MARK: - The sheet's lines

/// A front-sheet line as the readers use it: trimmed cells and its style.
struct SheetLine: Sendable {
    let page: Int
    let number: Int
    /// Every cell, trimmed, in-cell breaks made spaces; one cell for a line that is no table row.
    let cells: [String]
    /// The cells that hold text.
    let filled: [String]
    /// The filled cells joined by a space.
    let text: String
    /// The filled cells as an item's title reads them: after a cell that breaks into paragraphs (a title
    /// over its description, in one cell) only that cell's first paragraph and the page cells after it.
    let leadCells: [String]
    let role: LineRole
    let isBold: Bool
    let fontSize: Double?
    let headingLevel: Int?
    /// Left edge on the page, where known (PDF).
    let x: Double?

    init(page: Int, line: SourceLine) {
        self.page = page
        number = line.number
        let raw = line.role == .tableRow ? line.cells : [line.text]
        cells = raw.map { InlineMarkup.clean($0).newlinesAsSpaces.collapsingSpaces }
        filled = cells.filter { !$0.isEmpty }
        text = filled.joined(separator: " ")
        var lead: [String] = []
        var broken = false
        for cell in raw {
            let paragraphs = InlineMarkup.paragraphs(of: cell)
            guard let first = paragraphs.first else { continue }
            if broken {
                if AgendaReader.pages(inCell: first) != nil { lead.append(first) }
                continue
            }
            lead.append(Self.titleParagraph(paragraphs))
            broken = paragraphs.count > 1
        }
        leadCells = lead
        role = line.role
        isBold = line.isBold
        fontSize = line.fontSize
        headingLevel = line.headingLevel
        x = line.box?.x
    }

    /// The paragraph of a cell that is a title: the first, unless it is a sentence (the paragraph under
    /// the item above, read into this row) and a later one is not.
    private static func titleParagraph(_ paragraphs: [String]) -> String {
        let first = paragraphs[0]
        guard paragraphs.count > 1, first.hasSuffix("."), first.wordCount > 3 else { return first }
        return paragraphs.dropFirst().first { !$0.hasSuffix(".") && $0.first?.isUppercase == true } ?? first
    }

    /// The line as the other extractors read it.
    var outlined: OutlinedLine {
        let isTable = role == .tableRow && filled.count >= 2
        var line = OutlinedLine(page: page, lineNumber: number, text: isTable ? cells.joined(separator: "\t") : text,
                                cells: isTable ? cells : [text], role: isTable ? .tableRow : (role == .tableRow ? .body : role),
                                isBold: isBold, fontSize: fontSize, headingLevel: headingLevel)
        line.isHeading = HeadingRule.isHeading(line.text, role: line.role, isBold: isBold)
        return line
    }
}

/// The front sheet's lines, without running headers and footers, and what its type looks like.
struct Sheet: Sendable {
    let lines: [SheetLine]
    /// The running headers' and footers' text (a letterhead may stand there).
    let furniture: [String]
    /// The most common font size, where the reader gives sizes.
    let bodySize: Double?
    /// True when the reader gives styles (sizes or bold): a PDF, not a plain text file.
    let isStyled: Bool

    init(pages: [SourcePage]) {
        var lines: [SheetLine] = []
        var furniture: [String] = []
        for page in pages {
            for line in page.lines {
                if line.isFurniture {
                    furniture.append(line.text)
                    continue
                }
                let sheetLine = SheetLine(page: page.number, line: line)
                if !sheetLine.text.isEmpty { lines.append(sheetLine) }
            }
        }
        self.lines = lines
        self.furniture = furniture
        var counts: [Double: Int] = [:]
        for line in lines { if let size = line.fontSize { counts[(size * 2).rounded() / 2, default: 0] += line.text.count } }
        bodySize = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        isStyled = !counts.isEmpty || lines.contains(where: \.isBold)
    }

    /// True when `line` stands out from the body: a heading, bold, larger than the body, or in capitals;
    /// on a sheet without styles (plain text), a short line that reads as a heading.
    func isDisplay(_ line: SheetLine) -> Bool {
        if line.role == .heading || line.isBold || TitleCaser.isAllCaps(line.text) { return true }
        if !isStyled { return HeadingRule.isHeading(line.text, role: line.role == .tableRow ? .body : line.role, isBold: false) }
        if let size = line.fontSize, let body = bodySize { return size >= body + 1.5 }
        return false
    }

    /// True when two lines are set in one style: bold alike, sizes within three quarters of a point.
    func sameStyle(_ a: SheetLine, _ b: SheetLine) -> Bool {
        guard a.isBold == b.isBold else { return false }
        if let sa = a.fontSize, let sb = b.fontSize { return abs(sa - sb) <= 0.75 }
        return true
    }
}

// MARK: - The agenda

/// A numbered item of the agenda and the lines it took.
struct ListedItem: Sendable {
    var number: String
    var key: ItemKey
    var title: String
    var pages: ClosedRange<Int>?
    /// Index of the numbered line.
    var line: Int
    /// Index of the last line the item's title (or its page numbers) took.
    var lastLine: Int
    /// True when the number stands in a table cell of its own.
    var numberInOwnCell: Bool
}

/// How items' numbers sort: "7" < "7a" < "7b" < "8"; "7.1" and "7(a)" after "7".
struct ItemKey: Comparable, Sendable {
    var main: Int
    var sub: Int

    static func < (a: ItemKey, b: ItemKey) -> Bool { (a.main, a.sub) < (b.main, b.sub) }
}

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
    func start(at index: Int) -> ListedItem? {
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
    static func finished(_ title: String) -> String {
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
    static func bestChain(_ starts: [ListedItem], sheet: Sheet) -> [ListedItem] {
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

// MARK: - The meeting's details

/// A labelled value and the line it was read from.
struct LabelledValue: Sendable {
    let field: MeetingField
    let value: String
    let line: Int
}

/// The council label's value, the body, date, time and venue, as ``DetailsReader`` reads them.
struct MeetingDetails: Sendable {
    var council: String?
    var committee: String?
    var date: String?
    var time: String?
    var venue: String?
}

/// Reads the meeting's details from the lines before the agenda (`zone`), and, for a time or venue
/// those lack, from labels after it (`rest`); never from the agenda's own items. A running header
/// naming the meeting is the last resort for the body and the date.
struct DetailsReader: Sendable {
    let sheet: Sheet
    let zone: [Int]
    let rest: [Int]

    private static let dayName = #"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?"#
    /// A printed date, for where it ends: "Tuesday, 27th January, 2026", "January 27 2026", "27/01/2026".
    private static let printedDate = Pattern(#"(?:"# + dayName + #")?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]+\.?,?\s+\d{4}|(?:"# + dayName + #")?[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"#)
    private static let leadIn = Pattern(#"^(?:[\s,;:\-–—]|\bat\b|\bin\b|\bvenue\b|\bplace\b|\blocation\b|\bprompt(?:ly)?\b|\bsharp\b|\bstart(?:ing)?\b)*"#)
    private static let theArticle = Pattern(#"^the\s+"#, caseSensitive: true)
    private static let atLeadIn = Pattern(#"^\s*(?:at|from|starting\s+at|commencing\s+at)\s+"#)
    private static let heldAt = Pattern(#"\b(?:held|meet|place)\s+(?:at|in)\s+(.+?)(?=,?\s+on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)|,?\s+at\s+\d|,?\s+(?:commencing|starting|beginning)\b|,?\s+(?:to|for)\s+(?:consider|transact|the\s+purpose)\b|[.;]\s|[.;]?$)"#)
    /// A meeting held with no room: "held remotely via Microsoft Teams on …".
    private static let heldRemotely = Pattern(#"\b(?:held|meet)\s+((?:remotely|virtually|online)(?:\s+(?:via|on|using|by)\s+.+?)?)(?=,?\s+on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)|,?\s+at\s+\d|,?\s+(?:to|for)\s+(?:consider|transact|the\s+purpose)\b|[.;]\s|[.;]?$)"#)
    private static let afterTime = Pattern(#"^\s*,?\s*(?:at|in)\s+(.+?)(?=,?\s+(?:to|for)\s+(?:consider|transact|the\s+purpose)\b|,?\s+on\s+|[.;]\s|[.;]?$)"#)
    private static let sentenceBreak = Pattern(#"(?<=[.!?])\s+(?=[A-Z])"#, caseSensitive: true)

    func details() -> MeetingDetails {
        var details = MeetingDetails()
        let labelled = Self.labelledValues(sheet.lines, in: zone)
        let restLabelled = Self.labelledValues(sheet.lines, in: rest)
        details.council = (labelled + restLabelled).first { $0.field == .council && UKDateParser().firstDate(in: $0.value) == nil }?.value
            ?? councilOpeningALine()
        let summons = self.summons()

        // The body.
        details.committee = labelled.lazy.filter { $0.field == .committee }.compactMap { Self.bodyName($0.value, needsNoun: false) }.first
            ?? displayedBody() ?? summons?.committee
            ?? sheet.furniture.lazy.compactMap { Self.bodyName($0, needsNoun: true) }.first

        // The date, and the line it came from.
        var dateLine: Int?
        let parser = UKDateParser()
        if let entry = labelled.first(where: { $0.field == .dateAndTime && parser.firstDate(in: $0.value) != nil }) {
            details.date = parser.firstDate(in: entry.value)
            dateLine = entry.line
        } else if let date = summons?.date {
            details.date = date
        } else if let entry = labelled.first(where: { $0.field == .date && parser.firstDate(in: $0.value) != nil }) {
            details.date = parser.firstDate(in: entry.value)
            dateLine = entry.line
        } else if let (date, line) = shortDateLine(in: zone, labelled: labelled) {
            details.date = date
            dateLine = line
        } else if let date = sheet.furniture.lazy.compactMap(parser.firstDate(in:)).first {
            // A running header that names the meeting ("Cabinet – 16 June 2026"). A "Date:" after the agenda
            // is the day the pack was issued, never read as the meeting's.
            details.date = date
        }

        // The time, and the line and text after it.
        var timeLine: Int?
        var afterTime: String?
        if let (time, after) = (labelled + restLabelled).lazy.filter({ $0.field == .time || $0.field == .dateAndTime })
            .compactMap({ MeetingClock.first(in: $0.value, dotted: true) }).first {
            // "Date, time and venue: Tuesday 3 June 2026, 7pm, Town Hall": the place after the time.
            details.time = time
            if let rest = Self.venue(after: after), Self.looksLikeVenue(rest) { afterTime = after }
        } else if let line = dateLine, let (time, after) = Self.time(onDateLine: dateText(line)) {
            details.time = time
            timeLine = line
            afterTime = after
        } else if let time = summons?.time {
            details.time = time
        } else if let line = dateLine {
            for next in zone where next > line && next <= line + 2 {
                // A table row's first cell only: the cells beside it are other columns.
                let text = Self.atLeadIn.replacing(in: sheet.lines[next].filled.first ?? "", with: "")
                if let (time, after) = MeetingClock.first(in: text, dotted: true), MeetingClock.opens(text) {
                    details.time = time
                    timeLine = next
                    afterTime = after
                    break
                }
            }
        }

        // The venue.
        if let entry = labelled.first(where: { $0.field == .venue }) ?? restLabelled.first(where: { $0.field == .venue }) {
            details.venue = Self.venueText(entry.value)
        } else if let after = afterTime, let venue = Self.venue(after: after) {
            details.venue = venue
        } else if timeLine == nil, let line = dateLine, let venue = venueAfterDate(on: line) {
            details.venue = venue
        } else if let venue = summons?.venue {
            details.venue = venue
        } else if let line = timeLine ?? dateLine {
            details.venue = venueBelow(line, committee: details.committee)
        }
        return details
    }

    private func lineText(_ index: Int) -> String { sheet.lines[index].text }

    /// The date's own text on its line: the cell that holds it in a table row, else the line.
    private func dateText(_ index: Int) -> String {
        let line = sheet.lines[index]
        guard line.filled.count >= 2 else { return line.text }
        return line.filled.first { UKDateParser().firstDate(in: $0) != nil } ?? line.text
    }

    // MARK: Labels

    /// Every labelled value among the lines `indices`: "Label: value" in a line or a cell, a label cell
    /// and the cell after it, a label above its value, a row of labels over a row of values.
    static func labelledValues(_ lines: [SheetLine], in indices: [Int]) -> [LabelledValue] {
        var found: [LabelledValue] = []
        let set = Set(indices)
        var skip: Set<Int> = []
        for index in indices where !skip.contains(index) {
            let cells = lines[index].filled
            // A row of labels over a row of values.
            if cells.count >= 2, Self.isLabelRow(cells), set.contains(index + 1),
               lines[index + 1].filled.count == cells.count, !lines[index + 1].filled.contains(where: MeetingLabels.opensWithLabel) {
                let pairs = zip(cells, lines[index + 1].filled).compactMap { label, value in
                    MeetingLabels.match(label).map { LabelledValue(field: $0.field, value: value, line: index + 1) }
                }
                // Values that do not fit their labels are a table whose cells came apart: read none of them.
                if pairs.allSatisfy({ accepts($0.field, $0.value) }) {
                    found += pairs
                    skip.insert(index + 1)
                }
                continue
            }
            var entries: [(field: MeetingField, value: String, line: Int, last: Bool)] = []
            var column = 0
            while column < cells.count {
                defer { column += 1 }
                guard let m = MeetingLabels.match(cells[column]) else { continue }
                if m.value.isEmpty, column + 1 < cells.count {
                    // A label cell and its value in the next cell.
                    guard !MeetingLabels.opensWithLabel(cells[column + 1]), accepts(m.field, cells[column + 1]) else { continue }
                    entries.append((m.field, cells[column + 1], index, column + 2 == cells.count))
                    column += 1
                } else if m.value.isEmpty {
                    // A label alone (the council's aside: "Council" alone names the meeting), its value on the next line.
                    guard m.field != .council, set.contains(index + 1), lines[index + 1].filled.count == 1,
                          let next = lines[index + 1].filled.first, !MeetingLabels.opensWithLabel(next), accepts(m.field, next) else { continue }
                    entries.append((m.field, next, index + 1, true))
                    skip.insert(index + 1)
                } else if m.separator == .punctuation || runsIn(m), accepts(m.field, m.value) {
                    entries.append((m.field, m.value, index, column + 1 == cells.count))
                }
            }
            for entry in entries {
                var value = entry.value
                // A value the line's last cell holds may wrap onto the lines below it.
                if entry.last { value += continuedValue(entry.field, value, lines, after: entry.line, in: set, skip: &skip) }
                found.append(LabelledValue(field: entry.field, value: value, line: entry.line))
            }
        }
        return found
    }

    /// True when a row's cells are labels over the next row's values: every cell a label, or two at
    /// least with the rest short headings of their own ("Date & time | Place | Contact | Chief Executive").
    private static func isLabelRow(_ cells: [String]) -> Bool {
        let labels = cells.filter(MeetingLabels.isBareLabel).count
        return labels == cells.count
            || labels >= 2 && cells.allSatisfy { MeetingLabels.isBareLabel($0) || $0.wordCount <= 3 && !$0.contains(where: \.isNumber) }
    }

    /// A label run into its value without a colon counts for a date or a time whose value is one: "Date Tuesday 3 June 2026".
    private static func runsIn(_ m: MeetingLabels.Match) -> Bool {
        switch m.field {
        case .date, .dateAndTime: UKDateParser().firstDate(in: m.value) != nil
        case .time: MeetingClock.opens(m.value)
        default: false
        }
    }

    /// True when `value` can be the value of a `field` label.
    private static func accepts(_ field: MeetingField, _ value: String) -> Bool {
        switch field {
        case .date, .dateAndTime, .otherDate: UKDateParser().firstDate(in: value) != nil
        case .time: MeetingClock.first(in: value, dotted: true) != nil
        case .committee, .venue, .council, .other: UKDateParser().firstDate(in: value) == nil && MeetingClock.first(in: value, dotted: false) == nil
        }
    }

    /// The lines after a value's first line that carry it on: a venue's address ("Town Hall," ⏎ "High
    /// Street, Fenby FE1 1AA"), a body's name in a table whose value column wraps ("Overview and Scrutiny" ⏎ " | Committee").
    private static func continuedValue(_ field: MeetingField, _ value: String, _ lines: [SheetLine], after index: Int,
                                       in set: Set<Int>, skip: inout Set<Int>) -> String {
        guard field == .venue || field == .committee else { return "" }
        var more = ""
        var last = value
        var next = index + 1
        while set.contains(next), next <= index + 2, lines[next].filled.count == 1 {
            let line = lines[next]
            let text = line.text
            let inValueColumn = line.role == .tableRow && line.cells.first?.isEmpty == true
            guard !MeetingLabels.opensWithLabel(text), UKDateParser().firstDate(in: text) == nil,
                  MeetingClock.first(in: text, dotted: false) == nil, !MeetingVocabulary.agendaHeading.matches(text) else { break }
            let carries = field == .venue
                ? last.hasSuffix(",") || inValueColumn || MeetingVocabulary.postcode.matches(text) && text.wordCount <= 8
                : inValueColumn && !holdsBodyNoun(last) && holdsBodyNoun(text)
            guard carries else { break }
            more += " " + text
            skip.insert(next)
            last = text
            next += 1
        }
        return more
    }

    /// A council's name opening one of the sheet's first lines before more words, in capitals too:
    /// "WESTMERE DISTRICT COUNCIL CABINET" (a line that is only the name is ``CouncilFinder``'s letterhead).
    private func councilOpeningALine() -> String? {
        for index in zone.prefix(5) {
            let text = TitleCaser().titleCaseIfAllCaps(lineText(index))
            if let name = CouncilFinder.councilName.firstMatch(in: text)?[1], text.hasPrefix(name), text.count > name.count {
                return name
            }
        }
        return nil
    }

    // MARK: The body

    /// The first line in display type before the agenda that names a body, "Agenda" and the like around it dropped;
    /// a name wrapped onto a second line in the same type is read whole.
    private func displayedBody() -> String? {
        for (position, index) in zone.enumerated() {
            let line = sheet.lines[index]
            guard sheet.isDisplay(line), line.filled.count == 1, line.text.wordCount <= 12, !line.text.hasSuffix("."),
                  MeetingLabels.match(line.text)?.separator != .punctuation else { continue }
            if let name = Self.bodyName(line.text, needsNoun: true) { return name }
            // A name wrapped onto the next line: only where this line names no body of its own (a letterhead does).
            if position + 1 < zone.count, zone[position + 1] == index + 1, !Self.holdsBodyNoun(line.text) {
                let next = sheet.lines[index + 1]
                if sheet.isDisplay(next), sheet.sameStyle(line, next), next.filled.count == 1,
                   UKDateParser().firstDate(in: next.text) == nil,
                   let name = Self.bodyName(line.text + " " + next.text, needsNoun: true) { return name }
            }
        }
        return nil
    }

    /// The body's name in `text` without the wrapping ("Open Agenda", "Notice of meeting of the", "– Agenda"),
    /// a date or a time; `nil` where nothing is left, or (with `needsNoun`) it names no body or is the council's letterhead.
    static func bodyName(_ text: String, needsNoun: Bool) -> String? {
        var s = CommitteeValue.first(in: text).newlinesAsSpaces.collapsingSpaces
        if let date = printedDate.firstMatch(in: s)?[0], let range = s.range(of: date) { s.removeSubrange(range) }
        if let matched = MeetingClock.matchedText(in: s), let range = s.range(of: matched) { s.removeSubrange(range) }
        let separators = CharacterSet(charactersIn: " -–—,:;|").union(.whitespaces)
        for _ in 0..<3 {
            s = MeetingVocabulary.leadingWrapper.replacing(in: s, with: "").trimmingCharacters(in: separators)
            s = MeetingVocabulary.trailingWrapper.replacing(in: s, with: "").trimmingCharacters(in: separators)
            s = Pattern(#"^the\s+"#).replacing(in: s, with: "")
        }
        s = s.collapsingSpaces
        // "Fenby District Council Cabinet": the body after the council's name.
        if let council = CouncilFinder.councilName.firstMatch(in: TitleCaser().titleCaseIfAllCaps(s))?[1], s.count > council.count + 1,
           TitleCaser().titleCaseIfAllCaps(s).hasPrefix(council) {
            let rest = String(s.dropFirst(council.count)).trimmingCharacters(in: separators)
            if holdsBodyNoun(rest) { s = rest }
        }
        guard let first = s.first, first.isLetter, first.isUppercase, s.wordCount <= 12,
              !MeetingVocabulary.notABody.matches(s) else { return nil }
        if needsNoun {
            let words = s.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
            guard words.contains(where: MeetingVocabulary.bodyNouns.contains), !MeetingVocabulary.postcode.matches(s),
                  !words.contains(where: MeetingVocabulary.placeOnlyWords.contains) else { return nil }
            if isLetterhead(s) { return nil }
        }
        return s
    }

    /// True when `text` holds a word that names a kind of body ("committee", "cabinet", "council").
    static func holdsBodyNoun(_ text: String) -> Bool {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).contains { MeetingVocabulary.bodyNouns.contains(String($0)) }
    }

    /// True when `text` is a council's name and nothing else, naming a place: "Fenby District Council", not "Full Council".
    static func isLetterhead(_ text: String) -> Bool {
        guard CouncilFinder.councilLine.matches(text) || CouncilFinder.councilLine.matches(TitleCaser().titleCase(text)) else { return false }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" }).map(String.init)
        let place = words.firstIndex(of: "of").map { Array(words[($0 + 1)...]) } ?? words
        return place.contains { !CouncilFinder.notPlaceWords.contains($0) }
    }

    // MARK: The summons sentence

    private struct Summons {
        var committee: String?
        var date: String?
        var time: String?
        var venue: String?
    }

    /// What a sentence before the agenda says of the meeting: "A meeting of the Planning Committee will be
    /// held in the Council Chamber, Town Hall, on Wednesday 3 June 2026 at 6.30 pm".
    private func summons() -> Summons? {
        var paragraph: [String] = []
        for index in zone where sheet.lines[index].filled.count == 1 { paragraph.append(lineText(index)) }
        let text = paragraph.joined(separator: " ")
        guard MeetingVocabulary.heldWords.matches(text) || text.lowercased().includes("meeting of") else { return nil }
        for sentence in Self.sentenceBreak.replacing(in: text, with: "\u{1F}").split(separator: "\u{1F}").map(String.init) {
            let held = MeetingVocabulary.heldWords.matches(sentence)
            let meetingOf = MeetingVocabulary.meetingOf.firstMatch(in: sentence)?[1]
            guard held || meetingOf != nil, sentence.wordCount <= 80 else { continue }
            var summons = Summons()
            if let name = meetingOf { summons.committee = Self.summonedBody(name) }
            summons.date = UKDateParser().firstDate(in: sentence)
            if let (time, after) = MeetingClock.first(in: sentence, dotted: true) {
                summons.time = time
                if let venue = Self.afterTime.firstMatch(in: after)?[1] { summons.venue = Self.venueText(venue) }
            }
            for pattern in [Self.heldAt, Self.heldRemotely] {
                if let venue = pattern.firstMatch(in: sentence)?[1], UKDateParser().firstDate(in: venue) == nil,
                   MeetingClock.first(in: venue, dotted: false) == nil {
                    summons.venue = Self.venueText(venue)
                    break
                }
            }
            guard summons.date != nil || (held && summons.committee != nil) else { continue }
            return summons
        }
        return nil
    }

    /// The body a summons names, cut after its last body noun ("Cabinet on Tuesday" is "Cabinet"); the
    /// council's own name is its full meeting, "Council".
    private static func summonedBody(_ name: String) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard let last = words.lastIndex(where: { MeetingVocabulary.bodyNouns.contains($0.lowercased().trimmingPunctuation) }) else { return nil }
        let body = words[...last].joined(separator: " ")
        return isLetterhead(body) ? "Council" : bodyName(body, needsNoun: true)
    }

    // MARK: Date, time and venue lines

    /// The first short line before the agenda that prints a date and is not labelled as another date.
    private func shortDateLine(in indices: [Int], labelled: [LabelledValue]) -> (String, Int)? {
        let otherDates = Set(labelled.filter { $0.field == .otherDate }.map(\.line))
        for index in indices where !otherDates.contains(index) {
            let line = sheet.lines[index]
            let text = line.text
            guard text.wordCount <= (sheet.isDisplay(line) ? 20 : 14), !MeetingVocabulary.notMeetingDate.matches(text),
                  MeetingLabels.match(text)?.field != .otherDate, let date = UKDateParser().firstDate(in: text) else { continue }
            return (date, index)
        }
        return nil
    }

    /// The time on the date's line ("Tuesday 27 January 2026 at 7.00 pm, Town Hall") and the text after it.
    private static func time(onDateLine text: String) -> (time: String, after: String)? {
        var after = text
        if let date = printedDate.firstMatch(in: text)?[0], let range = text.range(of: date) { after = String(text[range.upperBound...]) }
        return MeetingClock.first(in: after, dotted: true) ?? MeetingClock.first(in: text, dotted: false)
    }

    /// The venue that follows a time: "at the Town Hall", ", Council Chamber", "160 High Street".
    static func venue(after text: String) -> String? {
        let rest = leadIn.replacing(in: text, with: "").trimmed
        guard !rest.hasPrefix("("), rest.filter(\.isLetter).count >= 2, UKDateParser().firstDate(in: rest) == nil else { return nil }
        return venueText(rest)
    }

    /// The venue after the date on the date's line, where the line gives no time: "Tuesday 3 June 2026, Council Chamber".
    private func venueAfterDate(on index: Int) -> String? {
        let text = dateText(index)
        guard let date = Self.printedDate.firstMatch(in: text)?[0], let range = text.range(of: date) else { return nil }
        let rest = Self.leadIn.replacing(in: String(text[range.upperBound...]), with: "").trimmed
        return Self.looksLikeVenue(rest) ? Self.venueText(rest) : nil
    }

    /// A line just under the date and time that reads as a place: "Ground floor meeting rooms, 1 High Street, Fenby FE1 1AA".
    private func venueBelow(_ index: Int, committee: String?) -> String? {
        for next in zone where next > index && next <= index + 3 {
            let text = lineText(next)
            // An agenda heading, a label or a signature ("Chief Executive") ends the meeting's block.
            if MeetingVocabulary.agendaHeading.matches(text) || MeetingLabels.opensWithLabel(text)
                || MeetingVocabulary.notABody.matches(text) && text.wordCount <= 6 { break }
            if MeetingClock.opens(text) || UKDateParser().firstDate(in: text) != nil { continue }
            if let committee, text.caseInsensitiveCompare(committee) == .orderedSame { continue }
            if Self.looksLikeVenue(text) { return Self.venueText(Self.leadIn.replacing(in: text, with: "")) }
        }
        return nil
    }

    /// True when `text` reads as a place: a postcode, a word of a building or street, or a short list of parts.
    static func looksLikeVenue(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasSuffix("."), text.wordCount <= 20, UKDateParser().firstDate(in: text) == nil,
              !text.includes("@"), !MeetingVocabulary.notABody.matches(text) else { return false }
        if MeetingVocabulary.postcode.matches(text) { return true }
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        return words.contains(where: MeetingVocabulary.venueWords.contains)
    }

    /// A venue as printed, without the article a sentence put before it and trailing punctuation.
    static func venueText(_ text: String) -> String? {
        let s = theArticle.replacing(in: text.newlinesAsSpaces.collapsingSpaces, with: "").droppingTrailingPunctuation
        return s.isEmpty ? nil : s
    }
}

// MARK: - Times

/// Reads a meeting's time as front sheets print it ("7.00 pm", "7pm", "10:00am", "10.30 a.m.", "19:00",
/// "12 noon") and gives it as 24-hour `HH:MM`.
enum MeetingClock {
    private static let twelveHour = Pattern(#"(?<![\d.:/£$])(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s?m\b\.?"#)
    private static let noon = Pattern(#"\b(?:12(?:[.:]00)?\s*)?(?:noon|midday)\b"#)
    private static let colon = Pattern(#"(?<![\d.:/£$])([01]?\d|2[0-3]):([0-5]\d)(?![\d.:/])(?:\s*(?:hrs|hours)\b)?"#)
    private static let dotted = Pattern(#"(?<![\d.:/£$])([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d.:/])(?:\s*(?:hrs|hours)\b)?"#)
    private static let endTime = Pattern(#"^\s*(?:-|–|—|to|until)\s*(?:\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\b\.?)?|noon|midday)"#)

    /// The first time in `text` as `HH:MM` and the text after it (an end time "– 8.30 pm" skipped). A time
    /// without am/pm needs a colon unless `dotted` ("19.00" where the text is known to be a time).
    static func first(in text: String, dotted allowDots: Bool) -> (time: String, after: String)? {
        guard let (time, matched) = earliest(in: text, dotted: allowDots), let range = text.range(of: matched) else { return nil }
        var after = String(text[range.upperBound...])
        if let end = endTime.firstMatch(in: after)?[0] { after = String(after.dropFirst(end.count)) }
        return (time, after)
    }

    /// The printed text of the first time in `text`.
    static func matchedText(in text: String) -> String? { earliest(in: text, dotted: false)?.matched }

    /// True when `text` opens with a time: "7.00 pm", "11.00 am 160 High Street".
    static func opens(_ text: String) -> Bool {
        guard let matched = earliest(in: text, dotted: true)?.matched else { return false }
        return text.trimmed.hasPrefix(matched)
    }

    private static func earliest(in text: String, dotted allowDots: Bool) -> (time: String, matched: String)? {
        var best: (offset: Int, time: String, matched: String)?
        func consider(_ time: String?, _ matched: String?) {
            guard let time, let matched, let range = text.range(of: matched) else { return }
            let offset = text.distance(from: text.startIndex, to: range.lowerBound)
            if best == nil || offset < best!.offset { best = (offset, time, matched) }
        }
        if let m = twelveHour.firstMatch(in: text), let hour = m[1].flatMap(Int.init), (1...12).contains(hour) {
            let minute = m[2].flatMap(Int.init) ?? 0
            let pm = m[3]?.lowercased() == "p"
            consider(minute < 60 ? format(hour % 12 + (pm ? 12 : 0), minute) : nil, m[0])
        }
        if let m = noon.firstMatch(in: text) { consider("12:00", m[0]) }
        for pattern in allowDots ? [colon, dotted] : [colon] {
            if let m = pattern.firstMatch(in: text), let hour = m[1].flatMap(Int.init), let minute = m[2].flatMap(Int.init) {
                consider(format(hour, minute), m[0])
            }
        }
        return best.map { ($0.time, $0.matched) }
    }

    private static func format(_ hour: Int, _ minute: Int) -> String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}
