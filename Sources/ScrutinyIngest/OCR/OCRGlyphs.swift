/// Turns the words OCR read on a page into the glyphs a text layer gives, so the same visual-line
/// and logical-line grouping reads a scanned page as it reads a born-digital one.
///
/// Each word's box is shared out evenly among its characters; every word of one Tesseract text
/// line gets one band centred on the line, 1.2 of its point size tall as a font's glyph boxes
/// are, so a slightly skewed line stays one line and word gaps compare with the size as a text
/// layer's do. Sizes come from Tesseract's point size for the line (or the line's height),
/// rounded to whole points so that lines of one style agree. Tesseract gives no weight: a word
/// is bold when its strokes are markedly heavier, for its size, than the page's usual text.
/// A chart's labels are left out (``ChartText``), as a text layer holds the chart as a picture.
struct OCRGlyphs {
    /// The widest gap, in point sizes, between two words of one Tesseract line that is still a
    /// word space (a justified line's); wider, and the gap is left for the cell rule to judge.
    static let widestWordGap = 2.5
    /// The same for a word Tesseract put on another line at the same height (it split a justified
    /// line in two): only a gap about a word space wide is closed.
    static let widestWordGapAcrossLines = 1.0
    /// How much heavier than the page's usual strokes, for its size, a bold word's are.
    static let boldStrokeRatio = 1.3

    /// Points per pixel: 72 / dpi.
    var pointsPerPixel: Double

    init(dpi: Double) {
        pointsPerPixel = 72 / dpi
    }

    /// The mends made to each Tesseract line's words, in this order: misread bars, table-border
    /// remnants, bullets, e-mail addresses, month names, ordinal marks.
    static let mends: [@Sendable ([OCRWord]) -> [OCRWord]] = [
        mendingBars, droppingRuleMarks, markingBullets, joiningAddresses, mendingSplitMonths, droppingOrdinalMarks,
    ]

    /// One Tesseract line placed on the page: its words, size and band in points.
    private struct PlacedLine {
        var words: [OCRWord]
        var size: Double
        var top: Double
        var bottom: Double
    }

    func glyphs(from result: OCRPageResult) -> PageGlyphs {
        var glyphs = PageGlyphs()
        var styleOf: [StyleKey: Int32] = [:]
        var placed = lines(of: result.words).filter { !Self.isNoise($0) }.map { words -> PlacedLine in
            let line = Self.mends.reduce(words) { line, mend in mend(line) }
            let inkTop = Double(line.map(\.top).min() ?? 0) * pointsPerPixel
            let inkBottom = Double(line.map(\.bottom).max() ?? 0) * pointsPerPixel
            let size = lineSize(line, height: inkBottom - inkTop)
            let centre = (inkTop + inkBottom) / 2
            return PlacedLine(words: line, size: size, top: min(inkTop, centre - 0.6 * size), bottom: max(inkBottom, centre + 0.6 * size))
        }
        let snapped = Self.snappedSizes(placed.map { SizedLine(size: $0.size, characters: $0.words.reduce(0) { $0 + $1.text.count },
                                                             top: $0.top, bottom: $0.bottom,
                                                             left: Double($0.words.first?.left ?? 0) * pointsPerPixel,
                                                             right: Double($0.words.last?.right ?? 0) * pointsPerPixel) })
        for index in placed.indices { placed[index].size = snapped[index] }
        let chart = ChartText.chartLines(placed.map { ChartText.Line(words: $0.words.map(\.text), size: $0.size, top: $0.top, bottom: $0.bottom) })
        if !chart.isEmpty { placed = placed.indices.filter { !chart.contains($0) }.map { placed[$0] } }
        let usualWeight = Self.usualWeight(placed.map { ($0.words, $0.size) }, pointsPerPixel: pointsPerPixel)
        let edges = columnEdges(of: placed)
        for (lineIndex, line) in placed.enumerated() {
            // Each word is a run of its own, so words Tesseract gave as separate lines at the same height
            // are put in x order with the rest of their line, and wide gaps split cells as they do
            // in a text layer.
            for (index, word) in line.words.enumerated() {
                let scalars = Array(word.text.unicodeScalars)
                let left = Double(word.left) * pointsPerPixel
                var right = Double(word.right) * pointsPerPixel
                // A justified line's wide word gap is no column gap: the word's box reaches to a normal
                // word space before the next word.
                if let nextLeft = nextWordLeft(after: index, in: lineIndex, of: placed, edges: edges) {
                    right = max(right, nextLeft - 0.25 * line.size)
                }
                let bold = usualWeight.map { weight(word, size: line.size) >= Self.boldStrokeRatio * $0 } ?? false
                let key = StyleKey(size: line.size, bold: bold)
                let style: Int32
                if let known = styleOf[key] {
                    style = known
                } else {
                    style = Int32(glyphs.styles.count)
                    glyphs.styles.append(GlyphStyle(size: line.size, isBold: bold))
                    styleOf[key] = style
                }
                let step = (right - left) / Double(max(1, scalars.count))
                for (offset, scalar) in scalars.enumerated() {
                    let x1 = left + Double(offset) * step
                    append(scalar, GlyphBox(x1: x1, y1: line.top, x2: x1 + step, y2: line.bottom), style, to: &glyphs)
                }
                append("\n", GlyphBox(x1: 0, y1: line.top, x2: 0, y2: line.bottom), style, to: &glyphs)
            }
        }
        return glyphs
    }

