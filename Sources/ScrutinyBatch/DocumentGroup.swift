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
    var others: [String] = []

    var files: [String] { [first.file] + others }

    /// The state entries of every input of the group, once its report is `documentID`.
    func stateEntries(documentID: String, sha256: String) -> [StateEntry] {
        files.map { StateEntry(file: $0, sha256: sha256, documentID: documentID, reportFile: first.file) }
    }

    /// One error line per input of the group; copies say which input they share content with.
    func errorRecords(_ failure: InputFailure) -> [ErrorRecord] {
        [ErrorRecord(path: first.file, failure: failure)] + others.map {
            ErrorRecord(path: $0, failure: InputFailure(failure.kind, "\(failure.message) (same content as \(first.file))"))
        }
    }

    /// Hashes every input (one file in memory at a time) and groups them by content.
    /// - Parameter inputs: sorted by `file`, so each group's `first` is its first path in sorted order.
    /// - Returns: the groups in the order of their first input, and the inputs that could not be read.
    static func group(_ inputs: [DiscoveredInput]) -> (groups: [DocumentGroup], unreadable: [ErrorRecord]) {
        var groups: [DocumentGroup] = []
        var position: [String: Int] = [:]
        var unreadable: [ErrorRecord] = []
        for input in inputs {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: input.path))
            } catch {
                unreadable.append(ErrorRecord(path: input.file, failure: InputFailure(
                    .unreadable, "cannot read the file: \(error.localizedDescription); check its permissions")))
                continue
            }
            let sha256 = ContentHash.sha256(data)
            let id = Report.documentID(sha256: sha256)
            if let index = position[id] {
                groups[index].others.append(input.file)
            } else {
                position[id] = groups.count
                groups.append(DocumentGroup(documentID: id, sha256: sha256, first: input))
            }
        }
        return (groups, unreadable)
    }
}
