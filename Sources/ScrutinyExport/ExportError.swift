import Foundation

/// A failure to write an export file, naming the path and what to do next.
///
/// `description` and `localizedDescription` give the same one-line message.
public struct ExportError: LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in the order the steps of writing a file happen.
    public enum Step: String, Sendable, Hashable {
        /// Creating the output folder or the temporary file failed.
        case create
        /// Writing bytes to the temporary file failed.
        case write
        /// Flushing the temporary file to disk failed.
        case sync
        /// Renaming the temporary file over the target failed.
        case rename
    }

    public var step: Step
    /// The file the caller asked for (not the temporary name).
    public var path: String
    /// The operating system's error number, or 0 when there is none.
    public var code: Int32

    /// An error for `path` at `step`, with the `errno` value that explains it.
    public init(_ step: Step, path: String, code: Int32) {
        self.step = step
        self.path = path
        self.code = code
    }

    public var errorDescription: String? { description }

    public var description: String {
        let reason = code == 0 ? "unknown error" : String(cString: strerror(code))
        switch step {
        case .create:
            return "cannot create \(path): \(reason); check the output folder exists and is writable"
        case .write, .sync:
            return "cannot write \(path): \(reason); check free disk space and retry (the previous file, if any, is untouched)"
        case .rename:
            return "cannot move the finished file into place at \(path): \(reason); check the folder's permissions and retry"
        }
    }
}
