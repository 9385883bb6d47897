import ScrutinyCore

/// The recommendations read so far, and how the next line joins them: a new item, a line
/// wrapped from the last one, or a sub-item of an item that ends with a colon.
struct RecommendationList: Sendable {
    /// How an item is marked; a sub-item is marked differently from its parent.
    enum MarkerKind: Sendable, Hashable {
        case digits, letters, bullet

        init(_ number: String?) {
            guard let first = number?.first else { self = .bullet; return }
            self = first.isNumber ? .digits : .letters
        }
    }

    /// How a marked line under an item that ends with a colon is read.
    enum SubItem: Sendable, Hashable {
        /// Part of the item: a bullet completing its sentence, or an option of a choice.
        case joined
        /// An item of its own, numbered under its parent ("2.2(a)").
        case numbered(String?)
    }

    /// The item that ends with a colon and takes sub-items.
    private struct Parent: Sendable, Hashable {
        var kind: MarkerKind
        var number: String?
        var offersChoice: Bool
        /// True for a parent that only names the body ("2.1 That Cabinet:"), left out once its sub-items come.
        var namesOnlyTheBody: Bool
    }

    /// A parent of this many words or fewer only names the body its sub-items address.
    private static let bodyNameMaxWords = 5

    private(set) var items: [Recommendation] = []
    private var openParent: Parent?
    /// True while every item so far was a list item (numbered or bulleted).
    private(set) var onlyListItems = true
    /// True when the last item came from a table row.
    private(set) var lastFromTable = false

    var isEmpty: Bool { items.isEmpty }

    /// How a line marked `number` (`nil`: a bullet) reads under the last item, or `nil` when it
    /// is no sub-item. Under an item that ends with a colon, lettered sub-items are items of
    /// their own unless they are the options of a choice ("determine to: (a) ...; (b) ...");
    /// bullets complete such an item, and a numbered item whose sentence is unfinished.
    func subItem(number: String?) -> SubItem? {
        let kind = MarkerKind(number)
        guard let openParent else {
            guard kind == .bullet, let last = items.last, last.number != nil, let end = last.text.last,
                  !".;!?".contains(end) else { return nil }
            return .joined
        }
        guard kind != openParent.kind else { return nil }
        guard kind == .letters, !openParent.offersChoice, let number else { return .joined }
        return .numbered(openParent.number.map { "\($0)(\(number))" } ?? number)
    }

    /// True when `text` carries on the last item (a wrapped line or a page break mid-sentence).
    func continuesLast(_ text: String) -> Bool {
        guard let last = items.last?.text, let first = text.first else { return false }
        if first.isLowercase { return true }
        if let end = last.last, !".;:!?".contains(end) { return true }
        return false
    }

    /// Joins a wrapped line or a sub-item (as printed, marker and all) to the last item.
    mutating func appendToLast(_ text: String) {
        items[items.count - 1].text += " " + text
    }

    /// Starts a new item; a sub-item (`underParent`) leaves its parent open for the next one.
    mutating func add(_ text: String, number: String?, line: OutlinedLine, underParent: Bool = false) {
        let item = Self.withoutLeadIn(text)
        items.append(Recommendation(number: number, text: item, provenance: line.provenance))
        onlyListItems = onlyListItems && (number != nil || line.role == .listItem)
        lastFromTable = line.role == .tableRow
        if underParent {
            if openParent?.namesOnlyTheBody == true {
                items.remove(at: items.count - 2)
                openParent?.namesOnlyTheBody = false
            }
            return
        }
        openParent = Self.opensSubItems(item)
            ? Parent(kind: MarkerKind(number), number: number,
                     offersChoice: RecommendationVocabulary.choiceEnding.matches(item),
                     namesOnlyTheBody: item.wordCount <= Self.bodyNameMaxWords)
            : nil
    }

    /// Ends the last item's sub-items (a lead-in or heading came between).
    mutating func closeParent() { openParent = nil }

    /// The items with their white space collapsed.
    var finished: [Recommendation] {
        items.map { var item = $0; item.text = item.text.collapsingSpaces; return item }
    }

    /// True for an item that ends by introducing sub-items: "determine to:", "as follows: -".
    private static func opensSubItems(_ text: String) -> Bool {
        var end = Substring(text)
        while let last = end.last, last == " " || last == "-" || last == "–" { end = end.dropLast() }
        return end.last == ":"
    }

    /// `text` without a lead-in glued before it ("The Cabinet is recommended to: approve ...").
    private static func withoutLeadIn(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: ":")),
              let rest = RecommendationVocabulary.leadInBeforeItem.firstMatch(in: text)?.last ?? nil else { return text }
        return rest.trimmed
    }
}
