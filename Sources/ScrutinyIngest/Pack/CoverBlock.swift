import Foundation
import ScrutinyCore

/// The shape of a report's first page: a cover table of labels ("Report to | Cabinet",
/// "Date of meeting", "Report of", "Subject") or a by-line ("Report of the Director of Place")
/// with an opening heading ("Recommendations", "Purpose of report") close below it.
///
/// A table of labels counts when it names what the report is (its title or the meeting it goes
/// to) and two more things about it, or both of those: an audit trail's "Lead officer | Report
/// author | Version" rows name neither and are no cover.
enum CoverBlock: Sendable, Hashable {
    /// A table of labels, as printed but lowercased, in page order.
    case labels([String])
    /// A by-line and the opening heading found below it.
    case byLine(heading: String)

    /// How many lines from the page's top a cover's labels stand within.
    static let labelLines = 14
    /// How many lines down a by-line may stand, and an opening heading below it.
    static let byLineLines = 8
    static let headingLines = 30
    /// Longest text taken for a label before its colon.
    static let labelLength = 48

    /// A short description for an item's evidence: "a cover table (report title, date, from)".
    var summary: String {
        switch self {
        case .labels(let labels): "a cover table (\(labels.joined(separator: ", ")))"
        case .byLine(let heading): "a cover by-line ('Report of ...') and '\(heading)' below it"
        }
    }

    /// The cover at the top of `page`, `nil` where the page has none.
    static func find(on page: SourcePage) -> CoverBlock? {
        find(top: PackText.bodyTop(of: page, count: headingLines))
    }

    /// The cover among a page's first body lines (``PackText/bodyTop(of:count:)``, at least
    /// ``headingLines`` of them where the page has them).
    static func find(top lines: [SourceLine]) -> CoverBlock? {
        let top = Array(lines.prefix(headingLines))
        var labels: [String] = []
        var kinds: Set<PackVocabulary.CoverLabelKind> = []
        for line in top.prefix(labelLines) {
            for label in Self.labels(in: line) {
                guard let kind = PackVocabulary.coverLabels[label] else { continue }
                if !labels.contains(label) { labels.append(label) }
                kinds.insert(kind)
            }
        }
        let namesReport = kinds.contains(.title) || kinds.contains(.meeting)
        if namesReport && (kinds.count >= 3 || kinds.isSuperset(of: [.title, .meeting])) {
            return .labels(labels)
        }
        return byLine(in: top)
    }

    /// The labels a line prints: each table cell's first paragraph, or the text before a colon.
    static func labels(in line: SourceLine) -> [String] {
        var out: [String] = []
        let texts = line.cells.count > 1 ? line.cells : [line.text]
        for text in texts {
            // A lone line without a colon is no label: it is not read further.
            if line.cells.count <= 1, !text.utf8.contains(0x3A) { continue }
            let first = PackText.firstParagraph(text)
            var candidate = first
            if let colon = first.firstIndex(of: ":") {
                candidate = String(first[..<colon])
            } else if line.cells.count <= 1 {
                continue
            }
            let label = PackText.normalized(candidate).trimmingCharacters(in: [".", " ", "?"])
            if !label.isEmpty, label.count <= labelLength { out.append(label) }
        }
        return out
    }

    /// "Report of the ..." near the top with "Recommendations" or "Purpose" a little below it.
    private static func byLine(in top: [SourceLine]) -> CoverBlock? {
        guard let at = top.prefix(byLineLines).firstIndex(where: { line in
            // A by-line is a short line: a paragraph is not normalized to find out.
            guard line.text.utf8.count <= 1_000 else { return false }
            let text = PackText.normalized(line.text)
            return text.count <= 120 && PackVocabulary.byLineOpenings.contains { text.hasPrefix($0 + " ") }
        }) else { return nil }
        for line in top[(at + 1)...] {
            let words = PackText.words(line.text).drop { $0.allSatisfy(\.isNumber) }
            let heading = words.joined(separator: " ")
            if words.count <= 5, PackVocabulary.openingHeadings.contains(heading) {
                return .byLine(heading: heading)
            }
        }
        return nil
    }
}
