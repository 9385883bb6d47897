/// `minLength` and `maxLength` without counting every character of long strings.
///
/// JSON Schema measures a string in code points (Unicode scalars). A UTF-8 string has at most
/// as many scalars as bytes and at least a quarter as many, so most verdicts follow from the
/// byte count alone; otherwise the scalars are counted only as far as the limit.
enum StringLength {
    /// Whether `s` has at least `limit` Unicode scalars.
    static func hasAtLeast(_ limit: Int, _ s: String) -> Bool {
        let bytes = s.utf8.count
        if bytes < limit { return false }
        if bytes / 4 >= limit { return true }
        var count = 0
        for _ in s.unicodeScalars {
            count += 1
            if count >= limit { return true }
        }
        return count >= limit
    }

    /// Whether `s` has at most `limit` Unicode scalars.
    static func hasAtMost(_ limit: Int, _ s: String) -> Bool {
        limit == .max || !hasAtLeast(limit + 1, s)
    }
}
