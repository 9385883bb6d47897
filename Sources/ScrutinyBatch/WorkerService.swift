import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The loop a worker process runs: one JSON request per line on standard input, one reply
/// (``WorkerReplyHeader``) per request on standard output, until standard input closes. A
/// request is an extraction, or with its `preview` set, the preparation of a file's pages for
/// the review.
///
/// The worker caps its own address space (`RLIMIT_AS`) so a runaway document fails the worker,
/// not the machine, and exits by itself when the batch that started it is gone.
public struct WorkerService {
    public var processor: DocumentProcessor
    /// Address-space cap in bytes, or `nil` for none.
    public var addressSpaceLimit: UInt64?

    public init(processor: DocumentProcessor = DocumentProcessor(hook: .fromEnvironment()),
                addressSpaceLimit: UInt64? = 8 << 30) {
        self.processor = processor
        self.addressSpaceLimit = addressSpaceLimit
    }

    public func run() {
        if let addressSpaceLimit {
            var limit = rlimit(rlim_cur: rlim_t(addressSpaceLimit), rlim_max: rlim_t(addressSpaceLimit))
            _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        }
        Self.exitWhenOrphaned()
        while let line = readLine(strippingNewline: true) {
            guard !line.isEmpty, let request = try? WorkerWire.decode(WorkerRequest.self, from: Data(line.utf8)) else { continue }
            let data: Data?
            if let preview = request.preview {
                data = try? WorkerWire.reply(file: request.file, preview: processor.preview(request, preview))
            } else {
                data = try? WorkerWire.reply(to: processor.process(request))
            }
            guard let data else { continue }
            Self.writeAll(data, to: STDOUT_FILENO)
        }
    }

    /// Exits when the parent process dies (the worker is then re-parented), so a worker stuck
    /// on a document never outlives a killed batch.
    private static func exitWhenOrphaned() {
        let parent = getppid()
        Thread.detachNewThread {
            while true {
                sleep(1)
                if getppid() != parent { _exit(0) }
            }
        }
    }

    static func writeAll(_ data: Data, to descriptor: Int32) {
        data.withUnsafeBytes { buffer in
            guard var base = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(descriptor, base, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    _exit(0)
                }
                remaining -= written
                base += written
            }
        }
    }
}
