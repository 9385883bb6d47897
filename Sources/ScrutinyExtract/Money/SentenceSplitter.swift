/// Splits a paragraph into sentences without breaking at "e.g.", "i.e.", "No.", "£1.2m", "Mr." or initials.
public struct SentenceSplitter: Sendable {
    public init() {}

    /// Abbreviations whose full stop does not end a sentence (lowercased, without the stop).
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "eg", "ie", "no", "nos", "mr", "mrs", "ms", "dr", "cllr", "st", "approx", "c", "ca", "vs", "v",
        "cf", "para", "paras", "ref", "fig", "figs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "prof", "rev", "est", "inc", "ltd.", "op", "viz", "al", "p", "pp", "incl", "excl",
    ]

    /// The sentences of `text` as scalar offset ranges, trimmed of surrounding white space.
    public func sentences(in chars: ScalarText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." || c == "?" || c == "!" || c == "\n" {
                var end = i + 1
                // Closing quotes and brackets belong to the sentence they end.
                while end < chars.count, "\"'”’)]".unicodeScalars.contains(chars[end]) { end += 1 }
                if endsSentence(chars, stop: i, after: end) {
                    append(start..<end, of: chars, to: &result)
                    start = end
                    i = end
                    continue
                }
            }
            i += 1
        }
        append(start..<chars.count, of: chars, to: &result)
        return result
    }

    /// The sentences of `text` as strings.
    public func sentences(in text: String) -> [String] {
        let chars = text.scalarText
        return sentences(in: chars).map { String(scalars: chars[$0]) }
    }

    func endsSentence(_ chars: ScalarText, stop: Int, after end: Int) -> Bool {
        if chars[stop] == "\n" { return true }
        // A stop must be followed by white space (or the end): "£1.2m" and "2.1" are not ends.
        guard end == chars.count || chars[end].isWhitespace else { return false }
        var next = end
        while next < chars.count, chars[next].isWhitespace { next += 1 }
        guard next < chars.count else { return true }
        if chars[stop] != "." { return startsSentence(chars[next]) }
        let word = wordBefore(chars, stop)
        if Self.abbreviations.contains(word.lowercased()) { return false }
        // An initial ("J. Smith") is one capital letter.
        if word.count == 1, word.first?.isUppercase == true { return false }
        return startsSentence(chars[next])
    }

    func startsSentence(_ c: Unicode.Scalar) -> Bool {
        c.isUppercase || c.isNumber || "£\"'“‘(-•–[".unicodeScalars.contains(c)
    }

    /// The word that ends at the full stop at `stop` (inner stops kept, as in "e.g").
    func wordBefore(_ chars: ScalarText, _ stop: Int) -> String {
        var i = stop - 1
        var word: ScalarText = []
        while i >= 0, chars[i].isLetter || chars[i] == "." {
            word.insert(chars[i], at: 0)
            i -= 1
        }
        return String(scalars: word)
    }

    func append(_ range: Range<Int>, of chars: ScalarText, to result: inout [Range<Int>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, chars[lower].isWhitespace { lower += 1 }
        while upper > lower, chars[upper - 1].isWhitespace { upper -= 1 }
        if lower < upper { result.append(lower..<upper) }
    }
}
