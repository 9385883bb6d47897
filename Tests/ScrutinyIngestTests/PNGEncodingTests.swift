import Foundation
import ScrutinyIngest
import Testing

/// Python's zlib, a second opinion on the encoder's DEFLATE stream and chunks.
enum PythonPNG {
    static let python: String = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3"

    /// Checks every chunk's CRC and the zlib stream's checksum, then prints the image as JSON:
    /// its size, colour type and each row's bytes after the filter byte (hex), or raises.
    static let script = """
        import json, struct, sys, zlib
        data = sys.stdin.buffer.read()
        assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'signature'
        pos, idat, header = 8, b'', None
        while pos < len(data):
            n, = struct.unpack('>I', data[pos:pos + 4]); kind = data[pos + 4:pos + 8]; body = data[pos + 8:pos + 8 + n]
            assert zlib.crc32(kind + body) == struct.unpack('>I', data[pos + 8 + n:pos + 12 + n])[0], 'crc'
            if kind == b'IHDR': header = struct.unpack('>IIBBBBB', body)
            if kind == b'IDAT': idat += body
            pos += 12 + n
        width, height, depth, colour = header[:4]
        raw = zlib.decompress(idat)
        row = (width * depth + 7) // 8 + 1 if colour == 0 else width * 3 + 1
        assert len(raw) == height * row, 'size'
        assert all(raw[y * row] == 0 for y in range(height)), 'filter'
        print(json.dumps({'width': width, 'height': height, 'depth': depth, 'colour': colour,
                          'rows': [raw[y * row + 1:(y + 1) * row].hex() for y in range(height)]}))
        """

    struct Image: Decodable {
        var width: Int
        var height: Int
        var depth: Int
        var colour: Int
        var rows: [String]
    }

    static func decode(_ png: Data) throws -> Image {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(png)
        try input.fileHandleForWriting.close()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(Image.self, from: bytes)
    }
}

/// The page-image encoder against Python's zlib on images made to hit each of its paths.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 is not installed; the PNG checks need its zlib"))
struct PNGEncodingTests {
    /// Pixels as cairo lays them out: `0x00RRGGBB` words, rows `stride` bytes apart.
    static func encode(width: Int, height: Int, padding: Int = 0, _ pixel: (Int, Int) -> UInt32) -> Data? {
        let stride = width * 4 + padding
        var bytes = [UInt8](repeating: 0xAB, count: stride * height)
        for y in 0..<height {
            for x in 0..<width {
                let value = pixel(x, y)
                for b in 0..<4 { bytes[y * stride + x * 4 + b] = UInt8(truncatingIfNeeded: value >> (8 * b)) }
                bytes[y * stride + x * 4 + 3] = UInt8(truncatingIfNeeded: x &* 7)  // junk in the unused byte
            }
        }
        return bytes.withUnsafeBytes { PNGEncoding.encode(xrgb: $0, width: width, height: height, stride: stride) }.map { Data($0) }
    }

    static func grey(_ level: Int) -> UInt32 { UInt32(level) * 0x010101 }

    /// A page's worth of shapes: paper, repeated rows, "ink" of every grey, a vertical rule.
    static func pageLike(_ x: Int, _ y: Int) -> UInt32 {
        if x == 37 { return grey(0) }
        if (y / 9) % 3 == 1 { return grey((x * 31 + y * 17) % 256) }
        return grey(255)
    }

    /// A grey row as the encoder writes it: each level rounded to the nearest of sixteen
    /// (0, 17, … 255), two pixels a byte, an odd last pixel in the high half.
    static func grey4Row(width: Int, _ level: (Int) -> Int) -> String {
        let nibbles = (0..<width).map { x -> Int in
            let value = level(x)
            return (0..<16).min { abs($0 * 17 - value) < abs($1 * 17 - value) }!
        }
        return stride(from: 0, to: width, by: 2).map { x in
            String(format: "%02x", nibbles[x] << 4 | (x + 1 < width ? nibbles[x + 1] : 0))
        }.joined()
    }

    @Test func aGreyPageDecodesToItsPixelsInSixteenLevels() throws {
        let png = try #require(Self.encode(width: 211, height: 97, padding: 12, Self.pageLike))
        let image = try PythonPNG.decode(png)
        #expect(image.width == 211 && image.height == 97 && image.depth == 4)
        #expect(image.colour == 0)
        for y in [0, 1, 9, 10, 17, 18, 50, 96] {
            let expected = Self.grey4Row(width: 211) { Int(Self.pageLike($0, y) & 0xFF) }
            #expect(image.rows[y] == expected, "row \(y)")
        }
    }

