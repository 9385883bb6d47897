import Foundation
import ScrutinyCore

/// What the review's index shows of one report: its document block's main fields, how many
/// records of each kind it has, and its warnings.
///
/// Kept in the review's state, so the index of a rerun is written without decoding any report.
public struct ReportSummary: Sendable, Hashable, Codable {
    public var documentID: String
    public var file: String
    public var format: DocumentFormat
    public var council: String?
    public var committee: String?
    /// YYYY-MM-DD.
    public var meetingDate: String?
    public var title: String?
    public var recommendations: Int
    public var recommendationUpdates: Int
    public var partnerships: Int
    public var budgets: Int
    public var implications: Int
    public var warnings: [String]

    public init(_ report: Report) {
        documentID = report.documentID
        file = report.source.file
        format = report.source.format
        council = report.document.council
        committee = report.document.committee
        meetingDate = report.document.meetingDate
        title = report.document.title
        recommendations = report.recommendations.count
        recommendationUpdates = report.recommendationUpdates.count
        partnerships = report.partnerships.count
        budgets = report.budgets.count
        implications = report.implications.count
        warnings = report.warnings
    }

    enum CodingKeys: String, CodingKey {
        case documentID = "document_id", file, format, council, committee, meetingDate = "meeting_date", title
        case recommendations, recommendationUpdates = "recommendation_updates", partnerships, budgets, implications, warnings
    }
}

/// Groups warnings into kinds for the index's filter, by leaving out what names one report's
/// particulars: `partnership inferred from the title: Vale Alliance` and `… : Fen Board` are both
/// `partnership inferred from the title`; `ocr: page 3 …` is `ocr`; `council inferred from the
/// report's references to Hallowmere Borough Council` is `council inferred from the report's
/// references to`.
///
/// ```swift
/// WarningKind.of("council inferred from e-mail domain quillham.gov.uk")  // "council inferred from e-mail domain"
/// ```
public enum WarningKind {
    public static func of(_ warning: String) -> String {
        let head = warning.split(separator: ":", maxSplits: 1).first.map(String.init) ?? warning
        var kept: [Substring] = []
        for (index, word) in head.split(separator: " ").enumerated() {
            let particular = word.contains(".") || word.first.map { $0.isNumber || ($0.isUppercase && index > 0) } ?? false
            if particular { break }
            kept.append(word)
        }
        let kind = kept.joined(separator: " ")
        return kind.isEmpty ? head.trimmingCharacters(in: .whitespaces) : kind
    }
}

/// Dates as the pages print them: `2025-06-30` as `30 June 2025`, anything else as it is.
enum DisplayDate {
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                 "October", "November", "December"]

    static func text(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month) else { return iso }
        return "\(day) \(months[month - 1]) \(year)"
    }
}
