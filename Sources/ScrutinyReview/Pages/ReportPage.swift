import Foundation
import ScrutinyBatch
import ScrutinyCore

/// The review page of one report (`review/<document_id>.html`): its warnings first, the document
/// block, then every record in a table of its kind, each with where it was found; beside them
/// the source: the pages that hold the records, or a text or HTML file's lines.
///
/// Every record row carries its provenance as data attributes (`data-page`, `data-line`,
/// `data-box` as `x y width height` in points) and a link to its page or line, so the page works
/// as plain HTML; `review.js` turns the link into the highlight of the line's box on the page.
struct ReportPage {
    var report: Report
    /// The source's preview, `nil` when it could not be made.
    var preview: SourcePreview?
    /// Why there is no preview, when there is none.
    var previewProblem: String?
    /// The preview folder relative to the page (`sources/<file id>`).
    var sourceFolder: String

    func html() -> String { String(decoding: bytes(), as: UTF8.self) }

    /// The page as UTF-8 bytes.
    func bytes() -> [UInt8] {
        var html = HTMLText(capacity: 4096 + (report.budgets.count + report.recommendations.count) * 400)
        let title = report.document.title ?? "Untitled report"
        PageShell.open(title: title + " – scrutiny review", page: "report", into: &html)
        html.raw("<a class=\"skip\" href=\"#records\">Skip to the records</a>\n")
        html.raw("<header class=\"masthead\">\n<p class=\"crumbs\"><a href=\"index.html\">All reports</a></p>\n<h1>")
        html.text(title)
        html.raw("</h1>\n")
        let byline = [report.document.council, report.document.committee, report.document.meetingDate.map(DisplayDate.text)]
            .compactMap { $0 }
        if !byline.isEmpty {
            html.raw("<p class=\"byline\">")
            html.text(byline.joined(separator: " · "))
            html.raw("</p>\n")
        }
        html.raw("</header>\n<div class=\"workspace\">\n<main id=\"records\" tabindex=\"-1\">\n")
        warnings(into: &html)
        documentBlock(into: &html)
        recommendations(into: &html)
        updates(into: &html)
        partnerships(into: &html)
        budgets(into: &html)
        implications(into: &html)
        html.raw("</main>\n")
        viewer(into: &html)
        html.raw("</div>\n")
        PageShell.close(into: &html)
        return html.bytes
    }

    // MARK: Records

    private func warnings(into html: inout HTMLText) {
        html.raw("<section class=\"warnings\" aria-labelledby=\"h-warnings\">\n<h2 id=\"h-warnings\">Warnings <span class=\"count\">")
        html.text(String(report.warnings.count))
        html.raw("</span></h2>\n")
        if report.warnings.isEmpty {
            html.raw("<p>None: the extractor inferred nothing it had to warn about.</p>\n")
        } else {
            html.raw("<ul>\n")
            for warning in report.warnings { html.raw("<li>"); html.text(warning); html.raw("</li>\n") }
            html.raw("</ul>\n")
        }
        html.raw("</section>\n")
    }

