import ScrutinyCore

/// Reports written for these tests, with the values that trip up CSV: commas, quotes, line
/// breaks, formula-looking text, negative and fractional amounts, nulls and lists. `awkward` and
/// `plain` are copies of ScrutinyExportTests' (test targets share no sources); `packItem` is an
/// agenda pack's item, with its meeting.
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
                           provenance: Provenance(page: 2, line: 14, section: "Recommendations")),
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
                   partnership: "Safer Testshire", context: "The budget is £1.312m.", provenance: Provenance(page: 6, line: 3, section: "Finance")),
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

    static let packItem = Report(
        documentID: "00112233445566ff-002",
        source: SourceInfo(file: "packs/Cabinet 2025-01-15.pdf", sha256: String(repeating: "00112233445566ff", count: 4), format: .pdf,
                           pages: 40, item: SourceItem(index: 2, firstPage: 9, lastPage: 14, agendaItem: "7a", kind: .report),
                           meeting: Meeting(time: "19:00", venue: "Council Chamber, Civic Centre")),
        document: DocumentBlock(council: "Testshire County Council", committee: "Cabinet", meetingDate: "2025-01-15",
                                agendaItem: "7a", title: "Allotment provision and waiting lists"),
        recommendations: [
            Recommendation(number: "1", text: "That Cabinet approves the allotment strategy.",
                           provenance: Provenance(page: 9, line: 20, section: "Recommendations", ocr: true)),
        ],
        partnerships: [
            Partnership(name: "Testshire Allotments Forum", statutory: false, members: ["Parish councils"],
                        provenance: Provenance(page: 10, line: 4, section: "Background")),
        ],
        budgets: [
            Budget(amount: 45000, raw: "£45k", approximate: false, kind: .allocation, period: "2025/26",
                   partnership: "Testshire Allotments Forum", context: "£45k is allocated to new plots in 2025/26.",
                   provenance: Provenance(page: 11, line: 2, section: "Finance")),
            Budget(amount: 0.5, raw: "£0.50", approximate: true, kind: .other, period: nil, partnership: nil,
                   context: "A fee of about £0.50 per plot.", provenance: Provenance(page: 11, line: 9, section: "Finance")),
        ],
        implications: [Implication(area: "Financial", text: "Met from the capital programme.")])

    static let all = [awkward, plain, packItem]
}
