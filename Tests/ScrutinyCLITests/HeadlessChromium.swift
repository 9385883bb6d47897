import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// commands on its descriptor 3, answers and events on 4, each a JSON text ended by a NUL).
///
/// Enough of the protocol for the review's tests: open a tab, load a page and wait for its load
/// event, evaluate script in it, collect what it logged (console calls, uncaught exceptions,
/// failed loads and blocked requests), size the viewport and take a screenshot.
final class HeadlessChromium: @unchecked Sendable {
    /// The browser to run: `SCRUTINY_CHROMIUM`, else the first of Debian's `chromium` and the
    /// usual other names found on the path.
    static let executable: String? = {
        if let given = ProcessInfo.processInfo.environment["SCRUTINY_CHROMIUM"], !given.isEmpty { return given }
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in path where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
        }
        return nil
    }()

    static var isAvailable: Bool { executable != nil }

    struct ProtocolError: Error, CustomStringConvertible {
        var description: String
    }

    private let pid: pid_t
    private let commands: Int32
    private let replies: Int32
    private let profile: URL
    private var nextID = 0
    private let condition = NSCondition()
    private var responses: [Int: [String: Any]] = [:]
    private var events: [[String: Any]] = []
    private var closed = false

    init() throws {
        guard let executable = Self.executable else { throw ProtocolError(description: "no chromium on this machine") }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("scrutiny-chromium-\(UUID().uuidString)")
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw ProtocolError(description: "cannot make pipes") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addclose(&actions, toBrowser[1])
        posix_spawn_file_actions_addclose(&actions, fromBrowser[0])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            "--user-data-dir=\(profile.path)", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--mute-audio", "--hide-scrollbars", "about:blank",
        ]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard status == 0 else {
            close(toBrowser[1]); close(fromBrowser[0])
            throw ProtocolError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        commands = toBrowser[1]
        replies = fromBrowser[0]
        let thread = Thread { [weak self] in self?.readReplies() }
        thread.start()
    }

    deinit {
        _ = try? send("Browser.close", timeout: 5)
        close(commands)
        var status: Int32 = 0
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) == pid { break }
            usleep(100_000)
        }
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        close(replies)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Reads NUL-ended messages until the browser closes its end.
    private func readReplies() {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(replies, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            while let end = pending.firstIndex(of: 0) {
                let message = pending[pending.startIndex..<end]
                pending = Data(pending[(end + 1)...])
                guard let object = try? JSONSerialization.jsonObject(with: message) as? [String: Any] else { continue }
                condition.lock()
                if let id = object["id"] as? Int { responses[id] = object } else { events.append(object) }
                condition.broadcast()
                condition.unlock()
            }
        }
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Sends one command and waits for its answer's `result`.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: Double = 30) throws -> [String: Any] {
        condition.lock()
        nextID += 1
        let id = nextID
        condition.unlock()
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        let written = data.withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
        guard written == data.count else { throw ProtocolError(description: "\(method): the browser is gone") }
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while responses[id] == nil {
            if closed { throw ProtocolError(description: "\(method): the browser closed") }
            if !condition.wait(until: deadline) { throw ProtocolError(description: "\(method): no answer in \(Int(timeout)) s") }
        }
        let response = responses.removeValue(forKey: id)!
        if let error = response["error"] as? [String: Any] { throw ProtocolError(description: "\(method): \(error)") }
        return response["result"] as? [String: Any] ?? [:]
    }

    /// Waits for an event of `session` named `method` that arrived after event number `after`.
    private func waitForEvent(_ method: String, session: String, after: Int, timeout: Double) throws {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !events[min(after, events.count)...].contains(where: { $0["method"] as? String == method && $0["sessionId"] as? String == session }) {
            if closed { throw ProtocolError(description: "the browser closed while waiting for \(method)") }
            if !condition.wait(until: deadline) { throw ProtocolError(description: "no \(method) in \(Int(timeout)) s") }
        }
    }

    /// One tab.
    final class Tab {
        let browser: HeadlessChromium
        let session: String
        private var firstEvent = 0

        fileprivate init(browser: HeadlessChromium, session: String) {
            self.browser = browser
            self.session = session
        }

        /// Loads `url` and waits for its load event (deferred scripts have run by then).
        func load(_ url: URL, timeout: Double = 30) throws {
            browser.condition.lock()
            firstEvent = browser.events.count
            browser.condition.unlock()
            try browser.send("Page.navigate", ["url": url.absoluteString], session: session)
            try browser.waitForEvent("Page.loadEventFired", session: session, after: firstEvent, timeout: timeout)
        }

        /// The value of `expression` (a promise is awaited), as JSON turns it into Foundation values.
        func evaluate(_ expression: String) throws -> Any? {
            let result = try browser.send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true],
                                          session: session)
            if let exception = result["exceptionDetails"] as? [String: Any] {
                throw ProtocolError(description: "script failed: \(exception["text"] ?? "") \((exception["exception"] as? [String: Any])?["description"] ?? "")")
            }
            return (result["result"] as? [String: Any])?["value"]
        }

        /// A JSON text the page's script builds, decoded.
        func evaluateJSON<T: Decodable>(_ type: T.Type, _ expression: String) throws -> T {
            guard let text = try evaluate(expression) as? String else { throw ProtocolError(description: "the script gave no JSON text") }
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        }

        /// What the page logged since it was loaded: console errors, warnings and assertions,
        /// uncaught exceptions, and the browser's own errors (a failed load, a blocked request).
        var problems: [String] {
            browser.condition.lock()
            defer { browser.condition.unlock() }
            return browser.events[min(firstEvent, browser.events.count)...].filter { $0["sessionId"] as? String == session }.compactMap { event in
                let params = event["params"] as? [String: Any] ?? [:]
                switch event["method"] as? String {
                case "Runtime.consoleAPICalled":
                    let type = params["type"] as? String ?? ""
                    guard ["error", "warning", "assert"].contains(type) else { return nil }
                    let text = (params["args"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? $0["description"] ?? "")" }.joined(separator: " ")
                    return "console.\(type): \(text)"
                case "Runtime.exceptionThrown":
                    let details = params["exceptionDetails"] as? [String: Any] ?? [:]
                    return "uncaught: \(details["text"] ?? "") \((details["exception"] as? [String: Any])?["description"] ?? "")"
                case "Log.entryAdded":
                    let entry = params["entry"] as? [String: Any] ?? [:]
                    guard entry["level"] as? String == "error" else { return nil }
                    return "\(entry["source"] ?? "log"): \(entry["text"] ?? "") \(entry["url"] ?? "")"
                default:
                    return nil
                }
            }
        }

        /// Sets the viewport (CSS pixels; `mobile` as a phone lays pages out).
        func resize(width: Int, height: Int, mobile: Bool = false) throws {
            try browser.send("Emulation.setDeviceMetricsOverride",
                             ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile], session: session)
        }

        /// A PNG of the viewport as it is.
        func screenshot() throws -> Data {
            let result = try browser.send("Page.captureScreenshot", ["format": "png"], session: session)
            guard let text = result["data"] as? String, let data = Data(base64Encoded: text) else {
                throw ProtocolError(description: "no screenshot")
            }
            return data
        }
    }

    /// Opens a tab, with its runtime, log and page events on.
    func tab() throws -> Tab {
        let target = try send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw ProtocolError(description: "no target") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw ProtocolError(description: "no session") }
        for domain in ["Runtime.enable", "Log.enable", "Page.enable"] { try send(domain, session: session) }
        return Tab(browser: self, session: session)
    }
}
