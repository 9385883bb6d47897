/// Reads `document_id` and `source.sha256` out of a report's JSON in one pass over its bytes,
/// checking the whole text against the JSON grammar without building any values.
///
/// A fast path for ``DocumentIdentityCheck``: it answers only for plain texts (UTF-8 without a
/// byte order mark, strings without `\u` escapes, member names without escapes, neither field
/// named twice, nesting under 64 levels) and gives up (`nil`) on anything else, so the caller
/// falls back to `JSONDecoder`, which then decides exactly as before.
struct IdentityFieldScanner {
    /// What the scan found: each field when present as a string (`nil` when missing or of another type).
    struct Fields: Equatable {
        var documentID: String?
        var sha256: String?
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var fields = Fields()
    private var seenDocumentID = false
    private var seenSource = false
    private var seenSHA = false

    /// The two fields of `bytes`, or `nil` when the text is not plain valid JSON with an object at the top.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Fields? {
        var scanner = IdentityFieldScanner(bytes: bytes)
        scanner.skipSpace()
        guard scanner.i < bytes.count, bytes[scanner.i] == .openBrace else { return nil }
        guard scanner.object(depth: 1, role: .top) else { return nil }
        scanner.skipSpace()
        guard scanner.i == bytes.count else { return nil }
        return scanner.fields
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Which object is being read: the top one and `source` hold the fields.
    private enum Role { case top, source, other }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func value(depth: Int, role: Role) -> Bool {
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case .openBrace: return object(depth: depth + 1, role: role)
        case .openBracket: return array(depth: depth + 1)
        case .quote: return string() != nil
        case UInt8(ascii: "t"): return word("true")
        case UInt8(ascii: "f"): return word("false")
        case UInt8(ascii: "n"): return word("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return false
        }
    }

    private mutating func object(depth: Int, role: Role) -> Bool {
        guard depth < 64 else { return false }
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == .closeBrace { i += 1; return true }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == .quote, let name = string(), !name.escaped else { return false }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return false }
            i += 1
            skipSpace()
            guard i < bytes.count else { return false }
            let member = UnsafeBufferPointer(rebasing: bytes[name.range])
            if role == .top && member.elementsEqual("document_id".utf8) {
                guard !seenDocumentID else { return false }
                seenDocumentID = true
                guard let text = stringField() else { return false }
                fields.documentID = text
            } else if role == .source && member.elementsEqual("sha256".utf8) {
                guard !seenSHA else { return false }
                seenSHA = true
                guard let text = stringField() else { return false }
                fields.sha256 = text
            } else if role == .top && member.elementsEqual("source".utf8) {
                guard !seenSource else { return false }
                seenSource = true
                guard value(depth: depth, role: bytes[i] == .openBrace ? .source : .other) else { return false }
            } else {
                guard value(depth: depth, role: .other) else { return false }
            }
            skipSpace()
            guard i < bytes.count else { return false }
            if bytes[i] == .comma { i += 1; continue }
            if bytes[i] == .closeBrace { i += 1; return true }
            return false
        }
    }

    /// A field's value at `i`: `.some(text)` for a string without escapes, `.some(nil)` for a
    /// value of another type, `nil` (give up) for invalid JSON or a string with escapes.
    private mutating func stringField() -> String?? {
        guard bytes[i] == .quote else {
            return value(depth: 1, role: .other) ? .some(nil) : nil
        }
        guard let text = string(), !text.escaped else { return nil }
        return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[text.range]), as: UTF8.self))
    }

    private mutating func array(depth: Int) -> Bool {
        guard depth < 64 else { return false }
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == .closeBracket { i += 1; return true }
        while true {
            skipSpace()
            guard value(depth: depth, role: .other) else { return false }
            skipSpace()
            guard i < bytes.count else { return false }
            if bytes[i] == .comma { i += 1; continue }
            if bytes[i] == .closeBracket { i += 1; return true }
            return false
        }
    }

    private mutating func word(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        for k in 0..<count where bytes[i + k] != text.utf8Start[k] { return false }
        i += count
        return true
    }

    private mutating func number() -> Bool {
        func isDigit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 48 && bytes[k] <= 57 }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return false }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { return false }
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        return true
    }

    /// A string at `i`: the range of its contents and whether it holds escapes; `nil` when it is
    /// not valid (unterminated, a control character, a bad or `\u` escape, bad UTF-8).
    private mutating func string() -> (range: Range<Int>, escaped: Bool)? {
        i += 1
        let start = i
        var escaped = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == .quote {
                i += 1
                return (start..<i - 1, escaped)
            }
            if byte < 0x20 { return nil }
            if byte == .backslash {
                guard i + 1 < bytes.count else { return nil }
                switch bytes[i + 1] {
                case .quote, .backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                     UInt8(ascii: "r"), UInt8(ascii: "t"):
                    escaped = true
                    i += 2
                default:
                    return nil
                }
                continue
            }
            if byte < 0x80 { i += 1; continue }
            guard let length = Self.utf8SequenceLength(bytes, at: i) else { return nil }
            i += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence at `k` (no overlong forms, surrogates or
    /// code points past U+10FFFF), or `nil`.
    private static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Int? {
        let lead = bytes[k]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            k + offset < bytes.count && range.contains(bytes[k + offset])
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : nil
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : nil
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default: return nil
        }
    }
}

private extension UInt8 {
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let comma = UInt8(ascii: ",")
}
