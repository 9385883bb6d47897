import CPoppler
import Foundation
import ScrutinyCore

/// One page of a PDF drawn as a PNG image, with the size of the page it shows.
public struct PageImage: Sendable, Hashable {
    /// 1-based page number.
    public var page: Int
    /// The page's size in points, in the space its text boxes (``Box``) are measured in.
    public var width: Double
    public var height: Double
    /// The image's size in pixels.
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// The PNG file's bytes.
    public var png: [UInt8]
}

/// Draws the pages of one PDF as PNG images, through poppler's cairo renderer.
///
/// The PDF is opened once; each page is drawn on white at the resolution asked, as the page is
/// printed (annotations meant for print included; no text is gathered for selection, which a
/// viewer's renderer does as it draws), and encoded by `CPNGEncoder` (grey where the page is
/// grey). Not `Sendable`: a renderer lives in the task that opened it.
///
/// ```swift
/// let pdf = try PDFPageRenderer(data: bytes)
/// if let image = pdf.image(ofPage: 3, dpi: 100) { try Data(image.png).write(to: url) }
/// ```
public final class PDFPageRenderer {
    private let file: PopplerFile
    /// The pixels pages are drawn into, kept from page to page.
    private let canvas = Canvas()

    /// Opens the PDF in `data`.
    /// - Throws: ``InputFailure`` `.encrypted` or `.corrupt` when poppler cannot open it.
    public init(data: Data) throws(InputFailure) {
        do {
            file = try PopplerFile(data: data)
        } catch {
            throw error
        }
    }

    /// How many pages the PDF has.
    public var pageCount: Int { Int(poppler_document_get_n_pages(file.raw)) }

    /// The size in points of page `number` (1-based), turned as the page is shown; `nil` past the end.
    public func size(ofPage number: Int) -> (width: Double, height: Double)? {
        guard let page = page(number) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        return (width, height)
    }

    /// Page `number` (1-based) drawn at `dpi`; `nil` past the end or when cairo cannot make the image.
    public func image(ofPage number: Int, dpi: Double) -> PageImage? {
        guard let page = page(number) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let scale = dpi / 72
        let pixelWidth = max(1, Int((width * scale).rounded(.up)))
        let pixelHeight = max(1, Int((height * scale).rounded(.up)))
        guard width > 0, height > 0, pixelWidth <= 16_384, pixelHeight <= 16_384 else { return nil }

        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(pixelWidth)))
        guard stride >= pixelWidth * 4 else { return nil }
        let pixels = canvas.paper(stride: stride, rows: pixelHeight)
        guard let surface = cairo_image_surface_create_for_data(pixels.baseAddress, CAIRO_FORMAT_RGB24, Int32(pixelWidth),
                                                                Int32(pixelHeight), Int32(stride)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else { return nil }
        cairo_scale(context, scale, scale)
        poppler_page_render_for_printing(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)

        guard let png = PNGEncoding.encode(xrgb: UnsafeRawBufferPointer(pixels), width: pixelWidth, height: pixelHeight,
                                           stride: stride, paperRows: &canvas.paperRows) else { return nil }
        canvas.drew(stride: stride, rows: pixelHeight)
        return PageImage(page: number, width: width, height: height, pixelWidth: pixelWidth, pixelHeight: pixelHeight, png: png)
    }

    /// One buffer of pixels, grown as pages need and made white before each page: cheaper than a
    /// fresh cairo surface a page, which is zeroed, faulted in and then painted white. After a page
    /// of the same size, only the rows it drew on are painted white again (the encoder finds them).
    private final class Canvas {
        private var storage: UnsafeMutableRawBufferPointer?
        /// Which rows of the last page drawn are white in every pixel, as the encoder found them.
        var paperRows: [Bool] = []
        /// The size of the last page drawn and encoded; zero while `paperRows` is not to be trusted.
        private var drawn = (stride: 0, rows: 0)

        deinit { storage?.deallocate() }

        /// `rows` rows of `stride` bytes of white (0xFF, white in cairo's RGB24), valid until the next call.
        func paper(stride: Int, rows: Int) -> UnsafeMutableRawBufferPointer {
            let count = stride * rows
            let reusable = storage.map { $0.count >= count } ?? false
            if !reusable {
                storage?.deallocate()
                storage = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
            }
            let paper = UnsafeMutableRawBufferPointer(rebasing: storage![0..<count])
            if reusable && drawn == (stride, rows) && paperRows.count == rows {
                for y in 0..<rows where !paperRows[y] {
                    UnsafeMutableRawBufferPointer(rebasing: paper[(y * stride)..<((y + 1) * stride)])
                        .initializeMemory(as: UInt8.self, repeating: 0xFF)
                }
            } else {
                paper.initializeMemory(as: UInt8.self, repeating: 0xFF)
            }
            drawn = (0, 0)
            return paper
        }

        /// Records that the page just drawn (`rows` rows of `stride` bytes) was encoded, so
        /// `paperRows` tells its white rows.
        func drew(stride: Int, rows: Int) { drawn = (stride, rows) }
    }

    private func page(_ number: Int) -> OpaquePointer? {
        guard number >= 1, number <= pageCount else { return nil }
        return poppler_document_get_page(file.raw, Int32(number - 1))
    }
}
