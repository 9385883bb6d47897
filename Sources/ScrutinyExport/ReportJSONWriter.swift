import Foundation
import ScrutinyCore

/// Writes a report record as JSON, byte for byte what `JSONEncoder` writes with `.sortedKeys`
/// and `.withoutEscapingSlashes` (plus `.prettyPrinted` for the pretty form), several times
/// faster: no boxing of every value, no key sorting at run time, no `String` per number.
///
/// One pass can write the pretty file and the compact line together: the two differ only in the
/// white space between tokens, so every token (an escaped string included) is made once and
/// copied into the second buffer.
///
/// Keys are written in byte order of their names, as `.sortedKeys` orders them; `nil` is an
/// explicit `null`; a whole `Double` drops its `.0`; strings escape `"`, `\` and control
/// characters only. The tests compare its output with `JSONEncoder`'s on awkward reports, so a
/// field added to the model without being added here fails them.
struct ReportJSONWriter: ~Copyable {
    /// Which forms one pass writes.
    struct Forms: OptionSet {
        let rawValue: UInt8
        static let pretty = Forms(rawValue: 1)
        static let compact = Forms(rawValue: 2)
    }

    /// The pretty form (empty unless `forms` has `.pretty`).
    private var pretty: ByteSink
    /// The compact form (empty unless `forms` has `.compact`).
    private var compact: ByteSink
    private let writesPretty: Bool
    private let writesCompact: Bool
    /// How deep the writer is in open objects and arrays.
    private var depth = 0
    /// Bit `d` is set once the container open at depth `d` has a member.
    private var hasMembers: UInt64 = 0

    init(forms: Forms, capacity: Int = 1 << 14) {
        writesPretty = forms.contains(.pretty)
        writesCompact = forms.contains(.compact)
        pretty = ByteSink(capacity: writesPretty ? capacity : 0)
        compact = ByteSink(capacity: writesCompact ? capacity : 0)
    }

    /// The bytes of `report`, pretty or compact.
    /// - Throws: `EncodingError.invalidValue` for a non-finite amount, as `JSONEncoder` does.
    static func encode(_ report: Report, pretty: Bool) throws -> [UInt8] {
        var writer = ReportJSONWriter(forms: pretty ? .pretty : .compact, capacity: estimatedSize(of: report, pretty: pretty))
        try writer.write(report)
        return pretty ? writer.pretty.bytes() : writer.compact.bytes()
    }

    /// The compact bytes of `report` followed by a newline: its line of `reports.jsonl`.
    /// - Throws: `EncodingError.invalidValue` for a non-finite amount, as `JSONEncoder` does.
    static func encodeLine(_ report: Report) throws -> [UInt8] {
        var writer = ReportJSONWriter(forms: .compact, capacity: estimatedSize(of: report, pretty: false))
        try writer.write(report)
        writer.compact.append(.lf)
        return writer.compact.bytes()
    }

    /// The pretty bytes of `report` and its compact line (newline included), written in one pass.
    /// - Throws: `EncodingError.invalidValue` for a non-finite amount, as `JSONEncoder` does.
    static func encodeBoth(_ report: Report) throws -> (pretty: [UInt8], line: [UInt8]) {
        var writer = ReportJSONWriter(forms: [.pretty, .compact], capacity: estimatedSize(of: report, pretty: true))
        try writer.write(report)
        writer.compact.append(.lf)
        return (writer.pretty.bytes(), writer.compact.bytes())
    }

    /// A generous guess of the encoded size, so the buffers rarely grow.
    private static func estimatedSize(of report: Report, pretty: Bool) -> Int {
        let perRecord = pretty ? 640 : 400
        let records = report.budgets.count + report.recommendations.count + report.recommendationUpdates.count
            + report.partnerships.count * 4 + report.implications.count
        return 4096 + records * perRecord
    }

    // MARK: The records, keys in sorted order

    mutating func write(_ report: Report) throws {
        open(.openBrace)
        key("budgets")
        open(.openBracket)
        for budget in report.budgets { beginMember(); try write(budget) }
        close(.closeBracket)
        key("document"); write(report.document)
        key("document_id"); string(report.documentID)
        key("implications")
        open(.openBracket)
        for implication in report.implications { beginMember(); try write(implication) }
        close(.closeBracket)
        key("partnerships")
        open(.openBracket)
        for partnership in report.partnerships { beginMember(); try write(partnership) }
        close(.closeBracket)
        key("recommendation_updates")
        open(.openBracket)
        for update in report.recommendationUpdates { beginMember(); try write(update) }
        close(.closeBracket)
        key("recommendations")
        open(.openBracket)
        for recommendation in report.recommendations { beginMember(); try write(recommendation) }
        close(.closeBracket)
        key("schema_version"); string(report.schemaVersion)
        key("source"); try write(report.source)
        key("warnings"); strings(report.warnings)
        close(.closeBrace)
    }

