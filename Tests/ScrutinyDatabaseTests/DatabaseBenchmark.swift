import Foundation
import Testing
import ScrutinyCore
import ScrutinyDatabase

/// Not a timed test: it measures, prints and asserts nothing about time. Runs only when asked:
///
/// ```
/// $ SCRUTINY_DB_BENCH=10000 swift test --filter DatabaseBenchmark
/// $ SCRUTINY_DB_BENCH=10000 swift test -c release -Xswiftc -enable-testing --filter DatabaseBenchmark
/// ```
@Suite struct DatabaseBenchmark {
    static let reports = ProcessInfo.processInfo.environment["SCRUTINY_DB_BENCH"].flatMap { Int($0) }

    /// A report of 50 rows: its document, 10 recommendations, 3 updates, 2 partnerships, 25 budgets, 9 implications.
    static func report(_ number: Int) -> Report {
        let id = String(format: "%016x", number)
        let where_ = { (line: Int) in Provenance(page: line / 40 + 1, line: line, section: "Section \(line % 7)") }
        return Report(
            documentID: id,
            source: SourceInfo(file: "council/\(number % 50)/report-\(number).pdf", sha256: id + id + id + id, format: .pdf, pages: 24),
            document: DocumentBlock(council: "Council \(number % 50)", committee: "Committee \(number % 7)",
                                    meetingDate: "2025-\(String(format: "%02d", number % 12 + 1))-15", agendaItem: "\(number % 20)",
                                    title: "Budget monitoring report \(number), quarter \(number % 4 + 1)", reportBy: "Director of Finance",
                                    contact: Contact(name: "A Officer", role: "Finance Manager", phone: "01234 567890", email: "a@example.gov.uk"),
                                    purpose: "To report the forecast outturn against the approved budget."),
            recommendations: (1...10).map {
                Recommendation(number: "\($0)", text: "That the committee notes the forecast position of item \($0) and approves the virements set out.",
                               provenance: where_($0 * 3))
            },
            recommendationUpdates: (1...3).map {
                RecommendationUpdate(partnership: "Safer Partnership", text: "Review the governance arrangements \($0).",
                                     progress: "In progress", provenance: where_(40 + $0))
            },
            partnerships: (1...2).map {
                Partnership(name: "Partnership \($0) of council \(number % 50)", acronym: "P\($0)", purpose: "Joint working",
                            aims: ["Reduce crime", "Improve health"], statutory: $0 == 1, members: ["Police", "NHS", "Fire"],
                            provenance: where_(60 + $0))
            },
            budgets: (1...25).map {
                Budget(amount: Double($0 * 1000 + number), raw: "£\($0),\(number % 1000)", approximate: $0 % 3 == 0, kind: .expenditure,
                       period: "2025/26", partnership: $0 % 5 == 0 ? "Partnership 1 of council \(number % 50)" : nil,
                       context: "The forecast spend on service line \($0) is £\($0),\(number % 1000) against a budget of £\($0 + 1),000.",
                       provenance: where_(80 + $0))
            },
            implications: (1...9).map {
                Implication(area: "Area \($0)", text: "There are no further implications of kind \($0) arising from this report.",
                            provenance: where_(120 + $0))
            })
    }

    /// Wall and CPU (user + system) seconds of `body`, as "wall / cpu". CPU time is the fairer
    /// number on a shared machine.
    static func measure(_ body: () throws -> Void) rethrows -> String {
        func cpu() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        let clock = ContinuousClock()
        let cpuStart = cpu()
        let wall = try clock.measure(body)
        let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        return String(format: "%.2f / %.2f", seconds, cpu() - cpuStart)
    }

    @Test(.enabled(if: reports != nil, "set SCRUTINY_DB_BENCH=N to insert N reports and print the time"))
    func insertReports() throws {
        let count = try #require(Self.reports)
        let folder = try TemporaryFolder()
        let reports = (0..<count).map(Self.report)
        let rows = reports.prefix(1).map { 1 + $0.recommendations.count + $0.recommendationUpdates.count + $0.partnerships.count
            + $0.budgets.count + $0.implications.count }[0]
        let change = DatabaseChange(inserted: reports.map { .init(report: $0, stamp: ReportStamp("bench")) })

        let database = try ReportDatabase(path: folder.file("scrutiny.db"))
        let insert = try Self.measure { try database.apply(change) }
        let size = (try FileManager.default.attributesOfItem(atPath: folder.file("scrutiny.db"))[.size] as? Int) ?? 0
        let replace = try Self.measure { try database.apply(change) }
        let remove = try Self.measure { try database.apply(DatabaseChange(removed: reports.map(\.documentID))) }
        print("""
            database bench: \(count) reports of \(rows) rows, \(ReportDatabase.reportsPerTransaction) per transaction \
            (wall s / CPU s): insert \(insert), replace all \(replace), remove all \(remove); file \(size / 1_000_000) MB
            """)
    }
}
