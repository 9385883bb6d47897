import Foundation
import ScrutinyExport

/// Feeds a run's export tables while the run goes on, in `document_id` order, so the tables need
/// no rebuild once the last report is in.
///
/// The run knows every document id before the first worker starts (ids come from the content), so
/// the final row order is known too. The batch dispatches documents in that order; a report that
/// arrives when every document before it is settled goes straight into the tables, one that
/// overtakes an earlier document waits in the ``RowSpool`` until its turn. Reports the folder
/// already holds (unchanged inputs) are read from their files when their turn comes, but only
/// once the run has extracted something: a run that extracts nothing may find the old tables
/// current and leave them as they are (``discard()``).
///
/// A report whose id was not among those expected (its input changed between the batch's hash
/// and the worker's read) spoils the order; the tables are then rebuilt at the end from the
/// reports in the folder, as a folder without a feed would be.
///
/// Memory stays flat: nothing but the ids and the spool's index is held.
final class TableFeed {
    /// What became of a document the tables wait for.
    private enum Settled {
        /// Its report is done: its rows are in the spool (extracted in this run, ahead of its
        /// turn) or else in its report file (unchanged).
        case report
        /// No report (the input failed): no rows.
        case failed
    }

    private let order: [String]
    private let expected: Set<String>
    private var next = 0
    private var settled: [String: Settled] = [:]
    private var writer: TableWriter
    private let folder: ReportFolder
    private let spool: RowSpool
    /// Whether the run has extracted a report, so the tables will be written.
    private var flowing = false
    /// Whether a report came whose id was not expected, so the order is spoilt.
    private var strays = false

    /// A feed of the tables for the documents `unchanged` (whose reports are in `folder`) and
    /// `extracting` (whose results ``extracted(_:rows:)`` and ``failed(_:)`` will give).
    init(unchanged: some Sequence<String>, extracting: some Sequence<String>, folder: ReportFolder,
         spool: RowSpool, writer: TableWriter) {
        var ids = Set(extracting)
        for id in unchanged {
            ids.insert(id)
            settled[id] = .report
        }
        order = ids.sorted()
        expected = ids
        self.folder = folder
        self.spool = spool
        self.writer = writer
    }

    /// The rows of a report written in this run.
    func extracted(_ documentID: String, rows: ReportRows) throws {
        flowing = true
        guard expected.contains(documentID) else {
            strays = true
            try spool.park(rows, for: documentID)
            return
        }
        try advance()
        if next < order.count, order[next] == documentID {
            try writer.append(rows)
            next += 1
            try advance()
        } else {
            try spool.park(rows, for: documentID)
            settled[documentID] = .report
        }
    }

    /// A document of this run that produced no report.
    func failed(_ documentID: String) throws {
        settled[documentID] = .failed
        try advance()
    }

    /// Appends every document still waiting, then renames the tables into place. Every result
    /// has come by now; a document without one is taken from the folder, as an unchanged one is.
    func commit() throws {
        if strays { return try rebuild() }
        flowing = true
        for id in order[next...] where settled[id] == nil { settled[id] = .report }
        try advance()
        try writer.commit()
    }

    /// Writes the tables afresh from every report in the folder: rows from the spool where it
    /// has them, from the report file otherwise.
    private func rebuild() throws {
        writer.discard()
        writer = try TableWriter(directory: writer.directory, excel: writer.excel)
        for id in folder.documentIDs() { try appendReport(id) }
        try writer.commit()
    }

    /// Leaves the folder's tables as they were.
    func discard() {
        writer.discard()
    }

    /// Appends the settled documents at the head of the order.
    private func advance() throws {
        guard flowing else { return }
        while next < order.count, let state = settled.removeValue(forKey: order[next]) {
            if state == .report { try appendReport(order[next]) }
            next += 1
        }
    }

    /// Appends the rows of report `id`: from the spool when they wait there, else from its file
    /// (a report that no longer decodes, or is gone, has no rows).
    private func appendReport(_ id: String) throws {
        if let rows = try spool.rows(for: id) {
            try writer.append(rows)
        } else if let report = folder.report(id) {
            try writer.append(ReportRows(report))
        }
    }
}
