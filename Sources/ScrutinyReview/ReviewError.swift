import Foundation

/// Why a review could not be built at all. (A source file that cannot be shown is not one: its
/// report's page says so, and ``ReviewOutcome/problems`` lists it.)
public enum ReviewError: LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// The folder has no `reports/`: nothing has been extracted into it.
    case noReports(folder: String)
    /// Another `scrutiny review` is writing the same review folder.
    case busy(folder: String, holder: String)
    /// A review file could not be written.
    case cannotWrite(path: String, reason: String)
    /// No worker process could be started.
    case workersUnavailable(reason: String)

    public var description: String {
        switch self {
        case .noReports(let folder):
            return "\(folder) has no reports/ folder; run `scrutiny extract PATH... --out \(folder)` first"
        case .busy(let folder, let holder):
            return "\(folder) is being written by another scrutiny review (\(holder)); wait for it to finish"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason); check the folder's permissions and free space"
        case .workersUnavailable(let reason):
            return "cannot start the processes that draw the pages: \(reason); this build of scrutiny may be broken"
        }
    }

    public var errorDescription: String? { description }
}
