#if canImport(Glibc)
import Glibc
#endif

/// Holds Tesseract's OpenMP threads to one per process: parallelism comes from `extract --jobs`,
/// and on a machine as busy as a batch makes it, OpenMP's spinning threads cost several times
/// the OCR time (a scanned page: 27 s of wall time against 4 s with one thread).
///
/// libgomp reads `OMP_THREAD_LIMIT` once, when it is loaded, before any Swift code runs, so the
/// first start sets it and runs the program again in place; worker processes inherit it.
/// A limit the user set is left alone.
enum OpenMPThreadLimit {
    static let variable = "OMP_THREAD_LIMIT"

    static func holdToOne() {
        guard getenv(variable) == nil else { return }
        setenv(variable, "1", 1)
        // On failure (no /proc), go on with OpenMP's own threads.
        _ = execv("/proc/self/exe", CommandLine.unsafeArgv)
    }
}
