/// The partnerships a report is about, with every way the report names them, so that
/// "Chelmsford Local Delivery Mechanism (LDM)", "Local Delivery Mechanism" and "LDM" all
/// resolve to one canonical name.
struct PartnershipDirectory: Sendable {
    /// One partnership: its canonical name, acronym and other names seen.
    struct Entry: Sendable, Hashable {
        var name: String
        var acronym: String?
        var aliases: [String]
        /// True when the report has a form or section of its own for this partnership.
        var hasForm: Bool
        /// Where the name was first seen.
        var firstLine: OutlinedLine?
    }

    private(set) var entries: [Entry] = [] {
        didSet { lowercasedNames = entries.map { ([$0.name] + $0.aliases).map(LowercasedName.init) } }
    }
    /// Each entry's name then aliases, lowercased once when the entries change rather than at every look-up.
    private var lowercasedNames: [[LowercasedName]] = []

    /// A name lowercased, with what the word-boundary match asks of it worked out once.
    private struct LowercasedName: Sendable {
        var lower: String
        /// Long enough (eight characters or more) for a partial match.
        var isLong: Bool
        var hasWords: Bool
        var spacedBefore: String
        var spacedAfter: String

        init(_ name: String) {
            lower = name.lowercasedByScalar
            isLong = lower.count >= 8
            hasWords = lower.wordCount >= 2
            spacedBefore = " " + lower
            spacedAfter = lower + " "
        }
    }
    /// The partnership a report about one partnership names in its title, when that is
    /// where the name came from.
    var titlePartnership: String?

    private static let acronymInParens = Pattern(#"\(([A-Z][A-Za-z&]{1,9})\)"#, caseSensitive: true)
    private static let parenthetical = Pattern(#"\s*\([^)]*\)"#)

    /// Splits a printed name into its canonical form and acronym: "The South Essex Parking
    /// Partnership (SEPP)" is ("South Essex Parking Partnership", "SEPP"). Other bracketed
    /// remarks are dropped.
    static func canonical(_ printed: String) -> (name: String, acronym: String?) {
        // Both patterns need a bracket: most names have none and skip them.
        let bracketed = printed.containsByte(UInt8(ascii: "("))
        var acronym: String?
        if bracketed, let m = acronymInParens.firstMatch(in: printed), let a = m[1], a == a.uppercased() || a.count <= 6 {
            if a.first?.isUppercase == true && a.filter(\.isUppercase).count >= 2 { acronym = a }
        }
        var name = (bracketed ? parenthetical.replacing(in: printed, with: "") : printed).collapsingSpaces.droppingTrailingPunctuation
        if name.lowercasedByScalar.hasPrefix("the ") { name = String(name.dropFirst(4)) }
        return (name.trimmed, acronym)
    }

    /// Adds a partnership, or merges it into the entry it resolves to; returns the canonical name.
    @discardableResult
    mutating func add(_ printed: String, hasForm: Bool, line: OutlinedLine?) -> String {
        let (name, acronym) = Self.canonical(printed)
        guard !name.isEmpty else { return printed }
        if let index = index(of: name, acronym: acronym) {
            if entries[index].acronym == nil { entries[index].acronym = acronym }
            if hasForm && !entries[index].hasForm {
                // A form names the partnership as the report knows it; keep the list's name as alias.
                entries[index].aliases.append(entries[index].name)
                entries[index].name = name
                entries[index].hasForm = true
            } else if name.lowercasedByScalar != entries[index].name.lowercasedByScalar {
                entries[index].aliases.append(name)
            }
            return entries[index].name
        }
        entries.append(Entry(name: name, acronym: acronym, aliases: [], hasForm: hasForm, firstLine: line))
        return name
    }

    /// The canonical name `printed` refers to, or `nil` when it names none of the entries.
    func resolve(_ printed: String) -> String? {
        let (name, acronym) = Self.canonical(printed)
        return index(of: name, acronym: acronym).map { entries[$0].name }
    }

    private func index(of name: String, acronym: String?) -> Int? {
        let lower = name.lowercasedByScalar
        if let acronym, let i = entries.firstIndex(where: { $0.acronym == acronym }) { return i }
        if let i = lowercasedNames.firstIndex(where: { $0.contains { $0.lower == lower } }) { return i }
        if let i = entries.firstIndex(where: { $0.acronym != nil && $0.acronym == name }) { return i }
        // One name ends or starts the other at a word boundary: "Chelmsford Local Delivery Mechanism"
        // and "Local Delivery Mechanism"; "One Chelmsford" and "One Chelmsford Partnership".
        // What the look-up name contributes is worked out once, not again for every name it is tried against.
        let lowerCount = lower.count
        guard lowerCount >= 8 else { return nil }
        let lowerHasWords = lower.wordCount >= 2
        let spacedBefore = " " + lower, spacedAfter = lower + " "
        return lowercasedNames.firstIndex { names in
            names.contains { o in
                guard o.isLong, o.hasWords || lowerHasWords else { return false }
                return o.lower.hasSuffix(spacedBefore) || lower.hasSuffix(o.spacedBefore) || o.lower.hasPrefix(spacedAfter)
                    || lower.hasPrefix(o.spacedAfter)
            }
        }
    }
}
