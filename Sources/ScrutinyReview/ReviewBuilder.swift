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

    /// One source file and what the review needs of it.
    private struct Source {
        var id: String
        var file: String
        var sha256: String
        var format: DocumentFormat
        var pages: Set<Int> = []
        var reportIDs: [String] = []
    }

    /// Builds or updates the review.
    /// - Parameter progress: called with (sources prepared, sources to prepare) as workers finish.
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

        // 1. The reports: unchanged ones from the state, the others decoded.
        let previous = ReviewState.load(from: folder, generation: Self.generation, dpi: options.dpi)
        var state = ReviewState(generation: Self.generation, dpi: options.dpi)
        var decoded: [String: Report] = [:]
        let ids = reports.documentIDs()
        for id in ids {
            let path = reports.filePath(for: id)
            guard let stamp = FileStamp.of(path: path) else { continue }
            if let entry = previous.reports[id], entry.report == stamp {
                state.reports[id] = entry
                continue
            }
            guard let data = FileManager.default.contents(atPath: path), let report = ReportReader.report(from: data) else {
                continue
            }
            decoded[id] = report
            state.reports[id] = ReviewState.Entry(
                report: stamp, preview: nil, problem: nil, sha256: report.source.sha256,
                pages: Set(report.provenances.compactMap(\.page)).sorted(), summary: ReportSummary(report))
        }

        // 2. The sources, and the previews they still need.
        var sources: [String: Source] = [:]
        for id in state.reports.keys.sorted() {
            let entry = state.reports[id]!
            sources[entry.sourceID, default: Source(id: entry.sourceID, file: entry.summary.file, sha256: entry.sha256,
                                                    format: entry.summary.format)].pages.formUnion(entry.pages)
            sources[entry.sourceID]!.reportIDs.append(id)
        }
        var problems: [String: String] = [:]
        var requests: [WorkerRequest] = []
        for source in sources.values.sorted(by: { $0.id < $1.id }) {
            let previewFolder = sourcesFolder.appendingPathComponent(source.id)
            if isReady(source, in: previewFolder, state: state, previous: previous, decoded: decoded) { continue }
            let path = sourcePath(source.file)
            guard FileManager.default.fileExists(atPath: path) else {
                problems[source.id] = "\(source.file) is not found (from \(options.sourceRoot.path)); run `scrutiny review` from the folder `extract` ran in, or give --source-root"
                continue
            }
            requests.append(WorkerRequest(path: path, file: source.id, preview: PreviewRequest(
                folder: previewFolder.path, sha256: source.sha256, format: source.format, pages: source.pages.sorted(),
                dpi: options.dpi)))
        }
        var imagesDrawn = 0
        if !requests.isEmpty {
            var done = 0
            progress(0, requests.count)
            do {
                try WorkerPool(configuration: options.pool).runPreviews(requests) { request, result in
                    switch result {
                    case .success(let outcome): imagesDrawn += outcome.rendered
                    case .failure(let failure): problems[request.file] = "\(failure.kind.rawValue): \(failure.message)"
                    }
                    done += 1
                    progress(done, requests.count)
                }
            } catch {
                throw .workersUnavailable(reason: "\(error)")
            }
        }

        // 3. The pages of reports whose report or preview changed, then the index and assets.
        var pagesWritten = 0
        var manifests: [String: SourcePreview?] = [:]
        for source in sources.values.sorted(by: { $0.id < $1.id }) {
            let previewFolder = sourcesFolder.appendingPathComponent(source.id)
            let manifestStamp = problems[source.id] == nil
                ? FileStamp.of(path: previewFolder.appendingPathComponent(SourcePreview.fileName).path) : nil
            let problem = problems[source.id] ?? (manifestStamp == nil ? "the preview was not made; run `scrutiny review` again" : nil)
            for id in source.reportIDs {
                guard var entry = state.reports[id] else { continue }
                let pagePath = folder.appendingPathComponent(id + ".html").path
                let unchanged = decoded[id] == nil && previous.reports[id]?.preview == manifestStamp
                    && previous.reports[id]?.problem == problem && FileManager.default.fileExists(atPath: pagePath)
                entry.preview = manifestStamp
                entry.problem = problem
                state.reports[id] = entry
                if unchanged { continue }
                guard let report = decoded[id] ?? (FileManager.default.contents(atPath: reports.filePath(for: id))
                                                   .flatMap(ReportReader.report(from:))) else { continue }
                if manifests[source.id] == nil {
                    manifests[source.id] = manifestStamp == nil ? .some(nil) : .some(Self.manifest(in: previewFolder))
                }
                let page = ReportPage(report: report, preview: manifests[source.id] ?? nil, previewProblem: problem,
                                      sourceFolder: "sources/" + source.id)
                if try write(page.html(), to: pagePath) { pagesWritten += 1 }
            }
        }
        let summaries = state.reports.keys.sorted().compactMap { state.reports[$0]?.summary }
        var reportProblems: [String: String] = [:]
        for (id, entry) in state.reports { if let problem = entry.problem { reportProblems[id] = problem } }
        _ = try write(IndexPage(summaries: summaries, problems: reportProblems).html(), to: folder.appendingPathComponent("index.html").path)
        _ = try write(ReviewAssets.styleSheet, to: folder.appendingPathComponent(ReviewAssets.styleSheetName).path)
        _ = try write(ReviewAssets.script, to: folder.appendingPathComponent(ReviewAssets.scriptName).path)

        // 4. What is gone, and the state.
        prune(folder: folder, keeping: Set(state.reports.keys), sources: Set(sources.keys))
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

        let shown = sources.values.filter { problems[$0.id] != nil }.sorted { $0.id < $1.id }
            .map { ReviewProblem(file: $0.file, message: problems[$0.id]!) }
        return ReviewOutcome(folder: folder, reports: state.reports.count, pagesWritten: pagesWritten, imagesDrawn: imagesDrawn,
                             problems: shown, seconds: Date().timeIntervalSince(started))
    }

    /// True when `source`'s preview already holds what its reports need: for reports whose page
    /// was made from the manifest as it is, the images on disk; otherwise the manifest read and
    /// checked (same file, same resolution, every page drawn, every image on disk).
    private func isReady(_ source: Source, in previewFolder: URL, state: ReviewState, previous: ReviewState,
                         decoded: [String: Report]) -> Bool {
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

    private static func manifest(in previewFolder: URL) -> SourcePreview? {
        FileManager.default.contents(atPath: previewFolder.appendingPathComponent(SourcePreview.fileName).path)
            .flatMap { try? JSONDecoder().decode(SourcePreview.self, from: $0) }
    }

    /// Where the source file named `file` in a report is: as it is when absolute, else under the source root.
    private func sourcePath(_ file: String) -> String {
        file.hasPrefix("/") ? file : options.sourceRoot.appendingPathComponent(file).path
    }

    /// Writes `text` to `path` unless the file already holds exactly it; true when written.
    private func write(_ text: String, to path: String) throws(ReviewError) -> Bool {
        let data = Data(text.utf8)
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
