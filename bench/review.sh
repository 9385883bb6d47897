#!/usr/bin/env bash
# Review benchmark: how long `scrutiny review` takes on top of the extract it shows, over the
# bench corpus, both ways a user runs it.
#
#   bench/review.sh              # `make bench` runs it after the text-layer race
#
# Environment:
#   BENCH_REVIEW_ROUNDS=N  rounds (default 5)
#   SCRUTINY=path          the binary to measure (default .build/release/scrutiny)
#   BENCH_CORPUS=dir       review the PDFs of dir instead of bench/corpus
#
# Each round, in fresh folders: `extract --no-sqlite`, then `review` of its folder, then
# `review` again with nothing changed; then `extract --no-sqlite --review` into another folder.
# The folders are removed only at the end: on ext4 without a journal, files made within a minute
# or so of deleting thousands (the last round's page images) cost far more to create, since the
# allocator steps over every recently freed inode.
# The ratios are taken within a round (review / extract; extract --review / extract, minus
# one: what the review adds), so a shared host's drift cancels in part; wall and CPU (user +
# system, all processes) both. Results are printed and written between the review markers of
# bench/results.md, leaving the other sections as they are.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
bin="${SCRUTINY:-$root/.build/release/scrutiny}"
corpus="${BENCH_CORPUS:-$bench/corpus}"
rounds="${BENCH_REVIEW_ROUNDS:-5}"
results="$bench/results.md"

[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "bench-review: BENCH_REVIEW_ROUNDS must be a number" >&2; exit 64; }
[[ -x /usr/bin/time ]] || { echo "bench-review: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
[[ -x "$bin" ]] || { echo "bench-review: no scrutiny binary at $bin (run 'make bench')" >&2; exit 1; }
if [[ -z "${BENCH_CORPUS:-}" ]]; then
    "$bench/gen-corpus" --out "$corpus" || { echo "bench-review: could not generate the corpus" >&2; exit 1; }
fi

work="$(mktemp -d /tmp/scrutiny-bench-review.XXXXXX)"
trap 'rm -rf "$work"' EXIT
raw="$work/raw.csv"
echo "round,step,status,wall_s,cpu_s,rss_kb" >"$raw"

# step ROUND NAME COMMAND...: one timed run, a CSV row.
step() {
    local round="$1" name="$2"; shift 2
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr"
    local rc=$? wall user sys rss
    read -r wall user sys rss < <(tail -n 1 "$work/time")
    local cpu; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "$round,$name,$rc,$wall,$cpu,$rss" >>"$raw"
    if (( rc != 0 )); then
        printf '  %-16s exit %s: %s\n' "$name" "$rc" "$(grep -v '^$' "$work/stderr" | tail -n 2 | tr '\n' ' ' | cut -c1-200)"
    else
        printf '  %-16s %7.2f s  cpu %6.2f s  %7d KB\n' "$name" "$wall" "$cpu" "$rss"
    fi
}

echo "bench-review: $(find "$corpus" -maxdepth 1 -name '*.pdf' | wc -l) PDFs in $corpus; $rounds round(s), $(nproc) cores"
for (( round = 1; round <= rounds; round++ )); do
    echo "round $round"
    out="$work/out-$round"
    step "$round" extract "$bin" extract "$corpus" --out "$out" --quiet --no-sqlite
    step "$round" review "$bin" review "$out" --quiet
    step "$round" rerun "$bin" review "$out" --quiet
    step "$round" extract-review "$bin" extract "$corpus" --out "$out-both" --quiet --no-sqlite --review
done
drawn=$(find "$work/out-1/review/sources" -name 'page-*.png' | wc -l)
size=$(du -sk "$work/out-1/review/sources" | awk '{print $1}')

BENCH_RAW="$raw" BENCH_DRAWN="$drawn" BENCH_SIZE_KB="$size" BENCH_ROUNDS="$rounds" \
BENCH_COMMIT="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" python3 - <<'PY' | "$bench/put-section" review "$results"
import csv, os, re, statistics
env = os.environ
runs = {}
for row in csv.DictReader(open(env["BENCH_RAW"])):
    if row["status"] == "0":
        runs.setdefault(row["round"], {})[row["step"]] = (float(row["wall_s"]), float(row["cpu_s"]), int(row["rss_kb"]))

def median(values):
    return statistics.median(values) if values else float("nan")

def column(step, index):
    return [r[step][index] for r in runs.values() if step in r]

def ratios(top, base, index, minus=0.0):
    return [r[top][index] / r[base][index] - minus for _, r in sorted(runs.items()) if top in r and base in r]

names = {"extract": "`scrutiny extract --no-sqlite`",
         "review": "`scrutiny review OUT` after it",
         "rerun": "`scrutiny review OUT` again, nothing changed",
         "extract-review": "`scrutiny extract --no-sqlite --review`"}
lines = ["| run | wall s (median, min–max) | CPU s (median) | peak RSS | review / extract, wall (CPU) |",
         "|---|---|---|---|---|"]
for step in ["extract", "review", "rerun", "extract-review"]:
    walls, cpus, rss = column(step, 0), column(step, 1), column(step, 2)
    if not walls:
        lines.append(f"| {names[step]} | failed | | | |")
        continue
    if step == "review":
        ratio = f"{median(ratios('review', 'extract', 0)):.2f}× ({median(ratios('review', 'extract', 1)):.2f}×)"
    elif step == "extract-review":
        ratio = (f"{median(ratios('extract-review', 'extract', 0, 1)):.2f}× "
                 f"({median(ratios('extract-review', 'extract', 1, 1)):.2f}×) on top")
    else:
        ratio = ""
    lines.append(f"| {names[step]} | {median(walls):.2f} ({min(walls):.2f}–{max(walls):.2f}) | {median(cpus):.2f} | "
                 f"{max(rss) // 1024} MB | {ratio} |")
per_round = ", ".join(f"{x:.2f}" for x in ratios("review", "extract", 0))
per_round_both = ", ".join(f"{x:.2f}" for x in ratios("extract-review", "extract", 0, 1))
section = ["<!-- review -->", "## Review: page images on top of the extract", "",
           f"{env['BENCH_ROUNDS']} round(s) at {env['BENCH_COMMIT']}, each in fresh folders; {env['BENCH_DRAWN']} page images "
           f"drawn ({int(env['BENCH_SIZE_KB']) // 1024} MB). Review / extract, wall, per round: {per_round}; "
           f"what `--review` adds to an extract, per round: {per_round_both}. CPU is user + system of every process.",
           "", *lines, "", "<!-- /review -->"]
print("\n".join(section))
PY
