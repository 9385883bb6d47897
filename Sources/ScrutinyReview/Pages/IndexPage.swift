import Foundation
import ScrutinyCore

/// The review's `index.html`: one row per report (council, committee, date, title linking to
/// its page, record counts, warnings), in document-id order.
///
/// `review.js` makes the columns sortable (a button in each header cell, `aria-sort` kept) and
/// shows the filters (council, committee, warning kind), which work from the rows' `data-`
/// attributes; without the script the table is all there, in its first order.
struct IndexPage {
    var summaries: [ReportSummary]
    /// What to say of the source files the review could not show, by document id.
    var problems: [String: String] = [:]

    func html() -> String {
        var html = HTMLText(capacity: 8192 + summaries.count * 900)
        PageShell.open(title: "Review of \(summaries.count) report\(summaries.count == 1 ? "" : "s") – scrutiny", page: "index",
                       into: &html)
        html.raw("<a class=\"skip\" href=\"#reports\">Skip to the reports</a>\n")
        html.raw("<header class=\"masthead\">\n<h1>Review of \(summaries.count) report\(summaries.count == 1 ? "" : "s")</h1>\n")
        html.raw("<p class=\"byline\">Each report’s page shows its records beside the page they were found on. Warnings say what the extractor had to infer.</p>\n")
        html.raw("</header>\n<main id=\"reports\" tabindex=\"-1\">\n")
        filters(into: &html)
        html.raw("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"reports-caption\" tabindex=\"0\">\n")
        html.raw("<table class=\"reports\" id=\"report-table\">\n<caption id=\"reports-caption\">Reports</caption>\n<thead><tr>")
        let columns: [(String, String, Bool)] = [
            ("council", "Council", false), ("committee", "Committee", false), ("date", "Meeting date", false),
            ("title", "Title", false), ("recommendations", "Recommendations", true), ("updates", "Updates", true),
            ("partnerships", "Partnerships", true), ("budgets", "Budgets", true), ("implications", "Implications", true),
            ("warnings", "Warnings", true),
        ]
        for (key, label, numeric) in columns {
            html.raw("<th scope=\"col\" data-key=\"\(key)\"\(numeric ? " class=\"num\"" : "")>")
            html.text(label)
            html.raw("</th>")
        }
        html.raw("</tr></thead>\n<tbody>\n")
        for summary in summaries { row(summary, into: &html) }
        html.raw("</tbody>\n</table>\n</div>\n</main>\n")
        PageShell.close(into: &html)
        return html.html
    }

    private func filters(into html: inout HTMLText) {
        html.raw("<form class=\"filters\" id=\"filters\" hidden>\n<h2 class=\"visually-hidden\">Filter the reports</h2>\n")
        select("council", label: "Council", all: "All councils", values: summaries.map { $0.council ?? "" }, into: &html)
        select("committee", label: "Committee", all: "All committees", values: summaries.map { $0.committee ?? "" }, into: &html)
        let kinds = Set(summaries.flatMap { $0.warnings.map(WarningKind.of) }).sorted()
        html.raw("<label>Warning <select data-filter=\"warning\"><option value=\"\">Any or none</option>")
        html.raw("<option value=\"*\">Any warning</option><option value=\"-\">No warnings</option>")
        for kind in kinds {
            html.raw("<option")
            html.attribute("value", kind)
            html.raw(">")
            html.text(kind)
            html.raw("</option>")
        }
        html.raw("</select></label>\n")
        html.raw("<p class=\"shown\" role=\"status\" id=\"shown\"></p>\n</form>\n")
    }

    private func select(_ key: String, label: String, all: String, values: [String], into html: inout HTMLText) {
        html.raw("<label>\(label) <select data-filter=\"\(key)\"><option value=\"\">")
        html.text(all)
        html.raw("</option>")
        for value in Set(values).sorted() {
            html.raw("<option")
            html.attribute("value", value)
            html.raw(">")
            html.text(value.isEmpty ? "(not found)" : value)
            html.raw("</option>")
        }
        html.raw("</select></label>\n")
    }

    private func row(_ s: ReportSummary, into html: inout HTMLText) {
        html.raw("<tr")
        html.attribute("data-council", s.council ?? "")
        html.attribute("data-committee", s.committee ?? "")
        html.attribute("data-warning", s.warnings.map(WarningKind.of).joined(separator: "\n"))
        html.raw(">")
        cell(s.council, into: &html)
        cell(s.committee, into: &html)
        if let date = s.meetingDate {
            html.raw("<td")
            html.attribute("data-value", date)
            html.raw(">")
            html.text(DisplayDate.text(date))
            html.raw("</td>")
        } else {
            cell(nil, into: &html)
        }
        html.raw("<td class=\"title\"><a")
        html.attribute("href", s.documentID + ".html")
        html.raw(">")
        html.text(s.title ?? "Untitled report")
        html.raw("</a><span class=\"source-file\">")
        html.text(s.file)
        html.raw("</span>")
        if let problem = problems[s.documentID] {
            html.raw("<span class=\"problem\">")
            html.text("Source not shown: " + problem)
            html.raw("</span>")
        }
        html.raw("</td>")
        for count in [s.recommendations, s.recommendationUpdates, s.partnerships, s.budgets, s.implications] {
            html.raw("<td class=\"num\">\(count)</td>")
        }
        html.raw("<td class=\"num\" data-value=\"\(s.warnings.count)\">")
        if s.warnings.isEmpty {
            html.raw("0")
        } else {
            html.raw("<details><summary>\(s.warnings.count)</summary><ul>")
            for warning in s.warnings { html.raw("<li>"); html.text(warning); html.raw("</li>") }
            html.raw("</ul></details>")
        }
        html.raw("</td></tr>\n")
    }

    private func cell(_ value: String?, into html: inout HTMLText) {
        guard let value, !value.isEmpty else {
            html.raw("<td class=\"none\">not found</td>")
            return
        }
        html.raw("<td>")
        html.text(value)
        html.raw("</td>")
    }
}
