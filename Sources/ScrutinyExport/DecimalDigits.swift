/// The decimal digits of an `Int`, made on the stack: no `String` per number.
struct DecimalDigits {
    /// Room for `Int.min` (19 digits and a sign), filled from the end.
    private var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
    private var start = 24

    init(_ value: Int) {
        var magnitude = value.magnitude
        withUnsafeMutableBytes(of: &storage) { raw in
            repeat {
                start -= 1
                raw[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                raw[start] = UInt8(ascii: "-")
            }
        }
    }

    /// Calls `body` with the digits (and sign).
    mutating func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let start = start
        return try withUnsafeBytes(of: &storage) { raw in
            try body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[start..<24]))
        }
    }
}
