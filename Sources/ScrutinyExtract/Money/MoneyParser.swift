import Foundation

/// One money amount found in a piece of text.
public struct MoneyMention: Sendable, Hashable {
    /// Where the amount is, in scalar offsets into the scanned text (sign and unit included).
    public var range: Range<Int>
    /// The amount as printed. For an end of a range that carries no `£` of its own, the whole range.
    public var raw: String
    /// In major units (pounds), negative only where printed so.
    public var amount: Double
    /// True when a word such as "circa", "around" or "under" qualifies the amount.
    public var approximate: Bool
}

/// Finds sterling amounts in text: `£1,234.56`, `£1.312m`, `£6.8 million`, `£12 m`, `£1.2bn`, `£5k`,
/// ranges (`£8-10m`, `between £2m and £3m`: one mention per end, sharing the range's unit),
/// negatives (`-£523k`, `(£1,000)`, `minus £5`) and approximations (`circa £20m`, `under £5,000`).
///
/// A hand-written scanner: it looks for `£` first, so text without one costs a single pass.
/// Numbers without a currency sign ("1.2m population", years, percentages) are never money.
public struct MoneyParser: Sendable {
    public init() {}

    /// Every amount in `text`, in reading order.
    public func mentions(in text: String) -> [MoneyMention] {
        guard text.includes("£") else { return [] }
        return mentions(in: text.scalarText)
    }

    /// True when `text` holds an amount: the same answer as `!mentions(in: text).isEmpty`, without
    /// reading each amount's sign, range, qualifier and printed form. (The scan in `mentions` skips only
    /// the digits and unit after a "£", which hold no other "£".)
    public func holdsAmount(in text: String) -> Bool {
        guard text.includes("£") else { return false }
        let chars = text.scalarText
        for index in chars.indices where chars[index] == "£" {
            if let number = Self.number(in: chars, afterPound: index), !number.isThousandsHeading { return true }
        }
        return false
    }

    /// Every amount in `chars`, in reading order; ranges are scalar offsets into `chars`.
    public func mentions(in chars: ScalarText) -> [MoneyMention] {
        var found: [MoneyMention] = []
        var index = 0
        while index < chars.count {
            guard chars[index] == "£", let first = Self.number(in: chars, afterPound: index) else {
                index += 1
                continue
            }
            // "£000" and "£'000" are column headings, not amounts.
            if first.isThousandsHeading {
                index = first.end
                continue
            }
            let start = Self.signStart(in: chars, pound: index)
            let negative = start.negative
            let approximate = Self.isApproximate(chars, before: start.offset) || Self.isEstimated(chars, before: start.offset)
                || Self.isBound(chars, after: first.end)
            var firstEnd = first.end
            var closesParenthesis = false
            if start.parenthesised, firstEnd < chars.count, chars[firstEnd] == ")" {
                firstEnd += 1
                closesParenthesis = true
            }
            let parenthesisNegative = start.parenthesised && closesParenthesis
            let isNegative = negative || parenthesisNegative
            let rangeStart = parenthesisNegative || negative ? start.offset : index

            if !closesParenthesis, let second = Self.rangeEnd(in: chars, after: first, between: Self.follows(chars, word: "between", at: start.offset)) {
                let firstScale = first.scale ?? second.number.scale ?? 1
                let secondScale = second.number.scale ?? firstScale
                let whole = String(scalars: chars[rangeStart..<second.number.end])
                let firstRaw = second.hasPound ? String(scalars: chars[rangeStart..<first.end]) : whole
                let secondRaw = second.hasPound ? String(scalars: chars[second.poundOffset..<second.number.end]) : whole
                found.append(MoneyMention(range: rangeStart..<first.end, raw: firstRaw,
                                          amount: Self.value(first.digits, scale: firstScale, negative: isNegative),
                                          approximate: approximate))
                found.append(MoneyMention(range: (second.hasPound ? second.poundOffset : second.number.start)..<second.number.end,
                                          raw: secondRaw,
                                          amount: Self.value(second.number.digits, scale: secondScale, negative: false),
                                          approximate: approximate))
                index = second.number.end
                continue
            }
            let end = closesParenthesis ? firstEnd : first.end
            let rawStart = rangeStart
            found.append(MoneyMention(range: rawStart..<end, raw: String(scalars: chars[rawStart..<end]).trimmingHorizontalWhitespace,
                                      amount: Self.value(first.digits, scale: first.scale ?? 1, negative: isNegative),
                                      approximate: approximate))
            index = end
        }
        return found
    }

    // MARK: - Numbers