    private struct StyleKey: Hashable {
        var size: Double
        var bold: Bool
    }

    /// The left edge (points) of the word that follows word `index` of line `lineIndex` at a word
    /// space's distance: the next word of its line, or the nearest word to its right on another line at
    /// the same height; `nil` when the next word is further away (a column gap).
    private func nextWordLeft(after index: Int, in lineIndex: Int, of lines: [PlacedLine], edges: [ColumnEdge]) -> Double? {
        let line = lines[lineIndex]
        let right = Double(line.words[index].right) * pointsPerPixel
        if index + 1 < line.words.count {
            if line.words[index + 1].followsRule { return nil }
            let nextLeft = Double(line.words[index + 1].left) * pointsPerPixel
            let gap = nextLeft - right
            // A narrow gutter is still a column gap where the word starts at a column that lines
            // nearby start after a clear gap ("Classification:  Date:" over "Open      6 May").
            if gap > Self.narrowestGutter * line.size,
               Set(edges.lazy.filter { $0.line != lineIndex && $0.aligns(nextLeft, top: line.top, size: line.size) }.map(\.line)).count
                >= Self.gutterSupport {
                return nil
            }
            return gap < Self.widestWordGap * line.size ? nextLeft : nil
        }
        var nearest: Double?
        for (otherIndex, other) in lines.enumerated() where otherIndex != lineIndex {
            let overlap = min(line.bottom, other.bottom) - max(line.top, other.top)
            guard overlap > 0.5 * min(line.bottom - line.top, other.bottom - other.top),
                  let first = other.words.first else { continue }
            let left = Double(first.left) * pointsPerPixel
            guard left > right, left - right < Self.widestWordGapAcrossLines * line.size else { continue }
            if nearest == nil || left < nearest! { nearest = left }
        }
        return nearest
    }

    /// The narrowest gap, in point sizes, that can be a column gutter where other lines show the column.
    static let narrowestGutter = 1.0
    /// How many other lines must start a column at a word for a narrow gap before it to be a gutter.
    static let gutterSupport = 2

    /// Where a column starts: the left edge of a word after a clear column gap on one line.
    struct ColumnEdge {
        var line: Int
        var x: Double
        var top: Double

        /// True for a word at `x` on a line at `top` that starts this column: within half a
        /// point size across, and within five lines above or below.
        func aligns(_ x: Double, top: Double, size: Double) -> Bool {
            abs(x - self.x) <= 0.5 * size && abs(top - self.top) <= 5 * 1.2 * size
        }
    }

    /// The column edges of the page: every word that starts after a gap wider than a word space
    /// can be (``widestWordGap``), or after a table rule's remnant.
    private func columnEdges(of lines: [PlacedLine]) -> [ColumnEdge] {
        var edges: [ColumnEdge] = []
        for (lineIndex, line) in lines.enumerated() {
            for index in line.words.indices.dropFirst() {
                let word = line.words[index]
                let gap = Double(word.left - line.words[index - 1].right) * pointsPerPixel
                if word.followsRule || gap >= Self.widestWordGap * line.size {
                    edges.append(ColumnEdge(line: lineIndex, x: Double(word.left) * pointsPerPixel, top: line.top))
                }
            }
        }
        return edges
    }

