import Foundation
import ScrutinyExport

/// What the output folder remembers of one input: its content hash and the report it gave.
public struct StateEntry: Sendable, Hashable, Codable {
    /// The input's name (`source.file` style).
    public var file: String
    public var sha256: String
    public var documentID: String
    /// The input the report names as `source.file` (the first of several with the same content).
    public var reportFile: String
    /// For an agenda pack, the document ids of its items' reports; `nil` for a file that is one
    /// report (its report is `documentID`).
    public var items: [String]?
    /// The input's size and modification time when it was hashed: an input found with both
    /// the same is taken to have the same content without reading it (unless `--rehash`).
    public var stamp: FileStamp?

    public init(file: String, sha256: String, documentID: String, reportFile: String, items: [String]? = nil,
                stamp: FileStamp? = nil) {
        self.file = file
        self.sha256 = sha256
        self.documentID = documentID
        self.reportFile = reportFile
        self.items = items
        self.stamp = stamp
    }

    /// The document ids of the reports the input gave.
    public var reportIDs: [String] { items ?? [documentID] }

    enum CodingKeys: String, CodingKey {
        case file, sha256, documentID = "document_id", reportFile = "report_file", items, stamp
    }
}

/// The incremental state of an output folder: input path → sha256 → document id.
///
/// Kept as a JSON Lines journal (`.scrutiny-state.jsonl`): a line is appended (written through to
/// the kernel) after each report is written, so a run killed at any moment leaves a state that
/// matches the reports on disk; a torn last line is ignored. The journal is synced to the disk at
/// most once a second (a power cut loses at most the last second's entries, which the next run
/// simply extracts again). At the end of a run the journal is rewritten whole, holding only that
/// run's inputs.
public final class ExtractionState {
    public static let fileName = ".scrutiny-state.jsonl"

    public let url: URL
    /// Entries by file, the latest line winning.
    public private(set) var entries: [String: StateEntry]
    /// The entries as the last run that finished left them (the journal's compacted part,
    /// before any line a later, killed run appended).
    public private(set) var finished: [String: StateEntry]
    /// True when the journal, as loaded, was exactly the compaction of its entries: the last run
    /// into the folder finished (it compacts last, after writing the tables) and none has
    /// recorded anything since.
    public private(set) var isCompact: Bool
    private var journal: FileHandle?
    private var lastSync = Date.distantPast

    /// Loads the journal in `directory`, or starts empty.
    public init(directory: URL) {
        url = directory.appendingPathComponent(Self.fileName)
        var entries: [String: StateEntry] = [:]
        var finished: [String: StateEntry]?
        var compact = false
        if let data = try? Data(contentsOf: url) {
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var start = 0
                while start < bytes.count {
                    let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                    // A run appends after a blank line (see record(_:)); a compaction has none.
                    if end == start, finished == nil { finished = entries }
                    if end > start, let entry = StateLine.decode(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) {
                        entries[entry.file] = entry
                    }
                    start = end + 1
                }
            }
            compact = Self.compaction(of: Array(entries.values)) == data
        }
        self.entries = entries
        self.finished = finished ?? entries
        self.isCompact = compact
    }

    deinit { try? journal?.close() }

    /// Records entries: appends them to the journal, syncing it if the last sync is a second old.
    public func record(_ newEntries: [StateEntry]) throws {
        isCompact = false
        if journal == nil {
            if !FileManager.default.fileExists(atPath: url.path) {
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            // A run killed mid-line leaves a torn line; start ours on a fresh one.
            try handle.write(contentsOf: Data([0x0A]))
            journal = handle
        }
        var bytes: [UInt8] = []
        for entry in newEntries {
            StateLine.encode(entry, into: &bytes)
            entries[entry.file] = entry
        }
        try journal?.write(contentsOf: bytes)
        if Date().timeIntervalSince(lastSync) >= 1 {
            try journal?.synchronize()
            lastSync = Date()
        }
    }

    /// Replaces the journal with exactly `finalEntries`, atomically.
    public func compact(to finalEntries: [StateEntry]) throws {
        let final = Dictionary(finalEntries.map { ($0.file, $0) }, uniquingKeysWith: { _, last in last })
        if journal == nil && isCompact && final == entries { return }  // the file already says exactly this
        try journal?.close()
        journal = nil
        try AtomicFile.write(Self.compaction(of: finalEntries), to: url.path)
        entries = final
        finished = final
        isCompact = true
    }

    /// The journal holding exactly `entries`, sorted by file.
    private static func compaction(of entries: [StateEntry]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 200)
        for entry in entries.sorted(by: { $0.file < $1.file }) { StateLine.encode(entry, into: &bytes) }
        return Data(bytes)
    }
}
