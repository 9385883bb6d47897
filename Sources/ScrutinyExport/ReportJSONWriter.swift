import Foundation
import ScrutinyCore

/// Writes a report record as JSON, byte for byte what `JSONEncoder` writes with `.sortedKeys`
/// and `.withoutEscapingSlashes` (plus `.prettyPrinted` when `pretty`), several times faster:
/// no boxing of every value, no key sorting at run time.
///
/// Keys are written in byte order of their names, as `.sortedKeys` orders them; `nil` is an
/// explicit `null`; a whole `Double` drops its `.0`; strings escape `"`, `\` and control
/// characters only. The tests compare its output with `JSONEncoder`'s on awkward reports, so a
/// field added to the model without being added here fails them.
struct ReportJSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// How many members each open object or array has had so far, innermost last.
    private var counts: [Int] = []

    init(pretty: Bool, capacity: Int = 1 << 14) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// The bytes of `report`.
    /// - Throws: `EncodingError.invalidValue` for a non-finite amount, as `JSONEncoder` does.
    static func encode(_ report: Report, pretty: Bool) throws -> [UInt8] {
        var writer = ReportJSONWriter(pretty: pretty)
        try writer.write(report)
        return writer.bytes
    }

    // MARK: The records, keys in sorted order

    mutating func write(_ report: Report) throws {
        try object {
            try $0.key("budgets") { try $0.array(report.budgets) { try $0.write($1) } }
            $0.key("document") { $0.write(report.document) }
            $0.key("document_id") { $0.string(report.documentID) }
            $0.key("implications") { $0.array(report.implications) { $0.write($1) } }
            $0.key("partnerships") { $0.array(report.partnerships) { $0.write($1) } }
            $0.key("recommendation_updates") { $0.array(report.recommendationUpdates) { $0.write($1) } }
            $0.key("recommendations") { $0.array(report.recommendations) { $0.write($1) } }
            $0.key("schema_version") { $0.string(report.schemaVersion) }
            $0.key("source") { $0.write(report.source) }
            $0.key("warnings") { $0.strings(report.warnings) }
        }
    }

    private mutating func write(_ source: SourceInfo) {
        object {
            $0.key("file") { $0.string(source.file) }
            $0.key("format") { $0.string(source.format.rawValue) }
            $0.key("pages") { $0.integer(source.pages) }
            $0.key("sha256") { $0.string(source.sha256) }
        }
    }

    private mutating func write(_ document: DocumentBlock) {
        object {
            $0.key("agenda_item") { $0.string(document.agendaItem) }
            $0.key("committee") { $0.string(document.committee) }
            $0.key("contact") { writer in
                writer.object {
                    $0.key("email") { $0.string(document.contact.email) }
                    $0.key("name") { $0.string(document.contact.name) }
                    $0.key("phone") { $0.string(document.contact.phone) }
                    $0.key("role") { $0.string(document.contact.role) }
                }
            }
            $0.key("council") { $0.string(document.council) }
            $0.key("meeting_date") { $0.string(document.meetingDate) }
            $0.key("purpose") { $0.string(document.purpose) }
            $0.key("report_by") { $0.string(document.reportBy) }
            $0.key("title") { $0.string(document.title) }
        }
    }

    private mutating func write(_ provenance: Provenance?) {
        guard let provenance else { return null() }
        object {
            $0.key("line") { $0.integer(provenance.line) }
            $0.key("page") { $0.integer(provenance.page) }
            $0.key("section") { $0.string(provenance.section) }
        }
    }

    private mutating func write(_ recommendation: Recommendation) {
        object {
            $0.key("number") { $0.string(recommendation.number) }
            $0.key("provenance") { $0.write(recommendation.provenance) }
            $0.key("text") { $0.string(recommendation.text) }
        }
    }

    private mutating func write(_ update: RecommendationUpdate) {
        object {
            $0.key("partnership") { $0.string(update.partnership) }
            $0.key("progress") { $0.string(update.progress) }
            $0.key("provenance") { $0.write(update.provenance) }
            $0.key("text") { $0.string(update.text) }
        }
    }

    private mutating func write(_ partnership: Partnership) {
        object {
            $0.key("achievements") { $0.strings(partnership.achievements) }
            $0.key("acronym") { $0.string(partnership.acronym) }
            $0.key("aims") { $0.strings(partnership.aims) }
            $0.key("council_role") { $0.string(partnership.councilRole) }
            $0.key("members") { $0.strings(partnership.members) }
            $0.key("name") { $0.string(partnership.name) }
            $0.key("priorities") { $0.strings(partnership.priorities) }
            $0.key("provenance") { $0.write(partnership.provenance) }
            $0.key("purpose") { $0.string(partnership.purpose) }
            $0.key("statutory") { $0.boolean(partnership.statutory) }
            $0.key("statutory_basis") { $0.string(partnership.statutoryBasis) }
        }
    }

    private mutating func write(_ budget: Budget) throws {
        try object {
            try $0.key("amount") { try $0.number(budget.amount) }
            $0.key("approximate") { $0.boolean(budget.approximate) }
            $0.key("context") { $0.string(budget.context) }
            $0.key("currency") { $0.string(budget.currency) }
            $0.key("kind") { $0.string(budget.kind.rawValue) }
            $0.key("partnership") { $0.string(budget.partnership) }
            $0.key("period") { $0.string(budget.period) }
            $0.key("provenance") { $0.write(budget.provenance) }
            $0.key("raw") { $0.string(budget.raw) }
        }
    }

    private mutating func write(_ implication: Implication) {
        object {
            $0.key("area") { $0.string(implication.area) }
            $0.key("provenance") { $0.write(implication.provenance) }
            $0.key("text") { $0.string(implication.text) }
        }
    }

    // MARK: Layout

    private mutating func object(_ members: (inout Self) throws -> Void) rethrows {
        open(UInt8(ascii: "{"))
        try members(&self)
        close(UInt8(ascii: "}"))
    }

    private mutating func array<Element>(_ elements: [Element], _ write: (inout Self, Element) throws -> Void) rethrows {
        open(UInt8(ascii: "["))
        for element in elements {
            beginMember()
            try write(&self, element)
        }
        close(UInt8(ascii: "]"))
    }

    private mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }

    private mutating func key(_ name: StaticString, _ value: (inout Self) throws -> Void) rethrows {
        beginMember()
        bytes.append(.quote)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(.quote)
        if pretty {
            bytes.append(contentsOf: [.space, UInt8(ascii: ":"), .space])
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
        try value(&self)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        counts.append(0)
    }

    private mutating func close(_ bracket: UInt8) {
        let count = counts.removeLast()
        if pretty {
            bytes.append(.lf)
            if count == 0 { bytes.append(.lf) }
            indent()
        }
        bytes.append(bracket)
    }

    /// The comma and, when pretty, the new line and indent before a member.
    private mutating func beginMember() {
        if counts[counts.count - 1] > 0 { bytes.append(.comma) }
        counts[counts.count - 1] += 1
        if pretty {
            bytes.append(.lf)
            indent()
        }
    }

    private mutating func indent() {
        for _ in 0..<counts.count { bytes.append(.space); bytes.append(.space) }
    }

    // MARK: Values

    private mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    private mutating func boolean(_ value: Bool?) {
        guard let value else { return null() }
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    private mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A `Double` as `JSONEncoder` writes it: its shortest description, without a trailing `.0`.
    private mutating func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func string(_ value: String?) {
        guard var value else { return null() }
        bytes.append(.quote)
        value.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == .quote || byte == .backslash {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                appendEscape(for: byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(.quote)
    }

    private mutating func appendEscape(for byte: UInt8) {
        bytes.append(.backslash)
        switch byte {
        case .quote: bytes.append(.quote)
        case .backslash: bytes.append(.backslash)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case .lf: bytes.append(UInt8(ascii: "n"))
        case .cr: bytes.append(UInt8(ascii: "r"))
        case .tab: bytes.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}

extension UInt8 {
    static let backslash = UInt8(ascii: "\\")
    static let space = UInt8(ascii: " ")
}
