import ScrutinyExport

/// The SQL of `scrutiny.db`, made from the export tables so the database and the CSV files can
/// never disagree about a column.
///
/// 1. One table per ``ExportTable``, same name, same columns in the same order: TEXT, INTEGER,
///    REAL for amounts, INTEGER 0/1 for booleans (checked), lists as their "; "-joined text.
///    `documents` is keyed by `document_id`; every other table by (`document_id`, `index`), with a
///    foreign key to `documents` that deletes its rows with their document.
/// 2. Indexes for the usual filters (the primary keys already index `document_id`).
/// 3. Full-text search (FTS5, Porter stemming) over each ``searched`` text, kept in step by
///    triggers: `search`, one index of every such text with its kind, document and record
///    (`SELECT * FROM search WHERE search MATCH 'allotments' ORDER BY rank`), and one index per
///    table over the table's own rows (external content: `budgets_fts`), which Datasette finds
///    and offers as the table's search box.
/// 4. Views joining records to their document, and a summary per document.
/// 5. `_scrutiny_reports` (each document's stamp, deleted with its document) and `changes` (the run log).
///
/// ``version`` is a fingerprint of all of it, kept in `PRAGMA user_version`: a file made by a
/// scrutiny whose tables differ in any way has another version and is rebuilt.
enum DatabaseSchema {
    /// The bookkeeping table: which reports the rows came from, and their stamps.
    static let stampTable = "_scrutiny_reports"
    static let changesTable = "changes"

    /// The FTS5 table of every searched text.
    static let searchTable = "search"

    /// Text that the full-text indexes cover: the table, its column, the `kind` the `search`
    /// table gives it, and a number that tells its rows apart there.
    struct Searched {
        let table: String
        let column: String
        let kind: String
        /// A row's rowid in `search` is its rowid in its table times ``kinds`` plus this.
        let code: Int
        /// The table's own FTS5 index.
        var index: String { table + "_fts" }
    }

    static let searched = [
        Searched(table: "documents", column: "title", kind: "document", code: 0),
        Searched(table: "recommendations", column: "text", kind: "recommendation", code: 1),
        Searched(table: "partnerships", column: "name", kind: "partnership", code: 2),
        Searched(table: "budgets", column: "context", kind: "budget", code: 3),
    ]

    /// The multiplier of ``Searched/code``: room for this many searched texts.
    static let kinds = 8

    private static let tokenizer = "tokenize=\"porter unicode61 remove_diacritics 2\""

    /// Columns filtered on often enough to index.
    static let filtered: [(table: String, column: String)] = [
        ("documents", "council"), ("documents", "committee"), ("documents", "meeting_date"),
        ("budgets", "kind"), ("budgets", "period"), ("budgets", "partnership"),
    ]

    /// The document columns the `*_with_document` views put beside each record.
    static let documentContext = ["council", "committee", "meeting_date", "title"]

    /// The record tables that have a `*_with_document` view.
    static let withDocumentViews = ["budgets", "recommendations"]

    static var documents: ExportTable { ExportTable.all[0] }

    /// Every statement that makes the schema, in order.
    static let statements: [String] = {
        var sql: [String] = ExportTable.all.map(createTable)
        for (table, column) in filtered {
            sql.append("CREATE INDEX \(quote("\(table)_\(column)")) ON \(quote(table)) (\(quote(column)))")
        }
        sql.append("""
            CREATE VIRTUAL TABLE \(quote(searchTable)) USING fts5("kind" UNINDEXED, "document_id" UNINDEXED, \
            "index" UNINDEXED, "text", \(tokenizer))
            """)
        for text in searched { sql += fullTextIndex(text) }
        for name in withDocumentViews {
            if let table = ExportTable.all.first(where: { $0.name == name }) { sql.append(withDocumentView(table)) }
        }
        sql.append(summaryView)
        sql.append("""
            CREATE TABLE \(quote(stampTable)) (
              "document_id" TEXT NOT NULL PRIMARY KEY REFERENCES \(quote(documents.name)) ("document_id") ON DELETE CASCADE,
              "stamp" TEXT NOT NULL
            ) WITHOUT ROWID
            """)
        sql.append("""
            CREATE TABLE \(quote(changesTable)) (
              "run_started" TEXT NOT NULL,
              "change" TEXT NOT NULL CHECK ("change" IN (\(ChangeRecord.Change.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))),
              "path" TEXT NOT NULL,
              "document_id" TEXT,
              "old_document_id" TEXT,
              "time" TEXT NOT NULL
            )
            """)
        sql.append("CREATE INDEX \"changes_run_started\" ON \(quote(changesTable)) (\"run_started\")")
        return sql
    }()

