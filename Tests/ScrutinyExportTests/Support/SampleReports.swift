import ScrutinyCore

/// Reports written for these tests, with the values that trip up CSV: commas, quotes, line
/// breaks, formula-looking text, negative and fractional amounts, nulls and lists.
enum SampleReports {
    static let awkward = Report(
        documentID: "0123456789abcdef",
        source: SourceInfo(file: "archive/2024/Agenda, item 5.pdf", sha256: String(repeating: "0123456789abcdef", count: 4),
                           format: .pdf, pages: 12),
        document: DocumentBlock(
            council: "Testshire County Council", committee: "Scrutiny \"Select\" Committee", meetingDate: "2024-03-05",
            agendaItem: "5", title: "Budget monitoring:\nquarter 3", reportBy: "Director of Finance",
            contact: Contact(name: "Sam Officer", role: "Finance Manager", phone: "+44 1234 567890", email: "sam@example.gov.uk"),
            purpose: nil),
        recommendations: [
            Recommendation(number: "1", text: "=HYPERLINK(\"http://example.com\",\"click\")",
                           provenance: Provenance(page: 2, line: 14, section: "Recommendations", box: Box(x: 72.05, y: 310.4, width: 451.2, height: 28))),
            Recommendation(number: nil, text: "That the committee notes the report, and its appendices.",
                           provenance: Provenance(page: 2, line: 17, section: nil)),
        ],
        recommendationUpdates: [
            RecommendationUpdate(partnership: "Safer Testshire", text: "Review governance", progress: "-complete",
                                 provenance: Provenance(page: 3, line: 1, section: "Progress")),
        ],
        partnerships: [
            Partnership(name: "Safer Testshire", acronym: "ST", purpose: "@risk reduction", aims: ["Reduce crime", "Reduce fear of crime"],
                        statutory: true, statutoryBasis: "Crime and Disorder Act 1998", councilRole: "Member",
                        members: ["Police", "Fire, Rescue"], achievements: [], priorities: ["Night-time economy"],
                        provenance: Provenance(page: 4, line: 2, section: "Partnerships")),
            Partnership(name: "Youth Forum", provenance: Provenance(page: 5, line: 9, section: "Partnerships")),
        ],
        budgets: [
            Budget(amount: 1_312_000, raw: "£1.312m", approximate: false, kind: .budget, period: "2013/14",
                   partnership: "Safer Testshire", context: "The budget is £1.312m.", provenance: Provenance(page: 6, line: 3, section: "Finance", ocr: true, box: Box(x: -0.5, y: 1e-3, width: 0, height: 12.125))),
            Budget(amount: -1000, raw: "(£1,000)", approximate: true, kind: .deficit, period: nil,
                   partnership: nil, context: "A deficit of circa (£1,000).", provenance: Provenance(page: 6, line: 4, section: "Finance")),
            Budget(amount: 31007.46, raw: "£31,007.46", approximate: false, kind: .expenditure, period: nil,
                   partnership: nil, context: "Spent £31,007.46", provenance: Provenance(page: nil, line: 40, section: nil)),
        ],
        implications: [
            Implication(area: "Financial", text: "+£5k pressure\r\non reserves"),
            Implication(area: "Legal", text: "None", provenance: Provenance(page: 7, line: 1, section: "Implications")),
        ],
        warnings: ["no_text_layer", "ocr"])

    static let plain = Report(
        documentID: "fedcba9876543210",
        source: SourceInfo(file: "minutes.txt", sha256: String(repeating: "fedcba9876543210", count: 4), format: .text, pages: nil),
        document: DocumentBlock(council: "Ünïcode Borough Council", title: "Annual review – 2024"),
        recommendations: [Recommendation(number: "a", text: "Note the review.", provenance: Provenance(page: nil, line: 3, section: nil))])
}
