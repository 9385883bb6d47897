import ScrutinyCore

/// Marks running headers, footers and page numbers, whatever format the document came from.
///
/// A line near the top (or foot) of a page, among the first (last) two lines and, where boxes
/// are known, within 8 % of the page edge, is furniture when its text with digits
/// normalised recurs at the top (foot) of at least two pages, or when it is a page number
/// ("3", "- 3 -", "Page 3 of 12"). A repeated "Partnership name: X" is furniture on every
/// occurrence after the first, wherever it falls, since continuation pages repeat it.
public struct RunningHeaderFilter: Sendable {
    /// Lines from each page edge considered.
    public var edgeLines = 2
    /// Fraction of the page height from each edge considered, when boxes are known.
    public var edgeFraction = 0.08

    public init() {}

    /// The document with its running headers, footers and page numbers given those roles.
    public func apply(to document: consuming SourceDocument) -> SourceDocument {
        // Taken, not borrowed: marking roles then changes the one copy instead of copying every page.
        var document = document
        markRepeatedPartnershipNames(in: &document)
        guard document.pages.count > 1 else { return document }

        var topPages: [String: Set<Int>] = [:]
        var bottomPages: [String: Set<Int>] = [:]
        // Each edge line's key, worked out once: (line index, key).
        var topKeys: [[(index: Int, key: String)]] = []
        var bottomKeys: [[(index: Int, key: String)]] = []
        for (pageIndex, page) in document.pages.enumerated() {
            let edges = edgeIndices(of: page, isText: document.format == .text)
            topKeys.append(edges.top.map { ($0, Self.key(page.lines[$0].text)) })
            bottomKeys.append(edges.bottom.map { ($0, Self.key(page.lines[$0].text)) })
            for edge in topKeys[pageIndex] { topPages[edge.key, default: []].insert(pageIndex) }
            for edge in bottomKeys[pageIndex] { bottomPages[edge.key, default: []].insert(pageIndex) }
        }
        for pageIndex in document.pages.indices {
            for edge in topKeys[pageIndex] where (topPages[edge.key]?.count ?? 0) >= 2 || Self.isPageNumberKey(edge.key) {
                document.pages[pageIndex].lines[edge.index].role = .runningHeader
            }
            for edge in bottomKeys[pageIndex] where (bottomPages[edge.key]?.count ?? 0) >= 2 || Self.isPageNumberKey(edge.key) {
                document.pages[pageIndex].lines[edge.index].role = .runningFooter
            }
        }
        return document
    }

    /// Indices of the lines at the top and at the foot of a page that may be furniture.
    private func edgeIndices(of page: SourcePage, isText: Bool) -> (top: [Int], bottom: [Int]) {
        // A text file's repeated table header row is data, not furniture.
        func isCandidate(_ index: Int) -> Bool {
            !page.lines[index].isFurniture && !(isText && page.lines[index].cells.count > 1)
        }
        // The first and last `edgeLines` candidates, found from each end.
        var top = Array(page.lines.indices.lazy.filter(isCandidate).prefix(edgeLines))
        var bottom = Array(page.lines.indices.reversed().lazy.filter(isCandidate).prefix(edgeLines).reversed())
        bottom.removeAll { top.contains($0) }
        // With boxes, an edge line must also sit within the page's top or bottom margin band.
        if let height = page.height, height > 0, page.lines.contains(where: { $0.box != nil }) {
            let margin = height * edgeFraction
            top = top.filter { index in page.lines[index].box.map { $0.y < margin } ?? false }
            bottom = bottom.filter { index in page.lines[index].box.map { $0.y + $0.height > height - margin } ?? false }
        }
        return (top, bottom)
    }

    private func markRepeatedPartnershipNames(in document: inout SourceDocument) {
        var seen: [String] = []
        for pageIndex in document.pages.indices {
            for index in document.pages[pageIndex].lines.indices {
                let line = document.pages[pageIndex].lines[index]
                guard line.cells.count == 1, line.text.hasPrefix("Partnership name:") else { continue }
                let text = line.text
                if seen.contains(where: { $0 == text || $0.hasPrefix(text + " ") }) {
                    document.pages[pageIndex].lines[index].role = .runningHeader
                } else {
                    seen.append(text)
                }
            }
        }
    }

    /// Lowercased, digits as "#", white space collapsed: "Page 3 of 12" and "Page 4 of 12" agree.
    /// One pass: white space collapsed as ``Whitespace/collapse(_:)`` does, each scalar
    /// lowercased as `String.lowercased()` does.
    static func key(_ text: String) -> String {
        var out = UTF8Buffer(capacity: text.utf8.count)
        var lastWasDigit = false
        var pendingSpace = false
        func add(_ scalar: Unicode.Scalar) {
            let isDigit = scalar.value >= 0x30 && scalar.value <= 0x39
            if isDigit {
                if !lastWasDigit { out.append("#") }
            } else {
                out.append(scalar)
            }
            lastWasDigit = isDigit
        }
        for scalar in text.unicodeScalars {
            if Whitespace.isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { add(" ") }
            pendingSpace = false
            if scalar.isASCII {
                let isUpper = scalar.value >= 0x41 && scalar.value <= 0x5A
                add(isUpper ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar)
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { add(lowered) }
            }
        }
        return out.string
    }

    private static let pageNumberForms: Set<String> = ["#", "-#-", "–#–", "page#", "page#of#", "#of#", "#/#", "p.#", "[#]", "(#)"]

    /// "3", "- 3 -", "Page 3", "Page 3 of 12", "3 of 12", "3/12".
    static func isPageNumber(_ text: String) -> Bool {
        isPageNumberKey(key(text))
    }

    /// ``isPageNumber(_:)`` of the text whose ``key(_:)`` is `key`.
    private static func isPageNumberKey(_ key: String) -> Bool {
        var scalars = key.unicodeScalars
        scalars.removeAll { $0 == " " }
        return pageNumberForms.contains(String(scalars))
    }
}
