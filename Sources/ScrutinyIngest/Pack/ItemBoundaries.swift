import ScrutinyCore

/// Where a pack's papers start, page by page after its front sheet, from what each page shows.
///
/// The first printed page after the front sheet starts the first item. A later page starts a new
/// one on positive evidence, and never against evidence that it runs on:
///
/// - decisive: an "Agenda Item N" stamp with a number other than the current item's;
/// - strong (one is enough): a report's cover at the top; the title of an item the front sheet
///   lists (another than the current item's); the opening of minutes; the printed page number
///   starting again at 1 (or absent where the next page prints 2) after the page before printed
///   more, or beginning at 1 and running on after three or more unnumbered pages;
/// - weak (two are needed, three after a paper naming appendices not yet seen; a scan after
///   pages with a text layer, or the other way round, is one): an appendix
///   label the current item never names; a page numbered 1 after pages with no numbers; no page
///   number where the page before printed one, or a number that does not follow it; the page before closing a report (its audit
///   trail, background papers, list of appendices); type and margins (or paper) unlike the page before;
/// - against (any one keeps the page in the current item): the current item's stamp; an
///   appendix label the current item names; the current item's listed title again; the printed
///   page number running on; a first line that continues a sentence.
struct ItemBoundaries {
    /// One item's start: its page and what showed it.
    struct Start: Sendable, Hashable {
        var page: Int
        var stamp: String?
        var listed: ListedItem?
        var evidence: [String]
    }

    /// What the current item has shown so far: the appendices its pages name, and those whose
    /// labels have topped one of its pages.
    private struct Reading {
        var start: Start
        var named: Set<AppendixLabel> = []
        var seen: Set<AppendixLabel> = []

        /// An appendix named but not yet seen, the first in label order.
        var pending: AppendixLabel? { named.subtracting(seen).min { ($0.word, $0.label) < ($1.word, $1.label) } }

        mutating func read(_ signals: PageSignals) {
            named.formUnion(signals.namedAppendices)
            if let label = signals.appendix { seen.insert(label.reference) }
        }
    }

    let document: SourceDocument
    let signals: [PageSignals]
    /// How many pages back and forward a running page number is followed over unnumbered pages.
    static let numberingReach = 3
    /// How many weak signals start a paper, and how many after a paper naming appendices not yet seen.
    static let weakNeeded = 2
    static let weakNeededBeforeAppendix = 3
    /// How many unnumbered pages make a numbering that then begins at 1 and runs on a new paper's.
    static let unnumberedRun = 3

    /// Where items start, from `first` (the first item's page) to before `end`.
    func starts(from first: Int, to end: Int, firstEvidence: String) -> [Start] {
        let opening = signals[first]
        var starts = [Start(page: first, stamp: opening.stamp, listed: opening.listed,
                            evidence: [firstEvidence] + openingEvidence(first))]
        var reading = Reading(start: starts[0])
        reading.read(opening)
        var previousPrinted = first
        for page in (first + 1)..<max(first + 1, end) where !signals[page].isBlank {
            if let evidence = startEvidence(page, current: reading, previous: previousPrinted) {
                starts.append(Start(page: page, stamp: signals[page].stamp, listed: signals[page].listed, evidence: evidence))
                reading = Reading(start: starts[starts.count - 1])
            }
            reading.read(signals[page])
            previousPrinted = page
        }
        return starts
    }

    /// What the first item's page shows besides following the front sheet.
    private func openingEvidence(_ page: Int) -> [String] {
        let shown = signals[page]
        var evidence: [String] = []
        if let stamp = shown.stamp { evidence.append("'Agenda Item \(stamp)' stamped") }
        if let listed = shown.listed { evidence.append("the title of listed item \(listed.number)") }
        if let cover = shown.cover { evidence.append(cover.summary) }
        return evidence
    }

