import Foundation
import ScrutinyCore

/// Reads the meeting's details from the lines before the agenda (`zone`), and, for a time or venue
/// those lack, from labels after it (`rest`); never from the agenda's own items. A running header
/// naming the meeting is the last resort for the body and the date.
///
/// Each detail comes from the first source that gives it, in an order set for each detail, among
/// labels (``LabelledValue``), the display block (the body in large type, the date, time and venue
/// on the lines below), the ``Summons`` sentence and the running headers.
struct MeetingDetailsReader: Sendable {
    let sheet: Sheet
    let zone: [Int]
    let rest: [Int]

    /// What may stand before a time on a line under the date: "at", "from", "starting at".
    private static let atLeadIn = Pattern(#"^\s*(?:at|from|starting\s+at|commencing\s+at)\s+"#)

    /// The details the sheet gives; one it does not give is `nil`.
    func details() -> MeetingDetails {
        var details = MeetingDetails()
        let labelled = LabelledValue.all(in: sheet.lines, at: zone)
        let restLabelled = LabelledValue.all(in: sheet.lines, at: rest)
        details.council = (labelled + restLabelled).first { $0.field == .council && UKDateParser().firstDate(in: $0.value) == nil }?.value
            ?? councilOpeningALine()
        let summons = Summons.read(from: sheet, zone: zone)

        // The body.
        details.committee = labelled.lazy.filter { $0.field == .committee }.compactMap { MeetingBody.name(in: $0.value, needsNoun: false) }.first
            ?? displayedBody() ?? summons?.committee
            ?? sheet.furniture.lazy.compactMap { MeetingBody.name(in: $0, needsNoun: true) }.first

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
            if let rest = MeetingVenue.following(after), MeetingVenue.isPlace(rest) { afterTime = after }
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
            details.venue = MeetingVenue.cleaned(entry.value)
        } else if let after = afterTime, let venue = MeetingVenue.following(after) {
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

    // MARK: The council

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
            if let name = MeetingBody.name(in: line.text, needsNoun: true) { return name }
            // A name wrapped onto the next line: only where this line names no body of its own (a letterhead does).
            if position + 1 < zone.count, zone[position + 1] == index + 1, !MeetingBody.holdsNoun(line.text) {
                let next = sheet.lines[index + 1]
                if sheet.isDisplay(next), sheet.sameStyle(line, next), next.filled.count == 1,
                   UKDateParser().firstDate(in: next.text) == nil,
                   let name = MeetingBody.name(in: line.text + " " + next.text, needsNoun: true) { return name }
            }
        }
        return nil
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
        if let date = MeetingVocabulary.printedDate.firstMatch(in: text)?[0], let range = text.range(of: date) { after = String(text[range.upperBound...]) }
        return MeetingClock.first(in: after, dotted: true) ?? MeetingClock.first(in: text, dotted: false)
    }

    /// The venue after the date on the date's line, where the line gives no time: "Tuesday 3 June 2026, Council Chamber".
    private func venueAfterDate(on index: Int) -> String? {
        let text = dateText(index)
        guard let date = MeetingVocabulary.printedDate.firstMatch(in: text)?[0], let range = text.range(of: date) else { return nil }
        let rest = MeetingVenue.droppingLeadIn(String(text[range.upperBound...])).trimmed
        return MeetingVenue.isPlace(rest) ? MeetingVenue.cleaned(rest) : nil
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
            if MeetingVenue.isPlace(text) { return MeetingVenue.cleaned(MeetingVenue.droppingLeadIn(text)) }
        }
        return nil
    }
}
