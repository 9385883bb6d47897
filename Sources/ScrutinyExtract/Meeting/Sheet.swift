import ScrutinyCore

/// The front sheet's lines, without running headers and footers, and what its type looks like.
struct Sheet: Sendable {
    let lines: [SheetLine]
    /// The running headers' and footers' text (a letterhead may stand there).
    let furniture: [String]
    /// The most common font size, where the reader gives sizes.
    let bodySize: Double?
    /// True when the reader gives styles (sizes or bold): a PDF, not a plain text file.
    let isStyled: Bool

    init(pages: [SourcePage]) {
        var lines: [SheetLine] = []
        var furniture: [String] = []
        for page in pages {
            for line in page.lines {
                if line.isFurniture {
                    furniture.append(line.text)
                    continue
                }
                let sheetLine = SheetLine(page: page.number, line: line)
                if !sheetLine.text.isEmpty { lines.append(sheetLine) }
            }
        }
        self.lines = lines
        self.furniture = furniture
        var counts: [Double: Int] = [:]
        for line in lines { if let size = line.fontSize { counts[(size * 2).rounded() / 2, default: 0] += line.text.count } }
        bodySize = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        isStyled = !counts.isEmpty || lines.contains(where: \.isBold)
    }

    /// True when `line` stands out from the body: a heading, bold, larger than the body, or in capitals;
    /// on a sheet without styles (plain text), a short line that reads as a heading.
    func isDisplay(_ line: SheetLine) -> Bool {
        if line.role == .heading || line.isBold || TitleCaser.isAllCaps(line.text) { return true }
        if !isStyled { return HeadingRule.isHeading(line.text, role: line.role == .tableRow ? .body : line.role, isBold: false) }
        if let size = line.fontSize, let body = bodySize { return size >= body + 1.5 }
        return false
    }

    /// True when two lines are set in one style: bold alike, sizes within three quarters of a point.
    func sameStyle(_ a: SheetLine, _ b: SheetLine) -> Bool {
        guard a.isBold == b.isBold else { return false }
        if let sa = a.fontSize, let sb = b.fontSize { return abs(sa - sb) <= 0.75 }
        return true
    }
}
