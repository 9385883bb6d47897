/// When and how pages are read by OCR.
public struct OCRSettings: Sendable, Hashable, Codable {
    /// Which pages OCR reads.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// Pages with no usable text layer (no characters, a handful only, or glyphs without Unicode).
        case auto
        /// No page: a PDF without a text layer gives an empty report and `no_text_layer`.
        case never
        /// Every page, its text layer ignored.
        case always
    }

    public var mode: Mode
    /// The resolution pages are rendered at for OCR.
    public var dpi: Double
    /// Pages whose mean word confidence (0-100) is below this get a warning of their own.
    public var confidenceFloor: Double
    /// Pages read with a mean word confidence below this keep their text layer (usually none):
    /// what OCR reads in a photograph or a map is noise, not text.
    public var discardBelow: Double

    public init(mode: Mode = .auto, dpi: Double = 300, confidenceFloor: Double = 60, discardBelow: Double = 40) {
        self.mode = mode
        self.dpi = dpi
        self.confidenceFloor = confidenceFloor
        self.discardBelow = discardBelow
    }

    /// What `extract` does unless told otherwise.
    public static let standard = OCRSettings()
    /// Text layers only.
    public static let off = OCRSettings(mode: .never)
}
