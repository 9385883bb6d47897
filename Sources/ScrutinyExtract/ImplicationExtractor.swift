import ScrutinyCore

/// Finds the report's implications: rows of a "Corporate Implications" table ("Legal: | None")
/// and "Impact on …" items ("(i) Impact on Customers – text"; "(iii) Impact on Risk:" followed
/// by bullets, whose text becomes the implication's).
public struct ImplicationExtractor: Sendable {
    public init() {}

    private static let sectionHeading = Pattern(#"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:corporate\s+|other\s+|key\s+)?implications?\b.{0,40}$"#)
    private static let impactItem = Pattern(#"^(?:\(?[ivxlc]{1,5}\)|\(?[a-z]\)|\d{1,2}(?:\.\d{1,2})*\.?)?\s*(impact\s+on\s+.+?|[A-Z][A-Za-z ,&/()]{1,50}?\s+implications)\s*(?:[:]\s*|\s+[–—\-]\s+)(.*)$"#)
    private static let impactBare = Pattern(#"^(?:\(?[ivxlc]{1,5}\)|\(?[a-z]\)|\d{1,2}(?:\.\d{1,2})*\.?)?\s*(impact\s+on\s+[^:–—]+?|[A-Z][A-Za-z ,&/()]{1,50}?\s+implications)\s*:?$"#)

    private static let areaHeading = Pattern(#"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?([A-Za-z][A-Za-z ,&/]{1,40}?)\s+implications?$"#)
    /// Labels that close the implications: what follows them is not an implication.
    /// The words ``notAnArea`` can start with, for a pre-check on the bytes.
    private static let notAnAreaWords = [
        "background", "enquiries", "contact", "appendi", "list", "author", "date", "signed", "consultees", "supporting", "reason",
    ]
    private static let notAnArea = Pattern(#"^(?:background\s+(?:papers?|documents?)|enquiries|contact|appendi(?:x|ces)|list\s+of|author|date|signed|consultees|supporting\s+documents?|reasons?\s+for)\b"#)
    private static let areaLabel = Pattern(#"^([A-Z][A-Za-z ,&/()]{1,40}?):\s*(.*)$"#, caseSensitive: true)

    /// The implications, in order.
    public func extract(from lines: [OutlinedLine]) -> [Implication] {
        var out: [Implication] = []
        var inSection = false
        var open: Int?  // an "Impact on X:" item still collecting its bullets
        for line in lines {
            // Both heading patterns need the word: most lines skip them on this byte scan.
            let mayNameImplication = TextScan.containsASCIICaseInsensitive(line.text, "implication")
            // "5. Financial Implications" as a heading of its own, its paragraphs below.
            if mayNameImplication, line.isHeading, line.role != .tableRow, let m = Self.areaHeading.firstMatch(in: line.text), let area = m[1],
               area.first?.isUppercase == true, !Self.sectionHeading.matches(area + " implications") || area.wordCount >= 1,
               !["corporate", "other", "key", "the"].contains(area.lowercased()) {
                out.append(Implication(area: area.trimmed, text: "", provenance: line.provenance))
                open = out.count - 1
                inSection = false
                continue
            }
            if mayNameImplication && line.isHeading && line.role != .tableRow && Self.sectionHeading.matches(line.text)
                && !line.text.lowercased().contains("impact on") {
                inSection = true
                open = nil
                continue
            }
            if inSection, line.role == .tableRow, case let cells = line.filledCells, cells.count >= 2, cells[0].wordCount <= 6 {
                out.append(Implication(area: cells[0].droppingTrailingPunctuation, text: cells.dropFirst().joined(separator: " "), provenance: line.provenance))
                continue
            }
            let mayNameImpact = TextScan.containsASCIICaseInsensitive(line.text, "impact")
                || mayNameImplication
            if mayNameImpact, let m = Self.impactItem.firstMatch(in: line.text), let area = m[1], !TitleCaser.isAllCaps(area),
               area.lowercased().hasPrefix("impact on") || inSection {
                out.append(Implication(area: area.trimmed, text: (m[2] ?? "").trimmed, provenance: line.provenance))
                open = (m[2] ?? "").trimmed.isEmpty ? out.count - 1 : nil
                continue
            }
            if mayNameImpact, let m = Self.impactBare.firstMatch(in: line.text), let area = m[1], !TitleCaser.isAllCaps(area),
               inSection || area.lowercased().hasPrefix("impact on"),
               !line.isHeading || line.text.hasSuffix(":") || ListMarker.split(line.text) != nil {
                out.append(Implication(area: area.trimmed, text: "", provenance: line.provenance))
                open = out.count - 1
                continue
            }
            // "Legal: None" inside the implications section, or "Legal:" with its text on the next line.
            if inSection, line.role != .tableRow, let m = Self.areaLabel.firstMatch(in: line.text), let area = m[1],
               area.wordCount <= 5, area.first?.isUppercase == true, !Self.notAnArea.matches(area) {
                let text = (m[2] ?? "").trimmed
                out.append(Implication(area: area.trimmed, text: text, provenance: line.provenance))
                open = text.isEmpty ? out.count - 1 : nil
                continue
            }
            if TextScan.mayStart(line.text, withOneOfWords: Self.notAnAreaWords), Self.notAnArea.matches(line.text) {
                inSection = false
                open = nil
                continue
            }
            if let index = open {
                let fresh = out[index].text.isEmpty
                let isLabel = line.text.hasSuffix(":")
                if line.role == .listItem || (line.role == .body && !line.isHeading) || (fresh && line.role != .tableRow && !isLabel) {
                    let text = ListMarker.split(line.text).flatMap { $0.number?.contains(".") == true ? $0.rest : nil } ?? line.text
                    out[index].text += (out[index].text.isEmpty ? "" : " ") + text
                    continue
                }
                open = nil
            }
            if inSection && line.isHeading && line.role != .tableRow { inSection = false }
        }
        // A row whose first cell is only a mark ("–", ":"; a scan's border remnant) names no area.
        return out.filter { $0.area.contains(where: \.isLetter) }
    }
}
