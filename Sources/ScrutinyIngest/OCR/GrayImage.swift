/// A page rendered for OCR: 8-bit grey pixels, rows top to bottom, 0 black and 255 white.
struct GrayImage: Sendable {
    var width: Int
    var height: Int
    /// `height` rows of `width` bytes, without padding.
    var pixels: [UInt8]
    /// The resolution it was rendered at, in dots per inch.
    var dpi: Double

    /// Copies `height` rows of `width` bytes from rows `rowBytes` apart.
    init(width: Int, height: Int, rowBytes: Int, dpi: Double, copying base: UnsafePointer<UInt8>) {
        self.width = width
        self.height = height
        self.dpi = dpi
        var pixels = [UInt8](repeating: 255, count: width * height)
        pixels.withUnsafeMutableBufferPointer { out in
            for row in 0..<height {
                (out.baseAddress! + row * width).update(from: base + row * rowBytes, count: width)
            }
        }
        self.pixels = pixels
    }

    init(width: Int, height: Int, pixels: [UInt8], dpi: Double) {
        self.width = width
        self.height = height
        self.pixels = pixels
        self.dpi = dpi
    }

    /// The image turned clockwise by `degrees` (0, 90, 180 or 270; other values turn by 0).
    func turnedClockwise(by degrees: Int) -> GrayImage {
        switch ((degrees % 360) + 360) % 360 {
        case 90:
            // New pixel (x, y) is old (y, height - 1 - x).
            var out = [UInt8](repeating: 255, count: pixels.count)
            for y in 0..<width {
                for x in 0..<height { out[y * height + x] = pixels[(height - 1 - x) * width + y] }
            }
            return GrayImage(width: height, height: width, pixels: out, dpi: dpi)
        case 180:
            return GrayImage(width: width, height: height, pixels: pixels.reversed(), dpi: dpi)
        case 270:
            // New pixel (x, y) is old (width - 1 - y, x).
            var out = [UInt8](repeating: 255, count: pixels.count)
            for y in 0..<width {
                for x in 0..<height { out[y * height + x] = pixels[x * width + (width - 1 - y)] }
            }
            return GrayImage(width: height, height: width, pixels: out, dpi: dpi)
        default:
            return self
        }
    }

    /// True when almost every pixel is near white: a blank scanned page.
    var isBlank: Bool {
        var dark = 0
        // Every 4th pixel of every 4th row is enough to tell ink from a clean sheet.
        for row in stride(from: 0, to: height, by: 4) {
            let start = row * width
            for x in stride(from: 0, to: width, by: 4) where pixels[start + x] < 128 { dark += 1 }
        }
        let sampled = max(1, ((height + 3) / 4) * ((width + 3) / 4))
        return Double(dark) / Double(sampled) < 0.0005
    }
}
