import Foundation
import ScrutinyBatch
import ScrutinyCore

/// What the last review build made, kept as `review/.review-state.json`: for each report, the
/// stamps of the report file and the preview manifest its page was made from, and what the
/// index shows of it. A rerun compares stamps and decodes only reports that changed.
struct ReviewState: Codable {
    static let fileName = ".review-state.json"

    /// ``ReviewBuilder/generation`` and the resolution the pages were made with; a state of
    /// another generation or resolution is discarded, so every page is made again.
    var generation: String
    var dpi: Double
    var reports: [String: Entry]

    struct Entry: Codable, Equatable {
        /// The report file's size and modification time when its page was made.
        var report: FileStamp
        /// The preview manifest's stamp when the page was made; `nil` when there was none.
        var preview: FileStamp?
        /// Why the source could not be shown, when it could not.
        var problem: String?
        var sha256: String
        var pages: [Int]
        var summary: ReportSummary

        /// The preview folder's name: the file's document id (an agenda pack's items share it).
        var sourceID: String { Report.documentID(sha256: sha256) }
    }

    init(generation: String, dpi: Double, reports: [String: Entry] = [:]) {
        self.generation = generation
        self.dpi = dpi
        self.reports = reports
    }

    /// The state in `folder`, or an empty one when there is none, it does not decode, or it is of
    /// another generation or resolution.
    static func load(from folder: URL, generation: String, dpi: Double) -> ReviewState {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
              let state = try? JSONDecoder().decode(ReviewState.self, from: data),
              state.generation == generation, state.dpi == dpi else { return ReviewState(generation: generation, dpi: dpi) }
        return state
    }
}

extension FileStamp {
    /// What `stat` says of the file at `path` (links followed); `nil` when there is none.
    static func of(path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