    /// The fingerprint of ``statements`` (32-bit FNV-1a, positive and never 0, which is SQLite's
    /// "no schema yet").
    static let version: Int32 = {
        var hash: UInt32 = 2_166_136_261
        for byte in statements.joined(separator: ";\n").utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        let positive = Int32(bitPattern: hash & 0x7FFF_FFFF)
        return positive == 0 ? 1 : positive
    }()

    /// The tables, indexes, views and triggers the schema names (not FTS5's own shadow tables).
    static let objectNames: Set<String> = {
        var names = Set(ExportTable.all.map(\.name))
        names.formUnion(filtered.map { "\($0.table)_\($0.column)" })
        for text in searched {
            names.formUnion([text.index, text.index + "_insert", text.index + "_delete", text.index + "_update"])
        }
        names.formUnion(withDocumentViews.map { $0 + "_with_document" })
        names.formUnion(["document_summary", searchTable, stampTable, changesTable, "changes_run_started"])
        return names
    }()

    /// `name` as an SQL identifier, in double quotes (`index` is a keyword).
    static func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func sqlType(_ type: ExportFieldType) -> String {
        switch type {
        case .string: return "TEXT"
        case .integer, .boolean: return "INTEGER"
        case .number: return "REAL"
        }
    }

    private static func createTable(_ table: ExportTable) -> String {
        var lines = table.columns.map { column -> String in
            var line = "  \(quote(column.name)) \(sqlType(column.type))"
            if table.primaryKey.contains(column.name) { line += " NOT NULL" }
            if column.name == "document_id" && table.referencesDocuments {
                line += " REFERENCES \(quote(documents.name)) (\"document_id\") ON DELETE CASCADE"
            }
            if column.type == .boolean { line += " CHECK (\(quote(column.name)) IN (0, 1))" }
            return line
        }
        lines.append("  PRIMARY KEY (\(table.primaryKey.map(quote).joined(separator: ", ")))")
        return "CREATE TABLE \(quote(table.name)) (\n\(lines.joined(separator: ",\n"))\n)"
    }

    /// The table's FTS5 index over one column, and the triggers that keep it and `search` in step
    /// with the table.
    ///
    /// `content="table"` is written with double quotes because that is how Datasette recognises
    /// an FTS table's source table.
    private static func fullTextIndex(_ text: Searched) -> [String] {
        let index = quote(text.index), table = quote(text.table), column = quote(text.column), search = quote(searchTable)
        let record = text.table == documents.name ? "NULL" : "new.\"index\""
        let insert = """
            INSERT INTO \(index) (rowid, \(column)) VALUES (new.rowid, new.\(column)); \
            INSERT INTO \(search) (rowid, "kind", "document_id", "index", "text") \
            VALUES (new.rowid * \(kinds) + \(text.code), '\(text.kind)', new."document_id", \(record), new.\(column));
            """
        let delete = """
            INSERT INTO \(index) (\(index), rowid, \(column)) VALUES ('delete', old.rowid, old.\(column)); \
            DELETE FROM \(search) WHERE rowid = old.rowid * \(kinds) + \(text.code);
            """
        return [
            "CREATE VIRTUAL TABLE \(index) USING fts5(\(column), content=\"\(text.table)\", content_rowid=\"rowid\", \(tokenizer))",
            "CREATE TRIGGER \(quote(text.index + "_insert")) AFTER INSERT ON \(table) BEGIN \(insert) END",
            "CREATE TRIGGER \(quote(text.index + "_delete")) AFTER DELETE ON \(table) BEGIN \(delete) END",
            "CREATE TRIGGER \(quote(text.index + "_update")) AFTER UPDATE ON \(table) BEGIN \(delete) \(insert) END",
        ]
    }

    /// A record table's rows with their document's council, committee, meeting date and title
    /// after `document_id`.
    private static func withDocumentView(_ table: ExportTable) -> String {
        let own = table.columns.map(\.name).filter { $0 != "document_id" }.map { "r." + quote($0) }
        let context = documentContext.map { "d." + quote($0) }
        return """
            CREATE VIEW \(quote(table.name + "_with_document")) AS
            SELECT r."document_id", \((context + own).joined(separator: ", "))
            FROM \(quote(table.name)) AS r JOIN \(quote(documents.name)) AS d ON d."document_id" = r."document_id"
            """
    }

    /// Each document with how many records of each kind it has.
    private static var summaryView: String {
        let counts = ExportTable.all.filter(\.referencesDocuments).map {
            "(SELECT count(*) FROM \(quote($0.name)) AS r WHERE r.\"document_id\" = d.\"document_id\") AS \(quote($0.name))"
        }
        let context = (["document_id"] + documentContext + ["file"]).map { "d." + quote($0) }
        return """
            CREATE VIEW "document_summary" AS
            SELECT \((context + counts).joined(separator: ", "))
            FROM \(quote(documents.name)) AS d
            """
    }
}
