/// A numbered item of the agenda and the lines it took.
struct ListedItem: Sendable {
    var number: String
    var key: ItemKey
    var title: String
    var pages: ClosedRange<Int>?
    /// Index of the numbered line.
    var line: Int
    /// Index of the last line the item's title (or its page numbers) took.
    var lastLine: Int
    /// True when the number stands in a table cell of its own.
    var numberInOwnCell: Bool
}

/// How items' numbers sort: "7" < "7a" < "7b" < "8"; "7.1" and "7(a)" after "7".
struct ItemKey: Comparable, Sendable {
    var main: Int
    var sub: Int

    static func < (a: ItemKey, b: ItemKey) -> Bool { (a.main, a.sub) < (b.main, b.sub) }
}