    /// Why `page` starts a new item after `current`, or `nil` when it does not.
    private func startEvidence(_ page: Int, current reading: Reading, previous: Int) -> [String]? {
        let current = reading.start
        let shown = signals[page]
        let number = document.pages[page].number
        if let stamp = shown.stamp {
            return stamp == current.stamp ? nil : ["'Agenda Item \(stamp)' stamped at the top of page \(number)"]
        }
        var strong: [String] = []
        var weak: [String] = []
        if let label = shown.appendix {
            if reading.named.contains(label.reference) { return nil }
            weak.append("'\(label.summary)' at its top, which the paper before never names")
        }
        if let listed = shown.listed {
            // The current item's own title again, printed at its top or further down its first page.
            if listed == current.listed
                || (current.listed == nil && ListedTitleMatch.item(on: document.pages[current.page], among: [listed],
                                                                   lines: Int.max) != nil) { return nil }
            strong.append("the title of listed item \(listed.number) at its top")
        }
        if shown.continuesSentence { return nil }
        switch numbering(at: page, itemStart: current.page) {
        case .runsOn: return nil
        case .restarts(let before): strong.append("its printed page number starts again (page \(before.page) printed \(before.number))")
        case .numberedAfterUnnumbered(let unnumbered, let runsOn):
            if unnumbered >= Self.unnumberedRun && runsOn {
                strong.append("a page numbering begins at 1 after \(unnumbered) unnumbered pages")
            } else {
                weak.append("it prints page 1 after unnumbered pages")
            }
        case .missingAfterNumbered(let before): weak.append("it prints no page number after page \(before.page) printed \(before.number)")
        case .breaksOff(let before): weak.append("its page number does not follow page \(before.page)'s \(before.number)")
        case .none: break
        }
        if let cover = shown.cover { strong.append(cover.summary + " at its top") }
        if shown.opensMinutes { strong.append("the opening of minutes") }
        if signals[previous].closesReport { weak.append("page \(document.pages[previous].number) closes a report") }
        // A scan bound after pages with a text layer (or the other way round) came from another file.
        let scanned = Set(document.ocr?.pages ?? [])
        if scanned.contains(number) != scanned.contains(document.pages[previous].number) {
            weak.append(scanned.contains(number) ? "it is a scan, page \(document.pages[previous].number) has a text layer"
                                                 : "it has a text layer, page \(document.pages[previous].number) is a scan")
        }
        if let layout = shown.layout, let before = signals[previous].layout, layout.differs(from: before) {
            weak.append("its type and margins differ from page \(document.pages[previous].number)'s")
        }
        var notes: [String] = []
        if strong.isEmpty, weak.count >= Self.weakNeeded {
            // A paper that names appendices not yet seen may go on with them, unlabelled: more is needed to end it.
            if let pending = reading.pending {
                guard weak.count >= Self.weakNeededBeforeAppendix else { return nil }
                notes.append("enough though the paper before names \(pending.summary), not yet seen")
            }
        }
        guard !strong.isEmpty || weak.count >= Self.weakNeeded else { return nil }
        return ["page \(number) starts a paper: " + (strong + weak + notes).joined(separator: "; ")]
    }

    /// What the printed page numbers say of `page`.
    enum Numbering {
        /// 1 (or none, the next page printing 2) after a page printing more.
        case restarts(before: (page: Int, number: Int))
        /// 1 (or none, the next page printing 2) after the item's pages printed none: how many
        /// they are, and whether the next page prints 2.
        case numberedAfterUnnumbered(pages: Int, runsOn: Bool)
        /// None, where the page before printed one.
        case missingAfterNumbered(before: (page: Int, number: Int))
        /// Another number than the next, where the page before printed one (and it is not 1).
        case breaksOff(before: (page: Int, number: Int))
        /// The sequence of the pages before runs on through it.
        case runsOn
        case none
    }

    /// Reads the page numbers around `page` within the item that started at `itemStart`.
    func numbering(at page: Int, itemStart: Int) -> Numbering {
        let numbers = signals[page].numbers
        let nextPrintsTwo = page + 1 < signals.count && signals[page + 1].numbers.contains(2)
        // The unnumbered printed pages just before, and the numbered one before them.
        var unnumbered = 0
        var lastNumbered: (page: Int, number: Int)?
        for before in stride(from: page - 1, through: itemStart, by: -1) where !signals[before].isBlank {
            if let largest = signals[before].numbers.max() {
                lastNumbered = (document.pages[before].number, largest)
                break
            }
            unnumbered += 1
        }
        // Page 1, or an unnumbered first page before a page 2.
        if numbers.contains(1) || (numbers.isEmpty && nextPrintsTwo) {
            if let lastNumbered, unnumbered < Self.numberingReach, lastNumbered.number >= 2 { return .restarts(before: lastNumbered) }
            if unnumbered > 0, lastNumbered == nil || unnumbered >= Self.numberingReach {
                return .numberedAfterUnnumbered(pages: unnumbered, runsOn: nextPrintsTwo)
            }
        }
        if runsOn(page, from: max(itemStart, page - Self.numberingReach)) { return .runsOn }
        if numbers.isEmpty, unnumbered == 0, let lastNumbered, lastNumbered.number >= 2 {
            return .missingAfterNumbered(before: lastNumbered)
        }
        if !numbers.isEmpty, unnumbered == 0, let lastNumbered, lastNumbered.number >= 2, !numbers.contains(lastNumbered.number + 1) {
            return .breaksOff(before: lastNumbered)
        }
        return .none
    }

    /// Whether a page number sequence of the pages before `page` (back to `earliest`) runs on at
    /// `page`, or over it to a page after when `page` prints none.
    private func runsOn(_ page: Int, from earliest: Int) -> Bool {
        guard earliest < page else { return false }
        let later = signals[page].numbers.isEmpty
            ? Array((page + 1)..<min(signals.count, page + 1 + Self.numberingReach)) : [page]
        for before in earliest..<page {
            for after in later {
                let step = after - before
                for number in signals[before].numbers where signals[after].numbers.contains(number + step) {
                    return true
                }
            }
        }
        return false
    }
}
