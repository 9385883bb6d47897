import ArgumentParser
import ScrutinyIngest

extension OCRSettings.Mode: ExpressibleByArgument {}

/// `--ocr` and `--ocr-dpi`, shared by `extract`, `dump` and the worker processes.
struct OCROptions: ParsableArguments {
    @Option(name: .long, help: "Which PDF pages to read by OCR: auto (pages without a usable text layer), never, always.")
    var ocr: OCRSettings.Mode = .auto

    @Option(name: .customLong("ocr-dpi"), help: "The resolution pages are rendered at for OCR.")
    var ocrDPI: Double = OCRSettings.standard.dpi

    func validate() throws {
        if !(ocrDPI >= 50 && ocrDPI <= 1200) { throw ValidationError("--ocr-dpi must be between 50 and 1200") }
    }

    var settings: OCRSettings { OCRSettings(mode: ocr, dpi: ocrDPI) }

    /// The same options, as a worker process is given them.
    var workerArguments: [String] { ["--ocr", ocr.rawValue, "--ocr-dpi", String(ocrDPI)] }
}
