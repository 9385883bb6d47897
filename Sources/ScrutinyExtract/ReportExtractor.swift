import ScrutinyCore

/// Turns an ingested document into the contract's records.
///
/// The steps: outline the document (sections, and the partnership each line belongs to),
/// then run each record extractor over the outlined lines.
public struct ReportExtractor: Sendable {
    public init() {}

    /// The reports of one input file: the report it is, or, for an agenda pack (a document
    /// with ``SourceDocument/items``), one report per item, in pack order.
    ///
    /// A pack's item is extracted from its own pages as if it were a file of its own; its
    /// `source` names the pack's file and adds where the item is (`item`) and the meeting the
    /// front sheet announces (`meeting`), and, when the pack ties it to an agenda item (a stamp,
    /// a bookmark or a title the front sheet lists), its document block takes the meeting's
    /// council, committee and date where its own pages print none. A paper bound in without
    /// such a tie reads exactly as it would alone. The minutes of an earlier meeting record
    /// that meeting's decisions, which the meeting of the pack is not asked to make: they give
    /// no recommendations.
    public func reports(of document: SourceDocument, file: String, sha256: String) -> [Report] {
        let fileSource = SourceInfo(file: file, sha256: sha256, format: document.format, pages: document.reportedPageCount,
                                    ocr: document.ocr)
        guard let first = document.items.first else {
            return [extract(document, source: fileSource, documentID: Report.documentID(sha256: sha256))]
        }
        let frontSheet = document.pages.filter { $0.number < first.firstPage }
        let meeting = MeetingExtractor().meeting(from: frontSheet)
        // Items are read side by side: a pack is one worker's input.
        return document.items.concurrentMap { item in
            let pages = document.pages(item.firstPage, through: item.lastPage)
            var source = fileSource
            source.ocr = pages.ocr
            source.item = SourceItem(index: item.index, firstPage: item.firstPage, lastPage: item.lastPage,
                                     agendaItem: item.agendaItem, kind: item.kind)
            source.meeting = meeting
            var report = extract(pages, source: source, documentID: Report.documentID(sha256: sha256, item: item.index))
            // A paper the pack ties to its agenda (a stamp, a bookmark or a listed title gave its
            // item number) goes to the meeting: it takes the meeting's details it does not print.
            if item.agendaItem != nil {
                report.document.council = report.document.council ?? meeting.council
                report.document.committee = report.document.committee ?? meeting.committee
                report.document.meetingDate = report.document.meetingDate ?? meeting.meetingDate
            }
            report.document.agendaItem = report.document.agendaItem ?? item.agendaItem
            if item.kind == .minutes {
                report.recommendations = []
                report.warnings.removeAll { $0 == Self.noRecommendations }
                if let heading = Self.minutesHeading(in: pages) { report.document.title = heading }
            }
            return report
        }
    }

    static let noRecommendations = "recommendations not found"

    /// The sentence minutes open with ("Minutes of the … held on …"), their title.
    static func minutesHeading(in document: SourceDocument) -> String? {
        let lines = document.pages.first?.lines.filter { !$0.isFurniture }.prefix(8) ?? []
        return lines.first { line in
            line.text.lowercased().hasPrefix("minutes of ") && line.text.split(separator: " ").count >= 4
        }?.text
    }

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
        if report.recommendations.isEmpty { warnings.append(Self.noRecommendations) }
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
