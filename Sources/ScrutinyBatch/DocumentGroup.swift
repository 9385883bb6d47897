import Foundation
import ScrutinyCore
import ScrutinyIngest

/// One document of a run: the inputs with the same content, the first in sorted order naming it.
struct DocumentGroup {
    var documentID: String
    var sha256: String
    /// The input the report names as `source.file`.
    var first: DiscoveredInput
    /// The other inputs with the same content, in sorted order.
    var others: [DiscoveredInput] = []

    var files: [String] { [first.file] + others.map(\.file) }

    /// The state entries of every input of the group, once its report is `documentID` (or, for
    /// an agenda pack, its items' reports are `items`).
    func stateEntries(documentID: String, sha256: String, items: [String]? = nil) -> [StateEntry] {
        ([first] + others).map {
            StateEntry(file: $0.file, sha256: sha256, documentID: documentID, reportFile: first.file, items: items, stamp: $0.stamp)
        }
    }

    /// One error line per input of the group; copies say which input they share content with.
    func errorRecords(_ failure: InputFailure) -> [ErrorRecord] {
        [ErrorRecord(path: first.file, failure: failure)] + others.map(\.file).map {
            ErrorRecord(path: $0, failure: InputFailure(failure.kind, "\(failure.message) (same content as \(first.file))"))
        }
    }

    /// Hashes every input (one file in memory per processor) and groups them by content. An
    /// input `known` records with the size and modification time it has now keeps the hash
    /// recorded there, unread.
    /// - Parameter inputs: sorted by `file`, so each group's `first` is its first path in sorted order.
    /// - Returns: the groups in the order of their first input, and the inputs that could not be read.
    static func group(_ inputs: [DiscoveredInput], known: [String: StateEntry] = [:])
        -> (groups: [DocumentGroup], unreadable: [ErrorRecord]) {
        var groups: [DocumentGroup] = []
        var position: [String: Int] = [:]
        var unreadable: [ErrorRecord] = []
        var hashes = [Result<String, any Error>](repeating: .success(""), count: inputs.count)
        var toHash: [Int] = []
        for (index, input) in inputs.enumerated() {
            if let stamp = input.stamp, let entry = known[input.file], entry.stamp == stamp {
                hashes[index] = .success(entry.sha256)
            } else {
                toHash.append(index)
            }
        }
        let read = contentHashes(of: toHash.map { inputs[$0].path }, parallelism: ProcessInfo.processInfo.activeProcessorCount)
        for (index, hash) in zip(toHash, read) { hashes[index] = hash }
        for (input, hash) in zip(inputs, hashes) {
            let sha256: String
            switch hash {
            case .success(let value):
                sha256 = value
            case .failure(let error):
                unreadable.append(ErrorRecord(path: input.file, failure: InputFailure(
                    .unreadable, "cannot read the file: \(error.localizedDescription); check its permissions")))
                continue
            }
            let id = Report.documentID(sha256: sha256)
            if let index = position[id] {
                groups[index].others.append(input)
            } else {
                position[id] = groups.count
                groups.append(DocumentGroup(documentID: id, sha256: sha256, first: input))
            }
        }
        return (groups, unreadable)
    }

    /// The SHA-256 of each file at `paths`, in order, or why it could not be read. Runs on
    /// `parallelism` threads, each reading and hashing every `parallelism`-th file, so at most
    /// that many files are in memory at once.
    static func contentHashes(of paths: [String], parallelism: Int) -> [Result<String, any Error>] {
        var results = [Result<String, any Error>](repeating: .success(""), count: paths.count)
        let lanes = max(1, min(parallelism, paths.count))
        results.withUnsafeMutableBufferPointer { buffer in
            // Each index is written by exactly one lane, and read only after all lanes finish.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for index in stride(from: lane, to: paths.count, by: lanes) {
                    slots[index] = Result { ContentHash.sha256(try Data(contentsOf: URL(fileURLWithPath: paths[index]))) }
                }
            }
        }
        return results
    }
}
