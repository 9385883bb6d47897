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

    var pageCount: Int { Int(poppler_document_get_n_pages(raw)) }

    /// The 0-based page `index`.
    func page(_ index: Int) -> PopplerPageHandle? {
        poppler_document_get_page(raw, Int32(index)).map(PopplerPageHandle.init)
    }

    var metadata: DocumentMetadata {
        let created = poppler_document_get_creation_date(raw)
        var iso: String?
        if created > 0 {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            iso = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(created)))
        }
        func clean(_ value: String?) -> String? {
            guard let value = value?.trimmingSpaces(), !value.isEmpty else { return nil }
            return value
        }
        return DocumentMetadata(title: clean(takeGString(poppler_document_get_title(raw))),
                                author: clean(takeGString(poppler_document_get_author(raw))), created: iso)
    }
}

/// One poppler page. Not `Sendable`.
final class PopplerPageHandle {
    let raw: OpaquePointer

    init(_ raw: OpaquePointer) { self.raw = raw }
    deinit { g_object_unref(UnsafeMutableRawPointer(raw)) }

    var size: (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        poppler_page_get_size(raw, &width, &height)
        return (width, height)
    }

    /// The page's characters with a box and a style each, from poppler's one cached text page:
    /// text, layout boxes and attribute runs are asked for together.
    func glyphs() -> PageGlyphs {
        guard let text = poppler_page_get_text(raw) else { return PageGlyphs() }
        defer { g_free(text) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var rectangleCount: guint = 0
        let hasLayout = poppler_page_get_text_layout(raw, &rectangles, &rectangleCount) != 0
        defer { if let rectangles { g_free(rectangles) } }
        let attributes = poppler_page_get_text_attributes(raw)
        defer { if let attributes { poppler_page_free_text_attributes(attributes) } }

        var glyphs = PageGlyphs()
        glyphs.scalars = Array(String(cString: text).unicodeScalars)
        let count = hasLayout ? min(glyphs.scalars.count, Int(rectangleCount)) : 0
        glyphs.scalars.removeSubrange(count...)
        glyphs.boxes.reserveCapacity(count)
        if let rectangles {
            for index in 0..<count {
                let r = rectangles[index]
                glyphs.boxes.append(GlyphBox(x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y2))
            }
        }
        glyphs.styleIndex = [Int32](repeating: -1, count: count)
        var boldFonts: [String: Bool] = [:]
        var node = attributes
        while let current = node {
            let attribute = current.pointee.data.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
            let font = attribute.font_name.map { String(cString: $0) } ?? ""
            let isBold: Bool
            if let known = boldFonts[font] {
                isBold = known
            } else {
                isBold = GlyphStyle.isBoldFont(font)
                boldFonts[font] = isBold
            }
            let style = GlyphStyle(size: attribute.font_size, isBold: isBold)
            let styleNumber = Int32(glyphs.styles.count)
            glyphs.styles.append(style)
            let start = max(0, Int(attribute.start_index))
            let end = min(count - 1, Int(attribute.end_index))
            if start <= end { for index in start...end { glyphs.styleIndex[index] = styleNumber } }
            node = current.pointee.next
        }
        return glyphs
    }
}
