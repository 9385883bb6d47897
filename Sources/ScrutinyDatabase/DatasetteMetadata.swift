import Foundation
import ScrutinyExport

extension ReportDatabase {
    /// The file name of the Datasette metadata written beside the database.
    public static let datasetteFileName = "datasette.json"

    /// The bytes of `datasette.json`: Datasette metadata for `scrutiny.db`, made from the same
    /// table definitions as the database (``ExportTable``).
    ///
    /// It gives the site a title and description, each table and view a description, every
    /// column its description, facets on `council`, `committee`, `kind` and `period` where a
    /// table has them, the columns worth sorting by, each document's title as its label (so a
    /// record's `document_id` shows the title), and each FTS index to its table's search box.
    /// It depends only on the tables, never on the data. It is Datasette 0.x's `metadata.json`
    /// (tested with 0.65; Datasette 1.0 reads facets and sortable columns from its configuration
    /// file instead). Serve with:
    ///
    /// ```
    /// $ datasette serve out/scrutiny.db --metadata out/datasette.json
    /// ```
    /// - Throws: `EncodingError` (never in practice: the metadata is strings and lists).
    public static func datasetteMetadata() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(DatasetteMetadata()) + Data("\n".utf8)
    }
}

/// Datasette's `metadata.json`, as far as scrutiny uses it.
struct DatasetteMetadata: Encodable {
    let title = "Council committee reports"
    let description = """
        Records extracted by scrutiny from council committee reports: each report's document \
        block, its recommendations, recommendation updates, partnerships, every money amount and \
        its implications. The tables are the CSV files of the same names; document_id joins them.
        """
    let databases: [String: Database]

    /// The columns Datasette facets on, wherever a table or view has them.
    static let facets = ["council", "committee", "kind", "period"]

    /// The columns offered for sorting: keys, dates, names, kinds and every number; never prose.
    static let sortable: Set<String> = [
        "document_id", "index", "council", "committee", "meeting_date", "title", "file", "format", "pages",
        "item", "item_kind", "first_page", "last_page", "number", "name", "acronym", "statutory", "partnership",
        "amount", "currency", "approximate", "kind", "period", "area", "page", "line",
        "recommendations", "recommendation_updates", "partnerships", "budgets", "implications",
    ]

    init() {
        let name = String(ReportDatabase.fileName.prefix { $0 != "." })
        databases = [name: Database()]
    }

    struct Database: Encodable {
        let description = "scrutiny.db: the export tables with keys, indexes, full-text search and views."
        let tables: [String: Table]

        init() {
            let documents = DatabaseSchema.documents
            func described(_ table: ExportTable) -> [(String, String)] { table.columns.map { ($0.name, $0.description) } }
            func documentColumns(_ names: [String]) -> [(String, String)] {
                names.compactMap { name in documents.columns.first { $0.name == name }.map { ($0.name, $0.description) } }
            }

            var tables: [String: Table] = [:]
            for table in ExportTable.all {
                tables[table.name] = Table(
                    description: table.description, columns: described(table),
                    labelColumn: table.name == documents.name ? "title" : nil,
                    ftsTable: DatabaseSchema.searched.first { $0.table == table.name }?.index)
            }
            for table in ExportTable.all where DatabaseSchema.withDocumentViews.contains(table.name) {
                let own = described(table)
                tables[table.name + "_with_document"] = Table(
                    description: table.description + " Each beside its document's council, committee, meeting date and title.",
                    columns: [own[0]] + documentColumns(DatabaseSchema.documentContext) + own.dropFirst())
            }
            tables["document_summary"] = Table(
                description: "Each report with its council, committee, meeting date, title and file, and how many records of each kind it has.",
                columns: documentColumns(["document_id"] + DatabaseSchema.documentContext + ["file"])
                    + ExportTable.all.filter(\.referencesDocuments).map { ($0.name, "How many rows of \($0.name) the report has.") })
            tables[DatabaseSchema.searchTable] = Table(
                description: "Every searched text at once (titles, recommendations, partnership names, budget contexts), full-text indexed: search it, then follow document_id.",
                columns: [
                    ("kind", "Which text it is: document (its title), recommendation, partnership (its name) or budget (its context)."),
                    ("document_id", "The report the text is from."),
                    ("index", "The record's index in its table; empty for a document's title."),
                    ("text", "The text, as in its table."),
                ])
            tables[DatabaseSchema.stampTable] = Table(
                description: "Which report file each document's rows came from: scrutiny's own bookkeeping.",
                columns: [("document_id", "The document."), ("stamp", "The report file's size and modification time when its rows were written.")],
                hidden: true)
            tables[DatabaseSchema.changesTable] = Table(
                description: "The run log: what each extract run did to each input (also in changes.jsonl).",
                columns: [
                    ("run_started", "When the run started, ISO 8601."),
                    ("change", "added, changed, removed or failed."),
                    ("path", "The input's path."),
                    ("document_id", "The input's document id now; empty when removed or failed."),
                    ("old_document_id", "Its document id at the last finished run; empty when it had none."),
                    ("time", "When the run saw it, ISO 8601 (UTC)."),
                ],
                facets: ["run_started", "change"], sortable: ["run_started", "change", "path", "time"])
            self.tables = tables
        }
    }

    struct Table: Encodable {
        let description: String
        let columns: [String: String]
        let facets: [String]?
        let sortableColumns: [String]?
        let labelColumn: String?
        let ftsTable: String?
        let hidden: Bool?

        enum CodingKeys: String, CodingKey {
            case description, columns, facets, sortableColumns = "sortable_columns", labelColumn = "label_column"
            case ftsTable = "fts_table", hidden
        }

        /// A table or view with its columns described, in order; facets and sortable columns are
        /// those of ``DatasetteMetadata`` it has, unless given.
        init(description: String, columns: [(name: String, description: String)], labelColumn: String? = nil,
             ftsTable: String? = nil, hidden: Bool? = nil, facets: [String]? = nil, sortable: [String]? = nil) {
            let names = columns.map(\.name)
            self.description = description
            self.columns = Dictionary(columns, uniquingKeysWith: { first, _ in first })
            let facets = facets ?? DatasetteMetadata.facets.filter(names.contains)
            self.facets = facets.isEmpty ? nil : facets
            let sortable = sortable ?? names.filter(DatasetteMetadata.sortable.contains)
            sortableColumns = sortable.isEmpty ? nil : sortable
            self.labelColumn = labelColumn
            self.ftsTable = ftsTable
            self.hidden = hidden
        }
    }
}
