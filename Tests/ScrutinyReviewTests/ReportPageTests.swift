import Foundation
import ScrutinyBatch
import ScrutinyCore
import Testing
@testable import ScrutinyReview

/// The page of one report as HTML: every record, its provenance, the source beside it.
@Suite struct ReportPageTests {
    static func page(_ report: Report = ReviewFixtures.pdfReport, preview: SourcePreview? = ReviewFixtures.pdfPreview,
                     problem: String? = nil) -> String {
        ReportPage(report: report, preview: preview, previewProblem: problem, sourceFolder: "sources/0f1e2d3c4b5a6978").html()
    }

    @Test func everyRecordHasARowWithItsProvenanceAndALinkToItsPage() {
        let html = Self.page()
        for id in ["recommendation-1", "update-1", "partnership-1", "budget-1", "budget-2", "implication-1", "implication-2"] {
            #expect(html.contains("id=\"\(id)\""), "\(id)")
        }
        #expect(html.contains(#"<tr class="record" id="budget-1" data-page="3" data-line="8" data-box="72.5 310.25 420 13.5">"#))
        #expect(html.contains(##"<a class="locate" href="#page-3">Page 3, line 8</a>"##))
        #expect(html.contains(#"<tr class="record" id="update-1" data-page="2" data-line="3">"#))
        // An implication without provenance says so rather than linking nowhere.
        #expect(html.contains("not recorded"))
        #expect(html.contains("read by OCR"))
    }

    @Test func budgetsShowAmountRawKindPeriodPartnershipAndApproximate() {
        let html = Self.page()
        let none = ReportPage.notFound
        #expect(html.contains("<td class=\"num\">£1,250,000</td><td class=\"raw\">£1.25m</td><td>budget</td><td>2025/26</td>\(none)<td>no</td>"))
        #expect(html.contains("<td class=\"num\">−£4,000</td><td class=\"raw\">(£4,000)</td><td>deficit</td>\(none)<td>Quillham Ferry Trust</td><td>yes</td>"))
        #expect(none.contains("not found"))
    }

    @Test func recordTextCannotOpenATag() {
        let html = Self.page()
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("<h1>Ferry &lt;fares&gt; review</h1>"))
        #expect(html.contains("in/Quillham &lt;ferry&gt; &amp; &quot;harbour&quot;.pdf"))
    }

    @Test func warningsComeBeforeTheRecords() throws {
        let html = Self.page()
        let warnings = try #require(html.range(of: "id=\"h-warnings\""))
        let document = try #require(html.range(of: "id=\"h-document\""))
        let records = try #require(html.range(of: "id=\"h-recommendations\""))
        #expect(warnings.lowerBound < document.lowerBound && document.lowerBound < records.lowerBound)
        #expect(html.contains("<li>purpose not found</li>"))
    }

    @Test func theSourceShowsThePagesHoldingRecordsWithTheirSizes() {
        let html = Self.page()
        #expect(html.contains(#"<figure class="page" id="page-1" data-width="595.28" data-height="841.89">"#))
        #expect(html.contains(#"src="sources/0f1e2d3c4b5a6978/page-1.png" width="827" height="1170""#))
        // Page 4 holds a record but has no image: said, not shown broken.
        #expect(html.contains("Page 4 has no image."))
        #expect(!html.contains("page-4.png"))
    }

    @Test func aTextSourceShowsItsLinesNumbered() {
        let html = Self.page(ReviewFixtures.textReport, preview: ReviewFixtures.textPreview)
        #expect(html.contains(#"<li id="line-5" value="5" class="body">£2m is set aside &lt;for now&gt;.</li>"#))
        #expect(html.contains(##"<a class="locate" href="#line-5">Line 5</a>"##))
        #expect(html.contains(#"<tr class="record" id="budget-1" data-line="5">"#))
        #expect(!html.contains("<figure"))
    }

    @Test func aSourceThatCannotBeShownSaysWhyAndTheRecordsStay() {
        let html = Self.page(preview: nil, problem: "in/x.pdf is not found")
        #expect(html.contains("The source cannot be shown: in/x.pdf is not found"))
        #expect(html.contains("id=\"budget-2\""))
        #expect(!html.contains("<figure"))
    }

    @Test func thePageHasHeadingsRealTableHeadersAndNoRequestOutsideTheFolder() {
        let html = Self.page()
        #expect(html.contains("<html lang=\"en-GB\">"))
        #expect(html.contains("<th scope=\"col\">As printed</th>"))
        #expect(html.contains("<th scope=\"row\">Council</th>"))
        #expect(html.contains("<a class=\"skip\" href=\"#records\">"))
        #expect(html.contains("Content-Security-Policy"))
        #expect(NetworkReferences.in(html).isEmpty, "\(NetworkReferences.in(html))")
    }
}

/// Money, dates and warning kinds as the pages print them.
@Suite struct ReviewTextTests {
    @Test(arguments: [
        (1_312_000.0, "GBP", "£1,312,000"), (-1000, "GBP", "−£1,000"), (31007.46, "GBP", "£31,007.46"), (0.5, "GBP", "£0.50"),
        (999.999, "GBP", "£1,000"), (2500, "EUR", "€2,500"), (12, "CHF", "CHF 12"), (0, "GBP", "£0"),
    ])
    func amountsAreWrittenAsAReaderWritesThem(_ amount: Double, _ currency: String, _ expected: String) {
        #expect(MoneyText.text(amount, currency: currency) == expected)
    }

    @Test func datesAreWrittenInWords() {
        #expect(DisplayDate.text("2025-06-30") == "30 June 2025")
        #expect(DisplayDate.text("2025-13-01") == "2025-13-01")
        #expect(DisplayDate.text("soon") == "soon")
    }

    @Test(arguments: [
        ("partnership inferred from the title: Vale Alliance", "partnership inferred from the title"),
        ("council inferred from the report's references to Hallowmere Borough Council", "council inferred from the report's references to"),
        ("council inferred from e-mail domain quillham.gov.uk", "council inferred from e-mail domain"),
        ("ocr: page 3 mean confidence 52 is below 60", "ocr"),
        ("meeting_date taken from the running header", "meeting_date taken from the running header"),
        ("no_text_layer", "no_text_layer"),
    ])
    func warningsAreGroupedByKind(_ warning: String, _ kind: String) {
        #expect(WarningKind.of(warning) == kind)
    }
}
