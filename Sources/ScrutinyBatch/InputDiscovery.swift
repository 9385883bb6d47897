import Foundation
import ScrutinyCore
#if canImport(Glibc)
import Glibc
#endif

/// One input file found on the command line or inside a folder argument.
public struct DiscoveredInput: Sendable, Hashable {
    /// The name reports and errors use: the path as given, joined with the path inside a folder argument.
    public var file: String
    /// Where to read the bytes (the same as `file`; kept apart so callers never need to rebuild it).
    public var path: String
    /// The file's size and modification time when it was found, so an input the state already
    /// knows by both need not be read and hashed again; `nil` where they could not be read.
    public var stamp: FileStamp?

    public init(file: String, path: String, stamp: FileStamp? = nil) {
        self.file = file
        self.path = path
        self.stamp = stamp
    }
}

/// A file's size and modification time (nanoseconds since 1970), as `stat` gives them.
public struct FileStamp: Sendable, Hashable, Codable {
    public var size: Int64
    public var modified: Int64

    public init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    /// What `stat` says of the file at `path` (links followed), and whether it is a folder;
    /// `nil` when it does not exist or cannot be read.
    static func of(_ path: String) -> (stamp: FileStamp, isFolder: Bool)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return (FileStamp(size: Int64(info.st_size), modified: modified), (info.st_mode & S_IFMT) == S_IFDIR)
    }
}

/// An input that failed before any worker saw it: missing, unreadable, or of a kind scrutiny does not read.
public struct InputProblem: Sendable, Hashable {
    public var file: String
    public var failure: InputFailure

    public init(file: String, failure: InputFailure) {
        self.file = file
        self.failure = failure
    }
}

/// Expands the command line's paths into the input files of a run, sorted by name.
///
/// Folders are walked recursively; inside them only `.pdf .txt .text .html .htm` files are taken
/// (case-insensitive), hidden files and folders are skipped, and so is the output folder itself.
/// A file named explicitly with another extension is reported as `unsupported`; a path that does
/// not exist as `unreadable`.
public struct InputDiscovery: Sendable {
    /// Extensions read, lowercased, without the dot.
    public var extensions: Set<String>
    /// The output folder, skipped when it lies inside a folder argument.
    public var excludedFolder: String?

    public init(extensions: Set<String>, excluding excludedFolder: String? = nil) {
        self.extensions = extensions
        self.excludedFolder = excludedFolder.map(InputDiscovery.canonical)
    }

    /// The result of a discovery: inputs sorted by `file`, each name once, and the problems found on the way.
    public struct Result: Sendable {
        public var inputs: [DiscoveredInput]
        public var problems: [InputProblem]
    }

    public func discover(_ arguments: [String]) -> Result {
        var inputs: [String: DiscoveredInput] = [:]
        var problems: [InputProblem] = []
        var visited = Set<String>()
        for argument in arguments {
            guard let found = FileStamp.of(argument) else {
                problems.append(InputProblem(file: argument, failure: InputFailure(
                    .unreadable, "no such file or folder; check the path")))
                continue
            }
            if found.isFolder {
                walk(folder: argument, into: &inputs, problems: &problems, visited: &visited)
            } else if extensions.contains(Self.pathExtension(of: argument)) {
                inputs[argument] = DiscoveredInput(file: argument, path: argument, stamp: found.stamp)
            } else {
                problems.append(InputProblem(file: argument, failure: InputFailure(
                    .unsupported,
                    "scrutiny reads \(extensions.sorted().map { "." + $0 }.joined(separator: " ")) files; convert it or leave it out")))
            }
        }
        return Result(inputs: inputs.values.sorted { $0.file < $1.file },
                      problems: problems.sorted { $0.file < $1.file })
    }

    /// Walks `folder`; `visited` holds the real paths of folders already walked, so a symbolic
    /// link back up the tree is followed once, not forever.
    private func walk(folder: String, into inputs: inout [String: DiscoveredInput], problems: inout [InputProblem],
                      visited: inout Set<String>) {
        let real = Self.canonical(folder)
        if real == excludedFolder || !visited.insert(real).inserted { return }
        let fm = FileManager.default
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: folder)
        } catch {
            problems.append(InputProblem(file: folder, failure: InputFailure(
                .unreadable, "cannot list the folder: \(error.localizedDescription); check its permissions")))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = (folder as NSString).appendingPathComponent(name)
            guard let found = FileStamp.of(child) else { continue }
            if found.isFolder {
                walk(folder: child, into: &inputs, problems: &problems, visited: &visited)
            } else if extensions.contains(Self.pathExtension(of: name)) {
                inputs[child] = DiscoveredInput(file: child, path: child, stamp: found.stamp)
            }
        }
    }

    static func pathExtension(of path: String) -> String {
        (path as NSString).pathExtension.lowercased()
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
