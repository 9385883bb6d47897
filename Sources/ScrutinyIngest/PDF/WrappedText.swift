/// Text joined from wrapped visual lines (a paragraph, a table cell), kept as UTF-8 bytes until
/// it is final, so joining costs one byte copy per piece and one `String` at the end.
struct WrappedText {
    private var bytes: [UInt8] = []

    init() {}

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// The joined text.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `text` as it is.
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Starts a new paragraph inside the text (a cell's text after a wide gap).
    mutating func appendParagraph(_ text: String) {
        bytes.append(0x0A)
        bytes.append(contentsOf: text.utf8)
    }

    /// Joins a wrapped line on: a soft hyphen at the end goes, a hyphen or dash that ends a word
    /// stays (without a space), anything else gets one space.
    mutating func appendWrapped(_ text: String) {
        let lastStart = scalarStart(before: bytes.count)
        let last = lastStart.map(scalar(at:))
        if last == "\u{00AD}", let lastStart {
            bytes.removeSubrange(lastStart...)
        } else if let last, let lastStart, last == "-" || last == "\u{2010}" || last == "\u{2013}",
                  let previous = scalarStart(before: lastStart), !Whitespace.isSpace(scalar(at: previous)) {
            // "co-" + "ordinate", "£5,000-" + "£10,000": keep the hyphen, no space.
        } else {
            bytes.append(0x20)
        }
        bytes.append(contentsOf: text.utf8)
    }

    /// Where the scalar that ends just before byte `end` starts; `nil` at the start.
    private func scalarStart(before end: Int) -> Int? {
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The scalar whose UTF-8 starts at byte `start`.
    private func scalar(at start: Int) -> Unicode.Scalar {
        var iterator = bytes[start...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return "\u{FFFD}"
    }
}
