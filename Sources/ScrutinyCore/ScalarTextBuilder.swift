/// Text built one scalar at a time, kept as UTF-8 bytes and turned into a `String` once.
///
/// Appending to a `String.UnicodeScalarView` re-checks the string's storage on every scalar;
/// the readers build lines of thousands of scalars per page and the extractors' scanners
/// rebuild strings from scalar arrays, so both collect bytes instead. Inlinable, so that the
/// other modules get it specialised for their sequences rather than through generic calls per
/// scalar.
@frozen
public struct ScalarTextBuilder: Sendable {
    @usableFromInline var storage: [UInt8] = []
    @usableFromInline var count = 0

    /// The text so far, UTF-8 encoded.
    @inlinable public var bytes: [UInt8] { storage }
    /// The number of scalars appended so far.
    @inlinable public var scalarCount: Int { count }

    @inlinable
    public init(capacity: Int = 0) {
        storage.reserveCapacity(capacity)
    }

    @inlinable public var isEmpty: Bool { storage.isEmpty }

    @inlinable
    public mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            storage.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            UTF8.encode(scalar) { storage.append($0) }
        }
        count += 1
    }

    @inlinable
    public mutating func append<S: Sequence>(contentsOf scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars { append(scalar) }
    }

    /// Empties the builder, keeping its storage for the next text.
    @inlinable
    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        count = 0
    }

    /// The text built.
    @inlinable public var string: String { String(decoding: storage, as: UTF8.self) }
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
    @inlinable
    public init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var builder = ScalarTextBuilder(capacity: scalars.underestimatedCount)
        builder.append(contentsOf: scalars)
        self = builder.string
    }
}
