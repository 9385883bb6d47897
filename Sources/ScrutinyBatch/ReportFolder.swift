import Foundation
import ScrutinyCore

/// The `reports/` folder of an output folder, read one report at a time in `document_id` order.
///
/// Only the file names are held in memory, so exporting a folder of any size stays flat.
public struct ReportFolder: Sequence {
    public let url: URL
    /// `url`'s path with a trailing slash, for building report paths without URL arithmetic.
    private let prefix: String

    public init(url: URL) {
        self.url = url
        prefix = url.path.hasSuffix("/") ? url.path : url.path + "/"
    }

    /// The path of report `documentID`'s file (``fileURL(for:)`` as a path, made without `URL`).
    public func filePath(for documentID: String) -> String {
        prefix + documentID + ".json"
    }

    /// The document ids present, sorted.
    public func documentIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    public func fileURL(for documentID: String) -> URL {
        url.appendingPathComponent("\(documentID).json")
    }

    /// The report `documentID`, or nil when its file is missing or no longer decodes.
    public func report(_ documentID: String) -> Report? {
        guard let data = FileManager.default.contents(atPath: filePath(for: documentID)) else { return nil }
        return ReportReader.report(from: data)
    }

    public func makeIterator() -> Iterator {
        Iterator(folder: self, ids: documentIDs().makeIterator())
    }

    /// Decodes reports lazily; a file that no longer decodes is skipped.
    public struct Iterator: IteratorProtocol {
        let folder: ReportFolder
        var ids: IndexingIterator<[String]>

        public mutating func next() -> Report? {
            while let id = ids.next() {
                if let data = FileManager.default.contents(atPath: folder.filePath(for: id)),
                   let report = ReportReader.report(from: data) {
                    return report
                }
            }
            return nil
        }
    }
}
