/// The bodies a report without partnership forms, lists or sections is about, from the names it
/// prints. A body is a subject when its name holds the title's subject ("Counter Fraud Progress
/// Report" and the "Eastmarch and Fenby Counter Fraud Shared Service"), or when it is run jointly
/// (by its type, or a line naming it says "jointly") and the report's purpose names it ("The
/// purpose of this report is to ... the Vale Compact") or the report names it more than once (its
/// name, its acronym or its other word order: "Joint Committee for Ashby Green" and "Ashby Green
/// Committee"). Bodies named once in passing are left out.
struct SubjectBodyFinder: Sendable {
    /// A body the report is about, with the line that first names it.
    struct Subject: Sendable {
        var name: String
        var acronym: String?
        var line: OutlinedLine
    }

    /// How many times a jointly run body must be named for the report to be about it.
    static let repeatedMentions = 2

    /// Every name seen, with what is known of it.
    private struct Mentions {
        var body: NamedBody
        var line: OutlinedLine
        var count: Int
        /// True when a line stating the report's purpose names it.
        var inPurpose: Bool
    }

    /// The subjects of `lines`, whose report is titled `title`, in the order first named.
    func subjects(in lines: [OutlinedLine], title: String?) -> [Subject] {
        let mentions = Self.mentions(in: lines)
        let phrases = title.map { TitleSubject.phrases(of: $0).filter { $0.wordCount >= 2 }.map(\.lowercasedByScalar) } ?? []
        var directory = PartnershipDirectory()
        var subjects: [String: Subject] = [:]
        for mention in mentions {
            let body = mention.body
            let lower = body.name.lowercasedByScalar
            let namesTitle = !body.isCouncilBody && phrases.contains { Self.contains(lower, words: $0) }
            let named = body.isJoint && (mention.inPurpose || count(of: mention, in: mentions, lines: lines) >= Self.repeatedMentions)
            guard namesTitle || named else { continue }
            let name = directory.add(body.name, hasForm: false, line: mention.line)
            if subjects[name] == nil {
                subjects[name] = Subject(name: name, acronym: body.acronym, line: mention.line)
            } else if subjects[name]?.acronym == nil {
                subjects[name]?.acronym = body.acronym
            }
        }
        return directory.entries.compactMap { subjects[$0.name] }
    }

    /// Each distinct name (compared without case) with its first line and how often it is printed
    /// outside the implications.
    private static func mentions(in lines: [OutlinedLine]) -> [Mentions] {
        var order: [String] = []
        var byName: [String: Mentions] = [:]
        for line in lines {
            let bodies = NamedBodyScanner.bodies(in: line.text)
            guard !bodies.isEmpty else { continue }
            let statesPurpose = Self.statesPurpose(line)
            let counted = Self.counts(line) ? 1 : 0
            let saysJointly = BodyVocabulary.jointWording.contains { TextScan.containsASCIICaseInsensitive(line.text, $0) }
            for var body in bodies {
                if saysJointly && !body.isCouncilBody { body.isJoint = true }
                let key = body.name.lowercasedByScalar
                if var seen = byName[key] {
                    seen.count += counted
                    seen.inPurpose = seen.inPurpose || statesPurpose
                    seen.body.isJoint = seen.body.isJoint || body.isJoint
                    if seen.body.acronym == nil { seen.body.acronym = body.acronym }
                    // A heading in capitals is not how the name is written: keep its first mixed-case printing.
                    if TitleCaser.isAllCaps(seen.body.name) && !TitleCaser.isAllCaps(body.name) { seen.body.name = body.name }
                    byName[key] = seen
                } else {
                    order.append(key)
                    byName[key] = Mentions(body: body, line: line, count: counted, inPurpose: statesPurpose)
                }
            }
        }
        return order.compactMap { byName[$0] }
    }

    /// True when the line says what the report is for: it opens with a purpose lead-in or sits under a purpose heading.
    static func statesPurpose(_ line: OutlinedLine) -> Bool {
        let text = (ListMarker.split(line.text)?.rest ?? line.text).lowercasedByScalar
        if BodyVocabulary.purposeLeadIns.contains(where: { text.hasPrefix($0) }) { return true }
        guard let section = line.section else { return false }
        let heading = (ListMarker.split(section)?.rest ?? section).lowercasedByScalar.droppingTrailingPunctuation
        return BodyVocabulary.purposeHeadings.contains(heading)
    }

    /// False for a line under an implications heading, whose template text names the same bodies in
    /// every report: it does not count as a mention.
    static func counts(_ line: OutlinedLine) -> Bool {
        guard let section = line.section else { return true }
        return !TextScan.containsASCIICaseInsensitive(section, "implication")
    }

    /// How often the report names the body: its own name, its other word order, and the lines that use its acronym.
    private func count(of mention: Mentions, in all: [Mentions], lines: [OutlinedLine]) -> Int {
        var count = mention.count
        if let reordered = mention.body.reorderedName {
            count += all.lazy.filter { $0.body.name.lowercasedByScalar == reordered }.map(\.count).reduce(0, +)
        }
        if let acronym = mention.body.acronym {
            // The line that defines it ("... (ABC)") is already counted.
            count += max(0, lines.lazy.filter { Self.counts($0) && Self.containsWord(acronym, in: $0.text) }.count - 1)
        }
        return count
    }

    /// True when `phrase` occurs in `name` as whole words.
    static func contains(_ name: String, words phrase: String) -> Bool {
        (" " + name + " ").includes(" " + phrase + " ")
    }

    /// True when `word` occurs in `text` with no letter or digit either side.
    static func containsWord(_ word: String, in text: String) -> Bool {
        guard text.includes(word) else { return false }
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter ?? false || before?.isNumber ?? false), !(after?.isLetter ?? false || after?.isNumber ?? false) {
                return true
            }
            rest = text[range.upperBound...]
        }
        return false
    }
}
