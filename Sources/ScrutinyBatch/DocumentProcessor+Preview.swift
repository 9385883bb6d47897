import Foundation
import ScrutinyCore
import ScrutinyExport
import ScrutinyIngest

extension DocumentProcessor {
    /// The work a worker does for a ``PreviewRequest``: reads the file, checks it is the one the
    /// reports were extracted from, then draws the PDF pages asked for (keeping those already
    /// drawn) or reads the lines of a text or HTML file, and writes ``SourcePreview/fileName``
    /// last, atomically: an image it does not list is drawn again by the next review.
    ///
    /// The images are a cache that the next review can make again, so they are not flushed to
    /// disk one by one (`fsync` would cost more than drawing them).
    public func preview(_ request: WorkerRequest, _ preview: PreviewRequest) -> Result<PreviewOutcome, InputFailure> {
        switch hook?.action(for: request.path) {
        case .crash: abort()
        case .hang: while true { sleep(3600) }
        case .bloat, .invalid, nil: break
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: request.path))
        } catch {
            return .failure(InputFailure(.unreadable, "cannot read the file: \(error.localizedDescription); run `scrutiny review` from the folder `extract` ran in, or give --source-root"))
        }
        guard ContentHash.sha256(data) == preview.sha256 else {
            return .failure(InputFailure(.unreadable, "the file has changed since its reports were extracted; run `scrutiny extract` again, then `scrutiny review`"))
        }
        do {
            try FileManager.default.createDirectory(atPath: preview.folder, withIntermediateDirectories: true)
            let folder = URL(fileURLWithPath: preview.folder)
            var manifest = SourcePreview(sha256: preview.sha256, format: preview.format, dpi: preview.format == .pdf ? preview.dpi : nil)
            var rendered = 0
            switch preview.format {
            case .pdf:
                (manifest.pages, rendered) = try Self.pageImages(of: data, preview, in: folder)
            case .text:
                manifest.lines = Self.lines(of: try TextReader().read(data))
            case .html:
                manifest.lines = Self.lines(of: try HTMLReader().read(data))
            }
            try AtomicFile.write(try WorkerWire.encode(manifest), to: folder.appendingPathComponent(SourcePreview.fileName).path,
                                 durable: false)
            return .success(PreviewOutcome(rendered: rendered))
        } catch let failure as InputFailure {
            return .failure(failure)
        } catch {
            return .failure(InputFailure(.unreadable, "cannot write the preview into \(preview.folder): \(error); check that the output folder is writable"))
        }
    }

    /// The images of the pages asked for: those the folder's manifest already lists (same file,
    /// same resolution, image on disk) as they are, the others drawn now.
    private static func pageImages(of data: Data, _ preview: PreviewRequest, in folder: URL) throws -> ([PreviewPage], Int) {
        let previous = (try? Data(contentsOf: folder.appendingPathComponent(SourcePreview.fileName)))
            .flatMap { try? WorkerWire.decode(SourcePreview.self, from: $0) }
            .flatMap { $0.sha256 == preview.sha256 && $0.dpi == preview.dpi ? $0 : nil }
        let pdf = try PDFPageRenderer(data: data)
        var pages: [PreviewPage] = []
        var rendered = 0
        for number in Set(preview.pages).sorted() where number >= 1 && number <= pdf.pageCount {
            if let kept = previous?.page(number),
               FileManager.default.fileExists(atPath: folder.appendingPathComponent(kept.image).path) {
                pages.append(kept)
                continue
            }
            guard let image = pdf.image(ofPage: number, dpi: preview.dpi) else { continue }
            let name = PreviewPage.imageName(number)
            // Written in place: only the manifest, written last, makes an image count, so a half-written
            // one (a killed worker) is drawn again by the next review.
            try ScratchFile.write(image.png, to: folder.appendingPathComponent(name).path)
            pages.append(PreviewPage(number: number, width: image.width, height: image.height, pixelWidth: image.pixelWidth,
                                     pixelHeight: image.pixelHeight, image: name))
            rendered += 1
        }
        return (pages, rendered)
    }

    private static func lines(of document: SourceDocument) -> [PreviewLine] {
        document.pages.flatMap { page in page.lines.map { PreviewLine(number: $0.number, text: $0.text, role: $0.role) } }
    }
}
