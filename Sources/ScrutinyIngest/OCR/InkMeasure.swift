/// Measures on a page image that OCR needs and Tesseract does not give: the table rules that
/// confuse its layout analysis, and how heavy a word's strokes are (Tesseract's LSTM engine
/// reports no bold).
extension GrayImage {
    /// Pixels darker than this count as ink when strokes are measured.
    static let inkLevel: UInt8 = 128
    /// Pixels darker than this can be part of a rule (table borders are often grey).
    static let ruleLevel: UInt8 = 170

    /// The image with its long thin straight lines (table borders, boxes, underlines) whitened.
    ///
    /// A run of ink at least `minimumLength` inches long along a row or a column, and no thicker
    /// than `maximumThickness` inches across it, is a rule; text has no such run (a letter's stroke
    /// is short, and a long one belongs to a display letter far thicker than a rule). Tesseract
    /// reads the cells of a ruled table as pictures and drops them; with the rules gone it reads
    /// their text as it reads any text.
    func removingRules(minimumLength: Double = 0.4, maximumThickness: Double = 0.025) -> GrayImage {
        let longest = max(8, Int(minimumLength * dpi))
        let thickest = max(2, Int((maximumThickness * dpi).rounded()))
        var mask = [Bool](repeating: false, count: pixels.count)
        var found = false
        pixels.withUnsafeBufferPointer { px in
            for axis in [RuleAxis.rows(width: width, height: height), .columns(width: width, height: height)] {
                func dark(_ line: Int, _ along: Int) -> Bool { px[axis.index(line, along)] < Self.ruleLevel }
                /// Whether the ink across `line` at `along` (over the neighbouring lines) is no thicker than a rule.
                func isThin(_ line: Int, _ along: Int) -> Bool {
                    var count = 1
                    var before = line - 1
                    while before >= 0, dark(before, along), count <= thickest { count += 1; before -= 1 }
                    var after = line + 1
                    while after < axis.lines, dark(after, along), count <= thickest { count += 1; after += 1 }
                    return count <= thickest
                }
                for line in 0..<axis.lines {
                    var along = 0
                    while along < axis.length {
                        guard dark(line, along) else { along += 1; continue }
                        let start = along
                        while along < axis.length, dark(line, along) { along += 1 }
                        // A rule is thin at one of three points along it (another rule may cross it at one).
                        let length = along - start
                        guard length >= longest,
                              [start + length / 4, start + length / 2, start + 3 * length / 4].contains(where: { isThin(line, $0) })
                        else { continue }
                        for at in start..<along { mask[axis.index(line, at)] = true }
                        found = true
                    }
                }
            }
        }
        guard found else { return self }
        var out = pixels
        for index in out.indices where mask[index] { out[index] = 255 }
        return GrayImage(width: width, height: height, pixels: out, dpi: dpi)
    }

    /// The mean length, in pixels, of the runs of ink crossing the rows of the box (right and bottom
    /// exclusive): about a stroke's width, whatever the letters are; 0 for a box with no ink.
    func strokeWidth(left: Int, top: Int, right: Int, bottom: Int) -> Double {
        let x0 = max(0, left), x1 = min(width, right), y0 = max(0, top), y1 = min(height, bottom)
        guard x0 < x1, y0 < y1 else { return 0 }
        var ink = 0, runs = 0
        pixels.withUnsafeBufferPointer { px in
            for y in y0..<y1 {
                var inRun = false
                let row = y * width
                for x in x0..<x1 {
                    let isInk = px[row + x] < Self.inkLevel
                    if isInk {
                        ink += 1
                        if !inRun { runs += 1 }
                    }
                    inRun = isInk
                }
            }
        }
        return runs == 0 ? 0 : Double(ink) / Double(runs)
    }
}

/// The rows or the columns of an image, read as lines of pixels for ``GrayImage/removingRules(minimumLength:maximumThickness:)``.
private struct RuleAxis {
    /// How many lines there are, and how many pixels each holds.
    var lines: Int
    var length: Int
    /// How far apart, in the pixel buffer, neighbouring lines and neighbouring pixels of a line are.
    var lineStride: Int
    var alongStride: Int

    static func rows(width: Int, height: Int) -> RuleAxis { RuleAxis(lines: height, length: width, lineStride: width, alongStride: 1) }
    static func columns(width: Int, height: Int) -> RuleAxis { RuleAxis(lines: width, length: height, lineStride: 1, alongStride: width) }

    func index(_ line: Int, _ along: Int) -> Int { line * lineStride + along * alongStride }
}

extension GrayImage {
    /// The horizontal bands of the image that hold ink: runs of rows with some dark pixels,
    /// runs closer than `joiningGap` inches merged, each at least `minimumHeight` inches tall.
    func inkBands(minimumHeight: Double = 0.1, joiningGap: Double = 0.01) -> [Range<Int>] {
        let gap = max(1, Int(joiningGap * dpi))
        let shortest = max(1, Int(minimumHeight * dpi))
        var bands: [Range<Int>] = []
        var start: Int?
        var lastInked = -gap - 1
        pixels.withUnsafeBufferPointer { px in
            for row in 0..<height {
                var dark = 0
                let base = row * width
                // Every other pixel tells a row of text from a blank one.
                for x in stride(from: 0, to: width, by: 2) where px[base + x] < Self.inkLevel {
                    dark += 1
                    if dark >= 2 { break }
                }
                guard dark >= 2 else { continue }
                if let open = start, row - lastInked > gap {
                    if lastInked + 1 - open >= shortest { bands.append(open..<(lastInked + 1)) }
                    start = row
                } else if start == nil {
                    start = row
                }
                lastInked = row
            }
        }
        if let open = start, lastInked + 1 - open >= shortest { bands.append(open..<(lastInked + 1)) }
        return bands
    }

    /// Rows `rows` of the image, `margin` rows of white above and below.
    func band(_ rows: Range<Int>, margin: Int) -> GrayImage {
        var out = [UInt8](repeating: 255, count: width * (rows.count + 2 * margin))
        out.withUnsafeMutableBufferPointer { target in
            pixels.withUnsafeBufferPointer { source in
                (target.baseAddress! + margin * width).update(from: source.baseAddress! + rows.lowerBound * width,
                                                              count: rows.count * width)
            }
        }
        return GrayImage(width: width, height: rows.count + 2 * margin, pixels: out, dpi: dpi)
    }
}
