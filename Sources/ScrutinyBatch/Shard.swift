import Foundation
import ScrutinyCore
import ScrutinyIngest

/// One of `count` parts of a run's inputs (`extract --shard K/N`): the inputs whose document id
/// falls in part `index`. Ids come from the content, so the split is stable across runs and
/// machines and even in size; an input that cannot be hashed falls by its path instead.
public struct Shard: Sendable, Hashable {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// A shard as `K/N` says it, `K` 1-based; `auto/N` takes `K` from the environment: a
    /// Kubernetes Indexed Job's `JOB_COMPLETION_INDEX` (0-based) or a Slurm array's
    /// `SLURM_ARRAY_TASK_ID` (counted from `SLURM_ARRAY_TASK_MIN`, 0 when unset).
    /// - Throws: ``ShardSyntaxError`` saying what is wrong.
    public static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ShardSyntaxError) -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[1]), count >= 1 else {
            throw ShardSyntaxError(description: "--shard takes K/N (K from 1 to N) or auto/N, not '\(text)'")
        }
        let index: Int
        if parts[0] == "auto" {
            if let value = environment["JOB_COMPLETION_INDEX"], let zeroBased = Int(value) {
                index = zeroBased + 1
            } else if let value = environment["SLURM_ARRAY_TASK_ID"], let id = Int(value) {
                index = id - (environment["SLURM_ARRAY_TASK_MIN"].flatMap { Int($0) } ?? 0) + 1
            } else {
                throw ShardSyntaxError(description: "--shard auto/\(count): neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID (Slurm array) is set; give K/N")
            }
        } else if let value = Int(parts[0]) {
            index = value
        } else {
            throw ShardSyntaxError(description: "--shard takes K/N (K from 1 to N) or auto/N, not '\(text)'")
        }
        guard (1...count).contains(index) else {
            throw ShardSyntaxError(description: "--shard \(text): the shard is \(index), outside 1 to \(count)")
        }
        return Shard(index: index, count: count)
    }

    /// Whether the document `documentID` (16 hex digits at its start) is this shard's.
    public func holds(documentID: String) -> Bool {
        guard count > 1 else { return true }
        guard let value = UInt64(documentID.prefix(16), radix: 16) else { return holds(path: documentID) }
        return Int(value % UInt64(count)) == index - 1
    }

    /// Whether an input known only by its path (it could not be read and hashed) is this shard's.
    public func holds(path: String) -> Bool {
        guard count > 1 else { return true }
        return Int(UInt64(ContentHash.sha256(Data(path.utf8)).prefix(16), radix: 16)! % UInt64(count)) == index - 1
    }
}

/// A `--shard` value that cannot be read.
public struct ShardSyntaxError: Error, CustomStringConvertible {
    public var description: String
}
