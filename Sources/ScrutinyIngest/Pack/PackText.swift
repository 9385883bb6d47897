import ScrutinyCore

/// Small readings of page text that the pack's evidence types share.
enum PackText {
    /// The lowercased words of `text`, letters and digits only: "Report title:" is ["report", "title"].
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// `text` lowercased with its white space collapsed to single spaces.
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `text` with its white space collapsed to single spaces, case kept.
    static func normalizedKeepingCase(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `text` holds a letter or a digit.
    static func isPrinted(_ text: String) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
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
        String(text.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
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