    private mutating func write(_ source: SourceInfo) throws {
        open(.openBrace)
        key("file"); string(source.file)
        key("format"); string(source.format.rawValue)
        if let item = source.item {
            key("item")
            open(.openBrace)
            key("agenda_item"); string(item.agendaItem)
            key("first_page"); integer(item.firstPage)
            key("index"); integer(item.index)
            key("kind"); string(item.kind.rawValue)
            key("last_page"); integer(item.lastPage)
            close(.closeBrace)
        }
        if let meeting = source.meeting {
            key("meeting")
            open(.openBrace)
            key("agenda")
            open(.openBracket)
            for entry in meeting.agenda {
                beginMember()
                open(.openBrace)
                key("number"); string(entry.number)
                key("title"); string(entry.title)
                close(.closeBrace)
            }
            close(.closeBracket)
            key("committee"); string(meeting.committee)
            key("council"); string(meeting.council)
            key("meeting_date"); string(meeting.meetingDate)
            key("time"); string(meeting.time)
            key("venue"); string(meeting.venue)
            close(.closeBrace)
        }
        if let ocr = source.ocr {
            key("ocr")
            open(.openBrace)
            key("mean_confidence"); try number(ocr.meanConfidence)
            key("pages")
            open(.openBracket)
            for page in ocr.pages { beginMember(); integer(page) }
            close(.closeBracket)
            close(.closeBrace)
        }
        key("pages"); integer(source.pages)
        key("sha256"); string(source.sha256)
        close(.closeBrace)
    }

    private mutating func write(_ document: DocumentBlock) {
        open(.openBrace)
        key("agenda_item"); string(document.agendaItem)
        key("committee"); string(document.committee)
        key("contact")
        open(.openBrace)
        key("email"); string(document.contact.email)
        key("name"); string(document.contact.name)
        key("phone"); string(document.contact.phone)
        key("role"); string(document.contact.role)
        close(.closeBrace)
        key("council"); string(document.council)
        key("meeting_date"); string(document.meetingDate)
        key("purpose"); string(document.purpose)
        key("report_by"); string(document.reportBy)
        key("title"); string(document.title)
        close(.closeBrace)
    }

    private mutating func write(_ provenance: Provenance?) throws {
        guard let provenance else { return null() }
        open(.openBrace)
        if let box = provenance.box {
            key("box")
            open(.openBrace)
            key("height"); try number(box.height)
            key("width"); try number(box.width)
            key("x"); try number(box.x)
            key("y"); try number(box.y)
            close(.closeBrace)
        }
        key("line"); integer(provenance.line)
        if provenance.ocr { key("ocr"); boolean(true) }
        key("page"); integer(provenance.page)
        key("section"); string(provenance.section)
        close(.closeBrace)
    }

    private mutating func write(_ recommendation: Recommendation) throws {
        open(.openBrace)
        key("number"); string(recommendation.number)
        key("provenance"); try write(recommendation.provenance)
        key("text"); string(recommendation.text)
        close(.closeBrace)
    }

    private mutating func write(_ update: RecommendationUpdate) throws {
        open(.openBrace)
        key("partnership"); string(update.partnership)
        key("progress"); string(update.progress)
        key("provenance"); try write(update.provenance)
        key("text"); string(update.text)
        close(.closeBrace)
    }

    private mutating func write(_ partnership: Partnership) throws {
        open(.openBrace)
        key("achievements"); strings(partnership.achievements)
        key("acronym"); string(partnership.acronym)
        key("aims"); strings(partnership.aims)
        key("council_role"); string(partnership.councilRole)
        key("members"); strings(partnership.members)
        key("name"); string(partnership.name)
        key("priorities"); strings(partnership.priorities)
        key("provenance"); try write(partnership.provenance)
        key("purpose"); string(partnership.purpose)
        key("statutory"); boolean(partnership.statutory)
        key("statutory_basis"); string(partnership.statutoryBasis)
        close(.closeBrace)
    }

    private mutating func write(_ budget: Budget) throws {
        open(.openBrace)
        key("amount"); try number(budget.amount)
        key("approximate"); boolean(budget.approximate)
        key("context"); string(budget.context)
        key("currency"); string(budget.currency)
        key("kind"); string(budget.kind.rawValue)
        key("partnership"); string(budget.partnership)
        key("period"); string(budget.period)
        key("provenance"); try write(budget.provenance)
        key("raw"); string(budget.raw)
        close(.closeBrace)
    }

    private mutating func write(_ implication: Implication) throws {
        open(.openBrace)
        key("area"); string(implication.area)
        key("provenance"); try write(implication.provenance)
        key("text"); string(implication.text)
        close(.closeBrace)
    }

    // MARK: Layout

