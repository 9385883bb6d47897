import Foundation
import Testing
import ScrutinyCore
import ScrutinyExtract
import ScrutinyIngest

/// Extracts every sample in `samples/` (PDF, text, HTML) and scores it against its gold file in
/// `samples/expected/`: the issue asks for an overall score of at least 0.95 on each.
@Suite("Sample scores")
struct SampleScoreTests {
    /// The package root: `Tests/ScrutinyExtractTests/<this file>` is three levels below it.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = packageRoot.appendingPathComponent("samples")
    static let expected = samples.appendingPathComponent("expected")

    /// The gold files' names, sorted.
    static let goldFileNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: expected.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// The sample files (not folders) in `samples/`, sorted.
    static var sampleFileNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: samples.appendingPathComponent(name).path, isDirectory: &isFolder)
                && !isFolder.boolValue
        }.sorted()
    }

    @Test("Every sample has a gold file naming it")
    func everySampleHasAGoldFile() throws {
        let named = try Set(Self.goldFileNames.map { try GoldFile.load(Self.expected.appendingPathComponent($0)).file })
        #expect(!Self.sampleFileNames.isEmpty, "no samples found in \(Self.samples.path)")
        for sample in Self.sampleFileNames {
            #expect(named.contains(sample), "samples/\(sample) has no gold file in samples/expected/")
        }
    }

    @Test("Sample extraction scores at least 0.95 against its gold file", arguments: goldFileNames)
    func sampleScoresAgainstGold(goldFileName: String) throws {
        let gold = try GoldFile.load(Self.expected.appendingPathComponent(goldFileName))
        let path = Self.samples.appendingPathComponent(gold.file).path
        try #require(FileManager.default.fileExists(atPath: path), "gold \(goldFileName) names a missing sample \(gold.file)")

        let document = try DocumentIngester().ingest(path: path)
        let sha256 = ContentHash.sha256(try Data(contentsOf: URL(fileURLWithPath: path)))
        let source = SourceInfo(file: path, sha256: sha256, format: document.format, pages: document.reportedPageCount)
        let report = ReportExtractor().extract(document, source: source, documentID: Report.documentID(sha256: sha256))
        let score = GoldScorer().score(report, against: gold)
        let details = ([score.summary] + score.misses).joined(separator: "\n  ")

        #expect(score.overall >= 0.95, "\(gold.file): \(details)")
        if !gold.budgets.isEmpty {
            #expect((score.budgetKindAgreement ?? 0) >= 0.9, "\(gold.file) budget kinds: \(details)")
            #expect((score.budgetPeriodAgreement ?? 0) >= 0.9, "\(gold.file) budget periods: \(details)")
            #expect((score.budgetPartnershipAgreement ?? 0) >= 0.9, "\(gold.file) budget partnerships: \(details)")
        }
    }
}

/// The scorer itself, on small hand-made gold files and reports, so a sample score means what it says.
@Suite("Gold scorer")
struct GoldScorerTests {
    static let goldJSON = """
    {
     "file": "tiny.txt",
     "document": {
      "council": "Example Borough Council",
      "title": "Leisure Centre Heat Pumps",
      "agenda_item": null,
      "contact": {"name": "Ann Other", "email": "ann.other@example.gov.uk"}
     },
     "recommendations": [
      {"number": "1", "text": "That Cabinet approves the installation of heat pumps at the Riverside centre."},
      {"number": "2", "text": "That Cabinet notes the grant offer from the Public Sector Decarbonisation Scheme."}
     ],
     "recommendation_updates": [
      {"partnership": "Example Safety Partnership", "text": "Publish the annual assessment online.", "progress": "Done in May."}
     ],
     "partnerships": [
      {"name": "Example Safety Partnership", "acronym": "ESP", "statutory": true, "aliases": ["Safer Example"]}
     ],
     "acceptable_extra_partnerships": ["Example Business Forum"],
     "budgets": [
      {"amount": 1312000, "partnership": null, "kind": ["budget", "allocation"], "period": ["2025/26", null], "approximate": false},
      {"amount": 45000, "partnership": "Example Safety Partnership", "kind": "cost", "period": null, "approximate": true}
     ],
     "implications": [{"area": "Legal", "text": "None"}]
    }
    """