    private func documentBlock(into html: inout HTMLText) {
        let d = report.document
        let contact = [d.contact.name, d.contact.role, d.contact.phone, d.contact.email].compactMap { $0 }
        var rows: [(String, String?)] = [
            ("Council", d.council), ("Committee", d.committee), ("Meeting date", d.meetingDate.map(DisplayDate.text)),
            ("Agenda item", d.agendaItem), ("Title", d.title), ("Report by", d.reportBy),
            ("Contact", contact.isEmpty ? nil : contact.joined(separator: ", ")), ("Purpose", d.purpose),
            ("Source file", report.source.file), ("Format", report.source.format.rawValue.uppercased()),
            ("Pages", report.source.pages.map(String.init)), ("SHA-256", report.source.sha256),
        ]
        if let item = report.source.item {
            rows.append(("Pack item", "item \(item.index) (\(item.kind.rawValue)), pages \(item.firstPage)–\(item.lastPage)"))
        }
        if let ocr = report.source.ocr {
            rows.append(("Read by OCR", "pages " + ocr.pages.map(String.init).joined(separator: ", ")
                         + ", mean confidence " + String(ocr.meanConfidence)))
        }
        html.raw("<section aria-labelledby=\"h-document\">\n<h2 id=\"h-document\">Document</h2>\n")
        html.raw("<table class=\"fields\">\n<tbody>\n")
        for (label, value) in rows {
            html.raw("<tr><th scope=\"row\">")
            html.text(label)
            html.raw("</th>")
            cell(value, into: &html, className: label == "SHA-256" ? "hash" : nil)
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n</section>\n")
    }

    private func recommendations(into html: inout HTMLText) {
        table(kind: "recommendation", heading: "Recommendations", headers: ["No.", "Recommendation"], count: report.recommendations.count,
              into: &html) { index, html in
            let r = report.recommendations[index]
            row(id: "recommendation", number: index + 1, provenance: r.provenance, into: &html) { html in
                cell(r.number, into: &html)
                cell(r.text, into: &html, className: "text")
            }
        }
    }

    private func updates(into html: inout HTMLText) {
        table(kind: "update", heading: "Recommendation updates", headers: ["Partnership", "Recommendation", "Progress"],
              count: report.recommendationUpdates.count, into: &html) { index, html in
            let u = report.recommendationUpdates[index]
            row(id: "update", number: index + 1, provenance: u.provenance, into: &html) { html in
                cell(u.partnership, into: &html)
                cell(u.text, into: &html, className: "text")
                cell(u.progress, into: &html, className: "text")
            }
        }
    }

    private func partnerships(into html: inout HTMLText) {
        table(kind: "partnership", heading: "Partnerships",
              headers: ["Name", "Acronym", "Purpose", "Statutory", "Council role", "Members", "Aims, achievements, priorities"],
              count: report.partnerships.count, into: &html) { index, html in
            let p = report.partnerships[index]
            row(id: "partnership", number: index + 1, provenance: p.provenance, into: &html) { html in
                cell(p.name, into: &html)
                cell(p.acronym, into: &html)
                cell(p.purpose, into: &html, className: "text")
                cell(p.statutory.map { $0 ? "yes" : "no" }, into: &html)
                cell(p.councilRole, into: &html)
                cell(p.members.isEmpty ? nil : p.members.joined(separator: "; "), into: &html, className: "text")
                let lists = [("Aims", p.aims), ("Achievements", p.achievements), ("Priorities", p.priorities)].filter { !$0.1.isEmpty }
                if lists.isEmpty {
                    cell(nil, into: &html)
                } else {
                    html.raw("<td class=\"text\">")
                    for (label, items) in lists {
                        html.raw("<p class=\"list-label\">")
                        html.text(label)
                        html.raw("</p><ul>")
                        for item in items { html.raw("<li>"); html.text(item); html.raw("</li>") }
                        html.raw("</ul>")
                    }
                    html.raw("</td>")
                }
            }
        }
    }

    private func budgets(into html: inout HTMLText) {
        table(kind: "budget", heading: "Budgets",
              headers: ["Amount", "As printed", "Kind", "Period", "Partnership", "Approx\u{AD}imate"],
              count: report.budgets.count, into: &html) { index, html in
            let b = report.budgets[index]
            row(id: "budget", number: index + 1, provenance: b.provenance, into: &html) { html in
                cell(MoneyText.text(b.amount, currency: b.currency), into: &html, className: "num")
                cell(b.raw, into: &html, className: "raw")
                cell(b.kind.rawValue, into: &html)
                cell(b.period, into: &html)
                cell(b.partnership, into: &html)
                cell(b.approximate ? "yes" : "no", into: &html)
            }
        }
    }

    private func implications(into html: inout HTMLText) {
        table(kind: "implication", heading: "Implications", headers: ["Area", "Text"], count: report.implications.count,
              into: &html) { index, html in
            let i = report.implications[index]
            row(id: "implication", number: index + 1, provenance: i.provenance, into: &html) { html in
                cell(i.area, into: &html)
                cell(i.text, into: &html, className: "text")
            }
        }
    }

    // MARK: Tables

    /// A section with its heading and a table of `count` rows (or a line saying there are none);
    /// the last column of every table is where the record was found.
    private func table(kind: String, heading: String, headers: [String], count: Int, into html: inout HTMLText,
                       rows: (Int, inout HTMLText) -> Void) {
        let id = "h-\(kind)s"
        html.raw("<section class=\"records\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">")
        html.text(heading)
        html.raw(" <span class=\"count\">\(count)</span></h2>\n")
        guard count > 0 else {
            html.raw("<p class=\"none\">None found.</p>\n</section>\n")
            return
        }
        html.raw("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"\(id)\" tabindex=\"0\">\n")
        html.raw("<table class=\"records\" data-kind=\"\(kind)\">\n<thead><tr>")
        for header in headers + ["Found at"] {
            html.raw("<th scope=\"col\">")
            html.text(header)
            html.raw("</th>")
        }
        html.raw("</tr></thead>\n<tbody>\n")
        for index in 0..<count { rows(index, &html) }
        html.raw("</tbody>\n</table>\n</div>\n</section>\n")
    }

    /// One record's row: its cells, then where it was found as a link to the page or line.
    private func row(id: String, number: Int, provenance: Provenance?, into html: inout HTMLText, cells: (inout HTMLText) -> Void) {
        html.raw("<tr class=\"record\" id=\"")
        html.raw(id)
        html.raw("-")
        html.integer(number)
        html.raw("\"")
        if let provenance {
            if let page = provenance.page {
                html.raw(" data-page=\"")
                html.integer(page)
                html.raw("\"")
            }
            html.raw(" data-line=\"")
            html.integer(provenance.line)
            html.raw("\"")
            if let box = provenance.box {
                html.raw(" data-box=\"")
                html.points(box.x)
                html.raw(" ")
                html.points(box.y)
                html.raw(" ")
                html.points(box.width)
                html.raw(" ")
                html.points(box.height)
                html.raw("\"")
            }
        }
        html.raw(">")
        cells(&html)
        html.raw("<td class=\"where\">")
        if let provenance {
            if let page = provenance.page {
                html.raw("<a class=\"locate\" href=\"#page-")
                html.integer(page)
                html.raw("\">Page ")
                html.integer(page)
                html.raw(", line ")
            } else {
                html.raw("<a class=\"locate\" href=\"#line-")
                html.integer(provenance.line)
                html.raw("\">Line ")
            }
            html.integer(provenance.line)
            html.raw("</a>")
            if let section = provenance.section {
                html.raw("<span class=\"section\">")
                html.text(section)
                html.raw("</span>")
            }
            if provenance.ocr { html.raw("<span class=\"badge\">read by OCR</span>") }
        } else {
            html.raw("<span class=\"none\">not recorded</span>")
        }
        html.raw("</td></tr>\n")
    }

    private func cell(_ value: String?, into html: inout HTMLText, className: String? = nil) {
        guard let value, !value.isEmpty else {
            html.raw(Self.notFound)
            return
        }
        html.raw("<td")
        if let className { html.attribute("class", className) }
        html.raw(">")
        html.text(value)
        html.raw("</td>")
    }

    // MARK: The source

    private func viewer(into html: inout HTMLText) {
        html.raw("<aside class=\"viewer\" id=\"viewer\" aria-labelledby=\"h-source\">\n<div class=\"viewer-bar\">\n")
        html.raw("<h2 id=\"h-source\">Source</h2>\n<p class=\"source-file\">")
        html.text(report.source.file)
        html.raw("</p>\n</div>\n<p class=\"viewer-status\" role=\"status\">")
        if let previewProblem {
            html.text("The source cannot be shown: " + previewProblem)
        } else {
            html.text("Choose a record’s “Found at” link to see where it was found.")
        }
        html.raw("</p>\n")
        guard let preview else {
            html.raw("</aside>\n")
            return
        }
        if preview.format == .pdf {
            html.raw("<div class=\"pages\" tabindex=\"0\" role=\"region\" aria-label=\"Pages of the source\">\n")
            for (index, number) in pagesWithRecords().enumerated() {
                guard let page = preview.page(number) else {
                    html.raw("<p class=\"none\" id=\"page-\(number)\">Page \(number) has no image.</p>\n")
                    continue
                }
                html.raw("<figure class=\"page\" id=\"page-\(number)\"")
                html.attribute("data-width", String(page.width))
                html.attribute("data-height", String(page.height))
                html.raw("><div class=\"sheet\"><img")
                html.attribute("src", sourceFolder + "/" + page.image)
                // The first pages are in view at once; the others load as they are scrolled to.
                html.raw(" width=\"\(page.pixelWidth)\" height=\"\(page.pixelHeight)\" alt=\"Page \(number) of the source\"")
                html.raw(index < 2 ? " decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">")
                html.raw("</div><figcaption>Page \(number)</figcaption></figure>\n")
            }
            html.raw("</div>\n")
        } else {
            html.raw("<ol class=\"lines\" tabindex=\"0\" aria-label=\"Lines of the source\">\n")
            for line in preview.lines {
                html.raw("<li id=\"line-\(line.number)\" value=\"\(line.number)\" class=\"\(line.role.rawValue)\">")
                html.text(line.text)
                html.raw("</li>\n")
            }
            html.raw("</ol>\n")
        }
        html.raw("</aside>\n")
    }

    /// An empty field: a dash to the eye, "not found" to a screen reader.
    static let notFound = "<td class=\"none\"><span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">not found</span></td>"

    /// The pages that hold at least one of the report's records, in order.
    func pagesWithRecords() -> [Int] {
        Set(report.provenances.compactMap(\.page)).sorted()
    }
}

extension Report {
    /// The provenance of every record, in the order the page lists them.
    var provenances: [Provenance] {
        recommendations.map(\.provenance) + recommendationUpdates.map(\.provenance) + partnerships.map(\.provenance)
            + budgets.map(\.provenance) + implications.compactMap(\.provenance)
    }
}

/// Amounts as a reader writes them: `£1,312,000`, `−£1,000`, `£31,007.46`, `€2,500`.
enum MoneyText {
    static func text(_ amount: Double, currency: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        if amount < 0 { bytes.append(contentsOf: "−".utf8) }
        switch currency {
        case "GBP": bytes.append(contentsOf: "£".utf8)
        case "EUR": bytes.append(contentsOf: "€".utf8)
        case "USD": bytes.append(UInt8(ascii: "$"))
        default: bytes.append(contentsOf: currency.utf8); bytes.append(UInt8(ascii: " "))
        }
        let cents = (amount.magnitude * 100).rounded()
        guard cents.isFinite, cents < 9e18 else {
            bytes.append(contentsOf: String(format: "%.2f", amount.magnitude).utf8)
            return String(decoding: bytes, as: UTF8.self)
        }
        let total = UInt64(cents)
        var whole = total / 100
        var digits: [UInt8] = []
        repeat {
            if digits.count % 4 == 3 { digits.append(UInt8(ascii: ",")) }
            digits.append(UInt8(ascii: "0") + UInt8(whole % 10))
            whole /= 10
        } while whole > 0
        bytes.append(contentsOf: digits.reversed())
        let fraction = total % 100
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
