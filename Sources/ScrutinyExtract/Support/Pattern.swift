import Foundation

/// A regular expression compiled once and shared: the extractors keep these in `static let`s
/// so no line ever pays for compiling one.
struct Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    private let regex: NSRegularExpression

    /// Compiles `source`; case-insensitive unless `caseSensitive`. A bad pattern is a programming error.
    init(_ source: String, caseSensitive: Bool = false) {
        var options: NSRegularExpression.Options = []
        if !caseSensitive { options.insert(.caseInsensitive) }
        do {
            regex = try NSRegularExpression(pattern: source, options: options)
        } catch {
            preconditionFailure("invalid pattern \(source): \(error)")
        }
    }

    /// True when the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The capture groups of the first match (index 0 is the whole match); `nil` for a group that did not take part.
    func firstMatch(in text: String) -> [String?]? {
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Self.groups(of: match, in: text)
    }

    /// The capture groups of every match, in order.
    func allMatches(in text: String) -> [[String?]] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { Self.groups(of: $0, in: text) }
    }

    /// `text` with every match replaced by `template` (`$1` refers to a group).
    func replacing(in text: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    private static func groups(of match: NSTextCheckingResult, in text: String) -> [String?] {
        (0..<match.numberOfRanges).map { index in
            let range = match.range(at: index)
            guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { return nil }
            return String(text[swiftRange])
        }
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmed: String { trimmingWhitespaceAndNewlines }

    /// Runs of white space (not line breaks) collapsed to one space, ends trimmed.
    var collapsingSpaces: String {
        // Over ASCII, the plain Latin and punctuation scalars and the no-break space every scalar is a
        // character of its own, so the runs between separators are found scalar by scalar.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\u{A0}" {
                pendingSpace = !bytes.isEmpty
                continue
            }
            guard scalar.isASCII || CleanParagraph.isPlainNonASCII(scalar.value) else {
                return split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ").trimmed
            }
            if pendingSpace {
                bytes.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            UTF8.encode(scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self).trimmed
    }

    /// The number of space-separated words.
    var wordCount: Int {
        // Over ASCII and the plain Latin and punctuation scalars every scalar is a character of its own,
        // so the words are the runs of scalars between spaces, counted without splitting.
        var count = 0
        var inWord = false
        for scalar in unicodeScalars {
            guard scalar.isASCII || CleanParagraph.isPlainNonASCII(scalar.value) else { return split(separator: " ").count }
            if scalar == " " {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// The string without trailing sentence punctuation and white space.
    var droppingTrailingPunctuation: String {
        var s = trimmed
        while let last = s.last, ".,;:".contains(last) { s.removeLast() }
        return s.trimmed
    }
}
