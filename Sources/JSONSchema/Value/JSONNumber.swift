import Foundation

/// A JSON number: its literal as written plus a `Double` view.
///
/// Comparisons fall back to `Decimal` when a literal carries more digits than a `Double`
/// holds, so big integers and `multipleOf` with decimal fractions come out exact.
public struct JSONNumber: Sendable, CustomStringConvertible {
    /// The number as a `Double` (may round).
    public let double: Double
    /// The literal as written in the source (or a shortest round-trip form for computed values).
    public let literal: String
    /// Whether the literal has more significant digits than a `Double` represents exactly.
    let needsDecimal: Bool

    /// Wraps a literal; `nil` when `literal` is not a JSON number.
    public init?(literal: String) {
        guard let d = Double(literal) else { return nil }
        self.double = d
        self.literal = literal
        needsDecimal = Self.hasManyDigits(literal)
    }

    /// A literal of at most 15 digits, already checked to be a JSON number, with its value.
    init(shortLiteral literal: String, double: Double) {
        self.literal = literal
        self.double = double
        needsDecimal = false
    }

    public init(_ value: Int) {
        double = Double(value)
        literal = String(value)
        needsDecimal = Self.hasManyDigits(literal)
    }

    public init(_ value: Double) {
        double = value
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            literal = String(Int64(value))
        } else {
            literal = "\(value)"
        }
        needsDecimal = Self.hasManyDigits(literal)
    }

    public var description: String { literal }

    /// Whether the value is mathematically an integer (`1.0` is).
    public var isInteger: Bool {
        if double.isFinite { return double == double.rounded(.towardZero) }
        return false
    }

    /// Whether `literal` has more than 15 digits before any exponent.
    private static func hasManyDigits(_ literal: String) -> Bool {
        var digits = 0
        for c in literal.utf8 {
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { break }
            if c >= 48 && c <= 57 { digits += 1 }
        }
        return digits > 15
    }

    /// The exact decimal value, when it fits `Decimal`.
    var decimal: Decimal? {
        guard let d = Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")), !d.isNaN else { return nil }
        return d
    }

    /// Orders two numbers exactly where their literals allow.
    static func compare(_ a: JSONNumber, _ b: JSONNumber) -> ComparisonResult {
        if a.needsDecimal || b.needsDecimal, let x = a.decimal, let y = b.decimal {
            return x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame)
        }
        return a.double < b.double ? .orderedAscending : (a.double > b.double ? .orderedDescending : .orderedSame)
    }

    /// Whether `self` divided by `divisor` is an integer.
    func isMultiple(of divisor: JSONNumber) -> Bool {
        if let x = decimal, let y = divisor.decimal, !y.isZero {
            var q = x / y
            var r = Decimal()
            NSDecimalRound(&r, &q, 0, .plain)
            if !q.isNaN { return r == q }
        }
        let q = double / divisor.double
        guard q.isFinite else { return isInteger && divisor.double.rounded() != divisor.double && (1 / divisor.double).isInteger }
        return q == q.rounded()
    }
}

private extension Double {
    var isInteger: Bool { isFinite && self == rounded() }
}

extension JSONNumber: Hashable {
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool { compare(lhs, rhs) == .orderedSame }
    public func hash(into hasher: inout Hasher) { hasher.combine(double) }
}
