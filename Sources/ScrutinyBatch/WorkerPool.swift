import Foundation
import ScrutinyCore
#if canImport(Glibc)
import Glibc
#endif

/// Limits and sizes for a ``WorkerPool``.
public struct WorkerPoolConfiguration: Sendable {
    /// The program to start as a worker, and its arguments (`scrutiny worker`).
    public var executable: String
    public var arguments: [String]
    /// How many workers run at once.
    public var workers: Int
    /// Seconds one document may take before its worker is killed (`timeout`).
    public var timeout: Double
    /// Resident memory a worker may reach before it is killed (`memory`).
    public var memoryLimit: UInt64
    /// Documents a worker reads before it is replaced by a fresh one.
    public var recycleAfter: Int

    public init(executable: String, arguments: [String] = ["worker"], workers: Int, timeout: Double,
                memoryLimit: UInt64 = 2 << 30, recycleAfter: Int = 500) {
        self.executable = executable
        self.arguments = arguments
        self.workers = max(1, workers)
        self.timeout = timeout
        self.memoryLimit = memoryLimit
        self.recycleAfter = max(1, recycleAfter)
    }
}

/// Runs requests through long-lived worker processes, `workers` at a time.
///
/// A worker that dies is replaced and its document reported `crashed` (with the signal); one that
/// answers with something that is not a well-framed reply is killed and replaced the same way; one
/// that takes longer than the time limit or grows past the memory limit is killed and its document
/// reported `timeout` or `memory`. At the end, a worker that does not exit when its input closes
/// is killed after a short grace period, so the batch never waits on one. Results come back in
/// the order workers finish; callers that need a fixed order must sort.
public struct WorkerPool {
    public var configuration: WorkerPoolConfiguration

    public init(configuration: WorkerPoolConfiguration) {
        self.configuration = configuration
    }

    private final class Slot {
        var process: WorkerProcess?
        var request: WorkerRequest?
        var started = Date()
    }

    /// Sends every request to a worker and calls `handle` with each answer as it arrives.
    /// - Returns: how many worker processes were started (replacements and recycling included).
    /// - Throws: ``WorkerLaunchError`` when no worker can be started at all.
    @discardableResult
    public func run(_ requests: some Sequence<WorkerRequest>,
                    handle: (WorkerRequest, Result<[ExtractedReport], InputFailure>) -> Void) throws -> Int {
        try run(requests, reading: { $0.result() }, handle: handle)
    }

    /// Sends every preview request (``WorkerRequest/preview`` set) to a worker and calls `handle`
    /// with each outcome as it arrives, with the same limits and isolation as an extraction.
    /// - Returns: how many worker processes were started.
    /// - Throws: ``WorkerLaunchError`` when no worker can be started at all.
    @discardableResult
    public func runPreviews(_ requests: some Sequence<WorkerRequest>,
                            handle: (WorkerRequest, Result<PreviewOutcome, InputFailure>) -> Void) throws -> Int {
        try run(requests, reading: { $0.previewResult() }, handle: handle)
    }

