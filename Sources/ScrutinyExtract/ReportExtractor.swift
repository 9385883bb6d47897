import ScrutinyCore

/// Turns an ingested document into the contract's records.
///
/// The steps: outline the document (sections, and the partnership each line belongs to),
/// then run each record extractor over the outlined lines.
public struct ReportExtractor: Sendable {
    public init() {}

    /// Extracts every record kind; `source` and `documentID` are filled in by the caller.
    public func extract(_ document: SourceDocument, source: SourceInfo, documentID: String) -> Report {
        let (lines, directory) = DocumentOutliner().outlineWithDirectory(document)
        var report = Report(documentID: documentID, source: source)
        var warnings = document.warnings
        let (block, blockWarnings) = DocumentBlockExtractor().extract(
            from: lines, metadata: document.metadata,
            furniture: Self.furniture(of: document))
        report.document = block
        warnings += blockWarnings
        report.recommendations = RecommendationExtractor().extract(from: lines)
        if report.recommendations.isEmpty { warnings.append("recommendations not found") }
        report.recommendationUpdates = RecommendationUpdateExtractor().extract(from: lines)
        report.partnerships = PartnershipExtractor().extract(from: lines, directory: directory, title: block.title)
        if let name = directory.titlePartnership {
            warnings.append("partnership inferred from the title: \(name)")
        }
        report.budgets = BudgetExtractor().extract(
            from: lines, reportYear: ReportYear(title: block.title, meetingDate: block.meetingDate))
        report.implications = ImplicationExtractor().extract(from: lines)
        report.warnings = warnings
        report.markRead(byOCR: document.ocr?.pages ?? [])
        return report
    }

    /// The text of every running header and footer, page by page; each line's flag and text are read
    /// in place, not the whole line copied.
    static func furniture(of document: SourceDocument) -> [String] {
        var texts: [String] = []
        for page in document.pages.indices {
            let lines = document.pages[page].lines
            for line in lines.indices where lines[line].isFurniture { texts.append(lines[line].text) }
        }
        return texts
    }
}
