/// Markdown-style `**bold**` in plain text: strips the asterisks and says whether the whole line
/// is bold. A bold span opened at the start of a line may close on a later line
/// (`**REPORT of` / `DIRECTOR ...**`); a blank line ends it.
struct BoldMarkup {
    /// True while a span opened at the start of an earlier line is still open.
    private(set) var carriesBold = false

    /// The line without `**` and whether all its text is bold.
    mutating func strip(_ line: String) -> (text: String, isBold: Bool) {
        let scalars = Array(line.unicodeScalars)
        var markers = 0
        var out = String.UnicodeScalarView()
        var bold = carriesBold
        var sawPlain = false
        var sawBold = false
        var index = 0
        while index < scalars.count {
            if scalars[index] == "*", index + 1 < scalars.count, scalars[index + 1] == "*" {
                markers += 1
                let before = out.last
                let after = index + 2 < scalars.count ? scalars[index + 2] : nil
                if let before, let after, !Whitespace.isSpace(before), !Whitespace.isSpace(after), after != "*" {
                    out.append(" ")
                }
                bold.toggle()
                index += 2
                continue
            }
            let scalar = scalars[index]
            if !Whitespace.isSpace(scalar) {
                if bold { sawBold = true } else { sawPlain = true }
            }
            out.append(scalar)
            index += 1
        }
        let startsWithMarker = line.drop(while: { $0 == " " }).hasPrefix("**")
        if carriesBold {
            carriesBold = markers % 2 == 0
        } else {
            carriesBold = startsWithMarker && markers % 2 == 1
        }
        let text = String(out).trimmingSpaces()
        return (text, sawBold && !sawPlain)
    }

    /// Ends any open span (a blank line or a page break).
    mutating func reset() { carriesBold = false }

    /// `**` removed, for cells where boldness is not tracked.
    static func removeMarkers(_ text: String) -> String {
        guard text.contains("**") else { return text }
        var markup = BoldMarkup()
        return markup.strip(text).text
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Whitespace.isSpace($0) }),
              let last = scalars.lastIndex(where: { !Whitespace.isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs, as a `String`.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Whitespace.isSpace($0) }),
              let last = scalars.lastIndex(where: { !Whitespace.isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
