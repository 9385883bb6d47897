import Foundation
import JSONSchema
import ScrutinyCore

/// Reads a report file written by `extract` into a ``Report``, several times faster than
/// `JSONDecoder` (the project's own parser, then the members by name): the tables, the database
/// and the review read every unchanged report back from its file.
///
/// Reads what the schema allows; anything else (a report the schema would fail) gives `nil`.
/// The tests hold it to `JSONDecoder`'s reading of the same files.
public enum ReportReader {
    /// The report `data` holds, `nil` when it is not one the schema allows.
    public static func report(from data: Data) -> Report? {
        guard let value = try? JSONParser.parse(data), let object = value.objectValue else { return nil }
        return report(object)
    }

    private static func report(_ o: JSONObject) -> Report? {
        guard let documentID = o["document_id"]?.stringValue, let source = o["source"]?.objectValue.flatMap(source),
              let document = o["document"]?.objectValue.flatMap(document) else { return nil }
        var report = Report(documentID: documentID, source: source, document: document)
        if let version = o["schema_version"]?.stringValue { report.schemaVersion = version }
        guard let recommendations = list(o["recommendations"], recommendation),
              let updates = list(o["recommendation_updates"], update),
              let partnerships = list(o["partnerships"], partnership),
              let budgets = list(o["budgets"], budget),
              let implications = list(o["implications"], implication),
              let warnings = strings(o["warnings"]) else { return nil }
        report.recommendations = recommendations
        report.recommendationUpdates = updates
        report.partnerships = partnerships
        report.budgets = budgets
        report.implications = implications
        report.warnings = warnings
        return report
    }

    // MARK: Parts

    private static func source(_ o: JSONObject) -> SourceInfo? {
        guard let file = o["file"]?.stringValue, let sha256 = o["sha256"]?.stringValue,
              let format = o["format"]?.stringValue.flatMap(DocumentFormat.init(rawValue:)) else { return nil }
        var source = SourceInfo(file: file, sha256: sha256, format: format, pages: int(o["pages"]))
        if let ocr = o["ocr"]?.objectValue, let pages = ints(ocr["pages"]), let confidence = ocr["mean_confidence"]?.numberValue?.double {
            source.ocr = OCRSummary(pages: pages, meanConfidence: confidence)
        }
        if let item = o["item"]?.objectValue, let index = int(item["index"]), let first = int(item["first_page"]),
           let last = int(item["last_page"]), let kind = item["kind"]?.stringValue.flatMap(PackItemKind.init(rawValue:)) {
            source.item = SourceItem(index: index, firstPage: first, lastPage: last, agendaItem: text(item["agenda_item"]), kind: kind)
        }
        if let meeting = o["meeting"]?.objectValue {
            let agenda = (meeting["agenda"]?.arrayValue ?? []).compactMap { entry -> AgendaEntry? in
                guard let title = entry["title"]?.stringValue else { return nil }
                return AgendaEntry(number: text(entry["number"]), title: title)
            }
            source.meeting = Meeting(council: text(meeting["council"]), committee: text(meeting["committee"]),
                                     meetingDate: text(meeting["meeting_date"]), time: text(meeting["time"]),
                                     venue: text(meeting["venue"]), agenda: agenda)
        }
        return source
    }

    private static func document(_ o: JSONObject) -> DocumentBlock? {
        let contact = o["contact"]?.objectValue
        return DocumentBlock(
            council: text(o["council"]), committee: text(o["committee"]), meetingDate: text(o["meeting_date"]),
            agendaItem: text(o["agenda_item"]), title: text(o["title"]), reportBy: text(o["report_by"]),
            contact: Contact(name: text(contact?["name"]), role: text(contact?["role"]), phone: text(contact?["phone"]),
                             email: text(contact?["email"])),
            purpose: text(o["purpose"]))
    }

