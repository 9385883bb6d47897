import Foundation
import ScrutinyBatch
import ScrutinyCore
import ScrutinyExport

/// Settings of one review build.
public struct ReviewOptions: Sendable {
    /// The folder `extract` wrote (`OUT`); the review goes into `OUT/review/`.
    public var output: URL
    /// Where a report's relative `source.file` is found: the folder `extract` ran in.
    public var sourceRoot: URL
    /// The worker processes that draw the pages (the same program, limits and `--jobs` as an extract).
    public var pool: WorkerPoolConfiguration
    /// Resolution of the page images.
    public var dpi: Double

    public init(output: URL, sourceRoot: URL, pool: WorkerPoolConfiguration, dpi: Double = 100) {
        self.output = output
        self.sourceRoot = sourceRoot
        self.pool = pool
        self.dpi = dpi
    }
}

/// A source file the review could not show; its reports' pages list their records without it.
public struct ReviewProblem: Sendable, Hashable {
    /// The report's `source.file`.
    public var file: String
    public var message: String
}

/// What one review build did.
public struct ReviewOutcome: Sendable {
    /// The review folder (`OUT/review`).
    public var folder: URL
    public var reports: Int
    /// Report pages written (new or changed); the rest were already up to date.
    public var pagesWritten: Int
    /// Page images drawn; those already drawn for the same file are kept.
    public var imagesDrawn: Int
    public var problems: [ReviewProblem]
    public var seconds: Double
}

/// Builds the review of an output folder: a static site in `OUT/review/` with an index of every
/// report and one page per report showing its records beside the pages they were found on.
///
/// The steps:
/// 1. list `OUT/reports/`; a report whose file has the stamp (size, modification time) the last
///    build recorded is not read again, the others are decoded;
/// 2. for each source file (an agenda pack's items share theirs), find the pages that hold
///    records; workers (``WorkerPool/runPreviews(_:handle:)``) draw those not yet drawn into
///    `review/sources/<file id>/`, or list a text or HTML file's lines;
/// 3. write the page of every report whose report or preview changed, then the index, the
///    style sheet and the script, each only when its bytes differ;
/// 4. remove the pages and previews of reports that are gone, and record the stamps.
///
/// So a rerun over an unchanged folder reads the state, stats the files and writes nothing.
///
/// ```swift
/// let outcome = try ReviewBuilder(options: ReviewOptions(output: out, sourceRoot: cwd, pool: pool)).build()
/// print("review of \(outcome.reports) reports → \(outcome.folder.path)/index.html")
/// ```
public struct ReviewBuilder {
    /// Bumped whenever the pages' markup changes, so a rerun makes every page again.
    public static let generation = "1"

    public var options: ReviewOptions

    public init(options: ReviewOptions) {
        self.options = options
    }

    /// One source file and what the review needs of it: its reports (an agenda pack's items
    /// share their file) and the pages that hold their records.
    struct Source {
        var id: String
        var file: String
        var sha256: String
        var format: DocumentFormat
        var pages: Set<Int> = []
        var reportIDs: [String] = []
    }

    /// Builds or updates the review.
    ///
    /// The sources are taken in document-id order; while the workers draw one source's pages,
    /// this process reads the next source's reports and writes the pages of those already drawn,
    /// so the two kinds of work overlap.
    /// - Parameter progress: called with (sources done, sources) as they are done.
    /// - Throws: ``ReviewError`` when there is nothing to review, the folder is busy, a file
    ///   cannot be written or no worker starts.
    public func build(progress: (Int, Int) -> Void = { _, _ in }) throws(ReviewError) -> ReviewOutcome {
        let started = Date()
        let reports = ReportFolder(url: options.output.appendingPathComponent("reports"))
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: reports.url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .noReports(folder: options.output.path)
        }
        let folder = options.output.appendingPathComponent("review")
        let sourcesFolder = folder.appendingPathComponent("sources")
        do {
            try FileManager.default.createDirectory(at: sourcesFolder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: sourcesFolder.path, reason: error.localizedDescription)
        }
        let lock: OutputLock
        do {
            lock = try OutputLock(directory: folder, startedAt: started)
        } catch let busy as OutputFolderBusy {
            throw .busy(folder: folder.path, holder: busy.holder)
        } catch {
            throw .cannotWrite(path: folder.path, reason: error.localizedDescription)
        }
        defer { withExtendedLifetime(lock) {} }

        let run = ReviewRun(builder: self, reports: reports, folder: folder,
                            previous: ReviewState.load(from: folder, generation: Self.generation, dpi: options.dpi))
        // Reports whose ids share their first 16 digits are one file's (an agenda pack's items).
        var groups: [[String]] = []
        for id in reports.documentIDs() {
            if let last = groups.last?.last, last.prefix(16) == id.prefix(16) { groups[groups.count - 1].append(id) } else { groups.append([id]) }
        }
        var done = 0
        progress(0, groups.count)
        var remaining = groups.makeIterator()
        let poolFailure: (any Error)? = withoutActuallyEscaping(progress) { progress in
            // Each source is read when a worker is free for it; one that needs no worker is finished at once.
            let requests = RequestSequence {
                while run.failure == nil, let group = remaining.next() {
                    if let request = run.prepare(group) { return request }
                    done += 1
                    progress(done, groups.count)
                }
                return nil
            }
            do {
                try WorkerPool(configuration: options.pool).runPreviews(requests) { request, result in
                    run.finish(source: request.file, with: result)
                    done += 1
                    progress(done, groups.count)
                }
                return nil
            } catch {
                return error
            }
        }
        if let poolFailure { throw .workersUnavailable(reason: "\(poolFailure)") }
        if let failure = run.failure { throw failure }