    /// A word's stroke width against its size (both in points): the same for a font's regular
    /// weight at any size, about half again for its bold.
    private func weight(_ word: OCRWord, size: Double) -> Double {
        word.strokeWidth * pointsPerPixel / size
    }

    /// The weight of the page's usual text: the median over its characters, `nil` for a page with
    /// too few words to tell.
    private static func usualWeight(_ lines: [([OCRWord], Double)], pointsPerPixel: Double) -> Double? {
        var weights: [(weight: Double, characters: Int)] = []
        for (words, size) in lines {
            for word in words where word.strokeWidth > 0 && word.text.count >= 3 {
                weights.append((word.strokeWidth * pointsPerPixel / size, word.text.count))
            }
        }
        let total = weights.reduce(0) { $0 + $1.characters }
        guard weights.count >= 5 else { return nil }
        var seen = 0
        for entry in weights.sorted(by: { $0.weight < $1.weight }) {
            seen += entry.characters
            if 2 * seen >= total { return entry.weight }
        }
        return nil
    }

    /// What Tesseract reads a bullet as: a degree sign, a small "e" or "o", a guillemet…
    static let bulletReadings: Set<String> = ["•", "●", "○", "■", "▪", "◦", "·", "°", "e", "o", "«", "»", "*", "¢", "©", "®", "+"]

    /// A line's first word that is one of ``bulletReadings``, no wider than a letter and set apart from
    /// the text by a hanging indent (a gap of a point size or more), is a bullet: "•".
    static func markingBullets(_ line: [OCRWord]) -> [OCRWord] {
        guard line.count >= 2, bulletReadings.contains(line[0].text) else { return line }
        let height = max(1, line.map { $0.bottom - $0.top }.max() ?? 1)
        let width = line[0].right - line[0].left, gap = line[1].left - line[0].right
        guard width <= height, gap >= height else { return line }
        var line = line
        line[0].text = "•"
        return line
    }

    /// A capital "I" read as a bar: "| am" at a line's start is "I am"; a bar glued to a capitalised word
    /// ("|The") is dropped.
    static func mendingBars(_ line: [OCRWord]) -> [OCRWord] {
        var line = line
        for index in line.indices where line[index].text.hasPrefix("|") {
            let rest = line[index].text.dropFirst()
            if rest.isEmpty, index == 0, index + 1 < line.count, line[index + 1].text.first?.isLowercase == true {
                line[index].text = "I"
            } else if let first = rest.first, first.isUppercase {
                line[index].text = String(rest)
            }
        }
        return line
    }

    /// Characters Tesseract makes of what is left of a table's rules where they cross ("|", "=", "_").
    static let ruleMarks: Set<Character> = ["|", "=", "_", "~", "¦", "‖"]

    /// The words that are only ``ruleMarks``: the remains of a table's borders, not text. The word
    /// after a vertical rule's remnant is marked ``OCRWord/followsRule``.
    static func droppingRuleMarks(_ line: [OCRWord]) -> [OCRWord] {
        var out: [OCRWord] = []
        var afterRule = false
        for word in line {
            if word.text.allSatisfy(ruleMarks.contains) {
                afterRule = afterRule || word.text.contains("|") || word.text.contains("¦") || word.text.contains("‖")
                continue
            }
            var word = word
            // A bar before a lower-case word is a letter misread ("29 | anuary": a J), not a rule.
            if afterRule, !out.isEmpty, word.text.first?.isLowercase == false { word.followsRule = true }
            afterRule = false
            out.append(word)
        }
        if !out.isEmpty, out.count < line.count { out[0].startsLine = line[0].startsLine || out[0].startsLine }
        return out
    }

    /// An e-mail address read as two words at its "@" ("name@ fenby.gov.uk": an underline or a tight
    /// "@" looks like a space) is one word again.
    static func joiningAddresses(_ line: [OCRWord]) -> [OCRWord] {
        var out: [OCRWord] = []
        for word in line {
            if let last = out.last, last.text.count > 1, last.text.hasSuffix("@") || word.text.hasPrefix("@"),
               !(last.text.hasSuffix("@") && word.text.hasPrefix("@")), word.text.count > 1 {
                out[out.count - 1] = last.joined(to: word)
                continue
            }
            out.append(word)
        }
        return out
    }

