import Foundation
import ScrutinyCore

/// Finds the document block: council, committee, meeting date, agenda item, title, author,
/// contact and purpose, from the report's front matter (cover table, "REPORT of … to …" block,
/// letterhead) and, failing that, from the rest of the text.
///
/// The cover's labels are data (``CoverLabels``), read in every cover shape by ``CoverEntries``;
/// the council comes from ``CouncilFinder`` and the contact from ``ContactFinder``.
public struct DocumentBlockExtractor: Sendable {
    public init() {}

    /// How far into the report the front matter may run, in lines.
    static let frontMatterLines = 40

    private static let committeeWords = Pattern(#"\b(?:committee|cabinet|council|board|panel|executive|scrutiny|sub-committee|forum|assembly)\b"#)
    /// A body's possessive ("The Council's decision", "Cabinet's response") is a phrase about the
    /// body, not its name; nor are the report's own words.
    private static let notCommittee = Pattern(#"\b(?:committee|cabinet|council|board|panel|executive|forum|assembly)['’]s\b|\b(?:is|are)\s+(?:asked|recommended|invited|requested)\b|\b(?:report|purpose|recommend\w*|agenda|of the council|city council|district council|borough council|county council)\b|\bto\s+(?:note|agree|approve|consider)\b"#)
    private static let agendaItem = Pattern(#"\b(?:agenda\s+item|item)\b\s*(?:no\.?|number)?\s*[:.\-–]?\s*(\d{1,3}[a-z]?(?:\s*\([a-z0-9]{1,4}\))?|[a-z]\d{0,2})(?=$|\s|[.,:;])"#)
    private static let itemNumber = Pattern(#"^(?:\d{1,3}[a-z]?(?:\([a-z0-9]{1,4}\))?|[a-z]\d{1,2})$"#)
    private static let reportOfStart = Pattern(#"^report\s+(?:of|by|from)\b\s*(?:the\s+)?(.*)$"#)
    private static let purposeHeading = Pattern(#"^(?:\d{1,2}(?:\.\d)*\.?\s+)?(?:purpose(?:\s+of\s+(?:the\s+|this\s+)?report)?|summary\s+and\s+purpose|report\s+purpose)\s*:?\s*(.*)$"#)
    /// "Councillor A – Cabinet Member for X and Councillor B": two people in one value.
    private static let anotherPerson = Pattern(#"\s+and\s+(?=(?:Councillor|Cllr)\b)"#, caseSensitive: true)

    /// The document block of the outlined report, and a warning for each value guessed or missing.
    /// `furniture` is the text of the running headers and footers (a letterhead often names the council).
    public func extract(from lines: [OutlinedLine], metadata: DocumentMetadata = .init(),
                        furniture: [String] = []) -> (DocumentBlock, [String]) {
        var block = DocumentBlock()
        var warnings: [String] = []
        let front = Array(lines.prefix(Self.frontMatterLines))
        let caser = AcronymAwareCaser(lines: lines)
        let cover = CoverEntries(front: Self.cover(of: front))

        // "Council: 12 May 2025" names the meeting, not the authority.
        let labelledCouncil = cover.all(.council).map(\.flatValue).first { UKDateParser().firstDate(in: $0) == nil }
        block.council = CouncilFinder().council(front: front, all: lines, labelled: labelledCouncil,
                                                furniture: furniture, warnings: &warnings)
        block.committee = committee(front: front, cover: cover).map { caser.titleCaseIfAllCaps($0) }
        block.meetingDate = meetingDate(front: front, cover: cover, hasCommittee: block.committee != nil)
        if block.meetingDate == nil, block.committee != nil,
           let date = furniture.lazy.compactMap({ UKDateParser().firstDate(in: $0) }).first {
            block.meetingDate = date
            warnings.append("meeting_date taken from the running header")
        }
        if block.meetingDate == nil { warnings.append("meeting_date not found") }
        block.agendaItem = agendaItem(front: front, cover: cover, furniture: furniture)
        block.reportBy = reportBy(front: front, cover: cover).map { caser.titleCaseIfAllCaps($0) }
        block.title = title(front: front, cover: cover, metadata: metadata).map { caser.titleCaseIfAllCaps($0) }
        if block.title == nil { warnings.append("title not found") }
        block.contact = ContactFinder().contact(in: lines)
        block.purpose = purpose(lines: lines)
        if block.purpose == nil { warnings.append("purpose not found") }
        return (block, warnings)
    }

    /// The report's title alone, as ``extract(from:metadata:furniture:)`` gives it: what the outliner
    /// needs to spot a report about one partnership, without reading the rest of the document block.
    func title(from lines: [OutlinedLine], metadata: DocumentMetadata = .init()) -> String? {
        let front = Array(lines.prefix(Self.frontMatterLines))
        let caser = AcronymAwareCaser(lines: lines)
        return title(front: front, cover: CoverEntries(front: Self.cover(of: front)), metadata: metadata)
            .map { caser.titleCaseIfAllCaps($0) }
    }

    /// The front matter up to the report's first section ("Purpose", "Recommendations"): labels after it
    /// (an audit trail's "Lead officer") are not the cover's.
    private static func cover(of front: [OutlinedLine]) -> ArraySlice<OutlinedLine> {
        let end = front.firstIndex { line in
            line.role != .tableRow && line.isHeading && (purposeHeading.matches(line.text) || RecommendationExtractor.isHeading(line.text))
        }
        return front[..<(end ?? front.endIndex)]
    }

    // MARK: - Fields

    private func committee(front: [OutlinedLine], cover: CoverEntries) -> String? {
        for entry in cover.all(.committee) {
            let value = stripDate(CommitteeValue.first(in: entry.value))
            if !value.isEmpty { return value }
        }
        if let committee = committeeAfterReportOf(front) { return committee }
        // A short emphasised line naming a body, before the report's first section.
        for line in front {
            if Self.purposeHeading.matches(line.text) || RecommendationExtractor.isHeading(line.text) { break }
            guard line.filledCells.count == 1, line.text.wordCount <= 8, line.role != .listItem,
                  line.isHeading || line.isBold || TitleCaser.isAllCaps(line.text) else { continue }
            let text = stripDate(line.text)
            // A body's name with the meeting's date or item number names the meeting ("Item 8 Tenant
            // Council 19 September 2016"); alone, a name ending "Council" is the letterhead.
            let namesMeeting = text.count < line.text.trimmed.count
            guard !text.isEmpty, Self.committeeWords.matches(text), !Self.notCommittee.matches(text),
                  namesMeeting || !CouncilFinder.councilLine.matches(text) || text.split(separator: " ").count == 1,
                  !text.hasSuffix("."), !text.hasSuffix(":"), text.first?.isUppercase == true else { continue }
            return text
        }
        return nil
    }

    /// `text` without a date, an agenda item's number and the separators around them: "Cabinet –
    /// 30 June 2021" and "Item 8 Cabinet" are "Cabinet".
    private func stripDate(_ text: String) -> String {
        var s = text
        if let date = Self.datePart.firstMatch(in: s)?[0], let range = s.range(of: date) { s.removeSubrange(range) }
        s = Self.itemInBrackets.replacing(in: s, with: "")
        s = Self.leadingItem.replacing(in: s, with: "")
        return s.trimmingCharacters(in: CharacterSet(charactersIn: " -–—,:").union(.whitespaces))
    }
    /// True when `line` is a cover label's value other than the meeting's ("Date of report: 2 May 2025").
    private static func labelsAnotherDate(_ line: OutlinedLine) -> Bool {
        guard let first = line.filledCells.first, let m = CoverLabels.match(first), m.separator != .space else { return false }
        return m.label.field != .meetingDate && m.label.field != .committee
    }

    /// A date that closes a period or dates a position, not a meeting: "as at 31 March", "year ended 31 March".
    private static let notMeetingDate = Pattern(#"\b(?:as\s+at|as\s+of|year\s+end(?:ed|ing)?|period\s+(?:ended|ending|to)|ended|ending)\s+\d"#)
    /// An agenda item's number opening a line before the committee: "Item 8 Planning Committee".
    private static let leadingItem = Pattern(#"^\s*(?:agenda\s+)?item\s*(?:no\.?|number)?\s*[:.\-–]?\s*\d{1,3}[a-z]?\b[\s:.\-–]*"#)
    private static let itemInBrackets = Pattern(#"\s*\((?:agenda\s+)?item[^)]*\)"#)
    private static let datePart = Pattern(#"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}"#)

    /// The labelled date, the date beside the labelled meeting, or, where the report names a meeting,
    /// the first date on a short front line.
    private func meetingDate(front: [OutlinedLine], cover: CoverEntries, hasCommittee: Bool) -> String? {
        let parser = UKDateParser()
        for field in [CoverField.meetingDate, .committee] {
            for entry in cover.all(field) {
                if let date = parser.firstDate(in: entry.flatValue) { return date }
            }
        }
        guard hasCommittee else { return nil }
        for line in front {
            if line.text.wordCount > (line.isHeading ? 20 : 12) || Self.notMeetingDate.matches(line.text)
                || Self.labelsAnotherDate(line) { continue }
            if let date = parser.firstDate(in: line.text) { return date }
        }
        return nil
    }

    private func agendaItem(front: [OutlinedLine], cover: CoverEntries, furniture: [String]) -> String? {
        for entry in cover.all(.agendaItem) {
            let value = entry.flatValue
            let first = (value.split(separator: " ").first.map(String.init) ?? value).droppingTrailingPunctuation
            if Self.itemNumber.matches(first) { return first }
        }
        for text in front.lazy.filter({ $0.text.wordCount <= 8 }).map(\.text) + furniture.prefix(4) {
            if let m = Self.agendaItem.firstMatch(in: text), let value = m[1] {
                return value.replacingOccurrences(of: " ", with: "")
            }
        }
        return nil
    }

    /// Everyone the cover says the report is from, in printed order and joined with "; "; else the
    /// "REPORT of X to COMMITTEE" block; else the report's author.
    private func reportBy(front: [OutlinedLine], cover: CoverEntries) -> String? {
        let people = cover.all(.reportBy).filter { !$0.label.needsPerson || CoverLabels.namesPerson($0.value) }
            .flatMap { entry in
                Self.anotherPerson.replacing(in: entry.flatValue, with: "\u{1F}").split(separator: "\u{1F}")
                    .map { String($0).droppingTrailingPunctuation }
            }
            .filter { !$0.isEmpty }
        if !people.isEmpty { return people.joined(separator: "; ") }
        // "REPORT of X to COMMITTEE" on one line.
        for line in front {
            guard let m = Self.reportOfStart.firstMatch(in: line.text), let rest = m[1]?.trimmed, !rest.isEmpty else { continue }
            let author = Self.splitAtTo(rest).author
            if author.wordCount <= 12 { return author.droppingTrailingPunctuation }
        }
        return cover.first(.reportAuthor)?.flatValue.droppingTrailingPunctuation
    }

    /// "Director of Finance to Cabinet" (or "… TO CABINET") is the author before " to " and the committee after it.
    private static func splitAtTo(_ text: String) -> (author: String, committee: String?) {
        guard let range = text.range(of: " to ", options: .caseInsensitive) else { return (text, nil) }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    /// "REPORT of the Director of Finance to Cabinet" names the committee after " to ".
    private func committeeAfterReportOf(_ front: [OutlinedLine]) -> String? {
        for line in front {
            guard let m = Self.reportOfStart.firstMatch(in: line.text), let rest = m[1],
                  let body = Self.splitAtTo(rest).committee else { continue }
            let committee = stripDate(body)
            if !committee.isEmpty && committee.wordCount <= 8 { return committee.droppingTrailingPunctuation }
        }
        return nil
    }

    private func title(front: [OutlinedLine], cover: CoverEntries, metadata: DocumentMetadata) -> String? {
        if let entry = cover.first(.title) { return entry.flatValue.droppingTrailingPunctuation }
        if let title = TitleShapes.afterStackedLetterhead(in: front) { return title }
        if let title = titleOverMeeting(in: front) { return title }
        // After the front block ("REPORT of … to COMMITTEE", the date): the first capitalised line
        // that is not a numbered section.
        var start = 0
        for (index, line) in front.enumerated() {
            if Self.purposeHeading.matches(line.text) { break }
            let lower = line.text.lowercasedByScalar
            if lower == "to" { start = max(start, index + 2) }
            if line.text.wordCount <= 8, UKDateParser().firstDate(in: line.text) != nil { start = max(start, index + 1) }
            if Self.reportOfStart.matches(line.text) { start = max(start, index + 1) }
        }
        if start > 0, start < front.count {
            for (offset, line) in front[start...].enumerated() {
                let text = line.text
                if ListMarker.split(text)?.number != nil || Self.purposeHeading.matches(text) { break }
                guard line.role != .tableRow, line.isHeading || line.isBold, text.wordCount >= 2 else { continue }
                guard TitleCaser.isAllCaps(text) || line.isBold || line.role == .heading else { continue }
                // A title wrapped onto a second ALL CAPS line.
                let next = start + offset + 1
                if TitleCaser.isAllCaps(text), next < front.count, TitleCaser.isAllCaps(front[next].text),
                   ListMarker.split(front[next].text)?.number == nil, !Self.purposeHeading.matches(front[next].text),
                   UKDateParser().firstDate(in: front[next].text) == nil {
                    return text + " " + front[next].text
                }
                return text
            }
        }
        if let display = TitleShapes.displayTitle(in: front) { return display }
        // A report without that block: its first emphasised multi-word heading that is not the
        // council, the committee, a date or a standard section.
        for line in front {
            let text = line.text
            if Self.purposeHeading.matches(text) || RecommendationExtractor.isHeading(text) { break }
            if line.role == .heading || line.isBold, let rest = TitleShapes.afterLetterhead(text) { return rest }
            guard line.isHeading, text.wordCount >= 3, line.role == .heading || line.isBold || TitleCaser.isAllCaps(text),
                  UKDateParser().firstDate(in: text) == nil, !CouncilFinder.councilLine.matches(text), !Self.agendaItem.matches(text),
                  !(Self.committeeWords.matches(text) && text.wordCount <= 5), !Self.reportOfStart.matches(text),
                  ListMarker.split(text)?.number == nil else { continue }
            return text
        }
        if let title = metadata.title?.trimmed, !title.isEmpty { return title }
        return nil
    }

    /// A heading that opens the page above the meeting it goes to, set in its type: the title
    /// over the committee and the date ("Parking Review" / "Transport Panel" / "3 June 2026").
    private func titleOverMeeting(in front: [OutlinedLine]) -> String? {
        guard let first = front.first, first.role == .heading || first.isBold, first.role != .tableRow,
              let size = first.fontSize, first.text.wordCount >= 2, UKDateParser().firstDate(in: first.text) == nil,
              !CouncilFinder.councilLine.matches(first.text), !Self.committeeWords.matches(first.text),
              !Self.reportOfStart.matches(first.text), ListMarker.split(first.text)?.number == nil else { return nil }
        let stack = front.dropFirst().prefix(3).prefix { line in
            line.role != .tableRow && abs((line.fontSize ?? 0) - size) <= 0.5 && line.text.wordCount <= 8
        }
        let dates = stack.filter { UKDateParser().firstDate(in: $0.text) != nil }
        let committees = stack.filter { Self.committeeWords.matches($0.text) && !Self.notCommittee.matches($0.text) }
        let meetingLines = stack.filter { line in dates.contains(line) || committees.contains(line) }
        guard !dates.isEmpty, !committees.isEmpty, meetingLines.count == stack.count else { return nil }
        return first.text
    }

    private func purpose(lines: [OutlinedLine]) -> String? {
        for (index, line) in lines.enumerated() where line.isHeading || line.role == .tableRow {
            let cells = line.filledCells
            guard let m = Self.purposeHeading.firstMatch(in: cells[0]) else { continue }
            if cells.count >= 2 { return stripNumber(cells[1]) }
            if let inline = m[1]?.trimmed, !inline.isEmpty, line.role != .heading { return stripNumber(inline) }
            var next = index + 1
            while next < lines.count {
                let candidate = lines[next]
                if candidate.isHeading && candidate.text.wordCount <= 6 { break }
                let text = stripNumber(candidate.text)
                if !text.isEmpty { return text }
                next += 1
            }
        }
        return nil
    }

    private func stripNumber(_ text: String) -> String {
        if let marker = ListMarker.split(text), let number = marker.number, number.contains(".") || number.allSatisfy(\.isNumber) {
            return marker.rest
        }
        return text.trimmed
    }

    /// Upper-case words the report also prints inside mixed-case text or in brackets ("MOU", "NHS"):
    /// these stay upper case when an ALL CAPS heading is title-cased.
    static func acronyms(in lines: [OutlinedLine]) -> Set<String> {
        var found: Set<String> = []
        // An acronym is two or more capitals in a row: a line without such a pair skips the pattern.
        for line in lines where TextScan.hasTwoCapitalsInARow(line.text) {
            // An ASCII line's acronyms are read on its bytes first: a line with none adds nothing, whatever
            // the tests below say, and skips them.
            let asciiWords = asciiAcronymWords(in: line.text)
            if asciiWords?.isEmpty == true { continue }
            guard !TitleCaser.isAllCaps(line.text),
                  asciiWords == nil ? lowerWords(line.text) >= 3 : Self.asciiHasLowerWords(line.text, atLeast: 3) else { continue }
            if let words = asciiWords {
                found.formUnion(words)
            } else {
                for m in acronymWord.allMatches(in: line.text) { if let word = m[1] { found.insert(word) } }
            }
        }
        return found
    }
    /// `lowerWords(text) >= count` for ASCII `text`, read on its bytes and stopping at the `count`-th word.
    private static func asciiHasLowerWords(_ text: String, atLeast count: Int) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var found = 0
            var atWordStart = true
            for byte in bytes {
                if byte == UInt8(ascii: " ") { atWordStart = true; continue }
                if atWordStart, byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") {
                    found += 1
                    if found >= count { return true }
                }
                atWordStart = false
            }
            return false
        }
    }

    private static func lowerWords(_ text: String) -> Int {
        // Over plain text (every scalar a character of its own) a word starts after a space.
        var count = 0
        var atWordStart = true
        for scalar in text.unicodeScalars {
            if scalar == " " { atWordStart = true; continue }
            guard scalar.isASCII || CleanParagraph.isPlainNonASCII(scalar.value) else {
                return text.split(separator: " ").filter { $0.first?.isLowercase == true }.count
            }
            if atWordStart {
                let lower = scalar.isASCII ? (scalar.value >= 0x61 && scalar.value <= 0x7A) : Character(scalar).isLowercase
                if lower { count += 1 }
            }
            atWordStart = false
        }
        return count
    }
    private static let acronymWord = Pattern(#"\b([A-Z]{2,6})s?\b"#, caseSensitive: true)

    /// The words ``acronymWord`` finds in an all-ASCII `text`, read on its bytes; `nil` for other text.
    ///
    /// Over ASCII a word character is a letter, digit or "_", so a match is a whole word of two to six
    /// capitals, or one with an "s" after them: a longer run of capitals, or one with more letters, is none.
    static func asciiAcronymWords(in text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isWordByte(_ byte: UInt8) -> Bool {
                (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
            }
            func isCapital(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
            var words: [String] = []
            var index = 0
            while index < bytes.count {
                guard isWordByte(bytes[index]) else { index += 1; continue }
                // A word starts here (the byte before is no word byte); find its capitals and its end.
                let start = index
                var capitals = start
                while capitals < bytes.count, isCapital(bytes[capitals]) { capitals += 1 }
                var end = capitals
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                let runLength = capitals - start
                let tail = end - capitals
                if (2...6).contains(runLength), tail == 0 || (tail == 1 && bytes[capitals] == UInt8(ascii: "s")) {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<capitals]), as: UTF8.self))
                }
                index = end
            }
            return words
        }
    }
}

/// A ``TitleCaser`` that keeps the report's acronyms, reading them from the report only when a value
/// is in fact ALL CAPS: most reports' titles and committees are not, and never pay for the scan.
final class AcronymAwareCaser {
    private let lines: [OutlinedLine]
    private lazy var caser = TitleCaser(acronyms: DocumentBlockExtractor.acronyms(in: lines))

    init(lines: [OutlinedLine]) { self.lines = lines }

    /// ``TitleCaser/titleCaseIfAllCaps(_:)`` with the report's acronyms.
    func titleCaseIfAllCaps(_ text: String) -> String {
        TitleCaser.isAllCaps(text) ? caser.titleCase(text) : text
    }
}
