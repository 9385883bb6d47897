import ScrutinyCore

/// Finds the papers of an agenda pack: the front sheet (the agenda), then each item's pages.
///
/// The evidence, strongest first:
///
/// 1. The outline: ModernGov gives each item a top-level bookmark after the agenda's (see
///    ``PackOutline``); a single report's own bookmarks are section headings and never split it.
/// 2. "Agenda Item N" stamps at the top of each item's first page (see ``ItemStamp``).
/// 3. A front sheet (see ``FrontSheet``): only after one are unstamped items told apart, by
///    what their pages show (see ``ItemBoundaries``): a report's cover, a listed title, the
///    printed page numbers starting again; appendices stay with their report.
///
/// Blank pages between items and the blank pages and distribution list closing a pack belong
/// to no item. A file is a pack only on positive evidence: an outline of items, a stamped item
/// after a front sheet or two stamped items, or a front sheet. A single report gives no items
/// and is read whole.
public struct AgendaPack: Sendable {
    public init() {}

    /// The items of `document`, or `[]` when it is no pack.
    public func items(of document: SourceDocument) -> [PackItem] {
        guard document.format == .pdf, document.pages.count >= 2 else { return [] }
        let frontSheet = FrontSheet.find(in: document)
        if let outline = PackOutline.read(document, frontSheet: frontSheet) {
            return items(bookmarked: outline, in: document)
        }
        guard let frontSheet else { return items(stamped: document.pages.map(ItemStamp.number(on:)), in: document) }
        let listed = frontSheet.items
        let signals = document.pages.concurrentMap { PageSignals($0, listedItems: listed) }
        if let first = (frontSheet.lastPage + 1..<document.pages.count).first(where: { !signals[$0].isBlank }) {
            let end = packEnd(document, after: first)
            let pages = frontSheet.lastPage == 0 ? "page 1" : "pages 1-\(frontSheet.lastPage + 1)"
            let boundaries = ItemBoundaries(document: document, signals: signals)
            let starts = boundaries.starts(from: first, to: end,
                                           firstEvidence: "the first page after the front sheet (\(pages): \(frontSheet.evidence))")
            return items(starting: starts.map { ($0.page, $0.stamp ?? $0.listed?.number, $0.evidence.joined(separator: "; ")) },
                         end: end, in: document)
        }
        return []
    }

    /// Items from an outline's bookmarks, each running to the page before the next bookmark.
    private func items(bookmarked outline: PackOutline, in document: SourceDocument) -> [PackItem] {
        guard let first = outline.items.first else { return [] }
        let end = packEnd(document, after: first.page)
        var items: [PackItem] = []
        for entry in outline.items where entry.page < end {
            var last = min(entry.lastPage, end - 1)
            while last > entry.page, PackText.isBlank(document.pages[last]) { last -= 1 }
            let page = document.pages[entry.page]
            let stamp = ItemStamp.number(on: page)
            var evidence = "bookmark '\(PackText.normalizedKeepingCase(entry.title))' opens page \(page.number)"
            if let stamp { evidence += "; 'Agenda Item \(stamp)' stamped there" }
            items.append(PackItem(index: items.count + 1, firstPage: page.number, lastPage: document.pages[last].number,
                                  agendaItem: stamp ?? entry.number, kind: Self.kind(of: page), evidence: evidence))
        }
        return items
    }

    /// Items from "Agenda Item N" stamps alone, where there is no front sheet: a stamp on a page
    /// after the first (the pages before are the front sheet) or two stamped items.
    private func items(stamped stamps: [String?], in document: SourceDocument) -> [PackItem] {
        var starts: [(page: Int, number: String)] = []
        for (index, stamp) in stamps.enumerated() {
            guard let number = stamp else { continue }
            // A stamp repeated on an item's later pages is the same item.
            if starts.last?.number == number { continue }
            starts.append((index, number))
        }
        guard let first = starts.first, first.page > 0 || starts.count >= 2 else { return [] }
        let end = packEnd(document, after: first.page)
        return items(starting: starts.map { start in
            (start.page, start.number, "'Agenda Item \(start.number)' stamped at the top of page \(document.pages[start.page].number)")
        }, end: end, in: document)
    }

    /// Items from their first pages, each running to the page before the next, blank pages between them dropped.
    private func items(starting starts: [(page: Int, agendaItem: String?, evidence: String)], end: Int,
                       in document: SourceDocument) -> [PackItem] {
        var items: [PackItem] = []
        for (position, start) in starts.enumerated() where start.page < end {
            var last = position + 1 < starts.count ? min(starts[position + 1].page, end) : end
            while last - 1 > start.page, PackText.isBlank(document.pages[last - 1]) { last -= 1 }
            let page = document.pages[start.page]
            items.append(PackItem(index: items.count + 1, firstPage: page.number, lastPage: document.pages[last - 1].number,
                                  agendaItem: start.agendaItem, kind: Self.kind(of: page), evidence: start.evidence))
        }
        return items
    }

    /// The pack's end (exclusive): trailing blank pages and closing lists belong to no item.
    private func packEnd(_ document: SourceDocument, after first: Int) -> Int {
        var end = document.pages.count
        while end > first + 1, PackText.isClosing(document.pages[end - 1]) { end -= 1 }
        return end
    }

    private static func kind(of page: SourcePage) -> PackItemKind {
        PackText.opensMinutes(page, lines: ItemStamp.stampLines + 3) ? .minutes : .report
    }
}
