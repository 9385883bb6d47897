/// Formats a `Double` the way a person writes it in a table: `1312000`, `31007.46`, `-1000`,
/// `0.00001`; never an exponent, never a trailing `.0`.
///
/// The digits are Swift's shortest round-trip digits, so `31007.46` stays `31007.46`; only the
/// exponent is spelled out as zeros.
enum PlainNumber {
    /// `value` as an `Int` when it is a whole number small enough that every such `Double` is exact
    /// (below 9e15), else `nil`. Negative zero is `0`.
    static func wholeNumber(_ value: Double) -> Int? {
        guard value.isFinite, value == value.rounded(.towardZero), value.magnitude < 9.0e15 else { return nil }
        return Int(value)
    }

    /// The plain decimal for `value`, or `nil` for NaN and infinities (which have none).
    static func format(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if let whole = wholeNumber(value) { return String(whole) }
        let shortest = value.description
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest
        }
        guard let exponent = Int(shortest[shortest.index(after: e)...]) else { return shortest }
        var mantissa = Substring(shortest[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let point = mantissa.firstIndex(of: ".")
        let whole = point.map { mantissa[..<$0] } ?? mantissa
        let fraction = point.map { mantissa[mantissa.index(after: $0)...] } ?? ""
        var digits = String(whole) + String(fraction)
        // Where the decimal point falls in `digits` once the exponent is applied.
        var pointAt = whole.count + exponent
        while digits.count > 1 && digits.hasPrefix("0") { digits.removeFirst(); pointAt -= 1 }
        var result: String
        if pointAt <= 0 {
            result = "0." + String(repeating: "0", count: -pointAt) + digits
        } else if pointAt >= digits.count {
            result = digits + String(repeating: "0", count: pointAt - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: pointAt)
            result = String(digits[..<split]) + "." + String(digits[split...])
        }
        if result.contains(".") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        return negative ? "-" + result : result
    }
}