    private static func provenance(_ value: JSONValue?) -> Provenance? {
        guard let o = value?.objectValue, let line = int(o["line"]) else { return nil }
        var provenance = Provenance(page: int(o["page"]), line: line, section: text(o["section"]), ocr: o["ocr"] == .bool(true))
        if let box = o["box"]?.objectValue, let x = number(box["x"]), let y = number(box["y"]), let width = number(box["width"]),
           let height = number(box["height"]) {
            provenance.box = Box(x: x, y: y, width: width, height: height)
        }
        return provenance
    }

    private static func recommendation(_ o: JSONObject) -> Recommendation? {
        guard let text = o["text"]?.stringValue, let provenance = provenance(o["provenance"]) else { return nil }
        return Recommendation(number: Self.text(o["number"]), text: text, provenance: provenance)
    }

    private static func update(_ o: JSONObject) -> RecommendationUpdate? {
        guard let text = o["text"]?.stringValue, let provenance = provenance(o["provenance"]) else { return nil }
        return RecommendationUpdate(partnership: Self.text(o["partnership"]), text: text, progress: Self.text(o["progress"]),
                                    provenance: provenance)
    }

    private static func partnership(_ o: JSONObject) -> Partnership? {
        guard let name = o["name"]?.stringValue, let provenance = provenance(o["provenance"]) else { return nil }
        return Partnership(name: name, acronym: text(o["acronym"]), purpose: text(o["purpose"]), aims: strings(o["aims"]) ?? [],
                           statutory: o["statutory"].flatMap { if case .bool(let b) = $0 { b } else { nil } },
                           statutoryBasis: text(o["statutory_basis"]), councilRole: text(o["council_role"]),
                           members: strings(o["members"]) ?? [], achievements: strings(o["achievements"]) ?? [],
                           priorities: strings(o["priorities"]) ?? [], provenance: provenance)
    }

    private static func budget(_ o: JSONObject) -> Budget? {
        guard let amount = number(o["amount"]), let raw = o["raw"]?.stringValue,
              let kind = o["kind"]?.stringValue.flatMap(BudgetKind.init(rawValue:)),
              let provenance = provenance(o["provenance"]) else { return nil }
        return Budget(amount: amount, currency: o["currency"]?.stringValue ?? "GBP", raw: raw,
                      approximate: o["approximate"] == .bool(true), kind: kind, period: text(o["period"]),
                      partnership: text(o["partnership"]), context: o["context"]?.stringValue ?? "", provenance: provenance)
    }

    private static func implication(_ o: JSONObject) -> Implication? {
        guard let area = o["area"]?.stringValue, let text = o["text"]?.stringValue else { return nil }
        return Implication(area: area, text: text, provenance: provenance(o["provenance"]))
    }

    // MARK: Values

    /// Every element read by `read`, or `nil` when the value is not an array or one element fails.
    private static func list<T>(_ value: JSONValue?, _ read: (JSONObject) -> T?) -> [T]? {
        guard let array = value?.arrayValue else { return nil }
        var out: [T] = []
        out.reserveCapacity(array.count)
        for element in array {
            guard let object = element.objectValue, let item = read(object) else { return nil }
            out.append(item)
        }
        return out
    }

    private static func text(_ value: JSONValue?) -> String? { value?.stringValue }

    private static func number(_ value: JSONValue?) -> Double? { value?.numberValue?.double }

    private static func int(_ value: JSONValue?) -> Int? {
        guard let n = value?.numberValue, n.isInteger else { return nil }
        return Int(exactly: n.double)
    }

    private static func ints(_ value: JSONValue?) -> [Int]? {
        guard let array = value?.arrayValue else { return nil }
        let numbers = array.compactMap(int)
        return numbers.count == array.count ? numbers : nil
    }

    private static func strings(_ value: JSONValue?) -> [String]? {
        guard let array = value?.arrayValue else { return nil }
        let texts = array.compactMap(\.stringValue)
        return texts.count == array.count ? texts : nil
    }
}
