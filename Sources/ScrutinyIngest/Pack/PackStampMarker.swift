import ScrutinyCore

/// Marks the "Agenda Item N" stamps on a pack's pages as running headers: the pack's binding,
/// not the paper's text, so an item's title and cover are read as the paper alone prints them.
struct PackStampMarker: Sendable {
    /// `page` with the lines at its top that make up a stamp (one line, a banner cell beside
    /// it, or a letter-spaced stamp over two lines) marked as running headers.
    func marking(_ page: SourcePage) -> SourcePage {
        var page = page
        let top = page.lines.indices.filter { !page.lines[$0].text.allSatisfy(\.isWhitespace) }.prefix(ItemStamp.stampLines)
        func isStamp(_ indices: [Int]) -> Bool {
            ItemStamp.number(on: SourcePage(number: page.number, lines: indices.map { page.lines[$0] })) != nil
        }
        var marked: [Int] = []
        for index in top where isStamp([index]) { marked.append(index) }
        if marked.isEmpty {
            for (first, second) in zip(top, top.dropFirst()) where isStamp([first, second]) {
                marked += [first, second]
                break
            }
        }
        for index in marked { page.lines[index].role = .runningHeader }
        return page
    }
}
