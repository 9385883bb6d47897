import Testing
import ScrutinyCore
@testable import ScrutinyExtract

@Suite("ReportYear")
struct ReportYearTests {
    /// Outlined lines from plain strings, one body line each.
    func lines(_ texts: [String]) -> [OutlinedLine] {
        texts.enumerated().map { index, text in
            OutlinedLine(page: nil, lineNumber: index + 1, text: text, cells: [text], role: .body,
                         section: "Finance", partnership: nil)
        }
    }

    @Test func aTitleNamingOneFinancialYearIsTheReportsYear() {
        #expect(ReportYear(title: "Ashcombe Revenue Monitoring Report 2025-26", meetingDate: nil).titleYear == "2025/26")
        #expect(ReportYear(title: "Annual Report 2023-2024", meetingDate: nil).titleYear == "2023/24")
        #expect(ReportYear(title: "Budget 2025/26 and Medium Term Plan 2026/27", meetingDate: nil).titleYear == nil)
        #expect(ReportYear(title: "Medium Term Financial Strategy 2026 to 2030", meetingDate: nil).titleYear == nil)
    }

    @Test func theMeetingDateGivesTheFinancialYearRunningAprilToMarch() {
        #expect(ReportYear(title: nil, meetingDate: "2024-05-20").meetingYear == "2024/25")
        #expect(ReportYear(title: nil, meetingDate: "2025-01-29").meetingYear == "2024/25")
        #expect(ReportYear(title: nil, meetingDate: nil).meetingYear == nil)
    }

    @Test func undatedAmountsOfAOneYearReportTakeItsYear() {
        let year = ReportYear(title: "Ashcombe Revenue Monitoring Report 2025-26", meetingDate: "2025-11-03")
        let budgets = BudgetExtractor().extract(
            from: lines(["Housing is forecast to overspend by £1.2m.", "Leisure spent £40,000 in 2024/25."]),
            reportYear: year)
        #expect(budgets.map(\.period) == ["2025/26", "2024/25"])
    }

    @Test func theCurrentFinancialYearIsTheMeetingsYear() {
        let year = ReportYear(title: "Estates Strategy", meetingDate: "2024-06-11")
        let budgets = BudgetExtractor().extract(
            from: lines(["The estates team aims to raise £2m in the current financial year.", "Receipts were £9m."]),
            reportYear: year)
        #expect(budgets.map(\.period) == ["2024/25", nil])
    }
}
