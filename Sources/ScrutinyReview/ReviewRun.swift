import Foundation
import ScrutinyBatch
import ScrutinyCore

/// One build of a review, source by source: ``prepare(_:)`` reads a source's reports and says
/// what its preview still needs, ``finish(source:with:)`` writes its reports' pages once the
/// preview is there (or cannot be). Keeps the new state as it goes.
///
/// Not thread-safe: the worker pool calls both from the thread that runs the build.
final class ReviewRun {
    private let builder: ReviewBuilder
    private let reports: ReportFolder
    private let folder: URL
    private let previous: ReviewState
    private(set) var state: ReviewState
    /// The sources handed to workers and not yet finished, by id, with the reports decoded for them.
    private var pending: [String: (source: ReviewBuilder.Source, decoded: [String: Report])] = [:]
    private(set) var problems: [String: (file: String, message: String)] = [:]
    private(set) var pagesWritten = 0
    private(set) var imagesDrawn = 0
    /// The first page that could not be written; the build stops taking sources.
    private(set) var failure: ReviewError?

    init(builder: ReviewBuilder, reports: ReportFolder, folder: URL, previous: ReviewState) {
        self.builder = builder
        self.reports = reports
        self.folder = folder
        self.previous = previous
        state = ReviewState(generation: previous.generation, dpi: previous.dpi)
    }

    private var sourcesFolder: URL { folder.appendingPathComponent("sources") }

    /// Reads the reports of one file (`ids`: its report, or an agenda pack's items): unchanged
    /// ones from the state, the others decoded. Returns the request for a worker when the
    /// source's preview lacks something; otherwise writes the pages now and returns `nil`.
    func prepare(_ ids: [String]) -> WorkerRequest? {
        var decoded: [String: Report] = [:]
        var source: ReviewBuilder.Source?
        for id in ids {
            let path = reports.filePath(for: id)
            guard let stamp = FileStamp.of(path: path) else { continue }
            var entry = previous.reports[id]
            if entry?.report != stamp {
                guard let data = FileManager.default.contents(atPath: path), let report = ReportReader.report(from: data) else { continue }
                decoded[id] = report
                entry = ReviewState.Entry(report: stamp, preview: nil, problem: nil, sha256: report.source.sha256,
                                          pages: Set(report.provenances.compactMap(\.page)).sorted(), summary: ReportSummary(report))
            }
            guard let entry else { continue }
            state.reports[id] = entry
            if source == nil {
                source = ReviewBuilder.Source(id: entry.sourceID, file: entry.summary.file, sha256: entry.sha256, format: entry.summary.format)
            }
            source?.pages.formUnion(entry.pages)
            source?.reportIDs.append(id)
        }
        guard let source else { return nil }
        let previewFolder = sourcesFolder.appendingPathComponent(source.id)
        if builder.isReady(source, in: previewFolder, previous: previous, decoded: decoded) {
            writePages(of: source, decoded: decoded)
            return nil
        }
        let path = builder.sourcePath(source.file)
        guard FileManager.default.fileExists(atPath: path) else {
            problems[source.id] = (source.file, "\(source.file) is not found (from \(builder.options.sourceRoot.path)); run `scrutiny review` from the folder `extract` ran in, or give --source-root")
            writePages(of: source, decoded: decoded)
            return nil
        }
        pending[source.id] = (source, decoded)
        return WorkerRequest(path: path, file: source.id, preview: PreviewRequest(
            folder: previewFolder.path, sha256: source.sha256, format: source.format, pages: source.pages.sorted(),
            dpi: builder.options.dpi))
    }

    /// Takes a worker's answer for source `id` and writes its reports' pages.
    func finish(source id: String, with result: Result<PreviewOutcome, InputFailure>) {
        guard let (source, decoded) = pending.removeValue(forKey: id) else { return }
        switch result {
        case .success(let outcome): imagesDrawn += outcome.rendered
        case .failure(let failure): problems[id] = (source.file, "\(failure.kind.rawValue): \(failure.message)")
        }
        writePages(of: source, decoded: decoded)
    }

    /// Writes the page of each of `source`'s reports whose report, preview or problem changed.
    private func writePages(of source: ReviewBuilder.Source, decoded: [String: Report]) {
        guard failure == nil else { return }
        let previewFolder = sourcesFolder.appendingPathComponent(source.id)
        let problem = problems[source.id]?.message
        let manifestStamp = problem == nil ? FileStamp.of(path: previewFolder.appendingPathComponent(SourcePreview.fileName).path) : nil
        let shownProblem = problem ?? (manifestStamp == nil ? "the preview was not made; run `scrutiny review` again" : nil)
        var manifest: SourcePreview??
        for id in source.reportIDs {
            guard var entry = state.reports[id] else { continue }
            let pagePath = folder.appendingPathComponent(id + ".html").path
            let unchanged = decoded[id] == nil && previous.reports[id]?.preview == manifestStamp
                && previous.reports[id]?.problem == shownProblem && FileManager.default.fileExists(atPath: pagePath)
            entry.preview = manifestStamp
            entry.problem = shownProblem
            state.reports[id] = entry
            if unchanged { continue }
            guard let report = decoded[id] ?? FileManager.default.contents(atPath: reports.filePath(for: id)).flatMap(ReportReader.report(from:))
            else { continue }
            if manifest == nil { manifest = .some(manifestStamp == nil ? nil : ReviewBuilder.manifest(in: previewFolder)) }
            let page = ReportPage(report: report, preview: manifest ?? nil, previewProblem: shownProblem, sourceFolder: "sources/" + source.id)
            do {
                if try builder.write(page.bytes(), to: pagePath) { pagesWritten += 1 }
            } catch {
                failure = error
                return
            }
        }
    }
}
