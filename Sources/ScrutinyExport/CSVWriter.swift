/// Writes RFC 4180 CSV, one cell at a time, into a byte buffer handed to a buffered file record by record.
///
/// Hand-written rather than built on CSV.swift or SwiftCSV, because the export needs three things
/// those libraries do not give together: formula neutralisation decided per column (text cells
/// only, never numbers), exact control of quoting and of the CRLF record end, and streaming
/// through our own buffer with no `String` built per row. Writing CSV is the easy half of the
/// format, about a screen of code; the tests read every file back with a strict reader.
///
/// The dialect: comma separator, `"` quote doubled inside quoted fields, a field quoted only when
/// it holds a comma, quote, CR or LF, CRLF after every record, UTF-8 (with a byte order mark first
/// when `excel` is set, so Excel reads it as UTF-8 rather than the machine's code page).
struct CSVWriter {
    /// Where finished records go; `nil` when the writer keeps them (see ``init()``).
    private let output: BufferedFileWriter?
    /// The bytes written and not yet handed to `output`: the current record, or everything
    /// when there is no output.
    private(set) var bytes: [UInt8] = []
    private var atRecordStart = true

    /// A writer into `output`; each record is handed over whole when it ends.
    init(output: BufferedFileWriter, excel: Bool) throws(ExportError) {
        self.output = output
        if excel { try output.write(bytes: [0xEF, 0xBB, 0xBF]) }
        bytes.reserveCapacity(1024)
    }

    /// A writer that keeps every record in ``bytes`` (a report's rows, copied into the files
    /// later), with no byte order mark.
    init() {
        output = nil
        bytes.reserveCapacity(4096)
    }

    /// A text cell; `nil` is an empty cell. Text a spreadsheet would run as a formula is defused.
    mutating func text(_ value: String?) {
        separate()
        guard var value, !value.isEmpty else { return }
        value.withUTF8 { Self.appendCell($0, to: &bytes) }
    }

    /// The bytes of a non-empty text cell: quoted (inner quotes doubled) only when it holds a
    /// comma, quote, CR or LF; runs without a quote are copied whole.
    private static func appendCell(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        let neutralise = FormulaGuard.needsPrefix(first: utf8[0])
        let firstSpecial = ByteWords.firstIndex(
            in: utf8, from: 0,
            wordMayHold: { ByteWords.hasByte(.comma, in: $0) || ByteWords.hasByte(.quote, in: $0)
                || ByteWords.hasByte(below: 0x0E, in: $0) },
            isSpecial: { $0 == .comma || $0 == .quote || $0 == .cr || $0 == .lf })
        guard firstSpecial < utf8.count else {
            if neutralise { bytes.append(.apostrophe) }
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(.quote)
        if neutralise { bytes.append(.apostrophe) }
        // Each run ends with a quote and the next starts with it, so every quote is written twice.
        var runStart = 0
        var index = firstQuote(in: utf8, from: 0)
        while index < utf8.count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...index]))
            runStart = index
            index = firstQuote(in: utf8, from: index + 1)
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        bytes.append(.quote)
    }

    /// The index of the first `"` at or after `start`, or `utf8.count`.
    private static func firstQuote(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteWords.firstIndex(in: utf8, from: start, wordMayHold: { ByteWords.hasByte(.quote, in: $0) },
                             isSpecial: { $0 == .quote })
    }

    /// A list cell: the items joined with "; ", written as one text cell.
    mutating func list(_ items: [String]) {
        text(items.isEmpty ? nil : items.joined(separator: "; "))
    }

    /// A whole-number cell, never neutralised (a `-` here is a sign, not a formula).
    mutating func integer(_ value: Int?) {
        separate()
        guard let value else { return }
        var digits = DecimalDigits(value)
        digits.withBytes { bytes.append(contentsOf: $0) }
    }

    /// A decimal cell in plain notation (see ``PlainNumber``), never neutralised.
    mutating func number(_ value: Double?) {
        guard let value else { return separate() }
        if let whole = PlainNumber.wholeNumber(value) {
            integer(whole)  // the common case (pounds), with no String made
        } else {
            separate()
            if let digits = PlainNumber.format(value) { bytes.append(contentsOf: digits.utf8) }
        }
    }

    /// `true` or `false`; `nil` is an empty cell.
    mutating func boolean(_ value: Bool?) {
        separate()
        guard let value else { return }
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    /// Ends the record with CRLF, and hands it to the output if there is one.
    mutating func endRecord() throws(ExportError) {
        bytes.append(.cr)
        bytes.append(.lf)
        atRecordStart = true
        if let output {
            try output.write(bytes: bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    /// A header row of plain names.
    mutating func header(_ names: [String]) throws(ExportError) {
        for name in names { text(name) }
        try endRecord()
    }

    private mutating func separate() {
        if atRecordStart { atRecordStart = false } else { bytes.append(.comma) }
    }
}

/// The OWASP CSV-injection rule: a text cell whose first character is `=`, `+`, `-`, `@`, tab or
/// CR could be run as a formula by a spreadsheet, so it is written with a leading `'`.
enum FormulaGuard {
    static func needsPrefix(first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), .tab, .cr: return true
        default: return false
        }
    }
}

extension UInt8 {
    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let tab = UInt8(ascii: "\t")
}