    /// Ink broken by runs of 1 to 12 equal pixels starting at every offset, and rows that repeat
    /// the row above only in part: every place a copy can start among literals, and row ends.
    @Test func inkWithShortRunsAndPartRepeatedRowsDecodesExactly() throws {
        let pixel: (Int, Int) -> UInt32 = { x, y in
            let row = y % 4 == 3 && x < 60 ? y - 1 : y
            let run = row % 12 + 1
            return Self.grey((x / run * 53 + row * 29) % 256)
        }
        for width in [97, 98, 131] {
            let png = try #require(Self.encode(width: width, height: 48, pixel))
            let image = try PythonPNG.decode(png)
            #expect(image.depth == 4 && image.rows.count == 48)
            for y in 0..<48 {
                #expect(image.rows[y] == Self.grey4Row(width: width) { Int(pixel($0, y) & 0xFF) }, "width \(width), row \(y)")
            }
        }
    }

    @Test(arguments: [false, true]) func theRowsOfPaperAreFound(colour: Bool) throws {
        let width = 64, height = 40
        let pixel: (Int, Int) -> UInt32 = { x, y in
            if y == 5 && x == 63 { return 0xFEFEFE }               // one pixel off white, at a row's end
            if colour && y == 20 && x == 10 { return 0xFF00FF }    // the RGB path
            return (y / 3) % 2 == 0 ? 0xFFFFFF : Self.pageLike(x, y)
        }
        let stride = width * 4
        var bytes = [UInt8](repeating: 0, count: stride * height)
        for y in 0..<height {
            for x in 0..<width {
                let value = pixel(x, y)
                for b in 0..<3 { bytes[y * stride + x * 4 + b] = UInt8(truncatingIfNeeded: value >> (8 * b)) }
                bytes[y * stride + x * 4 + 3] = 0x5A  // junk in the unused byte
            }
        }
        var paper: [Bool] = []
        let png = bytes.withUnsafeBytes { PNGEncoding.encode(xrgb: $0, width: width, height: height, stride: stride, paperRows: &paper) }
        #expect(png != nil && paper.count == height)
        for y in 0..<height {
            let white = (0..<width).allSatisfy { pixel($0, y) == 0xFFFFFF }
            #expect(paper[y] == white, "row \(y)")
        }
    }

    @Test func everyGreyLevelRoundsToTheNearestOfSixteen() throws {
        let png = try #require(Self.encode(width: 256, height: 2) { x, _ in Self.grey(x) })
        let image = try PythonPNG.decode(png)
        #expect(image.rows[0] == Self.grey4Row(width: 256) { $0 })
        #expect(image.rows[0].hasPrefix("00") && image.rows[0].hasSuffix("ff"))
    }

    @Test func aPageWithColourIsRGB() throws {
        let pixel: (Int, Int) -> UInt32 = { x, y in x == 40 && y == 30 ? 0xCC2200 : Self.pageLike(x, y) }
        let png = try #require(Self.encode(width: 120, height: 64, pixel))
        let image = try PythonPNG.decode(png)
        #expect(image.colour == 2)
        for y in [0, 12, 30, 63] {
            let expected = (0..<120).map { x -> String in
                let p = pixel(x, y)
                return String(format: "%02x%02x%02x", (p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF)
            }.joined()
            #expect(image.rows[y] == expected, "row \(y)")
        }
    }

    @Test func rowsTooLongToCopyFromAboveAreStillRight() throws {
        // 11,000 RGB pixels make a row of 33,001 bytes, past DEFLATE's reach of 32,768.
        let pixel: (Int, Int) -> UInt32 = { x, y in x % 1000 == 0 ? 0x0044AA : 0xFFFFFF }
        let png = try #require(Self.encode(width: 11_000, height: 3, pixel))
        let image = try PythonPNG.decode(png)
        #expect(image.colour == 2 && image.rows.count == 3)
        #expect(image.rows[2] == image.rows[0])
        #expect(image.rows[1].prefix(12) == "0044aaffffff")
    }

    @Test func oneFlatColourAndOnePixelImagesEncode() throws {
        let blank = try PythonPNG.decode(try #require(Self.encode(width: 300, height: 200) { _, _ in Self.grey(255) }))
        #expect(blank.rows.allSatisfy { $0 == String(repeating: "ff", count: 150) })
        let dot = try PythonPNG.decode(try #require(Self.encode(width: 1, height: 1) { _, _ in Self.grey(40) }))
        #expect(dot.rows == ["20"])
    }

    @Test func aBufferSmallerThanItsSizesIsRefused() {
        let bytes = [UInt8](repeating: 255, count: 100)
        #expect(bytes.withUnsafeBytes { PNGEncoding.encode(xrgb: $0, width: 10, height: 10, stride: 40) } == nil)
        #expect(bytes.withUnsafeBytes { PNGEncoding.encode(xrgb: $0, width: 10, height: 1, stride: 8) } == nil)
    }
}
