/// The text of a chart on a scanned page: axis ticks, bar values, year labels and a legend,
/// which OCR reads as words though a text layer holds the chart as a picture. Left out so that
/// a chart's "£40m, £35m, £30m …" axis does not become money the report never states.
///
/// A chart is told by its shape, not its words: several Tesseract lines in type far smaller
/// than the page's text, close above one another, at least two of them a lone figure (an axis
/// tick). Everything between the chart's first and last such line that is not a sentence goes:
/// the bars read as fragments in any size. Lines in the page's own type that read as prose stay.
enum ChartText {
    /// Chart type is at most this fraction of the page's usual text size.
    static let sizeRatio = 0.6
    /// A chart has at least this many small lines…
    static let minimumLines = 3
    /// …of which at least this many are a lone figure.
    static let minimumTicks = 2
    /// Small lines further apart than this many usual text sizes belong to different charts.
    static let widestGap = 4.0
    /// A line with this many words of letters is prose, never chart text.
    static let proseWords = 5

    /// One Tesseract line as the rule sees it: its words, size and vertical band, in points.
    struct Line {
        var words: [String]
        var size: Double
        var top: Double
        var bottom: Double
    }

    /// The indices of `lines` that are chart text.
    static func chartLines(_ lines: [Line]) -> Set<Int> {
        guard let body = usualSize(lines) else { return [] }
        let small = lines.indices.filter { lines[$0].size <= sizeRatio * body && !isProse(lines[$0]) }
            .sorted { lines[$0].top < lines[$1].top }
        var charts: [(top: Double, bottom: Double)] = []
        var cluster: [Int] = []
        func close() {
            defer { cluster = [] }
            guard cluster.count >= minimumLines, cluster.count { isTick(lines[$0]) } >= minimumTicks else { return }
            charts.append((cluster.map { lines[$0].top }.min()!, cluster.map { lines[$0].bottom }.max()!))
        }
        for index in small {
            if let last = cluster.last, lines[index].top - lines[last].bottom > widestGap * body { close() }
            cluster.append(index)
        }
        close()
        guard !charts.isEmpty else { return [] }
        return Set(lines.indices.filter { index in
            let line = lines[index]
            let centre = (line.top + line.bottom) / 2
            return !isProse(line) && charts.contains { centre >= $0.top && centre <= $0.bottom }
        })
    }

    /// The size most of the page's characters have.
    private static func usualSize(_ lines: [Line]) -> Double? {
        var characters: [Double: Int] = [:]
        for line in lines { characters[line.size, default: 0] += line.words.reduce(0) { $0 + $1.count } }
        return characters.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }

    /// A line of several words made of letters: a sentence or a caption, not a chart's fragments.
    private static func isProse(_ line: Line) -> Bool {
        line.words.count { word in word.count >= 2 && word.allSatisfy { $0.isLetter || $0 == "," || $0 == "." } } >= proseWords
    }

    /// A line that is one figure alone: "£40m", "-£10m", "25%", "1,000".
    private static func isTick(_ line: Line) -> Bool {
        guard line.words.count == 1, let word = line.words.first else { return false }
        var rest = Substring(word)
        while let first = rest.first, "-–−£$€(".contains(first) { rest = rest.dropFirst() }
        while let last = rest.last, "mkbn%)".contains(last) { rest = rest.dropLast() }
        return !rest.isEmpty && rest.first!.isNumber && rest.allSatisfy { $0.isNumber || $0 == "," || $0 == "." }
    }
}
