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
            func dark(_ x: Int, _ y: Int) -> Bool { px[y * width + x] < Self.ruleLevel }
            /// How thick the ink across (x, y) is, along the other axis.
            func thickness(_ x: Int, _ y: Int, vertical: Bool) -> Int {
                var count = 1
                if vertical {
                    var l = x - 1; while l >= 0, dark(l, y), count <= thickest { count += 1; l -= 1 }
                    var r = x + 1; while r < width, dark(r, y), count <= thickest { count += 1; r += 1 }
                } else {
                    var u = y - 1; while u >= 0, dark(x, u), count <= thickest { count += 1; u -= 1 }
                    var d = y + 1; while d < height, dark(x, d), count <= thickest { count += 1; d += 1 }
                }
                return count
            }
            /// A run from `start` to `end` (exclusive) is a rule when it is thin at one of three points along it.
            func isThin(_ start: Int, _ end: Int, at fixed: Int, vertical: Bool) -> Bool {
                [start + (end - start) / 4, start + (end - start) / 2, start + 3 * (end - start) / 4].contains { along in
                    vertical ? thickness(fixed, along, vertical: true) <= thickest : thickness(along, fixed, vertical: false) <= thickest
                }
            }
            for y in 0..<height {
                var x = 0
                while x < width {
                    guard dark(x, y) else { x += 1; continue }
                    let start = x
                    while x < width, dark(x, y) { x += 1 }
                    if x - start >= longest, isThin(start, x, at: y, vertical: false) {
                        for i in start..<x { mask[y * width + i] = true }
                        found = true
                    }
                }
            }
            for x in 0..<width {
                var y = 0
                while y < height {
                    guard dark(x, y) else { y += 1; continue }
                    let start = y
                    while y < height, dark(x, y) { y += 1 }
                    if y - start >= longest, isThin(start, y, at: x, vertical: true) {
                        for i in start..<y { mask[i * width + x] = true }
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