    /// The loop of both: `reading` turns a whole reply into the answer handed to `handle`.
    private func run<Answer>(_ requests: some Sequence<WorkerRequest>, reading answer: (WorkerReply) -> Result<Answer, InputFailure>,
                             handle: (WorkerRequest, Result<Answer, InputFailure>) -> Void) throws -> Int {
        var started = 0
        signal(SIGPIPE, SIG_IGN)
        var queue = requests.makeIterator()
        var exhausted = false
        // The next request, taken from the sequence while every worker is busy, so that making it
        // (for a review: reading the file's reports) never keeps a worker that has finished waiting.
        var ahead: WorkerRequest?
        func nextRequest() -> WorkerRequest? {
            if let request = ahead {
                ahead = nil
                return request
            }
            return queue.next()
        }
        let slots = (0..<configuration.workers).map { _ in Slot() }
        defer {
            // Idle workers exit when their input closes; a busy one (only after an error) is killed.
            // Every input is closed before the first reap, so the workers exit side by side.
            for slot in slots {
                if slot.request != nil { slot.process?.kill() }
                slot.process?.closeInput()
            }
            for slot in slots { slot.process?.reap() }
        }

        // Answers are handed to `handle` only after the idle workers have their next document,
        // so the batch validates and writes one report while the workers read the next ones.
        var answered: [(WorkerRequest, Result<Answer, InputFailure>)] = []

        func finish(_ slot: Slot, _ result: Result<Answer, InputFailure>) {
            if let request = slot.request { answered.append((request, result)) }
            slot.request = nil
        }

        func retire(_ slot: Slot) -> WorkerTermination? {
            guard let process = slot.process else { return nil }
            slot.process = nil
            return process.reap()
        }

        /// Gives every idle slot a request, starting a worker where the slot has none.
        func dispatch() throws {
            for slot in slots where slot.request == nil && !exhausted {
                guard let request = nextRequest() else { exhausted = true; break }
                if slot.process == nil {
                    slot.process = try WorkerProcess.launch(executable: configuration.executable,
                                                            arguments: configuration.arguments)
                    started += 1
                }
                slot.request = request
                slot.started = Date()
                if slot.process?.send(request) != true {
                    slot.process?.kill()
                    let termination = retire(slot)
                    finish(slot, .failure(InputFailure(
                        .crashed, "the worker ended before taking the document (\(termination?.description ?? "unknown")); retry the file alone")))
                }
            }
        }

        func handleAnswered() {
            let batch = answered
            answered.removeAll(keepingCapacity: true)
            for (request, result) in batch { handle(request, result) }
        }

        while true {
            do {
                try dispatch()
            } catch {
                handleAnswered()
                throw error
            }
            handleAnswered()
            let busy = slots.filter { $0.request != nil && $0.process != nil }
            if busy.isEmpty && exhausted { return started }
            if busy.isEmpty { continue }
            if ahead == nil && !exhausted && busy.count == slots.count {
                ahead = queue.next()
                if ahead == nil { exhausted = true }
            }

            var descriptors = busy.map { pollfd(fd: $0.process!.output, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), 200)
            if ready < 0 && errno != EINTR { throw WorkerLaunchError(description: "poll failed: errno \(errno)") }

            for (slot, descriptor) in zip(busy, descriptors) where descriptor.revents != 0 {
                guard let process = slot.process else { continue }
                switch process.read() {
                case .partial:
                    break
                case .reply(let reply):
                    process.answered += 1
                    finish(slot, answer(reply))
                    if let process = slot.process, process.answered >= configuration.recycleAfter {
                        process.closeInput()
                        _ = retire(slot)
                    }
                case .broken(let reason):
                    process.kill()
                    _ = retire(slot)
                    finish(slot, .failure(InputFailure(.crashed, "\(reason); retry the file alone")))
                case .closed:
                    let termination = retire(slot)
                    finish(slot, .failure(InputFailure(
                        .crashed,
                        "the worker reading this document died (\(termination?.description ?? "unknown")); the file may be damaged or hostile")))
                }
            }

            // Enforce the time and memory limits.
            let now = Date()
            for slot in slots where slot.request != nil {
                guard let process = slot.process else { continue }
                if now.timeIntervalSince(slot.started) > configuration.timeout {
                    process.kill()
                    _ = retire(slot)
                    finish(slot, .failure(InputFailure(
                        .timeout, "reading took longer than \(Self.seconds(configuration.timeout)) s; the worker was stopped (raise --timeout if the file is just large)")))
                } else if let resident = process.residentBytes(), resident > configuration.memoryLimit {
                    process.kill()
                    _ = retire(slot)
                    finish(slot, .failure(InputFailure(
                        .memory, "reading used more than \(configuration.memoryLimit >> 20) MiB of memory; the worker was stopped")))
                }
            }
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