    private mutating func strings(_ values: [String]) {
        open(.openBracket)
        for value in values { beginMember(); string(value) }
        close(.closeBracket)
    }

    private mutating func key(_ name: StaticString) {
        beginMember()
        name.withUTF8Buffer { name in
            if writesPretty {
                pretty.append(.quote)
                pretty.append(name)
                Self.prettyColon.withUTF8Buffer { pretty.append($0) }
            }
            if writesCompact {
                compact.append(.quote)
                compact.append(name)
                Self.compactColon.withUTF8Buffer { compact.append($0) }
            }
        }
    }

    private static let prettyColon: StaticString = "\" : "
    private static let compactColon: StaticString = "\":"

    private mutating func open(_ bracket: UInt8) {
        token(bracket)
        depth += 1
        hasMembers &= ~(1 << UInt64(depth))
    }

    private mutating func close(_ bracket: UInt8) {
        let empty = hasMembers & (1 << UInt64(depth)) == 0
        depth -= 1
        if writesPretty {
            if empty { pretty.append(.lf) }
            newLineAndIndent()
            pretty.append(bracket)
        }
        if writesCompact { compact.append(bracket) }
    }

    /// The comma and, when pretty, the new line and indent before a member.
    private mutating func beginMember() {
        let bit: UInt64 = 1 << UInt64(depth)
        if hasMembers & bit != 0 { token(.comma) } else { hasMembers |= bit }
        if writesPretty { newLineAndIndent() }
    }

    /// A new line and two spaces per open container, in the pretty form.
    private mutating func newLineAndIndent() {
        let count = 1 + 2 * depth
        if count <= Self.indents.count {
            Self.indents.withUnsafeBufferPointer { pretty.append(UnsafeBufferPointer(rebasing: $0[..<count])) }
        } else {
            pretty.append(.lf)
            for _ in 1..<count { pretty.append(.space) }
        }
    }

    private static let indents: [UInt8] = [.lf] + [UInt8](repeating: .space, count: 63)

    // MARK: Values

    /// One byte in every form written.
    private mutating func token(_ byte: UInt8) {
        if writesPretty { pretty.append(byte) }
        if writesCompact { compact.append(byte) }
    }

    private mutating func token(_ text: StaticString) {
        text.withUTF8Buffer { bytes in
            if writesPretty { pretty.append(bytes) }
            if writesCompact { compact.append(bytes) }
        }
    }

    private mutating func null() {
        token("null")
    }

    private mutating func boolean(_ value: Bool?) {
        guard let value else { return null() }
        token(value ? "true" : "false")
    }

    private mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        var digits = DecimalDigits(value)
        digits.withBytes { bytes in
            if writesPretty { pretty.append(bytes) }
            if writesCompact { compact.append(bytes) }
        }
    }

    /// A `Double` as `JSONEncoder` writes it: its shortest description, without a trailing `.0`.
    private mutating func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        // A whole number below 1e15 is described as its digits and ".0"; negative zero is not
        // (its description keeps the sign), so it takes the general path.
        if value.magnitude < 1.0e15, value == value.rounded(.towardZero), !(value == 0 && value.sign == .minus) {
            return integer(Int(value))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { utf8 in
            if writesPretty { pretty.append(utf8) }
            if writesCompact { compact.append(utf8) }
        }
    }

    private mutating func string(_ value: String?) {
        guard var value else { return null() }
        value.withUTF8 { utf8 in
            if writesPretty {
                let start = pretty.count
                Self.appendQuoted(utf8, to: &pretty)
                if writesCompact {
                    pretty.copy(from: start, to: &compact)
                }
            } else {
                Self.appendQuoted(utf8, to: &compact)
            }
        }
    }

    /// `utf8` between quotes, escaping `"`, `\` and control characters; runs that need no
    /// escaping are copied whole.
    private static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout ByteSink) {
        bytes.append(.quote)
        var runStart = 0
        let count = utf8.count
        while runStart < count {
            let index = ByteWords.firstIndex(
                in: utf8, from: runStart,
                wordMayHold: { ByteWords.hasByte(below: 0x20, in: $0) || ByteWords.hasByte(.quote, in: $0)
                    || ByteWords.hasByte(.backslash, in: $0) },
                isSpecial: { $0 < 0x20 || $0 == .quote || $0 == .backslash })
            bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            guard index < count else { break }
            appendEscape(for: utf8[index], to: &bytes)
            runStart = index + 1
        }
        bytes.append(.quote)
    }

    private static func appendEscape(for byte: UInt8, to bytes: inout ByteSink) {
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
            for escaped in [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(byte >> 4), hexDigit(byte & 0x0F)] {
                bytes.append(escaped)
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

extension UInt8 {
    static let backslash = UInt8(ascii: "\\")
    static let space = UInt8(ascii: " ")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
}
