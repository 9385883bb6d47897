import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `transform` of every element, in order, worked out on up to `lanes` threads at once (one
    /// per processor by default): for the pages and items of a long agenda pack, which one
    /// worker reads alone.
    public func concurrentMap<T: Sendable>(lanes: Int = ProcessInfo.processInfo.activeProcessorCount,
                                           _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1, lanes > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        let lanes = Swift.min(lanes, count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each index is written by exactly one lane and read only after every lane is done.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for index in stride(from: lane, to: count, by: lanes) { slots[index] = transform(self[index]) }
            }
        }
        return results.map { $0! }
    }
}
