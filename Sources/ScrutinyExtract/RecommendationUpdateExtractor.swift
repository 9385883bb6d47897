import ScrutinyCore

/// Finds earlier recommendations and their progress in two-column progress tables
/// ("Recommendation | Progress"), one record per recommendation.
///
/// A cell holding several recommendations as separate paragraphs is paired paragraph by
/// paragraph with the progress cell; a repeated header row is skipped; a row with an empty
/// first cell (or a lone lower-case paragraph) continues the previous record's progress.
/// The partnership comes from the outliner, which reads the table's group rows.
public struct RecommendationUpdateExtractor: Sendable {
    public init() {}

    /// The recommendation updates, in table order.
    public func extract(from lines: [OutlinedLine]) -> [RecommendationUpdate] {
        var updates: [RecommendationUpdate] = []
        var inTable = false
        var flat = FlatGroup()
        var skipNext = false
        var columns: ProgressTable.Columns?
        var previousRow: OutlinedLine?
        for (index, line) in lines.enumerated() {
            if skipNext {
                skipNext = false
                continue
            }
            if ProgressTable.isHeader(line) {
                if let header = ProgressTable.columns(of: line) { columns = header }
                inTable = true
                continue
            }
            if ProgressTable.isFlatHeader(at: index, in: lines) {
                updates += flat.flush()
                inTable = true
                flat.active = true
                skipNext = true
                continue
            }
            guard inTable else { continue }
            if (line.isHeading && HeadingRule.opensMajorSection(line.text, headingLevel: nil))
                || (line.role == .heading && ProgressTable.groupName(line) == nil)
                || DocumentOutliner.formName(line) != nil {
                updates += flat.flush()
                flat.active = false
                inTable = false
                continue
            }
            if flat.active && line.role != .tableRow {
                if ProgressTable.groupName(line) != nil, line.partnership != flat.partnership || flat.isEmpty {
                    updates += flat.flush()
                    flat.partnership = line.partnership
                    continue
                }
                if ProgressTable.isContinuation(line) {
                    flat.continueLast(with: line.text)
                } else {
                    flat.add(line)
                }
                continue
            }
            // A row laid out like the header: take the recommendation and progress columns.
            if let columns, line.role == .tableRow, line.cells.count == columns.count {
                let rec = line.cells[columns.recommendation].trimmed
                let progress = line.cells[columns.progress].trimmed
                if rec.isEmpty {
                    if !progress.isEmpty, !updates.isEmpty {
                        let previous = updates[updates.count - 1].progress
                        updates[updates.count - 1].progress = previous.map { $0 + " " + progress } ?? progress
                    }
                } else if line.filledCells.count > 1 || columns.recommendation == 0 {
                    updates += records(recommendation: rec, progress: progress, line: line)
                }
                continue
            }
            if ProgressTable.isContinuation(line), !updates.isEmpty {
                let more = line.filledCells.joined(separator: " ")
                let previous = updates[updates.count - 1].progress
                updates[updates.count - 1].progress = previous.map { $0 + " " + more } ?? more
                continue
            }
            if ProgressTable.groupName(line) != nil { continue }
            let cells = line.cells.map(\.trimmed)
            guard line.role == .tableRow, cells.count >= 2, !cells[0].isEmpty else { continue }
            // A row whose recommendation starts in lower case carries on the row above (a PDF
            // table read one visual line at a time).
            defer { previousRow = line }
            if let last = updates.last, let previousRow, cells[0].first?.isLowercase == true, !last.text.hasSuffix("."),
               previousRow.page == line.page, line.lineNumber - previousRow.lineNumber <= 2 {
                let more = cells[1...].filter { !$0.isEmpty }.joined(separator: " ")
                updates[updates.count - 1].text += " " + cells[0]
                if !more.isEmpty { updates[updates.count - 1].progress = (last.progress.map { $0 + " " } ?? "") + more }
                continue
            }
            updates += records(recommendation: cells[0], progress: cells[1...].filter { !$0.isEmpty }.joined(separator: "\n"), line: line)
        }
        return updates + flat.flush()
    }

    /// The paragraphs of one group of a progress table exported one cell per line: each reads
    /// as a recommendation or as progress, and they are paired in order.
    struct FlatGroup {
        var active = false
        var partnership: String?
        private var recommendations: [(text: String, line: OutlinedLine)] = []
        private var progress: [String] = []
        private var lastWasProgress = false

        var isEmpty: Bool { recommendations.isEmpty && progress.isEmpty }

        mutating func add(_ line: OutlinedLine) {
            if ProgressTable.readsAsRecommendation(line.text) || recommendations.count <= progress.count && !lastWasProgress && recommendations.isEmpty {
                recommendations.append((line.text, line))
                lastWasProgress = false
            } else {
                progress.append(line.text)
                lastWasProgress = true
            }
        }

        mutating func continueLast(with text: String) {
            if lastWasProgress, !progress.isEmpty {
                progress[progress.count - 1] += " " + text
            } else if !recommendations.isEmpty {
                recommendations[recommendations.count - 1].text += " " + text
            }
        }

        mutating func flush() -> [RecommendationUpdate] {
            defer {
                recommendations = []
                progress = []
                lastWasProgress = false
            }
            return recommendations.enumerated().map { index, item in
                RecommendationUpdate(partnership: partnership ?? item.line.partnership, text: item.text,
                                     progress: index < progress.count ? progress[index] : nil, provenance: item.line.provenance)
            }
        }
    }

    /// One record per recommendation paragraph, paired with the progress paragraphs.
    private func records(recommendation: String, progress: String, line: OutlinedLine) -> [RecommendationUpdate] {
        let texts = InlineMarkup.paragraphs(of: recommendation)
        let progresses = InlineMarkup.paragraphs(of: progress)
        let section = line.partnership
        if texts.count > 1 && texts.count == progresses.count {
            return zip(texts, progresses).map { RecommendationUpdate(partnership: section, text: $0, progress: $1, provenance: line.provenance) }
        }
        if texts.count > 1 && progresses.count <= 1 {
            return texts.map { RecommendationUpdate(partnership: section, text: $0, progress: progresses.first, provenance: line.provenance) }
        }
        let joinedProgress = progresses.isEmpty ? nil : joinParagraphs(progresses)
        return [RecommendationUpdate(partnership: section, text: texts.joined(separator: " "), progress: joinedProgress, provenance: line.provenance)]
    }

    /// Paragraphs as one text: a list after a colon joined with "; ", others with a space.
    private func joinParagraphs(_ paragraphs: [String]) -> String {
        var out = ""
        var inList = false
        for paragraph in paragraphs {
            if out.isEmpty {
                out = paragraph
            } else if inList && paragraph.first?.isLowercase == true {
                out += "; " + paragraph
            } else if out.hasSuffix(":") {
                out += " " + paragraph
                inList = true
            } else {
                inList = inList && paragraph.first?.isLowercase == true
                out += (out.last.map { ".!?".contains($0) } == true ? " " : ". ") + paragraph
            }
        }
        return out
    }
}
