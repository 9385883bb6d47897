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
    private var seen = SeenLines()

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
            if !seen.insert(text) { return current }
            let temporal = PeriodParser().periods(in: text).last(where: \.isTemporal)?.period
            if isQuestion {
                headingPeriod = nil
                questionPeriod = temporal
                questionTopic = BudgetKindClassifier().topic(of: text)
                answer = .awaiting
            } else {
                // A caption ("Table 8: Unspent balances in 23/24") dates its table (see ``TableCell``), not
                // the paragraphs after it.
                headingPeriod = Self.isCaption(text) ? nil : temporal
                questionPeriod = nil
                answer = .done
            }
            return temporal
        }
        seen.insert(text)
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

    /// Words that open a table's or figure's caption.
    static let captionWords = ["table", "figure", "chart", "graph"]

    /// True when `text` opens with a caption word and a number ("Table 8:", "Figure 2 –").
    static func isCaption(_ text: String) -> Bool {
        let words = text.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, let first = words.first, captionWords.contains(first.lowercased()) else { return false }
        return words[1].first?.isNumber == true
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
        guard text.includes("?"), !text.includes("£") else { return false }
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

/// The lines read so far, compared as their lowercased text (a `Set` of `lowercasedByScalar` keys), so
/// that a line repeated from earlier (a running header that survived outlining) is known again.
///
/// Most lines are *plain*: ASCII and a few common signs (quotes, dashes, "£", "€", bullets, the no-break
/// space) that have no case, no decomposition and join no neighbour, so a plain text is in normal form
/// and two plain texts are equal keys exactly when their bytes match with ASCII case ignored. Plain lines
/// are kept as printed, bucketed by a hash of their bytes read in lower case: no lowercased copy, no
/// `String` hashing. Other lines are kept by their lowercased key. Four scalars are canonically a plain
/// character (";" "·" "`" "K"); a key made only of plain characters and those is kept in both forms.
struct SeenLines {
    /// The first plain line of each hash; lines that share a hash with it (rare) wait in `laterPlain`,
    /// so the common line costs no array of its own.
    private var plain: [UInt64: String] = [:]
    private var laterPlain: [UInt64: [String]] = [:]
    private var other: Set<String> = []

    /// Adds the line `text`; false when an equal line was already there.
    @discardableResult
    mutating func insert(_ text: String) -> Bool {
        if Self.isPlain(text) { return insertPlain(text) }
        let key = text.lowercasedByScalar
        let plainForm = Self.plainForm(of: key)
        if other.contains(key) { return false }
        if let plainForm, contains(plainForm) { return false }
        other.insert(key)
        if let plainForm { insertPlain(plainForm) }
        return true
    }

    @discardableResult
    private mutating func insertPlain(_ text: String) -> Bool {
        let hash = Self.hash(text)
        guard let first = plain[hash] else {
            plain[hash] = text
            return true
        }
        if Self.equalIgnoringASCIICase(first, text) { return false }
        if laterPlain[hash]?.contains(where: { Self.equalIgnoringASCIICase($0, text) }) == true { return false }
        laterPlain[hash, default: []].append(text)
        return true
    }

    private func contains(_ plainText: String) -> Bool {
        let hash = Self.hash(plainText)
        guard let first = plain[hash] else { return false }
        if Self.equalIgnoringASCIICase(first, plainText) { return true }
        return laterPlain[hash]?.contains { Self.equalIgnoringASCIICase($0, plainText) } == true
    }

    /// The non-ASCII scalars of plain text.
    private static func isPlainSign(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0, 0xA3, 0xB7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x20AC: true
        default: false
        }
    }

    private static func isPlain(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return text.unicodeScalars.allSatisfy { $0.isASCII || isPlainSign($0.value) }
    }

    /// The plain text a key is canonically equal to, when it has only plain scalars and the four that
    /// decompose to one; `nil` otherwise.
    private static func plainForm(of key: String) -> String? {
        var scalars = String.UnicodeScalarView()
        for scalar in key.unicodeScalars {
            switch scalar.value {
            case 0x37E: scalars.append(";")
            case 0x387: scalars.append("\u{00B7}")
            case 0x1FEF: scalars.append("`")
            case 0x212A: scalars.append("K")
            default:
                guard scalar.isASCII || isPlainSign(scalar.value) else { return nil }
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// FNV-1a over bytes, ASCII capitals read as lower case.
    private static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(lowered(byte))) &* 0x100_0000_01B3 }
            return hash
        }
    }

    /// True when two plain texts are the same once their ASCII letters are lowercased.
    private static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { lowered($0) == lowered($1) }
    }
}
