import ScrutinyCore
import ScrutinyExport

/// Writes reports' rows in bulk, inside a transaction the caller holds.
///
/// Rows are first put in `TEMP` staging tables (in memory, with no keys or triggers), then moved
/// with one `INSERT … SELECT` per table, and old rows deleted with one `DELETE` for all ids. That
/// matters for the full-text indexes: FTS5 writes out what it has gathered at the start of every
/// statement that changes it, so a trigger fired by one `INSERT` per row made a new index
/// segment per row (about six times slower, and worse as the index grew); fired from one statement,
/// the triggers fill the index in memory and it is written once.
///
/// Every statement is prepared once, when the writer is made.
final class RowWriter {
    private let connection: SQLiteConnection
    private let stageID: SQLiteStatement
    private let deleteStaged: SQLiteStatement
    private let stageRow: [SQLiteStatement]
    private let moveRows: [SQLiteStatement]
    private let stageStamp: SQLiteStatement
    private let moveStamps: SQLiteStatement
    private let clearStages: [SQLiteStatement]
    private let insertChange: SQLiteStatement

    init(_ connection: SQLiteConnection) throws(DatabaseError) {
        self.connection = connection
        let q = DatabaseSchema.quote
        try connection.execute("PRAGMA temp_store = MEMORY", during: .open)
        // Staging tables have untyped columns, so a value reaches its table exactly as it was bound.
        var stages: [String] = []
        for table in ExportTable.all {
            let stage = "stage_" + table.name
            stages.append(stage)
            try connection.execute("CREATE TEMP TABLE IF NOT EXISTS \(q(stage)) (\(table.columns.map { q($0.name) }.joined(separator: ", ")))",
                                   during: .open)
        }
        try connection.execute("CREATE TEMP TABLE IF NOT EXISTS \"stage_ids\" (\"document_id\")", during: .open)
        try connection.execute("CREATE TEMP TABLE IF NOT EXISTS \"stage_stamps\" (\"document_id\", \"stamp\")", during: .open)

        stageID = try connection.prepare("INSERT INTO temp.\"stage_ids\" VALUES (?1)")
        deleteStaged = try connection.prepare("""
            DELETE FROM main.\(q(DatabaseSchema.documents.name)) WHERE "document_id" IN (SELECT "document_id" FROM temp."stage_ids")
            """)
        stageRow = try zip(ExportTable.all, stages).map { table, stage throws(DatabaseError) in
            let values = table.columns.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
            return try connection.prepare("INSERT INTO temp.\(q(stage)) VALUES (\(values))")
        }
        moveRows = try zip(ExportTable.all, stages).map { table, stage throws(DatabaseError) in
            let columns = table.columns.map { q($0.name) }.joined(separator: ", ")
            return try connection.prepare(
                "INSERT INTO main.\(q(table.name)) (\(columns)) SELECT \(columns) FROM temp.\(q(stage)) ORDER BY rowid")
        }
        stageStamp = try connection.prepare("INSERT INTO temp.\"stage_stamps\" VALUES (?1, ?2)")
        moveStamps = try connection.prepare("""
            INSERT INTO main.\(q(DatabaseSchema.stampTable)) ("document_id", "stamp") SELECT "document_id", "stamp" FROM temp."stage_stamps"
            """)
        clearStages = try (stages + ["stage_ids", "stage_stamps"]).map { stage throws(DatabaseError) in
            try connection.prepare("DELETE FROM temp.\(q(stage))")
        }
        insertChange = try connection.prepare("""
            INSERT INTO main.\(q(DatabaseSchema.changesTable))
              ("run_started", "change", "path", "document_id", "old_document_id", "time") VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """)
    }

    /// Deletes the rows of `removed` and of every inserted id, then inserts the reports' rows and
    /// stamps. Of two insertions with one id, the later wins.
    func write(removing removed: [String], inserting insertions: ArraySlice<DatabaseChange.Insertion>) throws(DatabaseError) {
        for statement in clearStages { try statement.run([]) }
        var last: [String: Int] = [:]
        for (position, insertion) in zip(insertions.indices, insertions) { last[insertion.report.documentID] = position }

        for id in removed { try stageID.run([.text(id)]) }
        for (id, _) in last { try stageID.run([.text(id)]) }
        try deleteStaged.run([])

        for (position, insertion) in zip(insertions.indices, insertions) where last[insertion.report.documentID] == position {
            for (table, statement) in zip(ExportTable.all, stageRow) {
                for row in table.rows(of: insertion.report) { try statement.run(row) }
            }
            try stageStamp.run([.text(insertion.report.documentID), .text(insertion.stamp.text)])
        }
        // `documents` first: the other tables' foreign keys need their document.
        for statement in moveRows { try statement.run([]) }
        try moveStamps.run([])
        for statement in clearStages { try statement.run([]) }
    }

    /// Appends one line of the run log.
    func append(_ record: ChangeRecord) throws(DatabaseError) {
        try insertChange.bind(record.runStarted, at: 1)
        try insertChange.bind(record.change.rawValue, at: 2)
        try insertChange.bind(record.path, at: 3)
        try insertChange.bind(record.documentID, at: 4)
        try insertChange.bind(record.oldDocumentID, at: 5)
        try insertChange.bind(record.time, at: 6)
        try insertChange.step()
        insertChange.reset()
    }
}
