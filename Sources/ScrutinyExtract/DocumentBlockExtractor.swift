import Foundation
import ScrutinyCore

/// Finds the document block: council, committee, meeting date, agenda item, title, author,
/// contact and purpose, from the report's front matter (cover table, "REPORT of … to …" block,
/// letterhead) and, failing that, from the rest of the text.
public struct DocumentBlockExtractor: Sendable {
    public init() {}

    /// How far into the report the front matter may run, in lines.
    static let frontMatterLines = 40

    private static let councilName = Pattern(#"\b((?:[A-Z][A-Za-z'’\-]+\s+){1,4}(?:City|District|Borough|County|Town|Parish|Metropolitan Borough)\s+Council|(?:London|Royal)\s+Borough\s+of\s+[A-Z][a-z]+(?:(?:\s+and|\s+upon)?\s+[A-Z][a-z]+){0,2})\b"#, caseSensitive: true)
    private static let councilLine = Pattern(#"^(?:[A-Z][A-Za-z'’\-]+\s+){1,4}(?:City|District|Borough|County|Town|Parish)\s+Council$|^(?:(?:Royal\s+)?[A-Z][A-Za-z'’\-]+\s+){1,3}Council$|^(?:London|Royal)\s+Borough\s+of\s+[A-Z][a-z]+(?:(?:\s+and|\s+upon)?\s+[A-Z][a-z]+){0,2}$"#, caseSensitive: true)
    private static let committeeWords = Pattern(#"\b(?:committee|cabinet|council|board|panel|executive|scrutiny|sub-committee|forum|assembly)\b"#)
    private static let notCommittee = Pattern(#"\b(?:is|are)\s+(?:asked|recommended|invited|requested)\b|\b(?:report|purpose|recommend|agenda|of the council|city council|district council|borough council|county council)\b"#)
    private static let agendaItem = Pattern(#"\b(?:agenda\s+item|item)\s*(?:no\.?|number)?\s*[:.\-–]?\s*(\d{1,3}[a-z]?(?:\s*\([a-z0-9]{1,4}\))?|[a-z]\d{0,2})(?=$|\s|[.,:;])"#)
    private static let itemNumber = Pattern(#"^(?:\d{1,3}[a-z]?(?:\([a-z0-9]{1,4}\))?|[a-z]\d{1,2})$"#)
    private static let labelled = Pattern(#"^(subject|title|report title|title of report|report subject|subject of report|report to|report by|report of|report author|author|lead officer|from|committee|meeting|date of meeting|meeting date|date|agenda item|item|council|contact officer|contact|enquiries contact|enquiries to|enquiries)\b\s*[:\-–]?\s*(.*)$"#)
    private static let reportOfStart = Pattern(#"^report\s+(?:of|by|from)\b\s*(?:the\s+)?(.*)$"#)
    private static let email = Pattern(#"[A-Za-z0-9._%+\-]+@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)"#)
    private static let phone = Pattern(#"(?:tel(?:ephone)?\.?|phone)\s*(?:no\.?)?\s*[:.]?\s*(\(?\+?\d[\d ()\-]{7,16}\d)|\b(0\d{2,4}[ \-]?\d{3}[ \-]?\d{3,4})(?!\d)"#)
    private static let purposeHeading = Pattern(#"^(?:\d{1,2}(?:\.\d)*\.?\s+)?(?:purpose(?:\s+of\s+(?:the\s+|this\s+)?report)?|summary\s+and\s+purpose|report\s+purpose)\s*:?\s*(.*)$"#)
    private static let gluedWords = Pattern(#"([a-z]{3})([A-Z][a-z]{2,})"#, caseSensitive: true)
    private static let contactCell = Pattern(#"^(?:enquiries\s+(?:contact|to)|contact\s+officer|contact\s+details|contact|report\s+author|author)\s*:?$"#)
    private static let contactLabel = Pattern(#"^(?:enquiries\s+(?:contact|to)|contact\s+officer|contact\s+details|contact|report\s+author|author)\b\s*[:\-–]\s*(.*)$"#)

    /// The document block of the outlined report, and a warning for each value guessed or missing.
    /// `furniture` is the text of the running headers and footers (a letterhead often names the council).
    public func extract(from lines: [OutlinedLine], metadata: DocumentMetadata = .init(),
                        furniture: [String] = []) -> (DocumentBlock, [String]) {
        var block = DocumentBlock()
        var warnings: [String] = []
        let front = Array(lines.prefix(Self.frontMatterLines))
        let caser = AcronymAwareCaser(lines: lines)
        let labels = Self.labels(in: front)

        block.council = council(front: front, all: lines, labels: labels, furniture: furniture, warnings: &warnings)
        block.committee = committee(front: front, labels: labels).map { caser.titleCaseIfAllCaps($0) }
        block.meetingDate = meetingDate(front: front, labels: labels)
        if block.meetingDate == nil, let date = furniture.lazy.compactMap({ UKDateParser().firstDate(in: $0) }).first {
            block.meetingDate = date
            warnings.append("meeting_date taken from the running header")
        }
        if block.meetingDate == nil { warnings.append("meeting_date not found") }
        block.agendaItem = agendaItem(front: front, labels: labels)
        block.reportBy = reportBy(front: front, labels: labels).map { caser.titleCaseIfAllCaps($0) }
        block.title = title(front: front, labels: labels, metadata: metadata).map { caser.titleCaseIfAllCaps($0) }
        if block.title == nil { warnings.append("title not found") }
        block.contact = contact(lines: lines, labels: labels)
        block.purpose = purpose(lines: lines)
        if block.purpose == nil { warnings.append("purpose not found") }
        return (block, warnings)
    }

    /// The report's title alone, as ``extract(from:metadata:furniture:)`` gives it: what the outliner
    /// needs to spot a report about one partnership, without reading the rest of the document block.
    func title(from lines: [OutlinedLine], metadata: DocumentMetadata = .init()) -> String? {
        let front = Array(lines.prefix(Self.frontMatterLines))
        let caser = AcronymAwareCaser(lines: lines)
        return title(front: front, labels: Self.labels(in: front), metadata: metadata).map { caser.titleCaseIfAllCaps($0) }
    }

    /// The first words of ``labelled``'s labels, for a pre-check on the bytes.
    private static let labelWords = [
        "subject", "title", "report", "author", "lead", "from", "committee", "meeting", "date", "agenda", "item", "council",
        "contact", "enquiries",
    ]

    /// ``labelled``'s groups for `text`, with the pattern run only when `text` may start with a label.
    private static func labelledMatch(_ text: String) -> [String?]? {
        guard TextScan.mayStart(text, withOneOfWords: labelWords) else { return nil }
        return labelled.firstMatch(in: text)
    }

    /// The values of labelled cells and lines in the front matter ("Subject | X", "Report by: X"), by lowercased label.
    private static func labels(in front: [OutlinedLine]) -> [String: String] {
        var labels: [String: String] = [:]
        for (index, line) in front.enumerated() {
            let cells = line.filledCells
            // A label alone on its line and its value on the next: a table exported as text.
            if cells.count == 1, index + 1 < front.count, line.text.wordCount <= 3,
               let m = labelledMatch(line.text.droppingTrailingPunctuation), m[2]?.isEmpty ?? true,
               let key = m[1]?.lowercased(), labels[key] == nil,
               labelledMatch(front[index + 1].text.droppingTrailingPunctuation)?[2]?.isEmpty != true,
               front[index + 1].filledCells.count == 1 {
                labels[key] = front[index + 1].text
                continue
            }
            if cells.count >= 2, let m = labelledMatch(cells[0].droppingTrailingPunctuation), m[2]?.isEmpty ?? true,
               let key = m[1]?.lowercased(), labels[key] == nil {
                labels[key] = cells[1]
            } else if cells.count >= 2, let m = labelledMatch(cells[0]), let key = m[1]?.lowercased(),
                      let rest = m[2], let inner = labelledMatch(rest), let innerKey = inner[1]?.lowercased(),
                      let innerValue = inner[2]?.trimmed, !innerValue.isEmpty {
                // A label column read as one cell: "Subject Report by X | title" holds two labels.
                if labels[key] == nil { labels[key] = cells[1] }
                if labels[innerKey] == nil { labels[innerKey] = innerValue }
            } else if cells.count == 1, let m = labelledMatch(line.text),
                      let key = m[1]?.lowercased(), let value = m[2]?.trimmed, !value.isEmpty, labels[key] == nil,
                      line.text.contains(":") || TitleCaser.isAllCaps(value) && !TitleCaser.isAllCaps(line.text) {
                // "Report by: X", or "Subject ANNUAL REVIEW" where only the value is in capitals.
                labels[key] = value.hasPrefix(":") ? String(value.dropFirst()).trimmed : value
            }
        }
        return labels
    }

    // MARK: - Fields

    /// "The Westmere District Council" is "Westmere District Council".
    private static func droppingLeadWord(_ name: String) -> String {
        guard let first = name.split(separator: " ").first,
              ["The", "A", "Our", "Each", "Every", "Whole", "However", "And", "With", "By"].contains(String(first)) else { return name }
        return name.split(separator: " ").dropFirst().joined(separator: " ")
    }

    private func council(front: [OutlinedLine], all: [OutlinedLine], labels: [String: String], furniture: [String],
                         warnings: inout [String]) -> String? {
        if let value = labels["council"] { return value }
        // A running header or footer naming a council is the report's letterhead.
        for text in furniture {
            if let name = Self.councilName.firstMatch(in: text)?[1] { return Self.droppingLeadWord(name) }
        }
        for line in front.prefix(12) {
            // A letterhead, often in capitals: "STEEPLETON CITY COUNCIL".
            let text = TitleCaser().titleCaseIfAllCaps(line.text.droppingTrailingPunctuation)
            if Self.councilLine.matches(text) { return text }
        }
        // A header line that starts with the council's name: "Westmere District Council – Cabinet – 1 May 2024".
        for line in front.prefix(5) {
            if let name = Self.councilName.firstMatch(in: line.text)?[1], line.text.hasPrefix(name) { return name }
        }
        // The council the report names most often ("Chelmsford City Council", "Maldon District Council (MDC)").
        var counts: [String: Int] = [:]
        var order: [String] = []
        for line in all where line.text.includes("Council") || line.text.includes("Borough") {
            for m in Self.councilName.allMatches(in: line.text) {
                guard let printed = m[1] else { continue }
                let name = Self.droppingLeadWord(printed)
                if counts[name] == nil { order.append(name) }
                counts[name, default: 0] += 1
            }
        }
        if let best = order.max(by: { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!) }) {
            warnings.append("council inferred from the report's mentions of \(best)")
            return best
        }
        // The contact's e-mail domain: "name@maldon.gov.uk" names Maldon.
        for line in all {
            if let m = Self.email.firstMatch(in: line.text), let domain = m[1]?.lowercased(), domain.hasSuffix(".gov.uk") {
                let stem = domain.replacingOccurrences(of: ".gov.uk", with: "").split(separator: ".").last.map(String.init) ?? ""
                guard !stem.isEmpty else { continue }
                warnings.append("council inferred from e-mail domain \(domain)")
                return stem.prefix(1).uppercased() + stem.dropFirst() + " Council"
            }
        }
        warnings.append("council not found")
        return nil
    }

    private func committee(front: [OutlinedLine], labels: [String: String]) -> String? {
        if let value = labels["committee"] ?? labels["report to"] ?? labels["meeting"] { return stripDate(value) }
        if let committee = committeeAfterReportOf(front) { return committee }
        // "REPORT of X to COMMITTEE": the line after a lone "to".
        for (index, line) in front.enumerated() where line.text.lowercased() == "to" && index + 1 < front.count {
            let candidate = stripDate(front[index + 1].text)
            if !candidate.isEmpty { return candidate }
        }
        for line in front where line.filledCells.count == 1 && line.text.wordCount <= 8 {
            let text = stripDate(line.text)
            guard !text.isEmpty, Self.committeeWords.matches(text), !Self.notCommittee.matches(text),
                  !Self.councilLine.matches(text) || text.split(separator: " ").count == 1,
                  !text.hasSuffix("."), text.first?.isUppercase == true else { continue }
            return text
        }
        return nil
    }

    /// `text` without a date and the separators around it: "Cabinet – 30 June 2021" is "Cabinet".
    private func stripDate(_ text: String) -> String {
        var s = text
        if let date = Self.datePart.firstMatch(in: s)?[0], let range = s.range(of: date) { s.removeSubrange(range) }
        s = Self.itemInBrackets.replacing(in: s, with: "")
        return s.trimmingCharacters(in: CharacterSet(charactersIn: " -–—,:").union(.whitespaces))
    }
    private static let itemInBrackets = Pattern(#"\s*\((?:agenda\s+)?item[^)]*\)"#)
    private static let datePart = Pattern(#"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}"#)

    private func meetingDate(front: [OutlinedLine], labels: [String: String]) -> String? {
        let parser = UKDateParser()
        for key in ["date of meeting", "meeting date", "date", "meeting", "committee"] {
            if let value = labels[key], let date = parser.firstDate(in: value) { return date }
        }
        for line in front {
            if line.text.wordCount > (line.isHeading ? 20 : 12) { continue }
            if let date = parser.firstDate(in: line.text) { return date }
        }
        return nil
    }

    private func agendaItem(front: [OutlinedLine], labels: [String: String]) -> String? {
        for key in ["agenda item", "item"] {
            guard let value = labels[key] else { continue }
            let first = (value.split(separator: " ").first.map(String.init) ?? value).droppingTrailingPunctuation
            if Self.itemNumber.matches(first) { return first }
        }
        for line in front where line.text.wordCount <= 8 {
            if let m = Self.agendaItem.firstMatch(in: line.text), let value = m[1] {
                return value.replacingOccurrences(of: " ", with: "")
            }
        }
        return nil
    }

    private func reportBy(front: [OutlinedLine], labels: [String: String]) -> String? {
        for key in ["report by", "report of", "report author", "author", "lead officer", "from"] {
            if let value = labels[key] { return value.droppingTrailingPunctuation }
        }
        // "REPORT of X to COMMITTEE" on one line, or "REPORT of" then the author over the next
        // lines up to a lone "to".
        for (index, line) in front.enumerated() {
            guard let m = Self.reportOfStart.firstMatch(in: line.text) else { continue }
            if let rest = m[1]?.trimmed, !rest.isEmpty {
                let author = rest.components(separatedBy: " to ").first ?? rest
                if author.wordCount <= 12 { return author.droppingTrailingPunctuation }
                continue
            }
            var parts: [String] = []
            var next = index + 1
            while next < front.count, parts.count < 2, front[next].text.lowercased() != "to" {
                parts.append(front[next].text)
                next += 1
            }
            if next < front.count, front[next].text.lowercased() == "to" || parts.count == 1 {
                let joined = parts.joined(separator: " ")
                if !joined.isEmpty { return joined.droppingTrailingPunctuation }
            }
        }
        return nil
    }

    /// "REPORT of the Director of Finance to Cabinet" names the committee after " to ".
    private func committeeAfterReportOf(_ front: [OutlinedLine]) -> String? {
        for line in front {
            guard let m = Self.reportOfStart.firstMatch(in: line.text), let rest = m[1], rest.contains(" to ") else { continue }
            let committee = stripDate(rest.components(separatedBy: " to ").dropFirst().joined(separator: " to "))
            if !committee.isEmpty && committee.wordCount <= 8 { return committee.droppingTrailingPunctuation }
        }
        return nil
    }

    private func title(front: [OutlinedLine], labels: [String: String], metadata: DocumentMetadata) -> String? {
        for key in ["subject", "title", "report title", "title of report", "report subject", "subject of report"] {
            if let value = labels[key] { return value.droppingTrailingPunctuation }
        }
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
        // A report without that block: its first emphasised multi-word heading that is not the
        // council, the committee, a date or a standard section.
        for line in front {
            let text = line.text
            if Self.purposeHeading.matches(text) || RecommendationExtractor.isHeading(text) { break }
            guard line.isHeading, text.wordCount >= 3, line.role == .heading || line.isBold || TitleCaser.isAllCaps(text),
                  UKDateParser().firstDate(in: text) == nil, !Self.councilLine.matches(text), !Self.agendaItem.matches(text),
                  !(Self.committeeWords.matches(text) && text.wordCount <= 5), !Self.reportOfStart.matches(text),
                  ListMarker.split(text)?.number == nil else { continue }
            return text
        }
        if let title = metadata.title?.trimmed, !title.isEmpty { return title }
        return nil
    }

    private func contact(lines: [OutlinedLine], labels: [String: String]) -> Contact {
        var contact = Contact()
        var contactLines: [String] = []
        // "Contact"/"Enquiries" labels first; an "Author" label only when there is none.
        // Both label patterns are anchored: the label (the line, or its first filled cell) starts "Enquiries",
        // "Contact", "Report author" or "Author". Only lines that may are read, in both passes.
        let candidates = lines.indices.filter { index in
            TextScan.mayStart(lines[index].text, withOneOfWords: Self.contactWords)
                || lines[index].cells.contains { TextScan.mayStart($0.trimmingHorizontalWhitespace, withOneOfWords: Self.contactWords) }
        }
        search: for authorAllowed in [false, true] {
            for index in candidates {
                let line = lines[index]
                let cells = line.filledCells
                let label: String
                let value: String
                // Every contact label starts "Enquiries", "Contact", "Report author" or "Author".
                guard TextScan.mayStart(cells.count >= 2 ? cells[0] : line.text, withOneOf: "ecra") else { continue }
                if cells.count >= 2 {
                    guard Self.contactCell.matches(cells[0]) else { continue }
                    label = cells[0]
                    value = cells.dropFirst().joined(separator: ", ").replacingOccurrences(of: "\n", with: ", ")
                } else {
                    guard let m = Self.contactLabel.firstMatch(in: line.text) else {
                        // A label alone on its line, its value on the next (tables exported as text).
                        guard Self.contactCell.matches(line.text), index + 1 < lines.count else { continue }
                        if line.text.lowercased().contains("author") != authorAllowed { continue }
                        contactLines = [lines[index + 1].text]
                        if index + 2 < lines.count, Self.phone.matches(lines[index + 2].text) || Self.email.matches(lines[index + 2].text) {
                            contactLines.append(lines[index + 2].text)
                        }
                        break search
                    }
                    label = line.text
                    value = m[1] ?? ""
                }
                if label.lowercased().contains("author") != authorAllowed { continue }
                contactLines = [value]
                // The next line often holds the telephone and e-mail.
                if index + 1 < lines.count, Self.phone.matches(lines[index + 1].text) || Self.email.matches(lines[index + 1].text) {
                    contactLines.append(lines[index + 1].text)
                }
                if !value.trimmed.isEmpty { break search }
            }
        }
        // PDF cells sometimes lose the breaks between their lines: "Jo SmithPolicy OfficerTel: …".
        contactLines = contactLines.map {
            Self.gluedWords.replacing(in: $0.replacingOccurrences(of: "\t", with: " "), with: "$1, $2")
        }
        if let first = contactLines.first {
            let head = Self.email.replacing(in: Self.phone.replacing(in: first, with: ""), with: "")
            let parts = head.split(separator: ",").map { String($0).trimmed }.filter { part in
                let lower = part.lowercased()
                return !part.isEmpty && !["tel", "phone", "email", "e-mail", "t:", "e:"].contains { lower.hasPrefix($0) }
            }
            if let name = parts.first, name.wordCount <= 5 {
                contact.name = name.droppingTrailingPunctuation
                let role = parts.dropFirst().joined(separator: ", ").droppingTrailingPunctuation
                if !role.isEmpty { contact.role = role }
            }
        }
        let joined = contactLines.joined(separator: " ")
        if let m = Self.phone.firstMatch(in: joined), let number = m[1] ?? m[2] { contact.phone = number.trimmed }
        if let m = Self.email.firstMatch(in: joined), let address = m[0] { contact.email = address.droppingTrailingPunctuation }
        return contact
    }

    /// The words a contact label starts with.
    private static let contactWords = ["enquiries", "contact", "report", "author"]

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
