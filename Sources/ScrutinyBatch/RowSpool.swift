import Foundation
import ScrutinyExport
#if canImport(Glibc)
import Glibc
#endif

/// The table rows of reports that arrived before their turn in the tables (see ``TableFeed``),
/// parked on disk until it comes, so a run's memory stays flat however many reports it writes.
///
/// The bytes go to a file in the output folder that is unlinked as soon as it is opened: it
/// never shows in the folder and vanishes with the process, however the run ends.
final class RowSpool {
    private let descriptor: Int32
    private let path: String
    private var end: off_t = 0
    /// Where each document's rows lie: their offset and the size of each part.
    private var places: [String: (offset: off_t, sizes: [Int])] = [:]

    /// Opens the spool in `directory`.
    init(directory: URL) throws {
        path = directory.appendingPathComponent(".rows.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RowSpoolError(action: "create", path: path, code: errno) }
        unlink(path)
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Parks `rows` as the rows of `documentID` (a later call for the same id wins).
    func park(_ rows: ReportRows, for documentID: String) throws {
        let parts = rows.parts
        var offset = end
        // Each part is written from its own bytes, one after the other: no copy into one buffer.
        for part in parts {
            var written = 0
            while written < part.count {
                let count = part.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + written, $0.count - written, offset + off_t(written)) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw RowSpoolError(action: "write", path: path, code: errno)
                }
                written += count
            }
            offset += off_t(part.count)
        }
        places[documentID] = (end, parts.map(\.count))
        end = offset
    }

    /// The rows parked for `documentID`, or nil when none were.
    func rows(for documentID: String) throws -> ReportRows? {
        guard let place = places[documentID] else { return nil }
        var parts: [[UInt8]] = []
        parts.reserveCapacity(place.sizes.count)
        var offset = place.offset
        // Each part is read straight into its own array: no copy out of one buffer.
        for size in place.sizes {
            let part = try [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                var filled = 0
                while filled < size {
                    let count = pread(descriptor, buffer.baseAddress! + filled, size - filled, offset + off_t(filled))
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { throw RowSpoolError(action: "read", path: path, code: count < 0 ? errno : 0) }
                    filled += count
                }
                initialized = size
            }
            parts.append(part)
            offset += off_t(size)
        }
        return ReportRows(parts: parts)
    }
}

/// The spool of table rows failed; the message names the step and the system error.
struct RowSpoolError: Error, CustomStringConvertible {
    var action: String
    var path: String
    var code: Int32

    var description: String {
        "cannot \(action) the temporary table rows \(path): \(String(cString: strerror(code))); check the free space of the output folder"
    }
}