        let state = run.state
        let summaries = state.reports.keys.sorted().compactMap { state.reports[$0]?.summary }
        var reportProblems: [String: String] = [:]
        for (id, entry) in state.reports { if let problem = entry.problem { reportProblems[id] = problem } }
        _ = try write(IndexPage(summaries: summaries, problems: reportProblems).html(), to: folder.appendingPathComponent("index.html").path)
        _ = try write(ReviewAssets.styleSheet, to: folder.appendingPathComponent(ReviewAssets.styleSheetName).path)
        _ = try write(ReviewAssets.script, to: folder.appendingPathComponent(ReviewAssets.scriptName).path)

        prune(folder: folder, keeping: Set(state.reports.keys), sources: Set(state.reports.values.map(\.sourceID)))
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(state)
            if FileManager.default.contents(atPath: folder.appendingPathComponent(ReviewState.fileName).path) != data {
                try AtomicFile.write(data, to: folder.appendingPathComponent(ReviewState.fileName).path, durable: false)
            }
        } catch {
            throw .cannotWrite(path: folder.appendingPathComponent(ReviewState.fileName).path, reason: "\(error)")
        }
        return ReviewOutcome(folder: folder, reports: state.reports.count, pagesWritten: run.pagesWritten, imagesDrawn: run.imagesDrawn,
                             problems: run.problems.sorted { $0.key < $1.key }.map { ReviewProblem(file: $0.value.file, message: $0.value.message) },
                             seconds: Date().timeIntervalSince(started))
    }

    /// True when `source`'s preview already holds what its reports need: for reports whose page
    /// was made from the manifest as it is, the images on disk; otherwise the manifest read and
    /// checked (same file, same resolution, every page drawn, every image on disk).
    func isReady(_ source: Source, in previewFolder: URL, previous: ReviewState, decoded: [String: Report]) -> Bool {
        guard let stamp = FileStamp.of(path: previewFolder.appendingPathComponent(SourcePreview.fileName).path) else { return false }
        let knownAsIs = source.reportIDs.allSatisfy { decoded[$0] == nil && previous.reports[$0]?.preview == stamp }
        if knownAsIs {
            guard source.format == .pdf else { return true }
            return source.pages.allSatisfy {
                FileManager.default.fileExists(atPath: previewFolder.appendingPathComponent(PreviewPage.imageName($0)).path)
            }
        }
        guard let manifest = Self.manifest(in: previewFolder), manifest.sha256 == source.sha256, manifest.format == source.format
        else { return false }
        guard source.format == .pdf else { return true }
        guard manifest.dpi == options.dpi else { return false }
        return source.pages.allSatisfy { number in
            guard let page = manifest.page(number) else { return false }
            return FileManager.default.fileExists(atPath: previewFolder.appendingPathComponent(page.image).path)
        }
    }

    static func manifest(in previewFolder: URL) -> SourcePreview? {
        FileManager.default.contents(atPath: previewFolder.appendingPathComponent(SourcePreview.fileName).path)
            .flatMap { try? JSONDecoder().decode(SourcePreview.self, from: $0) }
    }

    /// Where the source file named `file` in a report is: as it is when absolute, else under the source root.
    func sourcePath(_ file: String) -> String {
        file.hasPrefix("/") ? file : options.sourceRoot.appendingPathComponent(file).path
    }

    /// Writes `text` to `path` unless the file already holds exactly it; true when written.
    func write(_ text: String, to path: String) throws(ReviewError) -> Bool {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` unless the file already holds exactly them; true when written.
    func write(_ bytes: [UInt8], to path: String) throws(ReviewError) -> Bool {
        let data = Data(bytes)
        if let existing = FileStamp.of(path: path), existing.size == Int64(data.count),
           FileManager.default.contents(atPath: path) == data { return false }
        do {
            try AtomicFile.write(data, to: path, durable: false)
        } catch {
            throw .cannotWrite(path: path, reason: "\(error)")
        }
        return true
    }

    /// Removes the pages of reports that are gone and the previews no report uses.
    private func prune(folder: URL, keeping ids: Set<String>, sources: Set<String>) {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in files where name.hasSuffix(".html") && name != "index.html" && !ids.contains(String(name.dropLast(5))) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        let sourcesFolder = folder.appendingPathComponent("sources")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: sourcesFolder.path)) ?? [] where !sources.contains(name) {
            try? FileManager.default.removeItem(at: sourcesFolder.appendingPathComponent(name))
        }
    }
}

/// The requests of a build, made one at a time as the pool asks for the next.
private struct RequestSequence: Sequence, IteratorProtocol {
    let produce: () -> WorkerRequest?

    init(_ produce: @escaping () -> WorkerRequest?) { self.produce = produce }

    mutating func next() -> WorkerRequest? { produce() }
}
