/// What each export table and column holds, in words: written once here, read by
/// ``ExportTable`` for the data package and the database's Datasette metadata.
///
/// A test checks that every column of ``ExportTables/all`` has a description and that no
/// description names a column that is gone.
enum ExportDescriptions {
    struct Table {
        let description: String
        let columns: [String: String]

        /// The column's own description, else the one every table shares, else "".
        func column(_ name: String) -> String { columns[name] ?? ExportDescriptions.shared[name] ?? "" }
    }

    static func table(_ name: String) -> Table { tables[name] ?? Table(description: "", columns: [:]) }

    /// Columns several tables have, with the same meaning in each.
    static let shared: [String: String] = [
        "document_id": "The report's id: the first 16 hex digits of its file's SHA-256, and for an item of an agenda pack its three-digit index after a hyphen.",
        "index": "The record's 1-based position among the report's records of this kind.",
        "page": "The 1-based page the record was read on; empty for text and HTML.",
        "line": "The 1-based line of the page (or of the file) the record starts on.",
        "section": "The heading the record sits under.",
    ]

    static let tables: [String: Table] = [
        "documents": Table(
            description: "One row per report: where it came from and what it is (council, committee, meeting, title, author, contact).",
            columns: [
                "schema_version": "The version of the report record's schema.",
                "file": "The input path as given on the command line, joined with its path inside a folder argument.",
                "sha256": "The SHA-256 of the input file's bytes, lowercase hex.",
                "format": "How the input was read: pdf, text or html.",
                "pages": "The PDF's page count; empty for text and HTML.",
                "council": "The authority that wrote the report, in the fullest form it prints for itself.",
                "committee": "The body the report goes to, without its label (\"To:\", \"Meeting:\").",
                "meeting_date": "The date of that body's meeting, YYYY-MM-DD.",
                "agenda_item": "The agenda item number the report prints (\"Agenda Item 8\" gives 8).",
                "title": "The report's title as printed, case kept.",
                "report_by": "Who the report is from, as printed (\"From:\", \"Report of:\"); several people joined with \"; \".",
                "contact_name": "The report's author or contact officer.",
                "contact_role": "The contact officer's job title.",
                "contact_phone": "The contact officer's phone number, where printed for them.",
                "contact_email": "The contact officer's e-mail address, where printed for them.",
                "purpose": "The report's stated purpose or summary.",
                "item": "For an item of an agenda pack: its 1-based position among the pack's items; empty for a file that is one report.",
                "item_kind": "For an item of an agenda pack: report or minutes.",
                "first_page": "For an item of an agenda pack: the pack's page it starts on.",
                "last_page": "For an item of an agenda pack: the pack's page it ends on.",
                "meeting_time": "For an item of an agenda pack: the meeting's time as the front sheet gives it.",
                "venue": "For an item of an agenda pack: where the meeting is held.",
                "warnings": "What the extractor had to infer or could not read, joined with \"; \".",
            ]),
        "recommendations": Table(
            description: "What a report asks its meeting to agree, approve, resolve or note, one row per item, as printed.",
            columns: [
                "number": "The item's number as printed (\"1\", \"2.1\", \"a\"); empty when unnumbered.",
                "text": "The recommendation as printed, without its number or the lead-in (\"Cabinet is recommended to:\").",
            ]),
        "recommendation_updates": Table(
            description: "Earlier recommendations whose progress the report tracks, one row each.",
            columns: [
                "partnership": "The partnership or topic the recommendation is grouped under.",
                "text": "The earlier recommendation as printed.",
                "progress": "What the report says of its progress.",
            ]),
        "partnerships": Table(
            description: "The partnerships, joint committees, boards and alliances a report is about, one row each.",
            columns: [
                "name": "The partnership's name as printed.",
                "acronym": "Its acronym, where printed.",
                "purpose": "What the partnership is for.",
                "aims": "Its aims, joined with \"; \".",
                "statutory": "True where the report says the body is statutory or required by law; empty when it does not say.",
                "statutory_basis": "The law that requires it, where named.",
                "council_role": "The council's part in it (member, host, accountable body).",
                "members": "Its member organisations, joined with \"; \".",
                "achievements": "What it achieved, joined with \"; \".",
                "priorities": "Its priorities, joined with \"; \".",
            ]),
        "budgets": Table(
            description: "Every money amount printed in a report, one row per occurrence (a range is two rows).",
            columns: [
                "amount": "The amount in major units (£1.312m is 1312000); negative only where printed so.",
                "currency": "ISO 4217 code: GBP for £.",
                "raw": "The amount as printed (\"£1.312m\", \"(£1,000)\").",
                "approximate": "True where the amount is printed as approximate: circa, around, up to, over, under and the like.",
                "kind": "What the amount is, from the words around it: budget, expenditure, income, surplus, deficit, contribution, reserve, allocation, funding, payment, saving or other.",
                "period": "The financial year the amount belongs to, YYYY/YY (a bare calendar year as YYYY); empty for cumulative, multi-year or undated amounts.",
                "partnership": "The partnership the money is of, to or for, where the report lists it.",
                "context": "The sentence the amount is printed in.",
            ]),
        "implications": Table(
            description: "A report's implications (financial, legal, equalities and the like), one row per area.",
            columns: [
                "area": "The implication's heading: Financial, Legal, Impact on Equalities.",
                "text": "What the report says under it.",
            ]),
    ]
}
