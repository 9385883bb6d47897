/// Which pages of a document were read by OCR, and how sure OCR was of its words.
public struct OCRSummary: Sendable, Hashable, Codable {
    /// 1-based page numbers, ascending.
    public var pages: [Int]
    /// The mean word confidence over those pages, 0-100, to one decimal.
    public var meanConfidence: Double

    public init(pages: [Int], meanConfidence: Double) {
        self.pages = pages
        self.meanConfidence = meanConfidence
    }

    enum CodingKeys: String, CodingKey {
        case pages
        case meanConfidence = "mean_confidence"
    }

    /// The summary for the pages in `range` (an item of a pack), `nil` when OCR read none of
    /// them. The confidence stays the file's mean: it is not kept page by page.
    public func restricted(to range: ClosedRange<Int>) -> OCRSummary? {
        let inside = pages.filter { range.contains($0) }
        return inside.isEmpty ? nil : OCRSummary(pages: inside, meanConfidence: meanConfidence)
    }
}

extension Report {
    /// Marks the provenance of every record found on one of `pages` as read by OCR.
    public mutating func markRead(byOCR pages: [Int]) {
        guard !pages.isEmpty else { return }
        let ocrPages = Set(pages)
        func mark(_ provenance: inout Provenance) {
            if let page = provenance.page, ocrPages.contains(page) { provenance.ocr = true }
        }
        for index in recommendations.indices { mark(&recommendations[index].provenance) }
        for index in recommendationUpdates.indices { mark(&recommendationUpdates[index].provenance) }
        for index in partnerships.indices { mark(&partnerships[index].provenance) }
        for index in budgets.indices { mark(&budgets[index].provenance) }
        for index in implications.indices {
            if var provenance = implications[index].provenance {
                mark(&provenance)
                implications[index].provenance = provenance
            }
        }
    }
}