    /// A number as printed after `£`: its digits (commas removed) and its unit's factor.
    struct PrintedNumber {
        var start: Int
        var end: Int
        var digits: String
        var scale: Double?

        var isThousandsHeading: Bool { scale == nil && digits == "000" }
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\u{00A0}" || c == "\u{202F}" || c == "\u{2009}" }

    /// The number after the `£` at `pound`, with its unit, or `nil` when no digit follows.
    static func number(in chars: ScalarText, afterPound pound: Int) -> PrintedNumber? {
        var i = pound + 1
        while i < chars.count, isSpace(chars[i]), i - pound <= 2 { i += 1 }
        return number(in: chars, at: i)
    }

    /// The number starting exactly at `start` (digits, thousands commas, decimals, unit).
    static func number(in chars: ScalarText, at start: Int) -> PrintedNumber? {
        var i = start
        // ASCII digits and a point: gathered as bytes, made a string once.
        var digitBytes: [UInt8] = []
        var sawPoint = false
        while i < chars.count {
            let c = chars[i]
            if c.isASCII, c.isNumber {
                digitBytes.append(UInt8(truncatingIfNeeded: c.value))
                i += 1
            } else if c == ",", !sawPoint, !digitBytes.isEmpty,
                      Self.isDigitRun(chars, from: i + 1, count: 3),
                      !(i + 4 < chars.count && chars[i + 4].isASCII && chars[i + 4].isNumber) {
                i += 1
            } else if c == ".", !sawPoint, !digitBytes.isEmpty, i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber {
                sawPoint = true
                digitBytes.append(UInt8(ascii: "."))
                i += 1
            } else {
                break
            }
        }
        guard let first = digitBytes.first, first != UInt8(ascii: ".") else { return nil }
        let digits = String(decoding: digitBytes, as: UTF8.self)
        var number = PrintedNumber(start: start, end: i, digits: digits, scale: nil)
        if let unit = unit(in: chars, at: i) {
            number.end = unit.end
            number.scale = unit.scale
        }
        return number
    }

