import Foundation

/// Finds the authority that wrote a report: its letterhead, the running header or footer, the report's
/// own references to itself and, failing those, the gov.uk domain of its e-mail addresses. A council the
/// report only mentions (a neighbour, a partner) is not the author: where the report prints a gov.uk
/// domain, only a council of that domain's place is taken from the text.
struct CouncilFinder: Sendable {
    static let councilName = Pattern(#"\b((?:[A-Z][A-Za-z'’\-]+\s+){1,4}(?:City|District|Borough|County|Town|Parish|Metropolitan Borough)\s+Council|(?:London|Royal)\s+Borough\s+of\s+[A-Z][a-z]+(?:(?:\s+and|\s+upon)?\s+[A-Z][a-z]+){0,2})\b"#, caseSensitive: true)
    static let councilLine = Pattern(#"^(?:[A-Z][A-Za-z'’\-]+\s+){1,4}(?:City|District|Borough|County|Town|Parish)\s+Council$|^(?:(?:Royal\s+)?[A-Z][A-Za-z'’\-]+\s+){1,3}Council$|^(?:London|Royal)\s+Borough\s+of\s+[A-Z][a-z]+(?:(?:\s+and|\s+upon)?\s+[A-Z][a-z]+){0,2}$"#, caseSensitive: true)
    /// "Westmere Council", "Greater Fenby Authority": a shorter self-name, read only where a domain vouches for it.
    /// "Westmere Council": a council named by its place alone, its place words checked before it counts.
    private static let plainCouncil = Pattern(#"\b((?:[A-Z][A-Za-z'’\-]+\s+){1,3}Council)\b"#, caseSensitive: true)
    private static let plainName = Pattern(#"\b((?:[A-Z][A-Za-z'’\-]+\s+){1,3}(?:Council|(?:Combined\s+)?Authority))\b"#, caseSensitive: true)
    /// A gov.uk host, "@" before it in an e-mail address: group 1 the "@", group 2 the label before ".gov.uk".
    private static let govDomain = Pattern(#"(@)?\b(?:[a-z0-9\-]+\.)*?([a-z0-9\-]+)\.gov\.uk\b"#)

    /// Words that name a kind of council or a body, not a place: "The Council", "Community Council".
    static let notPlaceWords: Set<String> = [
        "the", "a", "an", "this", "that", "our", "each", "every", "whole", "however", "and", "with", "by", "of", "full",
        "local", "community", "county", "city", "district", "borough", "town", "parish", "metropolitan", "consolidated",
        "tenant", "tenants", "youth", "budget", "executive", "combined", "unitary", "council", "authority",
        "principal", "neighbouring", "relevant", "host", "lead", "partner", "constituent", "planning",
    ]
    /// gov.uk domains of national bodies, which name no council.
    static let nationalDomains: Set<String> = ["www", "gov", "legislation", "service", "ons", "nalc", "data", "assets", "publishing"]

    /// The council, and a warning when it was inferred rather than printed as a letterhead.
    func council(front: [OutlinedLine], all: [OutlinedLine], labelled: String?, furniture: [String],
                 warnings: inout [String]) -> String? {
        if let labelled { return labelled }
        // A running header or footer naming a council is the report's letterhead.
        for text in furniture {
            if let name = Self.councilName.firstMatch(in: text)?[1] { return Self.droppingLeadWord(name) }
        }
        for line in front.prefix(12) {
            // A letterhead, often in capitals: "STEEPLETON CITY COUNCIL".
            let text = TitleCaser().titleCaseIfAllCaps(line.text.droppingTrailingPunctuation)
            if Self.isLetterhead(text) { return text }
        }
        // A header line that starts with the council's name: "Westmere District Council – Cabinet – 1 May 2024".
        for line in front.prefix(5) {
            if let name = Self.councilName.firstMatch(in: line.text)?[1], line.text.hasPrefix(name) { return name }
        }
        let domains = Self.domainStems(in: all)
        if let stem = domains.first?.stem {
            if let name = Self.selfName(matching: stem, in: all) {
                warnings.append("council inferred from the report's references to \(name)")
                return name
            }
        }
        // A letterhead on an inner page ("FENBY PARISH COUNCIL" over a form).
        for line in all.dropFirst(front.count)
        where (line.text.includes("COUNCIL") || line.text.includes("Council") || line.text.includes("Borough")
               || line.text.includes("BOROUGH")) && line.text.wordCount <= 6 {
            let text = TitleCaser().titleCaseIfAllCaps(line.text.droppingTrailingPunctuation)
            if Self.isLetterhead(text) {
                warnings.append("council inferred from a letterhead inside the report")
                return text
            }
        }
        if let (stem, fromEmail) = domains.first {
            warnings.append("council inferred from \(fromEmail ? "e-mail" : "web") domain \(stem).gov.uk")
            return stem.prefix(1).uppercased() + stem.dropFirst() + " Council"
        }
        if let best = Self.mostMentioned(in: all) {
            warnings.append("council inferred from the report's mentions of \(best)")
            return best
        }
        if let name = Self.lowerCaseSelfName(in: all) {
            warnings.append("council inferred from the report's mentions of \(name)")
            return name
        }
        warnings.append("council not found")
        return nil
    }

    /// "The Westmere District Council" is "Westmere District Council".
    static func droppingLeadWord(_ name: String) -> String {
        guard let first = name.split(separator: " ").first,
              ["The", "A", "Our", "Each", "Every", "Whole", "However", "And", "With", "By"].contains(String(first)) else { return name }
        return name.split(separator: " ").dropFirst().joined(separator: " ")
    }

    /// A line that is a council's name and nothing else, naming a place ("The Council" does not).
    private static func isLetterhead(_ text: String) -> Bool {
        councilLine.matches(text) && !placeWords(of: text).isEmpty
    }

    /// The words of a council's name that name its place: "London Borough of Fenby" gives ["fenby"].
    private static func placeWords(of name: String) -> [String] {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" }).map(String.init)
        let afterOf = words.firstIndex(of: "of").map { Array(words[($0 + 1)...]) } ?? words
        // "Tenant's Council" is the tenants' body: a possessive is read as its word.
        return afterOf.filter { word in
            var word = Substring(word)
            if word.hasSuffix("'s") || word.hasSuffix("’s") { word = word.dropLast(2) }
            return !notPlaceWords.contains(String(word))
        }
    }

    /// The place parts of the gov.uk domains the report prints, e-mail addresses first, then web
    /// addresses, most frequent first: "name@fenby.gov.uk" gives "fenby".
    private static func domainStems(in lines: [OutlinedLine]) -> [(stem: String, fromEmail: Bool)] {
        var emailCounts: [String: Int] = [:]
        var webCounts: [String: Int] = [:]
        for line in lines where line.text.includes(".gov.uk") {
            for m in govDomain.allMatches(in: line.text) {
                guard let stem = m[2]?.lowercased(), !nationalDomains.contains(stem) else { continue }
                if m[1] != nil {
                    emailCounts[stem, default: 0] += 1
                } else {
                    webCounts[stem, default: 0] += 1
                }
            }
        }
        func ranked(_ counts: [String: Int]) -> [String] {
            counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
        }
        return ranked(emailCounts).map { ($0, true) } + ranked(webCounts).filter { emailCounts[$0] == nil }.map { ($0, false) }
    }

    /// The fullest name the report prints for the council of `stem`'s place: "Council of the London
    /// Borough of Fenby" and "Fenby Council" give "London Borough of Fenby".
    private static func selfName(matching stem: String, in lines: [OutlinedLine]) -> String? {
        var best: String?
        for line in lines where line.text.includes("Council") || line.text.includes("Borough") || line.text.includes("Authority") {
            let text = line.text.replacingOccurrences(of: "\n", with: " ")
            for pattern in [councilName, plainName] {
                for m in pattern.allMatches(in: text) {
                    guard let printed = m[1] else { continue }
                    let name = droppingLeadWord(printed)
                    let place = placeWords(of: name)
                    guard place.contains(stem) || place.joined() == stem.replacingOccurrences(of: "-", with: "") else { continue }
                    if best == nil || name.count > best!.count { best = name }
                }
            }
        }
        return best
    }

    /// "Fenby council's" with "council" in lower case: the report's plain reference to its own council
    /// ("council tax" aside), read only where nothing else names one.
    private static let lowerCaseCouncil = Pattern(#"\b([A-Z][a-z]+(?:[ \-][A-Z][a-z]+)?) council(?!\s+tax)\b"#, caseSensitive: true)

    /// The place the report most often calls "<place> council", as "<Place> Council".
    private static func lowerCaseSelfName(in lines: [OutlinedLine]) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for line in lines where line.text.includes(" council") {
            for m in lowerCaseCouncil.allMatches(in: line.text) {
                guard let place = m[1], !placeWords(of: place).isEmpty,
                      !place.split(separator: " ").contains(where: { notPlaceWords.contains($0.lowercased()) }) else { continue }
                let name = place + " Council"
                if counts[name] == nil { order.append(name) }
                counts[name, default: 0] += 1
            }
        }
        // The most frequent; the first met on a tie.
        return order.enumerated().max { a, b in
            counts[a.element]! < counts[b.element]! || (counts[a.element]! == counts[b.element]! && a.offset > b.offset)
        }?.element
    }

    /// The council the report names most often ("Fenby City Council", "Lowmoor District Council (LDC)").
    private static func mostMentioned(in lines: [OutlinedLine]) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for line in lines where line.text.includes("Council") || line.text.includes("Borough") {
            // "Fenby District Council" is matched by both patterns: counted once.
            var names: [String] = []
            for m in councilName.allMatches(in: line.text) + plainCouncil.allMatches(in: line.text) {
                guard let printed = m[1] else { continue }
                let name = droppingLeadWord(printed)
                guard !placeWords(of: name).isEmpty, !names.contains(where: { $0.hasSuffix(name) || name.hasSuffix($0) }) else { continue }
                names.append(name)
            }
            for name in names {
                if counts[name] == nil { order.append(name) }
                counts[name, default: 0] += 1
            }
        }
        return order.enumerated().max { a, b in
            counts[a.element]! < counts[b.element]! || (counts[a.element]! == counts[b.element]! && a.offset > b.offset)
        }?.element
    }
}
