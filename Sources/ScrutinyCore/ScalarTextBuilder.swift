/// Text built one scalar at a time, kept as UTF-8 bytes and turned into a `String` once.
///
/// Appending to a `String.UnicodeScalarView` re-checks the string's storage on every scalar;
/// the readers build lines of thousands of scalars per page and the extractors' scanners
/// rebuild strings from scalar arrays, so both collect bytes instead.
public struct ScalarTextBuilder: Sendable {
    /// The text so far, UTF-8 encoded.
    public private(set) var bytes: [UInt8] = []
    /// The number of scalars appended so far.
    public private(set) var scalarCount = 0

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    public var isEmpty: Bool { bytes.isEmpty }

    public mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            bytes.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        scalarCount += 1
    }

    public mutating func append<S: Sequence>(contentsOf scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { append(scalar) }
    }

    /// Empties the builder, keeping its storage for the next text.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        scalarCount = 0
    }

    /// The text built.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension String {
    /// The number of Unicode scalars, counted from the UTF-8 bytes: each scalar has exactly one
    /// byte that is not a continuation byte (`10xxxxxx`).
    public var scalarCount: Int {
        func count(_ bytes: some Sequence<UInt8>) -> Int {
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
        return utf8.withContiguousStorageIfAvailable(count) ?? count(utf8)
    }

    /// The text of `scalars`, encoded as UTF-8 in one go (quicker than
    /// `String(String.UnicodeScalarView(scalars))`, which appends scalar by scalar).
    public init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var builder = ScalarTextBuilder(capacity: scalars.underestimatedCount)
        builder.append(contentsOf: scalars)
        self = builder.string
    }
}
