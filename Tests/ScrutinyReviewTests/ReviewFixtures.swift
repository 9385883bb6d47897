import Foundation
import ScrutinyBatch
import ScrutinyCore

/// Fictional reports and previews for the review's tests (no real council's text).
enum ReviewFixtures {
    static let sha = "0f1e2d3c4b5a6978" + String(repeating: "a", count: 48)

    /// A PDF report with one record of every kind, awkward text to escape, a box on most records.
    static var pdfReport: Report {
        let box = Box(x: 72.5, y: 310.25, width: 420, height: 13.5)
        return Report(
            documentID: String(sha.prefix(16)),
            source: SourceInfo(file: "in/Quillham <ferry> & \"harbour\".pdf", sha256: sha, format: .pdf, pages: 4,
                               ocr: OCRSummary(pages: [4], meanConfidence: 91.5)),
            document: DocumentBlock(council: "Quillham Borough Council", committee: "Harbour & Ferries Panel", meetingDate: "2026-03-05",
                                    agendaItem: "7", title: "Ferry <fares> review", reportBy: "Head of Harbours",
                                    contact: Contact(name: "Ada Quill", email: "ada.quill@quillham.example"), purpose: "To review fares."),
            recommendations: [Recommendation(number: "1", text: "That the panel notes the <script>alert('x')</script> report.",
                                             provenance: Provenance(page: 1, line: 12, section: "Recommendations", box: box))],
            recommendationUpdates: [RecommendationUpdate(partnership: "Quillham Ferry Trust", text: "Publish the timetable",
                                                         progress: "Complete", provenance: Provenance(page: 2, line: 3, section: "Progress"))],
            partnerships: [Partnership(name: "Quillham Ferry Trust", acronym: "QFT", purpose: "Run the ferry", aims: ["Keep fares low"],
                                       statutory: false, councilRole: "Member", members: ["Council", "Trust"],
                                       provenance: Provenance(page: 2, line: 1, section: "Partnerships", box: box))],
            budgets: [
                Budget(amount: 1_250_000, raw: "£1.25m", approximate: false, kind: .budget, period: "2025/26", partnership: nil,
                       context: "The ferry budget is £1.25m.", provenance: Provenance(page: 3, line: 8, section: "Finance", box: box)),
                Budget(amount: -4000, raw: "(£4,000)", approximate: true, kind: .deficit, period: nil, partnership: "Quillham Ferry Trust",
                       context: "A deficit of about (£4,000).", provenance: Provenance(page: 4, line: 2, section: nil, ocr: true, box: box)),
            ],
            implications: [Implication(area: "Legal", text: "None.", provenance: nil),
                           Implication(area: "Financial", text: "As set out.", provenance: Provenance(page: 3, line: 9, section: "Finance", box: box))],
            warnings: ["partnership inferred from the title: Quillham Ferry Trust", "purpose not found"])
    }

    /// The preview of ``pdfReport``'s file: pages 1 to 3 drawn, page 4 missing.
    static var pdfPreview: SourcePreview {
        SourcePreview(sha256: sha, format: .pdf, dpi: 100, pages: (1...3).map {
            PreviewPage(number: $0, width: 595.28, height: 841.89, pixelWidth: 827, pixelHeight: 1170, image: PreviewPage.imageName($0))
        })
    }

    /// A text report whose records have no page, only lines.
    static var textReport: Report {
        Report(documentID: "1234567890abcdef", source: SourceInfo(file: "in/notes.txt", sha256: "1234567890abcdef" + sha.dropFirst(16),
                                                                 format: .text, pages: nil),
               recommendations: [Recommendation(number: nil, text: "That the panel agrees the plan.",
                                                provenance: Provenance(page: nil, line: 3, section: nil))],
               budgets: [Budget(amount: 2_000_000, raw: "£2m", approximate: false, kind: .allocation, period: nil, partnership: nil,
                                context: "£2m is set aside.", provenance: Provenance(page: nil, line: 5, section: nil))])
    }

    static var textPreview: SourcePreview {
        SourcePreview(sha256: textReport.source.sha256, format: .text, dpi: nil, lines: [
            PreviewLine(number: 1, text: "Quillham Harbour Plan", role: .heading),
            PreviewLine(number: 3, text: "That the panel agrees the plan.", role: .body),
            PreviewLine(number: 5, text: "£2m is set aside <for now>.", role: .body),
        ])
    }
}