    /// A month's name that lost its capital after a day's number ("29 anuary": a J's hook read as
    /// nothing) given the capital back. Only names that stay unmistakable without their first
    /// letter (five letters or more) are mended.
    private static func clippedMonthRestored(_ word: OCRWord, after previous: OCRWord?) -> OCRWord {
        guard let previous, let day = Int(previous.text), (1...31).contains(day), word.text.count >= 5,
              word.text.first?.isLowercase == true else { return word }
        let letters = word.text.prefix { $0.isLetter }
        guard let month = clippedMonths[String(letters)] else { return word }
        var mended = word
        mended.text = month + word.text.dropFirst(letters.count)
        return mended
    }

    /// What Tesseract reads a raised ordinal ending ("th", "st") as, after a day's number.
    static let ordinalReadings: Set<Character> = ["\"", "'", "”", "’", "°", "*", "ª", "º"]

    /// A day's number whose raised "th" was read as a mark ("19\" September") without the mark.
    static func droppingOrdinalMarks(_ line: [OCRWord]) -> [OCRWord] {
        var out = line
        for index in out.indices.dropLast() {
            let text = out[index].text
            guard let mark = text.last, ordinalReadings.contains(mark), text.count <= 3,
                  let day = Int(text.dropLast()), (1...31).contains(day),
                  months.contains(out[index + 1].text.lowercased().filter(\.isLetter)) else { continue }
            out[index].text = String(day)
        }
        return out
    }

    /// Month names without their first letter ("anuary"), five letters or more, to the whole name.
    static let clippedMonths: [String: String] = Dictionary(uniqueKeysWithValues: months.compactMap { month in
        let clipped = String(month.dropFirst())
        return clipped.count >= 5 ? (clipped, month.prefix(1).uppercased() + clipped) : nil
    })

    /// Month names, lower case, for ``mendingSplitMonths(_:)``.
    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"]

    /// A capital letter read as a word of its own before the rest of a month's name ("J anuary"; a
    /// hooked capital's overhang looks like a space) is joined to it; a name that lost its capital
    /// after a day's number is given it back.
    static func mendingSplitMonths(_ line: [OCRWord]) -> [OCRWord] {
        var out: [OCRWord] = []
        for word in line {
            if let last = out.last, last.text.count == 1, last.text.first?.isUppercase == true,
               word.text.first?.isLowercase == true,
               months.contains((last.text + word.text).lowercased().filter(\.isLetter)) {
                out[out.count - 1] = last.joined(to: word)
                continue
            }
            out.append(clippedMonthRestored(word, after: out.last))
        }
        return out
    }

    /// A Tesseract line below this mean confidence, with no word it is sure of, is noise.
    static let noiseConfidence = 60.0
    /// A word of three letters or more read with this confidence is text, whatever its line.
    static let sureWordConfidence = 80.0

    /// True for a line read out of a picture, a photograph or a smudge: doubtful marks and
    /// fragments ("S- ee =", "ye » as") with no word Tesseract is sure of. A poorly printed line
    /// of text keeps some sure words and stays.
    static func isNoise(_ line: [OCRWord]) -> Bool {
        guard !line.isEmpty else { return true }
        let mean = line.reduce(0) { $0 + $1.confidence } / Double(line.count)
        guard mean < noiseConfidence else { return false }
        return !line.contains { $0.confidence >= sureWordConfidence && $0.text.count { $0.isLetter } >= 3 }
    }

    /// The words split where Tesseract starts a text line.
    private func lines(of words: [OCRWord]) -> [[OCRWord]] {
        var lines: [[OCRWord]] = []
        for word in words {
            if word.startsLine || lines.isEmpty { lines.append([]) }
            lines[lines.count - 1].append(word)
        }
        return lines
    }

    /// Two sizes this close (in points, or this fraction of the larger) are one type size read twice.
    static let sizeTolerance = (points: 1.0, fraction: 0.1)

    /// A Tesseract line as size snapping sees it, in points.
    struct SizedLine {
        var size: Double
        var characters: Int
        var top: Double, bottom: Double, left: Double, right: Double
    }

