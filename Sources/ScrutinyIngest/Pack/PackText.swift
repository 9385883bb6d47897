import ScrutinyCore

/// Small readings of page text that the pack's evidence types share.
enum PackText {
    /// The lowercased words of `text`, letters and digits only: "Report title:" is ["report", "title"].
    /// Every page of a pack is read so, line by line: ASCII text is split byte by byte.
    static func words(_ text: String) -> [String] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) || isASCIIWithMarks(text) else {
            return text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        }
        var words: [String] = []
        var word: [UInt8] = []
        for byte in utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            // A mark's bytes (none a letter or a digit) part words like any punctuation.
            default:
                if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// The first of ``words(_:)`` of `text`, read only as far as it goes.
    static func firstWord(_ text: String) -> String? {
        var word: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            case 0x80...: return words(text).first
            default: if !word.isEmpty { return String(decoding: word, as: UTF8.self) }
            }
        }
        return word.isEmpty ? nil : String(decoding: word, as: UTF8.self)
    }

    /// `text` lowercased with its white space collapsed to single spaces (ASCII byte by byte).
    static func normalized(_ text: String) -> String {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        guard ascii || isASCIIWithMarks(text) else {
            return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        if !ascii { return normalizedWithMarks(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The marks council text sets beside ASCII: no letter or digit among them, and none with a
    /// case. Text of ASCII and these is read byte by byte; anything else as characters.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA0, 0xA3, 0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB1, 0xB7, 0xBB, // no-break space, £, §, ©, «, ®, °, ±, ·, »
             0x2000...0x2027, 0x2028...0x202F, 0x2030, 0x2032, 0x2033, 0x205F, 0x20AC: // spaces, dashes, quotes, •, …, ‰, ′, ″, €
            return true
        default:
            return false
        }
    }

    /// Whether every character of `text` is ASCII or one of the marks.
    static func isASCIIWithMarks(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.isASCII || isMark($0) }
    }

    /// ``normalized(_:)`` of text of ASCII and marks, byte by byte: the marks that are white
    /// space (no-break, thin and other spaces) collapse with it, the others are kept as they are.
    private static func normalizedWithMarks(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var width = 1
            var isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
            if byte == 0xC2, index + 1 < bytes.count {
                width = 2
                isSpace = bytes[index + 1] == 0xA0 || bytes[index + 1] == 0x85
            } else if byte == 0xE2, index + 2 < bytes.count {
                width = 3
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                isSpace = (second == 0x80 && ((0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF))
                    || (second == 0x81 && third == 0x9F)
            }
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                for offset in 0..<width {
                    let next = bytes[index + offset]
                    out.append((0x41...0x5A).contains(next) ? next + 0x20 : next)
                }
            }
            index += width
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` holds one of `needles` (lowercase ASCII), ignoring ASCII case: a cheap
    /// test before a line is split into words.
    static func mentions(_ text: String, anyOf needles: [[UInt8]]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
            for needle in needles where bytes.count >= needle.count {
                var index = 0
                while index + needle.count <= bytes.count {
                    if lower(bytes[index]) == needle[0] {
                        var offset = 1
                        while offset < needle.count, lower(bytes[index + offset]) == needle[offset] { offset += 1 }
                        if offset == needle.count { return true }
                    }
                    index += 1
                }
            }
            return false
        }
    }

    /// `text` with its white space collapsed to single spaces, case kept.
    static func normalizedKeepingCase(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `text` holds a letter or a digit.
    static func isPrinted(_ text: String) -> Bool {
        // An ASCII letter or digit answers at once; only other text is read as characters.
        if text.utf8.contains(where: { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) {
            return true
        }
        return text.utf8.contains { $0 >= 0x80 } && text.contains { $0.isLetter || $0.isNumber }
    }

    /// The first `count` lines of `page` that carry print, whatever their role (a stamp or a
    /// running header is part of a page's top), without bare page numbers.
    static func topLines(of page: SourcePage, count: Int) -> [SourceLine] {
        Array(page.lines.lazy.filter { isPrinted($0.text) && PrintedPageNumber.number(in: $0.text) == nil }.prefix(count))
    }

    /// The first lines of `page` that are the page's own text: not running headers or footers,
    /// not page numbers and not an item stamp.
    static func bodyTop(of page: SourcePage, count: Int) -> [SourceLine] {
        Array(page.lines.lazy.filter { line in
            !line.isFurniture && isPrinted(line.text) && PrintedPageNumber.number(in: line.text) == nil
                && ItemStamp.number(in: line) == nil
        }.prefix(count))
    }

    /// `text` split at the cell's own paragraph breaks, for the first paragraph of a cell: "Date:\n6 May".
    static func firstParagraph(_ text: String) -> String {
        // Most cells are one paragraph: they are given back as they are.
        guard text.utf8.contains(0x0A) else { return text }
        return String(text.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
    }

    /// Whether `words` holds `phrase` (words separated by single spaces) as consecutive words.
    static func contains(_ words: [String], phrase: [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if Array(words[start..<(start + phrase.count)]) == phrase { return true }
        }
        return false
    }

    /// A page with nothing printed, or only a note that it was left blank (a page number and a
    /// running footer make a page an item's own).
    static func isBlank(_ page: SourcePage) -> Bool {
        let printed = page.lines.filter { isPrinted($0.text) }
        return printed.isEmpty
            || (printed.count <= 3 && printed.contains { $0.text.lowercased().contains(PackVocabulary.blankPageWords) })
    }

    /// A blank page, or one whose first lines name it a distribution list.
    static func isClosing(_ page: SourcePage) -> Bool {
        if isBlank(page) { return true }
        let top = page.lines.prefix(4).map { $0.text.lowercased() }
        return top.contains { text in PackVocabulary.closingPages.contains { text.contains($0) } }
    }

    /// Whether the first lines of `page` open the minutes of a meeting ("MINUTES of the Panel held on ...").
    static func opensMinutes(_ page: SourcePage, lines: Int) -> Bool {
        let opening = page.lines.prefix(lines).map { $0.text.lowercased() }
        return opening.contains { text in
            PackVocabulary.minutesOpenings.contains { text.hasPrefix($0 + " ") || text == $0 }
        }
    }
}
