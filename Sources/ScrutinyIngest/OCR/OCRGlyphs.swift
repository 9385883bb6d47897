/// Turns the words OCR read on a page into the glyphs a text layer gives, so the same visual-line
/// and logical-line grouping reads a scanned page as it reads a born-digital one.
///
/// Each word's box is shared out evenly among its characters; every word of one Tesseract text
/// line gets one band centred on the line, 1.2 of its point size tall as a font's glyph boxes
/// are, so a slightly skewed line stays one line and word gaps compare with the size as a text
/// layer's do. Sizes come from
/// Tesseract's point size for the line (or the line's height), rounded to whole points so that
/// lines of one style agree; OCR gives no weight, so nothing is bold.
struct OCRGlyphs {
    /// The widest gap, in point sizes, between two words of one Tesseract line that is still a
    /// word space (a justified line's); wider, and the gap is left for the cell rule to judge.
    static let widestWordGap = 2.5

    /// Points per pixel: 72 / dpi.
    var pointsPerPixel: Double

    init(dpi: Double) {
        pointsPerPixel = 72 / dpi
    }

    func glyphs(from result: OCRPageResult) -> PageGlyphs {
        var glyphs = PageGlyphs()
        var styleOfSize: [Double: Int32] = [:]
        for line in lines(of: result.words) {
            let inkTop = Double(line.map(\.top).min() ?? 0) * pointsPerPixel
            let inkBottom = Double(line.map(\.bottom).max() ?? 0) * pointsPerPixel
            let size = lineSize(line, height: inkBottom - inkTop)
            let centre = (inkTop + inkBottom) / 2
            let top = min(inkTop, centre - 0.6 * size), bottom = max(inkBottom, centre + 0.6 * size)
            let style: Int32
            if let known = styleOfSize[size] {
                style = known
            } else {
                style = Int32(glyphs.styles.count)
                glyphs.styles.append(GlyphStyle(size: size, isBold: false))
                styleOfSize[size] = style
            }
            // Each word is a run of its own, so words Tesseract gave as separate lines at the same height
            // are put in x order with the rest of their line, and wide gaps split cells as they do
            // in a text layer.
            for (index, word) in line.enumerated() {
                let scalars = Array(word.text.unicodeScalars)
                let left = Double(word.left) * pointsPerPixel
                var right = Double(word.right) * pointsPerPixel
                // Tesseract put the next word on this line: a justified line's wide word gap is no
                // column gap, so the word's box reaches to a normal word space before the next.
                if index + 1 < line.count {
                    let nextLeft = Double(line[index + 1].left) * pointsPerPixel
                    if nextLeft - right < Self.widestWordGap * size { right = max(right, nextLeft - 0.25 * size) }
                }
                let step = (right - left) / Double(max(1, scalars.count))
                for (offset, scalar) in scalars.enumerated() {
                    let x1 = left + Double(offset) * step
                    append(scalar, GlyphBox(x1: x1, y1: top, x2: x1 + step, y2: bottom), style, to: &glyphs)
                }
                append("\n", GlyphBox(x1: 0, y1: top, x2: 0, y2: bottom), style, to: &glyphs)
            }
        }
        return glyphs
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
