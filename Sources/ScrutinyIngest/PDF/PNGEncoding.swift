import CPNGEncoder

/// PNG files from 32-bit pixel buffers, through `CPNGEncoder` (fast on rendered pages: rows that
/// repeat and runs of paper cost almost nothing; grey where every pixel is grey).
public enum PNGEncoding {
    /// The PNG bytes of `height` rows of `width` pixels, each a native-endian 32-bit word
    /// 0x??RRGGBB (cairo's RGB24; the top byte is ignored), rows `stride` bytes apart.
    /// - Returns: `nil` when the buffer is smaller than the sizes say, or memory runs out.
    public static func encode(xrgb pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int) -> [UInt8]? {
        guard width > 0, height > 0, stride >= width * 4, pixels.count >= stride * (height - 1) + width * 4,
              let base = pixels.baseAddress?.assumingMemoryBound(to: UInt8.self),
              let width32 = Int32(exactly: width), let height32 = Int32(exactly: height), let stride32 = Int32(exactly: stride)
        else { return nil }
        var encoded = scrutiny_png()
        guard scrutiny_png_encode(base, width32, height32, stride32, &encoded) == 0, let bytes = encoded.bytes else { return nil }
        defer { scrutiny_png_free(&encoded) }
        return [UInt8](UnsafeBufferPointer(start: bytes, count: encoded.count))
    }

    /// The PNG bytes, as ``encode(xrgb:width:height:stride:)``, and in `paperRows` (resized to
    /// `height`) whether each row is white in every pixel: rows that need no painting white again
    /// before the next page is drawn into the same pixels. `paperRows` is only meaningful when
    /// bytes are returned.
    public static func encode(xrgb pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int,
                              paperRows: inout [Bool]) -> [UInt8]? {
        guard width > 0, height > 0, stride >= width * 4, pixels.count >= stride * (height - 1) + width * 4,
              let base = pixels.baseAddress?.assumingMemoryBound(to: UInt8.self),
              let width32 = Int32(exactly: width), let height32 = Int32(exactly: height), let stride32 = Int32(exactly: stride)
        else { return nil }
        if paperRows.count != height { paperRows = [Bool](repeating: false, count: height) }
        var encoded = scrutiny_png()
        let status = paperRows.withUnsafeMutableBytes { rows in
            scrutiny_png_encode_finding_paper(base, width32, height32, stride32, &encoded, rows.baseAddress?.assumingMemoryBound(to: UInt8.self))
        }
        guard status == 0, let bytes = encoded.bytes else { return nil }
        defer { scrutiny_png_free(&encoded) }
        return [UInt8](UnsafeBufferPointer(start: bytes, count: encoded.count))
    }
}
