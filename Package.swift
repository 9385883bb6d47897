// swift-tools-version: 6.0
// scrutiny: council committee reports in, validated records out.
// The targets follow the pipeline: ingest -> extract -> validate -> export, composed by batch.
import PackageDescription

let package = Package(
    name: "scrutiny",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scrutiny", targets: ["scrutiny"]),
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
        .library(name: "ScrutinyValidate", targets: ["ScrutinyValidate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // System libraries, found through pkg-config.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // poppler's C++ core, for the one thing poppler-glib lacks: marked-content text per page.
        .systemLibrary(name: "CPopplerCore", pkgConfig: "poppler", providers: [.apt(["libpoppler-private-dev"])]),
        // Tesseract's C API, for OCR of pages that have no text layer (apt tesseract-ocr-eng gives its English model).
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract", providers: [.apt(["libtesseract-dev", "tesseract-ocr-eng"])]),
        // OpenSSL's libcrypto, for SHA-256 of input files (with the CPU's SHA instructions).
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // SQLite 3 (with FTS5), for scrutiny.db.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // A small C++ target with a C interface: a tagged PDF's structure tree and its text.
        // Page content streams are inflated with zlib (apt zlib1g-dev), faster than poppler's decoder.
        .target(name: "CPopplerText", dependencies: ["CPopplerCore"], linkerSettings: [.linkedLibrary("z")]),
        // Two glibc calls Swift's Glibc module leaves out, for starting workers without leaking descriptors.
        .target(name: "CSpawn"),
        // A fast PNG encoder for rendered pages (zlib for the checksums), for the review's page images.
        .target(name: "CPNGEncoder", linkerSettings: [.linkedLibrary("z")]),

        // Record types and the ingested-document model; no I/O.
        .target(name: "ScrutinyCore"),
        // PDF (OCR for pages without a text layer), text and HTML readers -> SourceDocument.
        .target(name: "ScrutinyIngest", dependencies: ["ScrutinyCore", "CPoppler", "CPopplerText", "CLibXML2", "CCrypto", "CTesseract",
                                                     "CPNGEncoder"]),
        // SourceDocument -> Report.
        .target(name: "ScrutinyExtract", dependencies: ["ScrutinyCore"]),
        // A general JSON Schema 2020-12 validator; knows nothing of councils.
        .target(name: "JSONSchema"),
        // The report schema (embedded from schemas/) compiled once; validates report records.
        .target(name: "ScrutinyValidate", dependencies: ["JSONSchema", "ScrutinyCore"]),
        // JSON, JSON Lines and CSV writers.
        .target(name: "ScrutinyExport", dependencies: ["ScrutinyCore"]),
        // The export tables as an SQLite database (scrutiny.db) and its Datasette metadata.
        .target(name: "ScrutinyDatabase", dependencies: ["ScrutinyCore", "ScrutinyExport", "CSQLite"]),
        // Folders, worker processes, failures, incremental state.
        .target(
            name: "ScrutinyBatch",
            dependencies: [
                "ScrutinyCore", "ScrutinyIngest", "ScrutinyExtract", "ScrutinyExport", "ScrutinyDatabase", "JSONSchema", "CSpawn",
                .product(name: "Logging", package: "swift-log"),
            ],
            // mimalloc in place of glibc's allocator for the whole process (poppler and Swift
            // allocate in small pieces): about 6% less CPU on 20 bench PDFs.
            linkerSettings: [.linkedLibrary("mimalloc")]),
        // The review: a static site of every report's records beside the pages they came from.
        .target(name: "ScrutinyReview", dependencies: ["ScrutinyCore", "ScrutinyBatch", "ScrutinyExport", "JSONSchema"]),
        // The command line.
        .executableTarget(
            name: "scrutiny",
            dependencies: [
                "ScrutinyCore", "ScrutinyIngest", "ScrutinyExtract", "ScrutinyExport", "ScrutinyBatch", "JSONSchema",
                "ScrutinyValidate", "ScrutinyReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // mimalloc in place of glibc's allocator for the whole process (poppler and Swift
            // allocate in small pieces): about 6% less CPU on 20 bench PDFs.
            linkerSettings: [.linkedLibrary("mimalloc")]),

        .testTarget(name: "ScrutinyIngestTests", dependencies: ["ScrutinyIngest", "ScrutinyCore"], exclude: ["Fixtures"]),
        .testTarget(name: "ScrutinyExtractTests", dependencies: ["ScrutinyExtract", "ScrutinyIngest", "ScrutinyCore"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"]),
        // The official JSON-Schema-Test-Suite (read from ../shared at run time).
        .testTarget(name: "JSONSchemaSuiteTests", dependencies: ["JSONSchema"]),
        .testTarget(name: "ScrutinyValidateTests", dependencies: ["ScrutinyValidate", "JSONSchema", "ScrutinyCore", "ScrutinyIngest", "ScrutinyExtract"]),
        .testTarget(name: "ScrutinyExportTests", dependencies: ["ScrutinyExport", "ScrutinyCore"]),
        .testTarget(name: "ScrutinyDatabaseTests", dependencies: ["ScrutinyDatabase", "ScrutinyExport", "ScrutinyCore"]),
        .testTarget(name: "ScrutinyBatchTests", dependencies: ["ScrutinyBatch", "ScrutinyCore", "ScrutinyExport"]),
        .testTarget(name: "ScrutinyReviewTests", dependencies: ["ScrutinyReview", "ScrutinyBatch", "ScrutinyCore"]),
        // End-to-end: runs the built `scrutiny` binary (.build/debug/scrutiny) on temporary folders.
        .testTarget(name: "ScrutinyCLITests", dependencies: ["ScrutinyCore", "ScrutinyIngest"], exclude: ["Support"]),
    ],
    cxxLanguageStandard: .cxx17
)
