import ScrutinyCore

/// The six CSV files of an export and their columns, in file order.
///
/// Columns follow the report record of `CONTRACT.md`: every scalar field by its JSON name,
/// provenance flattened to `page`, `line`, `section`, the contact to `contact_*`, the source to
/// `file`, `sha256`, `format`, `pages` (and for an agenda pack's item `item`, `item_kind`,
/// `first_page`, `last_page`, `meeting_time`, `venue`), and lists joined with "; ".
enum ExportTables {
    static let documents = RecordTable<Report>(name: "documents", indexed: false, records: { [$0] }, columns: [
        .text("schema_version") { $0.schemaVersion },
        .text("file") { $0.source.file },
        .text("sha256") { $0.source.sha256 },
        .text("format") { $0.source.format.rawValue },
        .integer("pages") { $0.source.pages },
        .text("council") { $0.document.council },
        .text("committee") { $0.document.committee },
        .text("meeting_date") { $0.document.meetingDate },
        .text("agenda_item") { $0.document.agendaItem },
        .text("title") { $0.document.title },
        .text("report_by") { $0.document.reportBy },
        .text("contact_name") { $0.document.contact.name },
        .text("contact_role") { $0.document.contact.role },
        .text("contact_phone") { $0.document.contact.phone },
        .text("contact_email") { $0.document.contact.email },
        .text("purpose") { $0.document.purpose },
        // Where an agenda pack's item lies in its file, and the meeting's time and place.
        .integer("item") { $0.source.item?.index },
        .text("item_kind") { $0.source.item?.kind.rawValue },
        .integer("first_page") { $0.source.item?.firstPage },
        .integer("last_page") { $0.source.item?.lastPage },
        .text("meeting_time") { $0.source.meeting?.time },
        .text("venue") { $0.source.meeting?.venue },
        .list("warnings") { $0.warnings },
    ])

    static let recommendations = RecordTable<Recommendation>(
        name: "recommendations", indexed: true, records: { $0.recommendations },
        columns: [
            .text("number") { $0.number },
            .text("text") { $0.text },
        ] + Column.provenance { $0.provenance })

    static let recommendationUpdates = RecordTable<RecommendationUpdate>(
        name: "recommendation_updates", indexed: true, records: { $0.recommendationUpdates },
        columns: [
            .text("partnership") { $0.partnership },
            .text("text") { $0.text },
            .text("progress") { $0.progress },
        ] + Column.provenance { $0.provenance })

    static let partnerships = RecordTable<Partnership>(
        name: "partnerships", indexed: true, records: { $0.partnerships },
        columns: [
            .text("name") { $0.name },
            .text("acronym") { $0.acronym },
            .text("purpose") { $0.purpose },
            .list("aims") { $0.aims },
            .boolean("statutory") { $0.statutory },
            .text("statutory_basis") { $0.statutoryBasis },
            .text("council_role") { $0.councilRole },
            .list("members") { $0.members },
            .list("achievements") { $0.achievements },
            .list("priorities") { $0.priorities },
        ] + Column.provenance { $0.provenance })

    static let budgets = RecordTable<Budget>(
        name: "budgets", indexed: true, records: { $0.budgets },
        columns: [
            .number("amount") { $0.amount },
            .text("currency") { $0.currency },
            .text("raw") { $0.raw },
            .boolean("approximate") { $0.approximate },
            .text("kind") { $0.kind.rawValue },
            .text("period") { $0.period },
            .text("partnership") { $0.partnership },
            .text("context") { $0.context },
        ] + Column.provenance { $0.provenance })

    static let implications = RecordTable<Implication>(
        name: "implications", indexed: true, records: { $0.implications },
        columns: [
            .text("area") { $0.area },
            .text("text") { $0.text },
        ] + Column.provenance { $0.provenance })

    /// Every table, `documents` first (the others refer to it).
    static let all: [any CSVTable] = [documents, recommendations, recommendationUpdates, partnerships, budgets, implications]

    /// The rows of `report` in each table of ``all``, in that order.
    ///
    /// Calls each table through its own type rather than through ``all``, so the compiler
    /// specialises every table's row writer (going through `any CSVTable` left the generic row
    /// writer looking up type metadata for every report).
    static func rows(of report: Report) throws(ExportError) -> [[UInt8]] {
        var rows: [[UInt8]] = []
        rows.reserveCapacity(6)
        rows.append(try documents.rows(of: report))
        rows.append(try recommendations.rows(of: report))
        rows.append(try recommendationUpdates.rows(of: report))
        rows.append(try partnerships.rows(of: report))
        rows.append(try budgets.rows(of: report))
        rows.append(try implications.rows(of: report))
        assert(rows.count == all.count, "ExportTables.rows must write one part per table of ExportTables.all")
        return rows
    }
}
