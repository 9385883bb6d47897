import ScrutinyCore

/// Gives each line of a document its section heading and partnership, dropping page furniture.
public struct DocumentOutliner: Sendable {
    public init() {}

    public func outline(_ document: SourceDocument) -> [OutlinedLine] {
        var out: [OutlinedLine] = []
        var section: String?
        for page in document.pages {
            for line in page.lines where !line.isFurniture {
                if line.role == .heading { section = line.text }
                out.append(OutlinedLine(page: document.format == .pdf ? page.number : nil, lineNumber: line.number,
                                        text: line.text, cells: line.cells, role: line.role, isBold: line.isBold,
                                        fontSize: line.fontSize, section: section))
            }
        }
        return out
    }
}
