import CSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a worker process ended.
enum WorkerTermination: Equatable {
    case exited(Int32)
    case signalled(Int32)

    /// "signal 6 (SIGABRT)" or "exit status 3".
    var description: String {
        switch self {
        case .exited(let status): return "exit status \(status)"
        case .signalled(let signal): return "signal \(signal) (\(Self.signalName(signal)))"
        }
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGABRT: return "SIGABRT"
        case SIGSEGV: return "SIGSEGV"
        case SIGBUS: return "SIGBUS"
        case SIGILL: return "SIGILL"
        case SIGTRAP: return "SIGTRAP"
        case SIGFPE: return "SIGFPE"
        case SIGKILL: return "SIGKILL"
        case SIGTERM: return "SIGTERM"
        default: return "SIG\(signal)"
        }
    }
}

/// Why a worker process could not be started.
public struct WorkerLaunchError: Error, CustomStringConvertible {
    public var description: String
}

/// `fcntl`'s F_SETPIPE_SZ (Linux), which Swift's Glibc module does not import.
private let setPipeSize: Int32 = 1031
/// The capacity asked for the pipe that carries a worker's replies.
private let replyPipeSize: Int32 = 1 << 20

/// One running `scrutiny worker` process and the two pipes to it, seen from the batch.
///
/// Not thread-safe: the ``WorkerPool`` drives all its workers from one thread.
final class WorkerProcess {
    let pid: pid_t
    /// Write end of the worker's standard input.
    private(set) var input: Int32
    /// Read end of the worker's standard output.
    let output: Int32
    /// Requests answered so far.
    var answered = 0
    private var pending = Data()
    /// The header of a reply whose body has not all arrived yet.
    private var header: WorkerReplyHeader?
    /// Where each `read(2)` lands, reused.
    private var readBuffer = [UInt8](repeating: 0, count: Int(replyPipeSize))
    /// How far `pending` is known to hold no newline, so long replies are scanned once.
    private var scanned = 0
    private var reaped: WorkerTermination?

    private init(pid: pid_t, input: Int32, output: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
    }

    /// Starts `executable arguments...` with pipes on its standard input and output; its standard
    /// error goes to `/dev/null`. The child closes every other descriptor, and the pipes are made
    /// close-on-exec, so no other process (a worker another pool starts at the same moment, say)
    /// holds an end open and hides this worker's exit.
    static func launch(executable: String, arguments: [String]) throws -> WorkerProcess {
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard cspawn_pipe_cloexec(&toChild) == 0 else { throw WorkerLaunchError(description: "cannot make a pipe: errno \(errno)") }
        guard cspawn_pipe_cloexec(&fromChild) == 0 else {
            close(toChild[0]); close(toChild[1])
            throw WorkerLaunchError(description: "cannot make a pipe: errno \(errno)")
        }
        // Room for a whole reply (most are under 1 MiB): the worker writes it without waiting
        // for the batch to drain 64 KiB at a time, and the batch reads it in a few calls.
        // Best effort: where the system refuses, the pipe keeps its default size.
        _ = fcntl(fromChild[0], setPipeSize, replyPipeSize)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        _ = cspawn_actions_close_from(&actions, STDERR_FILENO + 1)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1]); close(fromChild[0])
            throw WorkerLaunchError(description: "cannot start the worker \(executable): \(String(cString: strerror(status)))")
        }
        return WorkerProcess(pid: pid, input: toChild[1], output: fromChild[0])
    }

    /// Sends one request; false when the worker is gone.
    func send(_ request: WorkerRequest) -> Bool {
        guard input >= 0, let data = try? WorkerWire.encode(request) else { return false }
        return data.withUnsafeBytes { buffer -> Bool in
            guard var base = buffer.baseAddress else { return false }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(input, base, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                remaining -= written
                base += written
            }
            return true
        }
    }

    /// What one read from the worker's output gave.
    enum ReadOutcome {
        /// A whole reply: its header line and every byte it announced.
        case reply(WorkerReply)
        /// A line that is not a reply header, or a header whose parts cannot be told apart:
        /// the worker is broken and must be stopped. Carries the reason, for the failure.
        case broken(String)
        /// Some bytes, no whole reply yet.
        case partial
        /// The worker closed its output: it has ended.
        case closed
    }

    /// Reads what is available (call after `poll` says the output is readable).
    func read() -> ReadOutcome {
        if let outcome = takeReply() { return outcome }
        let count = readBuffer.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return .partial }
        if count <= 0 { return .closed }
        pending.append(contentsOf: readBuffer[0..<count])
        return takeReply() ?? .partial
    }

    /// The next whole reply in `pending`, or nil while bytes are still missing.
    private func takeReply() -> ReadOutcome? {
        if header == nil {
            guard let line = takeLine() else { return nil }
            guard let decoded = try? WorkerWire.decode(WorkerReplyHeader.self, from: line) else {
                return .broken("the worker sent a reply that is not JSON")
            }
            guard decoded.isWellFramed else { return .broken("the worker sent a malformed reply") }
            header = decoded
        }
        guard let header, pending.count >= header.bodySize else { return nil }
        let end = pending.startIndex + header.bodySize
        let body = Data(pending[pending.startIndex..<end])
        pending = Data(pending[end...])
        self.header = nil
        return .reply(WorkerReply(header: header, body: body))
    }

    private func takeLine() -> Data? {
        let from = pending.startIndex + scanned
        guard let newline = pending[from...].firstIndex(of: 0x0A) else {
            scanned = pending.count
            return nil
        }
        let line = Data(pending[pending.startIndex..<newline])
        pending = Data(pending[(newline + 1)...])
        scanned = 0
        return line
    }

    /// Resident memory in bytes, from `/proc/<pid>/statm`.
    func residentBytes() -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = UInt64(fields[1]) else { return nil }
        return pages * UInt64(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Kills the worker at once.
    func kill() {
        if reaped == nil { _ = Glibc.kill(pid, SIGKILL) }
    }

    /// Closes its input so it finishes and exits by itself.
    func closeInput() {
        if input >= 0 { close(input); input = -1 }
    }

    /// Closes the pipes and waits for the worker to end. One still running after `grace`
    /// seconds (a worker ignoring the end of its input) is killed, so the batch never hangs on it.
    @discardableResult
    func reap(grace: Double = 2) -> WorkerTermination {
        if let reaped { return reaped }
        closeInput()
        close(output)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(grace)
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { break }
            if result == 0 && Date() >= deadline {
                kill()
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                break
            }
            if result == 0 { usleep(1_000) }
        }
        let termination: WorkerTermination = (status & 0x7f) == 0
            ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
        reaped = termination
        return termination
    }
}
