/// Text as an array of Unicode scalars: what the money, period, sentence and cue scanners walk.
///
/// Indexing `[Character]` costs a grapheme-breaking pass to build and a 16-byte value per element;
/// scalars are four bytes and come straight from the string's UTF-8. Offsets the scanners return
/// are scalar offsets into the array they were given.
public typealias ScalarText = [Unicode.Scalar]

extension String {
    /// The string's scalars, for the scanners.
    var scalarText: ScalarText { Array(unicodeScalars) }
}

/// The `Character` questions the scanners ask, for one scalar: the same answers a one-scalar
/// `Character` gives, with ASCII answered from the value alone.
extension Unicode.Scalar {
    var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return Character(self).isLetter
    }

    var isNumber: Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return Character(self).isNumber
    }

    /// An ASCII digit, "0" to "9".
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    var isWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return Character(self).isWhitespace
    }

    var isUppercase: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return Character(self).isUppercase
    }

    var isLowercase: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return Character(self).isLowercase
    }

    /// The scalar in lower case when it is an ASCII capital, else itself.
    var asciiLowercased: Unicode.Scalar {
        value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : self
    }
}

extension String {
    /// `count >= n`, without breaking the string into characters when its bytes answer: text shorter
    /// than `n` bytes has fewer characters, and ASCII without a carriage return has one per byte.
    func hasAtLeastCharacters(_ n: Int) -> Bool {
        guard utf8.count >= n else { return false }
        if utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return true }
        return count >= n
    }

    /// The same string as `lowercased()`, built scalar by scalar with ASCII mapped from its value.
    ///
    /// `lowercased()` has a fast path only for all-ASCII strings; one "£" or "–" sends the whole line
    /// through a property look-up per scalar. Lowercasing maps each scalar on its own, so mapping the
    /// ASCII ones directly and the rest through `lowercaseMapping` gives the same scalars.
    var lowercasedByScalar: String {
        // A string without ASCII capitals and without other scalars is its own lower case.
        guard utf8.contains(where: { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }) else { return self }
        if let lowered = lowercasedByByte { return lowered }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.asciiLowercased.value))
            } else if let lower = Self.knownLowercase(scalar.value) {
                UTF8.encode(lower) { bytes.append($0) }
            } else {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``lowercasedByScalar`` read on the bytes alone, for text whose only non-ASCII scalars are Latin-1
    /// signs (U+0080-U+00BF, such as "£"), General Punctuation, super- and subscripts or currency signs
    /// (U+2000-U+20BF): none of those changes case, so only ASCII capitals do. The string itself when it has none; `nil` for text
    /// with any other scalar, which takes the scalar path.
    private var lowercasedByByte: String? {
        var text = self
        return text.withUTF8 { bytes -> String? in
            var capitals = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte >= 0x41 && byte <= 0x5A { capitals += 1 }
                    index += 1
                } else if byte == 0xC2 {
                    index += 2
                } else if byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x82 {
                    index += 3
                } else {
                    return nil
                }
            }
            if capitals == 0 { return self }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (offset, byte) in bytes.enumerated() {
                    buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                }
                return bytes.count
            }
        }
    }

    /// The lower case of the scalars reports use most beside ASCII, without a property look-up: Latin-1
    /// (capitals À-Þ but × map 0x20 on, the rest to themselves), General Punctuation and currency signs
    /// (none cased). `nil` for any other scalar.
    private static func knownLowercase(_ value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0xC0...0xDE where value != 0xD7: Unicode.Scalar(value + 0x20)
        case 0xA0...0xFF, 0x2000...0x206F, 0x20A0...0x20CF: Unicode.Scalar(value)
        default: nil
        }
    }
}

extension String {
    /// The text of a run of scanned scalars, encoded as UTF-8 straight into the string's storage.
    ///
    /// ScrutinyCore's generic `init(scalars:)` cannot be specialised from this module, so every scalar
    /// went through a protocol witness; the scanners build a string from every sentence, amount and
    /// word they read, and these concrete forms (chosen over the generic one) keep that a tight loop.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        guard byteCount > 0 else { self = ""; return }
        self = String(unsafeUninitializedCapacity: byteCount) { buffer in
            var written = 0
            for scalar in scalars {
                if scalar.isASCII {
                    buffer[written] = UInt8(truncatingIfNeeded: scalar.value)
                    written += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[written] = byte
                        written += 1
                    }
                }
            }
            return written
        }
    }

    /// The text of `scalars`; see ``init(scalars:)-(ArraySlice<Unicode.Scalar>)``.
    init(scalars: [Unicode.Scalar]) {
        self.init(scalars: scalars[...])
    }
}
