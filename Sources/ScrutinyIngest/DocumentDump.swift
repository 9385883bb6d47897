import ScrutinyCore

/// The human-readable listing `scrutiny dump` prints: one header per page, then per line
/// `page:line  [H2][B][11pt][hdr]  text`, table cells separated by " | "; in an agenda pack, a
/// line before each item's first page says where the item runs and why it starts there.
public enum DocumentDump {
    /// The listing of `document`, one string per printed line.
    public static func lines(of document: SourceDocument) -> [String] {
        var out: [String] = []
        let total = document.pages.count
        let items = Dictionary(document.items.map { ($0.firstPage, $0) }, uniquingKeysWith: { first, _ in first })
        for page in document.pages {
            if let item = items[page.number] {
                out.append("=== pack item \(item.index) (\(item.kind.rawValue), agenda item \(item.agendaItem ?? "none")): pages \(item.firstPage)-\(item.lastPage); \(item.evidence) ===")
            }
            out.append("--- page \(page.number) of \(total) ---")
            for line in page.lines {
                out.append("\(page.number):\(line.number)  \(marks(line))  \(text(line))")
            }
        }
        return out
    }

    /// The style marks of a line: heading level, bold, size, then list item, table row or furniture.
    public static func marks(_ line: SourceLine) -> String {
        var marks = ""
        if line.role == .heading { marks += "[H\(line.headingLevel ?? 1)]" }
        if line.isBold { marks += "[B]" }
        if let size = line.fontSize {
            let rounded = (size * 2).rounded() / 2
            marks += rounded == rounded.rounded() ? "[\(Int(rounded))pt]" : "[\(rounded)pt]"
        }
        switch line.role {
        case .listItem: marks += "[li]"
        case .tableRow: marks += "[tr]"
        case .runningHeader: marks += "[hdr]"
        case .runningFooter: marks += "[ftr]"
        case .body, .heading: break
        }
        return marks
    }

    /// The text as printed: cells joined by " | ", in-cell breaks shown as "⏎".
    public static func text(_ line: SourceLine) -> String {
        let text = line.role == .tableRow ? line.cells.joined(separator: " | ") : line.text
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
    }
}
