import Foundation

/// Bytes to text: UTF-8, with each byte that is not part of valid UTF-8 read as Windows-1252.
enum TextDecoding {
    /// Windows-1252 0x80...0x9F; the rest of 0xA0...0xFF equals Latin-1. Undefined bytes map to U+FFFD.
    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte <= 0x9F { return Unicode.Scalar(high[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }

    /// Decodes `data`; a leading UTF-8 byte-order mark is dropped.
    static func decode(_ data: Data) -> String {
        if let text = String(validating: data, as: UTF8.self) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        let bytes = [UInt8](data)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                out.append(Unicode.Scalar(byte))
                index += 1
                continue
            }
            let length = byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
            if length > 0, index + length <= bytes.count,
               let scalar = decodeSequence(bytes[index..<index + length]) {
                out.append(scalar)
                index += length
            } else {
                out.append(windows1252(byte))
                index += 1
            }
        }
        return String(out)
    }

    private static func decodeSequence(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var value = UInt32(bytes.first! & (bytes.count == 2 ? 0x1F : bytes.count == 3 ? 0x0F : 0x07))
        for byte in bytes.dropFirst() {
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = bytes.count == 2 ? 0x80 : bytes.count == 3 ? 0x800 : 0x10000
        guard value >= minimum else { return nil }
        return Unicode.Scalar(value)
    }
}
