import Foundation

/// A one-line progress bar for a terminal: done/total, rate and time left.
///
/// Redraws in place with a carriage return; ``finish()`` clears the line so the summary that
/// follows starts clean.
public final class ProgressBar {
    private let output: FileHandle
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    public init(output: FileHandle = .standardError) {
        self.output = output
    }

    /// The bar's text for `done` of `total` after `elapsed` seconds.
    public static func line(done: Int, total: Int, elapsed: Double, width: Int = 30) -> String {
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : nil
        let etaText = eta.map { Self.duration($0) } ?? "--"
        return "[\(bar)] \(done)/\(total) \(String(format: "%.1f", rate))/s ETA \(etaText)"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
    }

    /// Redraws, at most ten times a second (and always for the last document).
    public func update(done: Int, total: Int) {
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drawn = true
        output.write(Data(("\r" + Self.line(done: done, total: total, elapsed: now.timeIntervalSince(started)) + "\u{1B}[K").utf8))
    }

    public func finish() {
        if drawn { output.write(Data("\r\u{1B}[K".utf8)) }
    }
}
