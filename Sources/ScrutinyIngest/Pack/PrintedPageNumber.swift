import Foundation
import ScrutinyCore

/// The page numbers a page prints in its header or footer: "3", "- 3 -", "Page 3", "Page 3 of 12",
/// "3 of 12", "3/12", "Item 10 – Page 3", letter-spaced "1 4". A pack may print two on one page
/// (its own running number and the paper's), so a page gives a list.
enum PrintedPageNumber {
    /// Lines from each edge of a page looked at.
    static let edgeLines = 4
    /// Fraction of the page height from each edge a page number stands within, where boxes are known.
    static let edgeFraction = 0.15
    /// The longest text read as a page number, in bytes ("Cabinet – 6 January 2026 – Page 12 of 30").
    static let longestText = 80
    /// The largest number taken for a page number (a year or a total is not one).
    static let largest = 999
    /// How far from the page's centre a bare number may stand, as a fraction of its width, and
    /// where a right-aligned one ends.
    static let centreTolerance = 0.15
    static let rightOfCentre = 0.75

    /// The page numbers printed at the top or foot of `page`, top first.
    static func numbers(on page: SourcePage) -> [Int] {
        let printed = page.lines.indices.filter { PackText.isPrinted(page.lines[$0].text) }
        var indices = Array(printed.prefix(edgeLines))
        for index in printed.suffix(edgeLines) where !indices.contains(index) { indices.append(index) }
        let hasBoxes = page.lines.contains { $0.box != nil }
        var numbers: [Int] = []
        for index in indices {
            let line = page.lines[index]
            // A table row's cells are figures, not page numbers; a line placed nowhere is no edge's.
            guard line.cells.count <= 2 else { continue }
            if let height = page.height, height > 0, hasBoxes {
                guard let box = line.box, box.y < height * edgeFraction || box.y + box.height > height * (1 - edgeFraction) else { continue }
            }
            for cell in line.cells {
                guard let number = number(in: cell), !numbers.contains(number) else { continue }
                // A bare number at the left margin numbers a paragraph; a page number stands centred or to the right.
                if isBare(cell), let box = line.box, let width = page.width, width > 0,
                   box.x + box.width < width * rightOfCentre, box.x + box.width / 2 < width * (0.5 - centreTolerance) { continue }
                numbers.append(number)
            }
        }
        return numbers
    }

    /// The page number `text` is, or ends with ("Cabinet – 6 May 2026 – Page 3"), `nil` for any other text.
    static func number(in text: String) -> Int? {
        // No digit, no page number (roman numerals are not read): most lines stop here.
        guard text.utf8.count <= longestText, text.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return nil }
        let words = joiningSpacedDigits(PackText.normalized(text).split(separator: " ").map(String.init))
        guard !words.isEmpty, words.count <= 12 else { return nil }
        // "3", "-3-", "[3]", "(3)", "p.3", "3/12"
        if words.count == 1 {
            let word = words[0]
            let core = word.trimmingCharacters(in: ["-", "–", "—", "[", "]", "(", ")"])
            if core != word, let number = value(core) { return number }
            if let number = value(word) { return number }
            if word.hasPrefix("p."), let number = value(String(word.dropFirst(2))) { return number }
            let halves = word.split(separator: "/")
            if halves.count == 2, let number = value(String(halves[0])), let total = value(String(halves[1])), number <= total {
                return number
            }
            return nil
        }
        // "- 3 -"
        if words.count == 3, ["-", "–", "—"].contains(words[0]), words[0] == words[2], let number = value(words[1]) { return number }
        // "3 of 12"
        if words.count == 3, words[1] == "of", let number = value(words[0]), let total = value(words[2]), number <= total {
            return number
        }
        // "Page 3", "Page 3 of 12" opening the text, or "Page 3" ("of 12") closing it.
        if let at = words.firstIndex(of: "page"), at + 1 < words.count, let number = value(words[at + 1]) {
            let after = Array(words[(at + 2)...])
            let ofTotal = after.count >= 2 && after[0] == "of" && value(after[1]) != nil
            if after.isEmpty || (ofTotal && (at == 0 || after.count == 2)) { return number }
        }
        return nil
    }

    /// Whether `text` is a number and nothing else ("3", not "Page 3").
    private static func isBare(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && trimmed.allSatisfy { $0.isNumber || $0 == " " }
    }

    /// A number of one to three digits.
    private static func value(_ word: String) -> Int? {
        guard !word.isEmpty, word.count <= 3, word.allSatisfy(\.isASCII), let number = Int(word), number >= 1, number <= largest
        else { return nil }
        return number
    }

    /// "1 4" as "14": single digits spaced out are one number.
    private static func joiningSpacedDigits(_ words: [String]) -> [String] {
        guard words.count >= 2, words.count <= 3, words.allSatisfy({ $0.count == 1 && $0.first!.isNumber }) else { return words }
        return [words.joined()]
    }
}