    static func gold() throws -> GoldFile {
        try JSONDecoder().decode(GoldFile.self, from: Data(goldJSON.utf8))
    }

    static let here = Provenance(page: nil, line: 1, section: nil)

    /// A report that says exactly what the gold file says.
    static func perfectReport() -> Report {
        Report(
            documentID: "0", source: SourceInfo(file: "tiny.txt", sha256: "0", format: .text, pages: nil),
            document: DocumentBlock(council: "Example Borough Council", title: "Leisure Centre Heat Pumps",
                                    contact: Contact(name: "Ann Other", email: "ann.other@example.gov.uk")),
            recommendations: [
                Recommendation(number: "1", text: "That Cabinet approves the installation of heat pumps at the Riverside centre.", provenance: here),
                Recommendation(number: "2", text: "That Cabinet notes the grant offer from the Public Sector Decarbonisation Scheme.", provenance: here),
            ],
            recommendationUpdates: [
                RecommendationUpdate(partnership: "Example Safety Partnership", text: "Publish the annual assessment online.",
                                     progress: "Done in May.", provenance: here),
            ],
            partnerships: [Partnership(name: "Example Safety Partnership", acronym: "ESP", statutory: true, provenance: here)],
            budgets: [
                budget(1_312_000, raw: "£1.312m", kind: .budget, period: "2025/26"),
                budget(45_000, raw: "circa £45k", kind: .expenditure, partnership: "Example Safety Partnership", approximate: true),
            ])
    }

    static func budget(_ amount: Double, raw: String, kind: BudgetKind, period: String? = nil, partnership: String? = nil,
                       approximate: Bool = false) -> Budget {
        Budget(amount: amount, raw: raw, approximate: approximate, kind: kind, period: period, partnership: partnership,
               context: raw, provenance: here)
    }

    @Test("A report equal to its gold file scores 1 in every group")
    func perfectReportScoresOne() throws {
        let score = GoldScorer().score(Self.perfectReport(), against: try Self.gold())
        #expect(score.document == 1)
        #expect(score.recommendations.value == 1)
        #expect(score.recommendationUpdates.value == 1)
        #expect(score.partnerships.value == 1)
        #expect(score.budgets.value == 1)
        #expect(score.overall == 1)
        #expect(score.budgetKindAgreement == 1)
        #expect(score.budgetPeriodAgreement == 1)
        #expect(score.budgetPartnershipAgreement == 1)
        #expect(score.budgetApproximateAgreement == 1)
        #expect(score.partnershipStatutoryAgreement == 1)
        #expect(score.updateProgressAgreement == 1)
        #expect(score.misses.isEmpty, "\(score.misses)")
    }

    @Test("A missing recommendation halves recall and lowers the overall score")
    func missingRecommendationScoresLess() throws {
        var report = Self.perfectReport()
        report.recommendations.removeLast()
        let score = GoldScorer().score(report, against: try Self.gold())
        #expect(score.recommendations.precision == 1)
        #expect(score.recommendations.recall == 0.5)
        #expect(abs(score.recommendations.value - 2.0 / 3.0) < 1e-9)
        #expect(abs(score.overall - (4 + 2.0 / 3.0) / 5) < 1e-9)
        #expect(score.misses.contains { $0.hasPrefix("recommendation missed: That Cabinet notes the grant") })
    }

    @Test("An extra budget printed with a currency sign lowers budget precision")
    func extraSignedBudgetLowersPrecision() throws {
        var report = Self.perfectReport()
        report.budgets.append(Self.budget(9_999, raw: "£9,999", kind: .other))
        let score = GoldScorer().score(report, against: try Self.gold())
        #expect(score.budgets.truePositives == 2)
        #expect(score.budgets.predicted == 3)
        #expect(abs(score.budgets.precision - 2.0 / 3.0) < 1e-9)
        #expect(score.budgets.recall == 1)
        #expect(score.overall < 1)
        #expect(score.misses == ["budget extra: £9,999 (9999.0)"])
    }

