/// A growable run of bytes in memory it owns, for writers that append many small pieces:
/// an append is a capacity check and a copy, without the uniqueness checks of `[UInt8]`.
struct ByteSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes have been written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let source = bytes.baseAddress else { return }
        if capacity - count < n { grow(toHold: n) }
        (base + count).initialize(from: source, count: n)
        count += n
    }

    /// Appends the bytes of `self` from offset `start` on to `other`.
    func copy(from start: Int, to other: inout ByteSink) {
        other.append(UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// A copy of the bytes written.
    func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func grow(toHold extra: Int) {
        let newCapacity = Swift.max(capacity * 2, count + extra)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
