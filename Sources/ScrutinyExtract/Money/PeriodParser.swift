/// A financial year printed in text.
public struct PeriodMention: Sendable, Hashable {
    /// scalar offsets of the period as printed (an "FY" prefix included).
    public var range: Range<Int>
    /// Canonical form: "2013/14".
    public var period: String
    /// The word just before the period, lowercased ("in", "for", "during"), or `nil`.
    public var preposition: String?

    /// True when the period is one end of a run of years ("2026/27 to 2029/30", "between 2024/25 and 2025/26"):
    /// an amount it dates covers several years.
    public var isSpan: Bool = false

    /// True for a year named relative to the report's ("the previous year"): it dates only an amount near it.
    public var isRelative: Bool = false

    /// True when the period ends a run of years rather than holding an amount: "by 2028/29", "until 2027/28".
    public var isEndPoint: Bool { preposition.map(PeriodParser.endPointWords.contains) ?? false }

    /// The year the period gives an amount: `nil` for a span or an end point (the amount is cumulative).
    public var datesOneYear: String? { isSpan || isEndPoint ? nil : period }

    /// True when the period is introduced as a time ("in 2013/14", "for 2013/14", "during the financial year 2013/14"),
    /// not used to name something ("2012/13 recommendations").
    public var isTemporal: Bool { preposition.map(PeriodParser.temporalWords.contains) ?? false }
}

/// Finds financial years: "2013/14", "2013-14", "2013–14", "2013/2014", "FY2024/25", "financial year 2013/14",
/// all written canonically as "2013/14". The second year must follow the first ("2013-15" is no financial year).
public struct PeriodParser: Sendable {
    public init() {}

    /// Words that, just before a period, make it the time something happened in.
    static let temporalWords: Set<String> = ["in", "for", "during", "over", "throughout", "across", "year", "fy", "of", "by", "until", "from"]

    /// Words that, just before a period, make it the end of a run of years.
    static let endPointWords: Set<String> = ["by", "until"]
    /// Words that join two periods into a run of years ("2026/27 to 2029/30").
    static let spanJoiners: Set<String> = ["to", "-", "–", "—", "and", "through"]

    /// Every financial year in `text`, in reading order.
    public func periods(in text: String) -> [PeriodMention] {
        guard Self.mayHoldPeriod(text) else { return [] }
        return periods(in: text.scalarText)
    }

    /// False only when `text` surely holds no period: every period starts with four ASCII digits and a
    /// "/", "-" or "–", which one pass over the bytes finds (most table cells and lines have none).
    static func mayHoldPeriod(_ text: String) -> Bool {
        var digitRun = 0
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digitRun += 1
                continue
            }
            // "–" is E2 80 93 in UTF-8; its lead byte is enough for a pre-check.
            if digitRun >= 4 && (byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") || byte == 0xE2) { return true }
            if digitRun == 2 && byte == UInt8(ascii: "/") { return true }
            digitRun = 0
        }
        return false
    }

    /// Every financial year in `chars`; ranges are scalar offsets into `chars`.
    public func periods(in chars: ScalarText) -> [PeriodMention] {
        var found: [PeriodMention] = []
        var i = 0
        while i < chars.count {
            guard Self.isDigit(chars, i) else { i += 1; continue }
            // Start of a digit run of exactly four digits.
            if i > 0, Self.isDigit(chars, i - 1) || chars[i - 1] == "£" || chars[i - 1] == "." || chars[i - 1] == "," {
                i += 1
                continue
            }
            guard let period = Self.period(in: chars, at: i) ?? Self.shortPeriod(in: chars, at: i) else { i += 1; continue }
            var start = i
            var preposition: String?
            if start >= 2, String(scalars: chars[(start - 2)..<start]).uppercased() == "FY" {
                start -= 2
                preposition = "fy"
            }
            found.append(PeriodMention(range: start..<period.end, period: period.canonical,
                                       preposition: preposition ?? Self.wordBefore(chars, start)))
            i = period.end
        }
        Self.markSpans(&found, in: chars)
        return found
    }

    /// Marks both ends of every run of years: two periods with only a joiner between them.
    static func markSpans(_ found: inout [PeriodMention], in chars: ScalarText) {
        guard found.count > 1 else { return }
        for index in 1..<found.count {
            let between = String(scalars: chars[found[index - 1].range.upperBound..<found[index].range.lowerBound])
            let words = between.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
            guard words.count == 1, spanJoiners.contains(words[0].lowercased()) else { continue }
            found[index - 1].isSpan = true
            found[index].isSpan = true
        }
    }

    /// The canonical period of a string that is nothing but a period ("2013/2014"), or `nil`.
    public func canonical(_ text: String) -> String? {
        let found = periods(in: text)
        return found.count == 1 ? found[0].period : nil
    }

    static func isDigit(_ chars: ScalarText, _ i: Int) -> Bool {
        i >= 0 && i < chars.count && chars[i].isASCIIDigit
    }

    static func period(in chars: ScalarText, at i: Int) -> (end: Int, canonical: String)? {
        guard (0..<4).allSatisfy({ isDigit(chars, i + $0) }), !isDigit(chars, i + 4) else { return nil }
        guard let first = Int(String(scalars: chars[i..<(i + 4)])), (1950...2099).contains(first) else { return nil }
        var j = i + 4
        guard j < chars.count, ["/", "-", "–"].contains(chars[j]) else { return nil }
        j += 1
        // A line broken after the dash leaves a space: "2026- 27".
        if j + 1 < chars.count, chars[j] == " ", isDigit(chars, j + 1) { j += 1 }
        var digits = ""
        while isDigit(chars, j) { digits.unicodeScalars.append(chars[j]); j += 1 }
        let next = (first + 1)
        switch digits.count {
        case 2 where Int(digits) == next % 100: break
        case 4 where Int(digits) == next: break
        default: return nil
        }
        // "2013/14/15" or "2013-14%" are not periods.
        if j < chars.count, chars[j] == "/" || chars[j] == "%" { return nil }
        return (j, String(first) + "/" + twoDigits(next % 100))
    }

    /// A financial year printed with two-digit years and a slash, "23/24" (read as 2023/24), not part of a
    /// date or fraction ("12/03/24", "1/2").
    static func shortPeriod(in chars: ScalarText, at i: Int) -> (end: Int, canonical: String)? {
        guard isDigit(chars, i), isDigit(chars, i + 1), !isDigit(chars, i + 2), i + 2 < chars.count, chars[i + 2] == "/",
              isDigit(chars, i + 3), isDigit(chars, i + 4), !isDigit(chars, i + 5) else { return nil }
        if i > 0, chars[i - 1] == "/" { return nil }
        if i + 5 < chars.count, chars[i + 5] == "/" || chars[i + 5] == "%" { return nil }
        guard let first = Int(String(scalars: chars[i..<(i + 2)])), let second = Int(String(scalars: chars[(i + 3)..<(i + 5)])),
              second == (first + 1) % 100 else { return nil }
        let century = first >= 50 ? 1900 : 2000
        return (i + 5, String(century + first) + "/" + twoDigits(second))
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func wordBefore(_ chars: ScalarText, _ offset: Int) -> String? {
        var i = offset - 1
        while i >= 0, chars[i] == " " || chars[i] == "\u{00A0}" { i -= 1 }
        var word: ScalarText = []
        while i >= 0, chars[i].isLetter { word.insert(chars[i], at: 0); i -= 1 }
        return word.isEmpty ? nil : String(scalars: word).lowercased()
    }
}
