import Foundation
import ScrutinyCore

/// What a worker is asked to prepare for the review of one input file: its pages as images
/// (PDF) or its lines (text, HTML), in a folder of their own.
///
/// Sent inside a ``WorkerRequest`` (its `preview`); a request without one is an extraction.
public struct PreviewRequest: Sendable, Hashable, Codable {
    /// The folder the images and ``SourcePreview/fileName`` go into (made when missing).
    public var folder: String
    /// The SHA-256 the reports were extracted from: a file that no longer has it is not shown,
    /// since its pages may no longer hold the records.
    public var sha256: String
    /// The format the reports say the file is in (not guessed again from its name).
    public var format: DocumentFormat
    /// The PDF pages to draw (1-based); pages whose image is already in the folder are kept.
    public var pages: [Int]
    /// Resolution of the page images.
    public var dpi: Double

    public init(folder: String, sha256: String, format: DocumentFormat, pages: [Int], dpi: Double) {
        self.folder = folder
        self.sha256 = sha256
        self.format = format
        self.pages = pages
        self.dpi = dpi
    }
}

/// What a worker did for one ``PreviewRequest``.
public struct PreviewOutcome: Sendable, Hashable, Codable {
    /// Page images drawn by this request (those already on disk are not counted).
    public var rendered: Int

    public init(rendered: Int) { self.rendered = rendered }
}

/// The manifest of one input file's preview folder (`preview.json`): the page images with the
/// sizes of the pages they show, or the lines of a text or HTML file.
///
/// Written by the worker after every image it lists, so a listed image is on disk.
public struct SourcePreview: Sendable, Hashable, Codable {
    /// The manifest's name inside the folder.
    public static let fileName = "preview.json"

    /// The SHA-256 of the file the preview shows.
    public var sha256: String
    public var format: DocumentFormat
    /// Resolution of the page images; `nil` for text and HTML.
    public var dpi: Double?
    /// The page images, by page number (PDF).
    public var pages: [PreviewPage]
    /// Every line as the reader read it (text and HTML; empty for PDF).
    public var lines: [PreviewLine]

    public init(sha256: String, format: DocumentFormat, dpi: Double?, pages: [PreviewPage] = [], lines: [PreviewLine] = []) {
        self.sha256 = sha256
        self.format = format
        self.dpi = dpi
        self.pages = pages
        self.lines = lines
    }

    /// The image of page `number`, if the preview has one.
    public func page(_ number: Int) -> PreviewPage? { pages.first { $0.number == number } }
}

/// One page image of a ``SourcePreview``.
public struct PreviewPage: Sendable, Hashable, Codable {
    /// 1-based page number.
    public var number: Int
    /// The page's size in points, the space a provenance box is measured in.
    public var width: Double
    public var height: Double
    /// The image's size in pixels.
    public var pixelWidth: Int
    public var pixelHeight: Int
    /// The image's file name inside the preview folder.
    public var image: String

    public init(number: Int, width: Double, height: Double, pixelWidth: Int, pixelHeight: Int, image: String) {
        self.number = number
        self.width = width
        self.height = height
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.image = image
    }

    /// The image file name for page `number`.
    public static func imageName(_ number: Int) -> String { "page-\(number).png" }

    enum CodingKeys: String, CodingKey {
        case number, width, height, image, pixelWidth = "pixel_width", pixelHeight = "pixel_height"
    }
}

/// One line of a text or HTML file as a ``SourcePreview`` shows it.
public struct PreviewLine: Sendable, Hashable, Codable {
    /// 1-based line number (``SourceLine/number``): the file's line for text, the block for HTML.
    public var number: Int
    public var text: String
    public var role: LineRole

    public init(number: Int, text: String, role: LineRole) {
        self.number = number
        self.text = text
        self.role = role
    }
}
