import CPoppler
import Foundation
import ScrutinyCore

/// A failure reported by GLib or poppler through a `GError`.
struct GLibFailure: Error {
    let domain: String
    let code: Int32
    let message: String

    /// Converts and frees `error` (takes ownership).
    init(taking error: UnsafeMutablePointer<GError>?) {
        guard let error else {
            self.domain = "unknown"
            self.code = -1
            self.message = "no error detail"
            return
        }
        defer { g_error_free(error) }
        domain = g_quark_to_string(error.pointee.domain).map { String(cString: $0) } ?? "unknown"
        code = error.pointee.code
        message = error.pointee.message.map { String(cString: $0) } ?? ""
    }

    private static let popplerDomain = String(cString: g_quark_to_string(poppler_error_quark()))

    /// The contract's failure for this error.
    var inputFailure: InputFailure {
        if domain == Self.popplerDomain {
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                return InputFailure(.encrypted, "the PDF needs a password to open; decrypt it (e.g. `qpdf --decrypt`) and retry")
            }
            return InputFailure(.corrupt, "the PDF is damaged or truncated (poppler: \(message)); get a fresh copy or re-export it")
        }
        return InputFailure(.unreadable, "cannot open the file (\(message)); check the path and its permissions")
    }
}

/// Takes ownership of a `gchar*` and returns it as a `String`.
func takeGString(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
    guard let pointer else { return nil }
    defer { g_free(pointer) }
    return String(cString: pointer)
}

/// One open poppler document. Not `Sendable`: a document lives in the task that opened it.
final class PopplerFile {
    let raw: OpaquePointer

    /// Opens the file at `path` (made absolute and turned into a URI, as poppler wants).
    init(path: String) throws(InputFailure) {
        var error: UnsafeMutablePointer<GError>?
        guard let absolute = g_canonicalize_filename(path, nil) else {
            throw InputFailure(.unreadable, "cannot resolve the path; check it")
        }
        defer { g_free(absolute) }
        guard let uri = g_filename_to_uri(absolute, nil, &error) else { throw GLibFailure(taking: error).inputFailure }
        defer { g_free(uri) }
        guard let document = poppler_document_new_from_file(uri, nil, &error) else {
            throw GLibFailure(taking: error).inputFailure
        }
        raw = document
    }

    /// Opens in-memory bytes. Never given a password: poppler's bytes API crashes on a wrong one.
    init(data: Data) throws(InputFailure) {
        var error: UnsafeMutablePointer<GError>?
        let bytes = data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(bytes) }
        guard let document = poppler_document_new_from_bytes(bytes, nil, &error) else {
            throw GLibFailure(taking: error).inputFailure
        }
        raw = document
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(raw)) }

    var metadata: DocumentMetadata {
        let created = poppler_document_get_creation_date(raw)
        let iso = created > 0 ? InternetDateTime.string(secondsSince1970: Int(created)) : nil
        func clean(_ value: String?) -> String? {
            guard let value = value?.trimmingSpaces(), !value.isEmpty else { return nil }
            return value
        }
        return DocumentMetadata(title: clean(takeGString(poppler_document_get_title(raw))),
                                author: clean(takeGString(poppler_document_get_author(raw))), created: iso)
    }
}

/// A moment as an RFC 3339 / ISO 8601 internet date-time in UTC, "2025-07-09T10:00:00Z": the
/// shape `ISO8601DateFormatter` gives with `.withInternetDateTime`, written by hand because a
/// formatter costs far more to create than one date costs to write.
enum InternetDateTime {
    static func string(secondsSince1970 seconds: Int) -> String {
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSince1970: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(secondOfDay / 3600, 2) + ":"
            + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2) + "Z"
    }

    /// The proleptic Gregorian date `days` days after 1970-01-01 (Howard Hinnant's days-to-civil).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Int {
    /// Division rounding toward negative infinity.
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
