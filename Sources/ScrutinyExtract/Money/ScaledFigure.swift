import Foundation

/// Bare figures in money tables: "2,460", "(44)", "-1.5" under a "£000" or "£m" heading.
enum ScaledFigure {
    /// The factor a column heading gives its figures: "£000", "£'000", "£k" are thousands; "£m", "£million" millions.
    static func factor(inHeading cell: String) -> Double? {
        // Every factor follows a "£": a cell without one names none.
        guard cell.includes("£") else { return nil }
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
        if cell.utf8.allSatisfy({ $0 < 0x80 }) { return asciiValue(of: cell) }
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

    /// ``value(of:)`` for an all-ASCII cell, read on its bytes in one pass: no trimmed copy, no arrays.
    private static func asciiValue(of cell: String) -> Double? {
        var cell = cell
        return cell.withUTF8 { bytes -> Double? in
            // The white space `trimmingWhitespaceAndNewlines` takes off: space, tab and line breaks.
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
            var start = 0, end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            guard start < end else { return nil }
            var negative = false
            let lead = bytes[start]
            if lead == UInt8(ascii: "(") {
                guard bytes[end - 1] == UInt8(ascii: ")") else { return nil }
                negative = true
                start += 1
                end -= 1
            } else if lead == UInt8(ascii: "-") {
                negative = true
                start += 1
            } else if !isDigit(lead) {
                return nil
            }
            guard start < end, isDigit(bytes[start]) else { return nil }
            // Digits, thousands commas grouping threes before the point, at most one point; commas are left
            // out of the number (also after the point, as the general path does).
            var points = 0
            var firstGroup = 0, groupLength = 0, commas = 0
            var digits: [UInt8] = []
            // A whole number of up to 15 digits is exact as a `Double`: it is summed as it is read,
            // and the digits are kept only for a figure that needs parsing (a point, or longer).
            var whole = 0, digitCount = 0
            for index in start..<end {
                let byte = bytes[index]
                if isDigit(byte) {
                    if points == 0 { groupLength += 1 }
                    digitCount += 1
                    if points == 0 && digitCount <= 15 {
                        whole = whole * 10 + Int(byte - UInt8(ascii: "0"))
                    } else {
                        if digits.isEmpty { digits = Array(String(whole).utf8) }
                        digits.append(byte)
                    }
                } else if byte == UInt8(ascii: ",") {
                    if points == 0 {
                        if commas == 0 { firstGroup = groupLength } else if groupLength != 3 { return nil }
                        commas += 1
                        groupLength = 0
                    }
                } else if byte == UInt8(ascii: ".") {
                    points += 1
                    guard points <= 1 else { return nil }
                    if digits.isEmpty { digits = Array(String(whole).utf8) }
                    digits.append(byte)
                } else {
                    return nil
                }
            }
            if commas > 0 {
                guard groupLength == 3, firstGroup >= 1, firstGroup <= 3 else { return nil }
            }
            let number: Double
            if digits.isEmpty {
                number = Double(whole)
            } else {
                guard let parsed = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
                number = parsed
            }
            return negative ? -number : number
        }
    }
}
