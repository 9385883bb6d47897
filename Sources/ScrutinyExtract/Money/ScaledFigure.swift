import Foundation

/// Bare figures in money tables: "2,460", "(44)", "-1.5" under a "£000" or "£m" heading.
enum ScaledFigure {
    /// The factor a column heading gives its figures: "£000", "£'000", "£k" are thousands; "£m", "£million" millions.
    static func factor(inHeading cell: String) -> Double? {
        let compact = cell.lowercasedByScalar.filter { !$0.isWhitespace && $0 != "(" && $0 != ")" && $0 != "'" && $0 != "’" }
        guard let pound = compact.firstIndex(of: "£") else { return nil }
        let after = compact[compact.index(after: pound)...]
        if after.hasPrefix("000") || after.hasPrefix("k") || after.hasPrefix("thousand") { return 1_000 }
        if after.hasPrefix("m") || after.hasPrefix("million") { return 1_000_000 }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The value of a cell that is nothing but one figure, negative when bracketed or signed; else `nil`.
    static func value(of cell: String) -> Double? {
        var text = cell.trimmingWhitespaceAndNewlines
        // Only a digit, a bracket or a sign can start a figure.
        guard let lead = text.unicodeScalars.first, lead.properties.numericType != nil || "(-–−".unicodeScalars.contains(lead) else {
            return nil
        }
        var negative = false
        if text.hasPrefix("("), text.hasSuffix(")") {
            negative = true
            text = String(text.dropFirst().dropLast())
        } else if let first = text.first, "-–−".contains(first) {
            negative = true
            text = String(text.dropFirst())
        }
        // A figure is ASCII digits, commas and at most one point, so its bytes are its characters.
        let bytes = Array(text.utf8)
        let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")
        guard let first = bytes.first, isDigit(first), bytes.allSatisfy({ isDigit($0) || $0 == comma || $0 == point }),
              bytes.filter({ $0 == point }).count <= 1 else { return nil }
        // Thousands commas must group threes: "1,342" yes, "1,34" no.
        let whole = bytes.split(separator: point, omittingEmptySubsequences: false)[0]
        let groups = whole.split(separator: comma, omittingEmptySubsequences: false)
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }), let firstGroup = groups.first, !firstGroup.isEmpty,
              firstGroup.count <= 3 || groups.count == 1 else { return nil }
        guard let number = Double(String(decoding: bytes.filter { $0 != comma }, as: UTF8.self)) else { return nil }
        return negative ? -number : number
    }
}
