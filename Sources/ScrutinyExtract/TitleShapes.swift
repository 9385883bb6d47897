import Foundation

/// Title shapes that carry no label: a title printed in display type at the top of the first page,
/// and a heading that opens with the annex label and the council's name.
enum TitleShapes {
    /// The smallest size, in points, that reads as display type.
    static let displaySize = 18.0
    /// How much larger than the body text display type is.
    static let displayRatio = 1.4
    /// "Annex A", "Appendix 3": the label a document attached to a report opens with.
    private static let annexLabel = Pattern(#"^(?:annex|appendix)\s+[A-Z0-9]{1,3}\b[\s:.\-–]*"#)

    /// The line (or two lines) printed in display type among the first lines of `front`: much
    /// larger than the body text, and not a number or a list item.
    static func displayTitle(in front: [OutlinedLine]) -> String? {
        guard let body = bodySize(of: front) else { return nil }
        func isDisplay(_ line: OutlinedLine) -> Bool {
            guard let size = line.fontSize, let text = displayText(of: line) else { return false }
            return size >= displaySize && size >= body * displayRatio
                && text.wordCount >= 2 && ListMarker.split(text)?.number == nil
        }
        let top = Array(front.prefix(8))
        guard let index = top.firstIndex(where: isDisplay), let first = displayText(of: top[index]) else { return nil }
        // A title wrapped onto a second line is set in the same type; a smaller display line under it is a subtitle or a name.
        if index + 1 < top.count, isDisplay(top[index + 1]), let second = displayText(of: top[index + 1]),
           abs((top[index + 1].fontSize ?? 0) - (top[index].fontSize ?? 0)) <= 1 {
            return first + " " + second
        }
        return first
    }

    /// The text of a line that may be display type: the line's own, or for a table row, its
    /// first cell when every other cell is only figures (a slide's number beside its title).
    private static func displayText(of line: OutlinedLine) -> String? {
        var text = line.text
        if line.role == .tableRow {
            let cells = line.filledCells
            guard let first = cells.first, cells.dropFirst().allSatisfy({ $0.allSatisfy { $0.isNumber || $0 == " " } }) else { return nil }
            text = first
        }
        return text.replacingOccurrences(of: "\n", with: " ")
    }

    /// `heading` without an opening annex label and council name ("Annex A Fenby Parish Council
    /// Accounts 2024/25" is "Accounts 2024/25"); `nil` when it opens with neither or nothing is left.
    static func afterLetterhead(_ heading: String) -> String? {
        var rest = heading
        var stripped = false
        if let label = annexLabel.firstMatch(in: rest)?[0] {
            rest = String(rest.dropFirst(label.count))
            stripped = true
        }
        if let name = CouncilFinder.councilName.firstMatch(in: rest)?[1], rest.hasPrefix(name) {
            rest = String(rest.dropFirst(name.count)).trimmingCharacters(in: CharacterSet(charactersIn: " -–—:,"))
            stripped = true
        }
        guard stripped, rest.wordCount >= 3, rest.first?.isUppercase == true else { return nil }
        return rest
    }

    /// The title under an annex letterhead printed as a stack of headings ("Annex A", then the
    /// council's name, then the title, each on its own line): read as the one-line letterhead
    /// ``afterLetterhead(_:)`` takes. `nil` unless `front` opens with the annex label alone.
    static func afterStackedLetterhead(in front: [OutlinedLine]) -> String? {
        guard let first = front.first, let label = annexLabel.firstMatch(in: first.text)?[0],
              label.count == first.text.count else { return nil }
        let stack = front.prefix(3).prefix { $0.role == .heading || $0.isBold }
        guard stack.count == 3 else { return nil }
        return afterLetterhead(stack.map(\.text).joined(separator: " "))
    }

    /// The commonest font size of `lines`, the body text's.
    private static func bodySize(of lines: [OutlinedLine]) -> Double? {
        var counts: [Double: Int] = [:]
        for line in lines { if let size = line.fontSize { counts[size, default: 0] += 1 } }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }
}
