/// A character's box in points, origin top-left.
struct GlyphBox: Sendable, Hashable {
    var x1: Double, y1: Double, x2: Double, y2: Double
    var height: Double { y2 - y1 }
    var centerY: Double { (y1 + y2) / 2 }
}

/// The font size and weight of a run of characters.
struct GlyphStyle: Sendable, Hashable {
    var size: Double
    var isBold: Bool

    /// PDF fonts carry weight in the name: "LiberationSans-Bold", "Arial,BoldItalic", "Lato-Black".
    static func isBoldFont(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("bold") || lower.contains("black") || lower.contains("heavy") || lower.contains("semibold")
    }
}

/// A page's characters as parallel arrays: scalar, box and style number per character.
struct PageGlyphs: Sendable {
    var scalars: [Unicode.Scalar] = []
    var boxes: [GlyphBox] = []
    /// Index into ``styles`` per character, -1 where poppler gave no run.
    var styleIndex: [Int32] = []
    var styles: [GlyphStyle] = []

    var isEmpty: Bool { scalars.allSatisfy { Whitespace.isSpace($0) } }
}
