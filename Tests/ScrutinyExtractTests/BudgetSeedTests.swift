import Foundation
import Testing
import ScrutinyCore
import ScrutinyIngest
@testable import ScrutinyExtract

/// Runs the budget extractor on the shared seed reports and compares it with the gold extractions.
/// Skips (with a message) when `/work/shared` is not there.
@Suite("Budget seeds")
struct BudgetSeedTests {
    static let corpus: URL = {
        let here = URL(fileURLWithPath: #filePath)
        // Tests/ScrutinyExtractTests/<file> -> worktree -> its parent holds shared/.
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }()

    struct GoldBudget {
        var amount: Double
        var approximate: Bool
        var kinds: [String]
        var periods: [String?]
    }

    static func gold(_ stem: String) throws -> [GoldBudget] {
        let data = try Data(contentsOf: corpus.appendingPathComponent("expected/\(stem).json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let budgets = try #require(json["budgets"] as? [[String: Any]])
        return budgets.map { b in
            let kinds = (b["kind"] as? [String]) ?? [(b["kind"] as? String) ?? ""]
            let periods: [String?] = ((b["period"] as? [Any]) ?? [b["period"] as Any]).map { $0 as? String }
            return GoldBudget(amount: (b["amount"] as? NSNumber)?.doubleValue ?? .nan,
                              approximate: (b["approximate"] as? Bool) ?? false, kinds: kinds, periods: periods)
        }
    }

    static var stems: [String] {
        let seeds = corpus.appendingPathComponent("seeds")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func seedBudgetsMatchTheGoldAmountsKindsAndPeriods() throws {
        let stems = Self.stems
        guard !stems.isEmpty else {
            print("skipping seed test: no seed reports under \(Self.corpus.path)")
            return
        }
        for stem in stems {
            let document = try DocumentIngester().ingest(path: Self.corpus.appendingPathComponent("seeds/\(stem).txt").path)
            let found = BudgetExtractor().extract(from: DocumentOutliner().outline(document))
            let gold = try Self.gold(stem)
            #expect(found.count == gold.count, "\(stem): \(found.map(\.raw))")
            var unused = found
            for expected in gold {
                guard let index = unused.firstIndex(where: { abs($0.amount - expected.amount) < 0.005 }) else {
                    Issue.record("\(stem): missed \(expected.amount)")
                    continue
                }
                let budget = unused.remove(at: index)
                #expect(expected.kinds.contains(budget.kind.rawValue), "\(stem) \(budget.raw): \(budget.kind) not in \(expected.kinds)")
                #expect(expected.periods.contains(budget.period), "\(stem) \(budget.raw): \(budget.period ?? "nil") not in \(expected.periods)")
                #expect(budget.approximate == expected.approximate, "\(stem) \(budget.raw): approximate")
            }
        }
    }
}
