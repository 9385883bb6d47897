import Foundation
import ScrutinyCore

/// What a line's surroundings say about the amounts on it when their own sentence does not.
struct LineContext {
    /// The financial year a heading or question gives the line.
    var period: String?
    /// What the question the line answers asks about ("What was the total budget?": a budget).
    var questionTopic: BudgetKind?
}

/// Tracks the financial year that headings and questions give to the lines below them.
///
/// A heading such as "Main achievements in 2013/14" dates everything under it until the next heading.
/// A question such as "What was the total budget for 2013/14?" dates only its answer: the first paragraph
/// (or the first run of list items) after it. A period that names something rather than dating it
/// ("Progress on 2012/13 recommendations") dates nothing. Lines repeated from earlier (running headers
/// that survived outlining) neither open nor close a scope.
struct PeriodContext {
    private var headingPeriod: String?
    private var questionPeriod: String?
    private var questionTopic: BudgetKind?
    private enum Answer { case awaiting, list, paragraph, done }
    private var answer: Answer = .done
    private var seen: Set<String> = []
    /// Which lines' keys can ever be looked up in `seen`; `nil` keeps every key.
    private var askedKeys: AskedKeys?

    /// A context that reads each line as it comes.
    init() {}

    /// A context for reading `lines` in order: it keeps only the keys that a heading or question of
    /// `lines` could look up, which spares most lines their lowercased copy.
    init(lines: [OutlinedLine]) {
        askedKeys = AskedKeys(lines)
    }

    /// Words that end a line only when the line runs on: such a line is no heading.
    private static let runOnWords: Set<String> = ["and", "or", "in", "of", "the", "to", "for", "a", "an", "with", "by", "on", "at"]

    /// Reads the next line; returns the period its amounts take when their own sentence names none, and
    /// the topic of the question it answers, if it is part of an answer.
    mutating func context(for line: OutlinedLine) -> LineContext {
        let period = self.period(for: line)
        let answering = answer == .list || answer == .paragraph || (answer == .done && justAnswered)
        return LineContext(period: period, questionTopic: answering ? questionTopic : nil)
    }

    private var justAnswered = false

    private mutating func period(for line: OutlinedLine) -> String? {
        justAnswered = false
        let text = line.text.trimmingHorizontalWhitespace
        let isQuestion = Self.isQuestion(text)
        if Self.isHeadingLike(line, text) || isQuestion {
            let key = text.lowercasedByScalar
            if seen.contains(key) { return current }
            seen.insert(key)
            let temporal = PeriodParser().periods(in: text).last(where: \.isTemporal)?.period
            if isQuestion {
                headingPeriod = nil
                questionPeriod = temporal
                questionTopic = BudgetKindClassifier().topic(of: text)
                answer = .awaiting
            } else {
                headingPeriod = temporal
                questionPeriod = nil
                answer = .done
            }
            return temporal
        }
        if askedKeys?.mayBeAsked(text) ?? true { seen.insert(text.lowercasedByScalar) }
        let isList = Self.isListItem(line, text)
        switch answer {
        case .awaiting:
            answer = isList ? .list : (Self.endsParagraph(text) ? .done : .paragraph)
            justAnswered = answer == .done
            return questionPeriod ?? headingPeriod
        case .list where isList:
            return questionPeriod ?? headingPeriod
        case .paragraph:
            if Self.endsParagraph(text) {
                answer = .done
                justAnswered = true
            }
            return questionPeriod ?? headingPeriod
        default:
            answer = .done
            questionPeriod = nil
            return headingPeriod
        }
    }

    private var current: String? {
        switch answer {
        case .awaiting, .list, .paragraph: return questionPeriod ?? headingPeriod
        case .done: return headingPeriod
        }
    }

    /// A line that asks something (its first sentence ends with "?"), with no amount of its own:
    /// "What was the total budget for 2024/25? Include the Council's contribution."
    static func isQuestion(_ text: String) -> Bool {
        guard !text.includes("£"), text.includes("?") else { return false }
        return SentenceSplitter().sentences(in: text).first?.hasSuffix("?") == true
    }

    static func isListItem(_ line: OutlinedLine, _ text: String) -> Bool {
        guard line.role != .listItem else { return true }
        // Every marker starts with one of these scalars (U+0387 is canonically "·"): most lines start with
        // none and skip the comparisons.
        guard let lead = text.unicodeScalars.first,
              lead == "-" || lead == "•" || lead == "*" || lead == "·" || lead == "\u{0387}" else { return false }
        return text.hasPrefix("- ") || text.hasPrefix("• ") || text.hasPrefix("* ") || text.hasPrefix("· ")
    }

    static func endsParagraph(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return ".!?".contains(last)
    }

    /// A heading by role, or a short line that reads like one: no closing stop, no amount, not run on.
    static func isHeadingLike(_ line: OutlinedLine, _ text: String) -> Bool {
        if line.role == .heading { return true }
        guard line.role != .tableRow, line.cells.count <= 1, !isListItem(line, text), !text.isEmpty,
              text.utf8.count <= 120 || text.count <= 120,
              !text.includes("£"), let first = text.first, first.isUppercase || first.isNumber,
              let last = text.last, last != "." && last != ";" && last != "," else { return false }
        return !runOnWords.contains(lastWord(of: text))
    }

    /// The last space-separated word of `text`, lowercased ("" when there is none): the same word
    /// `text.split(separator: " ").last` gives, without splitting the whole line.
    static func lastWord(of text: String) -> String {
        let trimmed = text[..<(text.lastIndex { $0 != " " }.map(text.index(after:)) ?? text.startIndex)]
        let start = trimmed.lastIndex(of: " ").map(trimmed.index(after:)) ?? trimmed.startIndex
        return trimmed[start...].lowercased()
    }
}

/// The keys that headings and questions look up in ``PeriodContext``'s repeated-line set, as hashes.
///
/// An all-ASCII line's key (its text lowercased) is ASCII, and it can equal a heading's key only when their
/// ASCII forms are the same bytes; a line whose lowercased bytes hash to no heading's is never looked up
/// and need not be kept (nor lowercased). Lines with other scalars are always kept.
struct AskedKeys {
    private var hashes: Set<UInt64> = []

    init(_ lines: [OutlinedLine]) {
        for line in lines {
            let text = line.text.trimmingHorizontalWhitespace
            guard PeriodContext.isHeadingLike(line, text) || PeriodContext.isQuestion(text) else { continue }
            let key = text.lowercasedByScalar
            if key.utf8.allSatisfy({ $0 < 0x80 }) {
                hashes.insert(Self.hash(key.utf8))
            } else if key.unicodeScalars.allSatisfy({ $0.isASCII || Self.asciiDecomposition($0) != nil }) {
                // Canonically equal to the ASCII text its scalars decompose to.
                hashes.insert(Self.hash(key.unicodeScalars.map { $0.isASCII ? UInt8($0.value) : Self.asciiDecomposition($0)! }))
            }
            // Any other non-ASCII key equals no ASCII key.
        }
    }

    /// The ASCII character a scalar canonically decomposes to, for the three that do: ";" "`" "K".
    private static func asciiDecomposition(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x37E: UInt8(ascii: ";")
        case 0x1FEF: UInt8(ascii: "`")
        case 0x212A: UInt8(ascii: "K")
        default: nil
        }
    }

    /// FNV-1a over bytes, ASCII capitals read as lower case.
    private static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)) &* 0x100_0000_01B3
        }
        return hash
    }

    /// False only when the key of the line `text` surely equals no heading's or question's key.
    func mayBeAsked(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        return hashes.contains(Self.hash(text.utf8))
    }
}
