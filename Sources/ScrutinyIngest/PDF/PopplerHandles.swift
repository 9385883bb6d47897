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

    /// The document information as poppler-glib reads it: what ``PopplerTextFile/metadata`` is
    /// tested against (the reader takes it from the shim, which has the PDF open already).
    var metadata: DocumentMetadata {
        DocumentInformation.metadata(title: takeGString(poppler_document_get_title(raw)),
                                     author: takeGString(poppler_document_get_author(raw)),
                                     creationSeconds: Int64(poppler_document_get_creation_date(raw)))
    }
}