    static func isDigitRun(_ chars: ScalarText, from: Int, count: Int) -> Bool {
        guard from + count <= chars.count else { return false }
        return chars[from..<(from + count)].allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Units, longest first; a unit must end at a word boundary ("£5 more" has none).
    static let units: [(letters: ScalarText, scale: Double)] = [
        ("billion", 1e9), ("million", 1e6), ("thousand", 1e3), ("bn", 1e9), ("mn", 1e6), ("m", 1e6), ("k", 1e3),
    ].map { ($0.0.scalarText, $0.1) }

    /// `c` in lower case when it is an ASCII capital; cheaper than `lowercased()` for the letters units use.
    static func lowerASCII(_ c: Unicode.Scalar) -> Unicode.Scalar { c.asciiLowercased }

    static func unit(in chars: ScalarText, at position: Int) -> (end: Int, scale: Double)? {
        var i = position
        if i < chars.count, isSpace(chars[i]) { i += 1 }
        guard i < chars.count, chars[i].isLetter else { return nil }
        for (letters, scale) in units {
            guard i + letters.count <= chars.count,
                  letters.indices.allSatisfy({ lowerASCII(chars[i + $0]) == letters[$0] }) else { continue }
            var end = i + letters.count
            // "£5 m" needs the unit to stand alone; "millions" is still a unit.
            if letters.count > 2, end < chars.count, chars[end] == "s" { end += 1 }
            if end < chars.count, chars[end].isLetter || chars[end].isNumber { continue }
            return (end, scale)
        }
        return nil
    }

    static func value(_ digits: String, scale: Double, negative: Bool) -> Double {
        // Rounded to pence: "£1.312m" is 1,312,000 exactly, not 1,312,000.0000000002.
        let rounded = ((Double(digits) ?? 0) * scale * 100).rounded() / 100
        return negative ? -rounded : rounded
    }

    // MARK: - Signs, ranges, qualifiers

    /// Where a mention starts: at a minus sign, an opening parenthesis, "minus", or the `£` itself.
    static func signStart(in chars: ScalarText, pound: Int) -> (offset: Int, negative: Bool, parenthesised: Bool) {
        var i = pound - 1
        if i >= 0, chars[i] == "(" { return (i, false, true) }
        if i >= 0, chars[i] == "-" || chars[i] == "–" || chars[i] == "−" {
            // A dash is a sign only when it does not join two words ("2013/14 – £5m" is a dash).
            let before = i - 1
            if before < 0 || !(isSpace(chars[before]) && i + 1 < chars.count && isSpace(chars[i + 1])) {
                if before < 0 || isSpace(chars[before]) || chars[before] == "(" || chars[before] == "\t" {
                    return (i, true, false)
                }
            }
        }
        while i >= 0, isSpace(chars[i]) { i -= 1 }
        if i >= 4, String(scalars: chars[(i - 4)...i]).lowercased() == "minus", i - 5 < 0 || !chars[i - 5].isLetter {
            return (i - 4, true, false)
        }
        return (pound, false, false)
    }

    /// The second end of a range that starts with `first`: "-10m", "– £10,000", "to £10m", ("between") "and £3m".
    static func rangeEnd(in chars: ScalarText, after first: PrintedNumber, between: Bool)
        -> (number: PrintedNumber, hasPound: Bool, poundOffset: Int)? {
        var i = first.end
        while i < chars.count, isSpace(chars[i]) { i += 1 }
        guard i < chars.count else { return nil }
        var joinerIsWord = false
        if chars[i] == "-" || chars[i] == "–" || chars[i] == "—" {
            i += 1
        } else if matchesWord(chars, at: i, "to") {
            i += 2
            joinerIsWord = true
        } else if between, matchesWord(chars, at: i, "and") {
            i += 3
            joinerIsWord = true
        } else {
            return nil
        }
        while i < chars.count, isSpace(chars[i]) { i += 1 }
        guard i < chars.count else { return nil }
        if chars[i] == "£" {
            guard let number = number(in: chars, afterPound: i), !number.isThousandsHeading else { return nil }
            return (number, true, i)
        }
        guard let number = number(in: chars, at: i) else { return nil }
        // "£5,000 to 10 schools" is no range: a bare second end needs a unit, or a dash joining it.
        if joinerIsWord && number.scale == nil { return nil }
        return (number, false, i)
    }

    static func matchesWord(_ chars: ScalarText, at i: Int, _ word: String) -> Bool {
        let letters = word.scalarText
        guard i + letters.count <= chars.count else { return false }
        guard letters.indices.allSatisfy({ lowerASCII(chars[i + $0]) == letters[$0] }) else { return false }
        return i + letters.count == chars.count || !chars[i + letters.count].isLetter
    }

    /// True when the word just before `offset` (after skipping spaces) is `word`.
    static func follows(_ chars: ScalarText, word: String, at offset: Int) -> Bool {
        lowercasedWords(before: offset, in: chars, count: 1).last == word
    }

    /// Up to `count` words ending just before `offset`, lowercased, in reading order.
    static func lowercasedWords(before offset: Int, in chars: ScalarText, count: Int) -> [String] {
        var words: [String] = []
        var i = offset - 1
        while words.count < count, i >= 0 {
            while i >= 0, !(chars[i].isLetter || chars[i] == "~" || chars[i] == ".") { 
                if chars[i] == "," || chars[i] == ";" || chars[i] == ":" || chars[i] == "(" || chars[i] == ")" { return words }
                i -= 1
            }
            let end = i + 1
            while i >= 0, chars[i].isLetter || chars[i] == "." || chars[i] == "~" { i -= 1 }
            if i + 1 == end { break }
            // The word's scalars in one slice (not inserted one by one), lowercased as `lowercased()` would.
            words.insert(String(scalars: chars[(i + 1)..<end]).lowercasedByScalar, at: 0)
        }
        return words
    }

    /// Words that make the amount after them an approximation, as word sequences.
    static let approximatorList: [[String]] = [
        ["circa"], ["c."], ["ca."], ["approx."], ["approx"], ["approximately"], ["around"], ["about"], ["roughly"],
        ["some"], ["nearly"], ["almost"], ["up", "to"], ["under"], ["over"], ["in", "excess", "of"], ["more", "than"],
        ["less", "than"], ["fewer", "than"], ["at", "least"], ["upwards", "of"], ["just", "over"], ["just", "under"],
        ["below"], ["above"], ["an", "estimated"], ["estimated"], ["c"], ["est."], ["exceeding"], ["exceed"],
        ["exceeds"], ["estimated", "at"], ["upward", "of"],
    ]

    /// The approximators as the words joined by spaces, for one lookup per phrase length.
    static let approximators: Set<String> = Set(approximatorList.map { $0.joined(separator: " ") })

    static func isApproximate(_ chars: ScalarText, before offset: Int) -> Bool {
        let words = lowercasedWords(before: offset, in: chars, count: 3)
        for length in stride(from: min(3, words.count), through: 1, by: -1) {
            if approximators.contains(words.suffix(length).joined(separator: " ")) { return true }
        }
        if offset > 0, chars[offset - 1] == "~" { return true }
        return false
    }
}
