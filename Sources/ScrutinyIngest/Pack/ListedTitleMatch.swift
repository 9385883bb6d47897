import ScrutinyCore

/// Which of a front sheet's listed items a page's first lines name: most of the title's words on
/// one line (or two running on), and that line mostly the title. Items without papers
/// (apologies, declarations) and one-word titles are never matched: their words are too common.
enum ListedTitleMatch {
    /// How many lines from a page's top a title may stand.
    static let topLines = 8
    /// Share of a title's words the line must hold, and share of the line's words the title must.
    static let titleShare = 0.75
    static let lineShare = 0.5

    /// The listed item whose title the top of `page` (its first `lines` lines) prints, `nil` where none does.
    static func item(on page: SourcePage, among items: [ListedItem], lines: Int = topLines) -> ListedItem? {
        item(top: PackText.bodyTop(of: page, count: lines), among: items)
    }

    /// The listed item whose title the lines `top` (a page's first body lines) print.
    static func item(top lines: [SourceLine], among items: [ListedItem]) -> ListedItem? {
        let candidates = items.filter { !$0.isProcedural && Set($0.contentWords).count >= 2 }
        guard !candidates.isEmpty else { return nil }
        let top = lines.map { line in
            PackText.words(line.cells.joined(separator: " ")).filter { !PackVocabulary.stopWords.contains($0) }
        }
        var texts = top.map(Set.init)
        for index in top.indices.dropLast() { texts.append(Set(top[index] + top[index + 1])) }
        var best: (item: ListedItem, score: Double)?
        for item in candidates {
            let title = Set(item.contentWords)
            for words in texts {
                let common = title.intersection(words).count
                let score = Double(common) / Double(title.count)
                guard common >= 2, score >= titleShare, Double(common) >= lineShare * Double(words.count) else { continue }
                if score > (best?.score ?? 0) { best = (item, score) }
            }
        }
        return best?.item
    }
}
