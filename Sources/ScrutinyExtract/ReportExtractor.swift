import ScrutinyCore

/// Turns an ingested document into the contract's records.
///
/// The steps: outline the document (sections, and the partnership each line belongs to),
/// then run each record extractor over the outlined lines.
public struct ReportExtractor: Sendable {
    public init() {}

    /// Extracts every record kind; `source` and `documentID` are filled in by the caller.
    public func extract(_ document: SourceDocument, source: SourceInfo, documentID: String) -> Report {
        let lines = DocumentOutliner().outline(document)
        var report = Report(documentID: documentID, source: source)
        report.budgets = BudgetExtractor().extract(from: lines)
        report.warnings = document.warnings
        return report
    }
}
