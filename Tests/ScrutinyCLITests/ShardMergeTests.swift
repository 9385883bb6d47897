import Foundation
import Testing

/// `extract --shard K/N` and `scrutiny merge`: shards split the inputs by document id, evenly
/// and without overlap, and their folders merged are one run's folder.
@Suite("shards and merge", .serialized, .enabled(if: ScrutinyBinary.isBuilt, "build the package first: swift build"))
struct ShardMergeTests {
    /// The files whose bytes a merge must give exactly as one run does.
    static func comparable(_ snapshot: [String: Data]) -> [String: Data] {
        snapshot.filter { $0.key.hasPrefix("reports/") || $0.key.hasSuffix(".csv") || $0.key == "reports.jsonl"
            || $0.key == "datapackage.json" || $0.key == "errors.jsonl" }
    }

    @Test("three shards take every input once, and merged they are byte for byte one run over all inputs")
    func threeShardsMergedAreOneRun() throws {
        let scratch = try Scratch()
        for number in 1...30 { try scratch.write(sampleReport(number), to: "in/r\(number).txt") }
        try scratch.write("", to: "in/empty.txt")
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "whole", "--quiet"], in: scratch.url).status == 1)
        var reportsPerShard: [Int] = []
        for shard in 1...3 {
            let run = try ScrutinyBinary.run(["extract", "in", "--out", "shard\(shard)", "--quiet", "--shard", "\(shard)/3"], in: scratch.url)
            #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
            reportsPerShard.append(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("shard\(shard)/reports").path).count)
        }
        #expect(reportsPerShard.reduce(0, +) == 30, "every report in exactly one shard: \(reportsPerShard)")
        #expect(reportsPerShard.allSatisfy { $0 >= 1 }, "spread over the shards: \(reportsPerShard)")
        let merge = try ScrutinyBinary.run(["merge", "shard1", "shard2", "shard3", "--out", "merged"], in: scratch.url)
        #expect(merge.status == 0, "\(merge.stderr)")
        let whole = Self.comparable(try scratch.snapshot("whole"))
        let merged = Self.comparable(try scratch.snapshot("merged"))
        #expect(merged.keys.sorted() == whole.keys.sorted())
        for (name, bytes) in whole { #expect(merged[name] == bytes, "\(name) differs") }
        let errors = try scratch.jsonLines("merged/errors.jsonl")
        #expect(errors.count == 1 && errors.first?["path"] as? String == "in/empty.txt", "the empty input's error once")

        // The merged folder is an extract folder: an unsharded run into it reads nothing again.
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "merged", "--quiet"], in: scratch.url).status == 1)
        let record = try JSONSerialization.jsonObject(with: scratch.read("merged/run.json")) as! [String: Any]
        #expect(record["extracted"] as? Int == 0 && record["unchanged"] as? Int == 30, "\(record)")
    }

    @Test("--shard auto/N takes its index from a Kubernetes or Slurm array's environment; bad values are usage errors")
    func shardIndexFromTheEnvironment() throws {
        let scratch = try Scratch()
        for number in 1...6 { try scratch.write(sampleReport(number), to: "in/r\(number).txt") }
        #expect(try ScrutinyBinary.run(["extract", "in", "--out", "k8s", "--quiet", "--shard", "2/3"], in: scratch.url).status == 0)
        let process = try ScrutinyBinary.start(["extract", "in", "--out", "auto", "--quiet", "--shard", "auto/3"], in: scratch.url,
                                               environment: ["JOB_COMPLETION_INDEX": "1"])
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try scratch.snapshot("auto").filter { $0.key.hasPrefix("reports/") } == scratch.snapshot("k8s").filter { $0.key.hasPrefix("reports/") })
        let slurm = try ScrutinyBinary.start(["extract", "in", "--out", "slurm", "--quiet", "--shard", "auto/3"], in: scratch.url,
                                             environment: ["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "1"])
        slurm.waitUntilExit()
        #expect(try scratch.snapshot("slurm").filter { $0.key.hasPrefix("reports/") } == scratch.snapshot("k8s").filter { $0.key.hasPrefix("reports/") })
        for bad in ["0/3", "4/3", "x/3", "2", "auto/0"] {
            #expect(try ScrutinyBinary.run(["extract", "in", "--out", "bad", "--shard", bad], in: scratch.url).status == 64, "\(bad)")
        }
        let unset = try ScrutinyBinary.start(["extract", "in", "--out", "bad", "--shard", "auto/3"], in: scratch.url,
                                             environment: ["JOB_COMPLETION_INDEX": nil, "SLURM_ARRAY_TASK_ID": nil])
        unset.waitUntilExit()
        #expect(unset.terminationStatus == 64)
    }
}
