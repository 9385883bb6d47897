import Foundation
import ScrutinyCore

/// Finds the report's contact: the person under a contact label ("Contact officer", "Enquiries to",
/// "Contact for enquiries") or, when there is none, under an author label ("Report author"), with the
/// role, telephone and e-mail printed with the name, on the lines that follow it, or beside the name
/// elsewhere in the report (a background papers table).
struct ContactFinder: Sendable {
    static let email = Pattern(#"[A-Za-z0-9._%+\-]+@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)"#)
    static let phone = Pattern(#"(?:tel(?:ephone)?\.?|phone|mobile)\s*(?:no\.?)?\s*[:.]?\s*(\(?\+?\d[\d ()\-]{7,16}\d)|\b(0\d{2,4}[ \-]?\d{3,4}[ \-]?\d{3,4})(?!\d)"#)
    private static let gluedWords = Pattern(#"([a-z]{3})([A-Z][a-z]{2,})"#, caseSensitive: true)
    /// A person line that names its holder as the case officer or author: "A Smith, Planner (Case Officer)".
    private static let authorRole = Pattern(#"^[A-Z][^,\n]{2,40},[^\n]*\b(?:case\s+officer|report\s+author)\b"#)

    /// The labels of a contact's details in a block under a contact heading ("Name: | A Smith",
    /// "Telephone: | 01632 960000"), by the detail each gives.
    static let detailLabels: [(label: String, detail: ContactDetail)] = [
        ("name", .name), ("contact name", .name), ("position", .role), ("job title", .role), ("title", .role),
        ("role", .role), ("designation", .role), ("telephone", .phone), ("tel", .phone), ("phone", .phone),
        ("direct line", .phone), ("mobile", .phone), ("e-mail", .email), ("email", .email), ("e mail", .email),
    ]
    enum ContactDetail: Sendable { case name, role, phone, email }

    /// The contact found in `lines`: the first labelled contact that names a person, else the first
    /// that gives at least a telephone or e-mail.
    func contact(in lines: [OutlinedLine]) -> Contact {
        var nameless: Contact?
        for found in sources(in: lines) {
            let contact = parsed(found)
            if contact.name != nil {
                var contact = contact
                if contact.phone == nil || contact.email == nil { fillDetailsPrinted(beside: contact.name!, in: lines, into: &contact) }
                return contact
            }
            if nameless == nil, contact.phone != nil || contact.email != nil { nameless = contact }
        }
        return nameless ?? Contact()
    }

    /// The name, role, telephone and e-mail in a contact's lines.
    private func parsed(_ found: [String]) -> Contact {
        // PDF cells sometimes lose the breaks between their lines: "Jo SmithPolicy OfficerTel: …".
        let contactLines = found.map {
            Self.gluedWords.replacing(in: $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: ", "),
                                      with: "$1, $2")
        }
        var contact = Contact()
        if let first = contactLines.first {
            let head = Self.email.replacing(in: Self.phone.replacing(in: first, with: ""), with: "")
            let parts = Self.parts(of: head)
            if let name = parts.first, name.wordCount <= 5, name.first?.isLetter == true {
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

    /// A contact's text split into name and role: at commas, and at dashes between words ("A Smith - Head of X").
    private static func parts(of text: String) -> [String] {
        text.replacingOccurrences(of: " – ", with: ", ").replacingOccurrences(of: " - ", with: ", ")
            .replacingOccurrences(of: " — ", with: ", ")
            .split(separator: ",").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: " -–—").union(.whitespacesAndNewlines)) }
            .filter { part in
                let lower = part.lowercased()
                return part.contains(where: \.isLetter)
                    && !["tel", "phone", "email", "e-mail", "t:", "e:", "mobile"].contains { lower.hasPrefix($0) }
            }
    }

    /// The words a contact or author label starts with.
    private static let labelWords = ["enquiries", "contact", "report", "author", "lead", "officer", "for"]

    /// The texts that may hold the contact (labels dropped), best first: under contact labels, then
    /// under author labels, then person lines naming the case officer or author; each with the lines
    /// after it that hold the telephone or e-mail. Read lazily: most reports' first one names a person.
    private func sources(in lines: [OutlinedLine]) -> some Sequence<[String]> {
        let candidates = lines.indices.filter { index in
            guard let first = lines[index].filledCells.first else { return false }
            return TextScan.mayStart(first, withOneOfWords: Self.labelWords)
        }
        let labelledSources = [[CoverField.contact], [CoverField.reportAuthor]].lazy.flatMap { fields in
            candidates.lazy.compactMap { self.labelled(at: $0, in: lines, fields: fields) }
        }
        // A person line that says it is the case officer or the author, as planning reports print them.
        let roleLines = lines.indices.lazy
            .filter { lines[$0].text.wordCount <= 16 && Self.authorRole.matches(lines[$0].text) }
            .map { self.withFollowingDetails([lines[$0].text], after: $0, in: lines) }
        return [AnySequence(labelledSources), AnySequence(roleLines)].joined()
    }

    /// The contact under a label of `fields` on line `index`, if the line holds one.
    private func labelled(at index: Int, in lines: [OutlinedLine], fields: [CoverField]) -> [String]? {
        let line = lines[index]
        let cells = line.filledCells
        guard let m = CoverLabels.match(cells[0]), fields.contains(m.label.field) else { return nil }
        var value: String
        if cells.count >= 2, m.value.isEmpty {
            value = cells.dropFirst().joined(separator: ", ")
        } else if m.separator == .punctuation || m.separator == .lineBreak {
            value = ([m.value] + cells.dropFirst()).joined(separator: ", ")
        } else if m.separator == .space, m.label.text.contains(" "), m.value.first?.isUppercase == true,
                  line.role == .tableRow || cells[0].wordCount <= 10 {
            // "Report Author A Smith, Officer | …": a two-word label run into its value.
            value = ([m.value] + cells.dropFirst()).joined(separator: ", ")
        } else if m.value.isEmpty {
            value = ""
        } else {
            return nil
        }
        value = value.trimmed
        guard value.isEmpty else { return withFollowingDetails([value], after: index, in: lines) }
        if let block = detailBlock(after: index, in: lines) { return block }
        guard cells.count == 1 else { return nil }
        return stacked(after: index, in: lines)
    }

    /// `found`, and the lines after `index` (up to two) that hold a telephone number or e-mail address.
    private func withFollowingDetails(_ found: [String], after index: Int, in lines: [OutlinedLine]) -> [String] {
        var found = found
        for next in lines.dropFirst(index + 1).prefix(2) {
            guard Self.phone.matches(next.text) || Self.email.matches(next.text) else { break }
            found.append(next.text)
        }
        return found
    }

    /// A contact label alone on its line and the contact on the lines below: the name, then perhaps
    /// the role on a line of its own, then the telephone and e-mail.
    private func stacked(after index: Int, in lines: [OutlinedLine]) -> [String]? {
        guard index + 1 < lines.count else { return nil }
        var first = lines[index + 1].text
        var details: [String] = []
        var hasRole = first.contains(",")
        for next in lines.dropFirst(index + 2).prefix(3) {
            let text = next.text
            if Self.phone.matches(text) || Self.email.matches(text) {
                details.append(text)
            } else if !hasRole, details.isEmpty, text.wordCount <= 8, !text.contains(where: \.isNumber),
                      CoverLabels.match(text) == nil, !text.hasSuffix(".") {
                first += ", " + text
                hasRole = true
            } else {
                break
            }
        }
        return [first] + details
    }

    /// A block of the first contact's details under a contact heading: "Name: | A Smith", "Position: | X",
    /// "Telephone: | …", "E-mail: | …", up to the next name.
    private func detailBlock(after index: Int, in lines: [OutlinedLine]) -> [String]? {
        var name: String?
        var role: String?
        var rest: [String] = []
        rows: for line in lines.dropFirst(index + 1).prefix(8) {
            let cells = line.filledCells
            guard cells.count >= 2, let detail = Self.detail(named: cells[0]) else { break }
            let value = cells.dropFirst().joined(separator: " ")
            switch detail {
            case .name:
                // The next person's details start here.
                if name != nil { break rows }
                name = value
            case .role: role = role ?? value
            case .phone, .email: rest.append(value)
            }
        }
        guard let name else { return nil }
        return [[name, role].compactMap { $0 }.joined(separator: ", ")] + rest
    }

    private static func detail(named label: String) -> ContactDetail? {
        let key = label.droppingTrailingPunctuation.lowercased()
        return detailLabels.first { $0.label == key }?.detail
    }

    /// The telephone and e-mail printed in the same cell as `name`, after it (a background papers
    /// table's "Contact" column: "A Smith ⏎ 01632 960000").
    private func fillDetailsPrinted(beside name: String, in lines: [OutlinedLine], into contact: inout Contact) {
        guard name.count >= 5 else { return }
        for line in lines where line.text.includes(name) {
            for cell in line.cells {
                guard let range = cell.range(of: name) else { continue }
                let after = String(cell[range.upperBound...].prefix(80))
                if contact.phone == nil, let m = Self.phone.firstMatch(in: after), let number = m[1] ?? m[2] {
                    contact.phone = number.trimmed
                }
                if contact.email == nil, let m = Self.email.firstMatch(in: after), let address = m[0] {
                    contact.email = address.droppingTrailingPunctuation
                }
                if contact.phone != nil && contact.email != nil { return }
            }
        }
    }
}
