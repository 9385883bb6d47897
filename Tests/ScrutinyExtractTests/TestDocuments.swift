import Foundation
import ScrutinyCore
@testable import ScrutinyExtract
import ScrutinyIngest

/// Builds documents for the tests from plain text (tabs separate table cells), read by the real text reader.
enum TestDocuments {
    static func document(_ text: String) -> SourceDocument {
        do {
            return try TextReader().read(Data(text.utf8))
        } catch {
            preconditionFailure("test text could not be read: \(error)")
        }
    }

    static func outline(_ text: String) -> [OutlinedLine] {
        DocumentOutliner().outline(document(text))
    }

    static func report(_ text: String) -> Report {
        ReportExtractor().extract(document(text), source: SourceInfo(file: "test.txt", sha256: "0", format: .text, pages: nil),
                                  documentID: "0")
    }
}
