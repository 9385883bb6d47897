import ScrutinyCore

/// Finds the report's implications: rows of a "Corporate Implications" table ("Legal: | None")
/// and "Impact on …" items ("(i) Impact on Customers – text"; "(iii) Impact on Risk:" followed
/// by bullets, whose text becomes the implication's).
public struct ImplicationExtractor: Sendable {
    public init() {}

    private static let sectionHeading = Pattern(#"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:corporate\s+|other\s+|key\s+)?implications?\b.{0,40}$"#)
    private static let impactItem = Pattern(#"^(?:\(?[ivxlc]{1,5}\)|\(?[a-z]\)|\d{1,2}(?:\.\d{1,2})*\.?)?\s*(impact\s+on\s+.+?|[A-Z][A-Za-z ,&/()]{1,50}?\s+implications)\s*(?:[:]\s*|\s+[–—\-]\s+)(.*)$"#)
    private static let impactBare = Pattern(#"^(?:\(?[ivxlc]{1,5}\)|\(?[a-z]\)|\d{1,2}(?:\.\d{1,2})*\.?)?\s*(impact\s+on\s+[^:–—]+?|[A-Z][A-Za-z ,&/()]{1,50}?\s+implications)\s*:?$"#)

    /// The implications, in order.
    public func extract(from lines: [OutlinedLine]) -> [Implication] {
        var out: [Implication] = []
        var inSection = false
        var open: Int?  // an "Impact on X:" item still collecting its bullets
        for line in lines {
            if line.isHeading && line.role != .tableRow && Self.sectionHeading.matches(line.text)
                && !line.text.lowercased().contains("impact on") {
                inSection = true
                open = nil
                continue
            }
            let cells = line.filledCells
            if inSection, line.role == .tableRow, cells.count >= 2, cells[0].wordCount <= 6 {
                out.append(Implication(area: cells[0].droppingTrailingPunctuation, text: cells.dropFirst().joined(separator: " "), provenance: line.provenance))
                continue
            }
            if let m = Self.impactItem.firstMatch(in: line.text), let area = m[1], !TitleCaser.isAllCaps(area),
               area.lowercased().hasPrefix("impact on") || inSection {
                out.append(Implication(area: area.trimmed, text: (m[2] ?? "").trimmed, provenance: line.provenance))
                open = (m[2] ?? "").trimmed.isEmpty ? out.count - 1 : nil
                continue
            }
            if let m = Self.impactBare.firstMatch(in: line.text), let area = m[1], !TitleCaser.isAllCaps(area),
               inSection || area.lowercased().hasPrefix("impact on"),
               !line.isHeading || line.text.hasSuffix(":") || ListMarker.split(line.text) != nil {
                out.append(Implication(area: area.trimmed, text: "", provenance: line.provenance))
                open = out.count - 1
                continue
            }
            if let index = open {
                if line.role == .listItem || (line.role == .body && !line.isHeading) {
                    out[index].text += (out[index].text.isEmpty ? "" : " ") + line.text
                    continue
                }
                open = nil
            }
            if inSection && line.isHeading && line.role != .tableRow { inSection = false }
        }
        return out
    }
}