    /// Each line's size, made one across the lines of a paragraph: Tesseract's estimate wanders
    /// a point either way from line to line (ascenders, descenders, capitals), and a paragraph or
    /// a table cell whose lines differ in size reads as pieces. Lines set one under another at
    /// line spacing, overlapping across, with sizes within ``sizeTolerance``, are one run; each
    /// run takes the size most of its characters have. A line further away keeps its own size,
    /// so a running header or a footnote in a point smaller type stays smaller.
    static func snappedSizes(_ lines: [SizedLine]) -> [Double] {
        let order = lines.indices.sorted { lines[$0].top < lines[$1].top }
        var sizes = lines.map(\.size)
        var run: [Int] = []
        func closeRun() {
            defer { run = [] }
            guard run.count > 1 else { return }
            var characters: [Double: Int] = [:]
            for index in run { characters[lines[index].size, default: 0] += lines[index].characters }
            guard let size = characters.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) })?.key else { return }
            for index in run { sizes[index] = size }
        }
        for index in order {
            if let last = run.last {
                let above = lines[last], line = lines[index]
                let tolerance = max(sizeTolerance.points, sizeTolerance.fraction * max(above.size, line.size))
                let close = line.top - above.bottom < 0.5 * (line.bottom - line.top)
                let overlaps = min(line.right, above.right) > max(line.left, above.left)
                if !(close && overlaps && abs(line.size - above.size) <= tolerance) { closeRun() }
            }
            run.append(index)
        }
        closeRun()
        return sizes
    }

    /// Tesseract's point size for the line where it gives one, else 0.8 of the line's height.
    private func lineSize(_ line: [OCRWord], height: Double) -> Double {
        let sizes = line.map(\.pointSize).filter { $0 > 0 }.sorted()
        let size = sizes.isEmpty ? height * 0.8 : sizes[sizes.count / 2]
        return max(1, size.rounded())
    }

    private func append(_ scalar: Unicode.Scalar, _ box: GlyphBox, _ style: Int32, to glyphs: inout PageGlyphs) {
        glyphs.scalars.append(scalar)
        glyphs.boxes.append(box)
        glyphs.styleIndex.append(style)
    }
}

/// Whether a page's text layer is worth reading, or the page should go to OCR instead.
enum TextLayerCheck {
    /// Fewer readable characters than this and the page counts as having no text layer: a scan
    /// often carries a stamped page number or a few characters of a form.
    static let minimumReadableCharacters = 20

    /// True when the page has at least ``minimumReadableCharacters`` characters with a Unicode
    /// meaning, and most of its characters have one (glyphs without a Unicode map come out as
    /// U+FFFD, controls or private-use code points).
    static func isUsable(_ glyphs: PageGlyphs) -> Bool {
        let (readable, unreadable) = tally(glyphs)
        return readable >= minimumReadableCharacters && readable >= 2 * unreadable
    }

    /// The characters with a Unicode meaning, spaces and line breaks not counted.
    static func readableCharacters(in glyphs: PageGlyphs) -> Int { tally(glyphs).readable }

    private static func tally(_ glyphs: PageGlyphs) -> (readable: Int, unreadable: Int) {
        var readable = 0, unreadable = 0
        for scalar in glyphs.scalars where !Whitespace.isSpace(scalar) && scalar != "\n" && scalar != "\r" {
            if isUnmapped(scalar) { unreadable += 1 } else { readable += 1 }
        }
        return (readable, unreadable)
    }

    private static func isUnmapped(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\u{FFFD}" || scalar.value < 0x20 { return true }
        switch scalar.properties.generalCategory {
        case .privateUse, .control, .unassigned, .surrogate: return true
        default: return false
        }
    }
}

extension OCRWord {
    /// This word and the next one on its line read as one word: the texts run together, the box spans both.
    func joined(to next: OCRWord) -> OCRWord {
        var joined = self
        joined.text += next.text
        joined.right = next.right
        joined.top = min(top, next.top)
        joined.bottom = max(bottom, next.bottom)
        // The longer part's measures stand for the whole ("J" + "anuary" is read as "anuary" was).
        if next.text.count > text.count {
            joined.strokeWidth = next.strokeWidth
            joined.confidence = next.confidence
        }
        return joined
    }
}
