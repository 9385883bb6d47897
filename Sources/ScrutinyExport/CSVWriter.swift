/// Writes RFC 4180 CSV, one cell at a time, straight into a buffered file.
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
    private let output: BufferedFileWriter
    private var atRecordStart = true

    init(output: BufferedFileWriter, excel: Bool) throws(ExportError) {
        self.output = output
        if excel { try output.write(bytes: [0xEF, 0xBB, 0xBF]) }
    }

    /// A text cell; `nil` is an empty cell. Text a spreadsheet would run as a formula is defused.
    mutating func text(_ value: String?) throws(ExportError) {
        try separate()
        guard let value, !value.isEmpty else { return }
        let utf8 = value.utf8
        let neutralise = FormulaGuard.needsPrefix(utf8)
        if utf8.contains(where: { $0 == .comma || $0 == .quote || $0 == .cr || $0 == .lf }) {
            try output.write(byte: .quote)
            if neutralise { try output.write(byte: .apostrophe) }
            for byte in utf8 {
                if byte == .quote { try output.write(byte: .quote) }
                try output.write(byte: byte)
            }
            try output.write(byte: .quote)
        } else {
            if neutralise { try output.write(byte: .apostrophe) }
            try output.write(bytes: utf8)
        }
    }

    /// A list cell: the items joined with "; ", written as one text cell.
    mutating func list(_ items: [String]) throws(ExportError) {
        try text(items.isEmpty ? nil : items.joined(separator: "; "))
    }

    /// A whole-number cell, never neutralised (a `-` here is a sign, not a formula).
    mutating func integer(_ value: Int?) throws(ExportError) {
        try separate()
        if let value { try output.write(integer: value) }
    }

    /// A decimal cell in plain notation (see ``PlainNumber``), never neutralised.
    mutating func number(_ value: Double?) throws(ExportError) {
        try separate()
        guard let value else { return }
        if let whole = PlainNumber.wholeNumber(value) {
            try output.write(integer: whole)  // the common case (pounds), with no String made
        } else if let digits = PlainNumber.format(value) {
            try output.write(digits)
        }
    }

    /// `true` or `false`; `nil` is an empty cell.
    mutating func boolean(_ value: Bool?) throws(ExportError) {
        try separate()
        if let value { try output.write(value ? "true" : "false") }
    }

    /// Ends the record with CRLF.
    mutating func endRecord() throws(ExportError) {
        try output.write(byte: .cr)
        try output.write(byte: .lf)
        atRecordStart = true
    }

    /// A header row of plain names.
    mutating func header(_ names: [String]) throws(ExportError) {
        for name in names { try text(name) }
        try endRecord()
    }

    private mutating func separate() throws(ExportError) {
        if atRecordStart { atRecordStart = false } else { try output.write(byte: .comma) }
    }
}

/// The OWASP CSV-injection rule: a text cell whose first character is `=`, `+`, `-`, `@`, tab or
/// CR could be run as a formula by a spreadsheet, so it is written with a leading `'`.
enum FormulaGuard {
    static func needsPrefix(_ utf8: String.UTF8View) -> Bool {
        guard let first = utf8.first else { return false }
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