    @Test("An unmatched table figure without a currency sign is not counted")
    func unsignedTableFigureIsNotCounted() throws {
        var report = Self.perfectReport()
        report.budgets.append(Self.budget(1_250_000, raw: "1,250", kind: .budget))
        let score = GoldScorer().score(report, against: try Self.gold())
        #expect(score.budgets.predicted == 2)
        #expect(score.budgets.value == 1)
        #expect(score.overall == 1)
    }

    @Test("A missing budget lowers recall; a wrong kind or period lowers agreement, not the group score")
    func budgetAttributesAreScoredApart() throws {
        var report = Self.perfectReport()
        report.budgets[0].kind = .income
        report.budgets[0].period = "2024/25"
        report.budgets.removeLast()
        let score = GoldScorer().score(report, against: try Self.gold())
        #expect(score.budgets.recall == 0.5)
        #expect(score.budgets.precision == 1)
        #expect(score.budgetKindAgreement == 0)
        #expect(score.budgetPeriodAgreement == 0)
        #expect(score.budgetPartnershipAgreement == 1)
        #expect(score.misses.contains("budget missed: 45000.0"))
    }

    @Test("A null gold field matches only null; a near-equal string matches")
    func documentFieldsCompareNormalisedText() throws {
        var report = Self.perfectReport()
        report.document.agendaItem = "7"
        report.document.title = "LEISURE CENTRE HEAT PUMPS."
        report.document.contact.email = nil
        let score = GoldScorer().score(report, against: try Self.gold())
        // Five fields: council, title, agenda_item, contact.name, contact.email; two are wrong.
        #expect(score.document == 3.0 / 5.0)
        #expect(score.misses.contains("document agenda_item: got \"7\", want null"))
        #expect(score.misses.contains("document contact.email: got null, want \"ann.other@example.gov.uk\""))
    }

    @Test("A recommendation with a lead-in still matches; an unrelated one does not")
    func leadInRecommendationMatches() throws {
        var report = Self.perfectReport()
        report.recommendations[0].text = "Cabinet is asked to RESOLVE that Cabinet approves the installation of heat pumps at the Riverside centre."
        report.recommendations[1].text = "That the minutes of the previous meeting are signed."
        let score = GoldScorer().score(report, against: try Self.gold())
        #expect(score.recommendations.truePositives == 1)
        #expect(score.recommendations.predicted == 2)
    }

    @Test("Partnerships match by alias or acronym; accepted extras are not false positives, others are")
    func partnershipNamesMatchAliasesAndAcronyms() throws {
        var report = Self.perfectReport()
        report.partnerships = [
            Partnership(name: "ESP", statutory: false, provenance: Self.here),
            Partnership(name: "The Example Business Forum (EBF)", provenance: Self.here),
            Partnership(name: "Example Housing Board", provenance: Self.here),
        ]
        let score = GoldScorer().score(report, against: try Self.gold())
        #expect(score.partnerships.truePositives == 1)
        #expect(score.partnerships.predicted == 2)
        #expect(score.partnershipStatutoryAgreement == 0)
        #expect(score.misses == ["partnership extra: Example Housing Board"])

        report.partnerships = [Partnership(name: "Safer Example (the CSP)", provenance: Self.here)]
        #expect(GoldScorer().score(report, against: try Self.gold()).partnerships.value == 1)
    }

    @Test("Normalisation folds case, quotes, dashes and punctuation")
    func normalisationFoldsTypography() {
        #expect(ScoreText.normalise("  The Council\u{2019}s Plan \u{2013} 2025/26 (draft)!  ") == "the council's plan - 2025/26 draft")
        #expect(ScoreText.normalise("£1.3m; ") == "£1.3m")
        #expect(ScoreText.partnershipName("The Vale Alliance (VA)") == "vale alliance")
    }

    @Test("Similarity is the longest-common-subsequence ratio of the normalised texts")
    func similarityIsCommonSubsequenceRatio() {
        #expect(ScoreText.similarity("abcd", "ABED") == 0.75)
        #expect(ScoreText.similarity("Same text.", "same TEXT") == 1)
        #expect(ScoreText.similarity("abc", "xyz") == 0)
        #expect(ScoreText.similarity(nil, "") == 1)
    }
}
