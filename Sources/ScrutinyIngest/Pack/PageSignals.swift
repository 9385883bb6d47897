import ScrutinyCore

/// What one page of a pack shows about where papers start and end, read once per page.
struct PageSignals: Sendable {
    /// The "Agenda Item N" stamp at its top.
    var stamp: String?
    /// A report's cover at its top.
    var cover: CoverBlock?
    /// Whether it opens the minutes of a meeting.
    var opensMinutes: Bool
    /// An appendix label at its top.
    var appendix: AppendixLabel?
    /// The appendix labels its text names ("attached as Appendix A"), as references.
    var namedAppendices: Set<AppendixLabel>
    /// The front sheet's listed item whose title its top prints.
    var listed: ListedItem?
    /// The page numbers it prints.
    var numbers: [Int]
    /// Whether its text opens mid-sentence (a plain line starting in lower case): a page turn, not a paper's start.
    var continuesSentence: Bool
    /// Whether its lower half closes a report: an audit trail, background papers, a list of appendices.
    var closesReport: Bool
    /// Whether nothing, or only "This page is intentionally left blank", is printed on it.
    var isBlank: Bool
    /// The page's type and margins, where boxes and sizes are known.
    var layout: PageLayout?

    /// How many lines from the top an opening of minutes may stand.
    static let minutesLines = 4
    /// Longest line, in words, read as a closing heading.
    static let closingHeadingWords = 12

    init(_ page: SourcePage, listedItems: [ListedItem]) {
        // The page's first body lines, read once for every signal that looks at them.
        let top = PackText.bodyTop(of: page, count: max(CoverBlock.headingLines, ListedTitleMatch.topLines, Self.minutesLines + 4))
        stamp = ItemStamp.number(on: page)
        cover = CoverBlock.find(top: top)
        opensMinutes = Self.opensMinutes(Array(top.prefix(Self.minutesLines + 4)))
        appendix = AppendixLabel.atTop(of: page)
        namedAppendices = AppendixLabel.named(in: page.lines)
        listed = listedItems.isEmpty ? nil : ListedTitleMatch.item(top: Array(top.prefix(ListedTitleMatch.topLines)), among: listedItems)
        numbers = PrintedPageNumber.numbers(on: page)
        continuesSentence = Self.continuesSentence(top.first)
        closesReport = Self.closesReport(page)
        isBlank = PackText.isBlank(page)
        layout = PageLayout(page)
    }

    /// "MINUTES of the Harbour Panel held on ..." among the first lines, with "held" or "present" close by.
    private static func opensMinutes(_ top: [SourceLine]) -> Bool {
        guard top.prefix(minutesLines).contains(where: { line in
            let text = PackText.normalized(line.text)
            return text.hasPrefix("minutes of ") || text == "minutes" || text.hasPrefix("draft minutes")
                || text.hasPrefix("unconfirmed minutes") || text.hasPrefix("confirmed minutes")
        }) else { return false }
        return top.contains { line in
            let words = PackText.words(line.text)
            return words.contains("held") || words.contains("present") || words.contains("meeting")
        }
    }

    /// A first line of plain text that starts in lower case ("have come from council tax").
    private static func continuesSentence(_ first: SourceLine?) -> Bool {
        guard let line = first, line.role != .heading, !line.isBold else { return false }
        guard let first = line.text.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        return first.isLetter && first.isLowercase
    }

    /// A closing heading anywhere on the page ("Audit trail", "Background papers", "Appendices"),
    /// or a closing label in its lower half ("Report author", "Contact officer": a cover prints them too).
    private static func closesReport(_ page: SourcePage) -> Bool {
        let printed = page.lines.filter { PackText.isPrinted($0.text) }
        let lowerHalf = printed.count / 2
        for (position, line) in printed.enumerated() {
            for cell in line.cells {
                // A closing heading is short: a paragraph is not read word by word; nor is a cell
                // whose first word opens no closing phrase.
                guard cell.utf8.count <= closingHeadingWords * 16 || cell.contains("\n") else { continue }
                guard let first = PackText.firstWord(cell), PackVocabulary.closingFirstWords.contains(first) else { continue }
                let words = PackText.words(PackText.firstParagraph(cell))
                guard !words.isEmpty, words.count <= closingHeadingWords else { continue }
                let text = words.joined(separator: " ")
                func opens(_ phrases: [String]) -> Bool { phrases.contains { text == $0 || text.hasPrefix($0 + " ") } }
                if opens(PackVocabulary.reportEndings) || (position >= lowerHalf && opens(PackVocabulary.reportEndingLabels)) {
                    return true
                }
            }
        }
        return false
    }
}

/// A page's type and margins: the size most of its text is set in, where its lines start, its
/// paper. Papers bound into one pack come from different templates; one report keeps its own.
struct PageLayout: Sendable, Hashable {
    /// The font size most of the page's characters are set in, to the half point.
    var bodySize: Double
    /// Where the page's full lines start: the lowest left edge but for a few strays.
    var leftEdge: Double
    /// The paper's sides, shorter first (a page turned to landscape is the same paper).
    var paper: [Double]

    /// Shortest line, in characters, whose left edge is counted.
    static let fullLine = 20
    /// The differences that make two pages' layouts different.
    static let sizeDifference = 0.5
    static let edgeDifference = 12.0
    static let paperDifference = 8.0

    init?(_ page: SourcePage) {
        guard let width = page.width, let height = page.height else { return nil }
        var weights: [Double: Int] = [:]
        var edges: [Double] = []
        for line in page.lines where !line.isFurniture {
            guard let size = line.fontSize else { continue }
            let length = line.text.unicodeScalars.count
            weights[(size * 2).rounded() / 2, default: 0] += length
            if length >= Self.fullLine, let box = line.box { edges.append(box.x) }
        }
        guard let body = weights.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key, edges.count >= 3
        else { return nil }
        edges.sort()
        bodySize = body
        leftEdge = edges[edges.count / 10]
        paper = [min(width, height), max(width, height)]
    }

    /// Whether `other` is set on other paper, or in another size with other margins.
    func differs(from other: PageLayout) -> Bool {
        if zip(paper, other.paper).contains(where: { abs($0 - $1) > Self.paperDifference }) { return true }
        return abs(bodySize - other.bodySize) >= Self.sizeDifference && abs(leftEdge - other.leftEdge) >= Self.edgeDifference
    }
}
