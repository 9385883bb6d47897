#!/usr/bin/env bash
# Agenda-pack benchmark: one pack of about 1,000 pages (a fictional front sheet, then bench
# corpus reports bound one after another by scripts/make-pack) against the same reports as
# separate files, extracted one by one (--jobs 1) and with the default jobs.
#
#   bench/pack.sh                # `make bench` runs it after the other sections
#
# Environment:
#   BENCH_PACK_PAGES=N   pages to bind at least (default 1000)
#   BENCH_PACK_ROUNDS=N  rounds (default 3), each tool once per round in a rotated order
#   SCRUTINY=path        the binary to measure (default .build/release/scrutiny)
#   BENCH_CORPUS=dir     bind the PDFs of dir instead of bench/corpus
#
# A pack is one input, so one worker reads it, page after page: its fair comparison is the
# same reports read one by one. The table gives each tool's median wall time and its ratio to
# the one-by-one run in the same round. Results are printed and written between the pack
# markers of bench/results.md, leaving the other sections as they are.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
bin="${SCRUTINY:-$root/.build/release/scrutiny}"
corpus="${BENCH_CORPUS:-$bench/corpus}"
want="${BENCH_PACK_PAGES:-1000}"
rounds="${BENCH_PACK_ROUNDS:-3}"
results="$bench/results.md"
front="$root/Tests/ScrutinyIngestTests/Fixtures/pack/front-sheet-moderngov.pdf"

[[ "$want" =~ ^[1-9][0-9]*$ && "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "bench-pack: BENCH_PACK_PAGES and BENCH_PACK_ROUNDS must be numbers" >&2; exit 64; }
for tool in qpdf pdfinfo /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench-pack: $tool missing (make setup-bench installs it)" >&2; exit 1; }
done
[[ -x "$bin" ]] || { echo "bench-pack: no scrutiny binary at $bin (run 'make bench')" >&2; exit 1; }
[[ -f "$front" ]] || { echo "bench-pack: the front sheet fixture $front is missing" >&2; exit 1; }
if [[ -z "${BENCH_CORPUS:-}" ]]; then
    "$bench/gen-corpus" --out "$corpus" || { echo "bench-pack: could not generate the corpus" >&2; exit 1; }
fi

work="$(mktemp -d /tmp/scrutiny-bench-pack.XXXXXX)"
trap 'rm -rf "$work"' EXIT
raw="$work/raw.csv"
echo "round,tool,status,wall_s,rss_kb,failed_inputs" >"$raw"
source "$bench/measure.sh"

# The reports, in name order, until the pages reach the target.
mkdir -p "$work/reports"
pages=0
reports=()
while IFS= read -r file; do
    (( pages >= want )) && break
    reports+=("$file")
    cp "$file" "$work/reports/"
    pages=$(( pages + $(pdfinfo "$file" | awk '/^Pages:/ {print $2}') ))
done < <(find "$corpus" -maxdepth 1 -name '*.pdf' | LC_ALL=C sort)
(( ${#reports[@]} > 1 )) || { echo "bench-pack: too few PDFs in $corpus" >&2; exit 1; }
"$root/scripts/make-pack" "$work/pack.pdf" "$front" "${reports[@]}" >"$work/layout.json" || exit 1
total=$(pdfinfo "$work/pack.pdf" | awk '/^Pages:/ {print $2}')
echo "bench-pack: ${#reports[@]} reports, $pages pages, bound with a front sheet into one pack of $total pages; $rounds round(s), $(nproc) cores"

tools=("pack" "one-by-one" "default-jobs")
for (( round = 1; round <= rounds; round++ )); do
    echo "round $round"
    for (( i = 0; i < ${#tools[@]}; i++ )); do
        tool="${tools[$(( (i + round - 1) % ${#tools[@]} ))]}"
        rm -rf "$work/out-$tool"
        case "$tool" in
            pack) measure "$round" pack "$work/out-$tool" "$bin" extract "$work/pack.pdf" --out "$work/out-$tool" --quiet --timeout 3600 ;;
            one-by-one) measure "$round" one-by-one "$work/out-$tool" "$bin" extract "$work/reports" --out "$work/out-$tool" --quiet --jobs 1 ;;
            default-jobs) measure "$round" default-jobs "$work/out-$tool" "$bin" extract "$work/reports" --out "$work/out-$tool" --quiet ;;
        esac
    done
done
found=$(find "$work/out-pack/reports" -name '*-[0-9][0-9][0-9].json' | wc -l)
echo "bench-pack: the pack gave $found item reports for ${#reports[@]} reports"

BENCH_RAW="$raw" BENCH_PAGES="$total" BENCH_REPORTS="${#reports[@]}" BENCH_FOUND="$found" \
BENCH_ROUNDS="$rounds" BENCH_COMMIT="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" python3 - <<'PY' | "$bench/put-section" pack "$results"
import csv, os, re, statistics
env = os.environ
rows = list(csv.DictReader(open(env["BENCH_RAW"])))
runs = {}
for row in rows:
    if row["status"] == "0":
        runs.setdefault(row["round"], {})[row["tool"]] = (float(row["wall_s"]), int(row["rss_kb"]))
names = {"pack": "`scrutiny extract PACK.pdf` (one input, one worker)",
         "one-by-one": "`scrutiny extract REPORTS/ --jobs 1` (the same reports one by one)",
         "default-jobs": "`scrutiny extract REPORTS/` (default jobs)"}
pages = int(env["BENCH_PAGES"])
lines = ["| tool | wall s (median) | pages/s | peak RSS | vs one by one |", "|---|---|---|---|---|"]
for tool in ["one-by-one", "pack", "default-jobs"]:
    walls = [r[tool][0] for r in runs.values() if tool in r]
    rss = [r[tool][1] for r in runs.values() if tool in r]
    ratios = [r[tool][0] / r["one-by-one"][0] for r in runs.values() if tool in r and "one-by-one" in r]
    if not walls:
        lines.append(f"| {names[tool]} | failed | | | |")
        continue
    wall = statistics.median(walls)
    lines.append(f"| {names[tool]} | {wall:.2f} | {pages / wall:.0f} | {max(rss) // 1024} MB | "
                 f"{statistics.median(ratios):.2f}× |" if ratios else f"| {names[tool]} | {wall:.2f} | | | |")
ratios = ", ".join(f"{r['pack'][0] / r['one-by-one'][0]:.2f}" for _, r in sorted(runs.items()) if "pack" in r and "one-by-one" in r)
section = ["<!-- pack -->", "## Agenda packs: one bound pack against its reports", "",
           f"{env['BENCH_REPORTS']} bench reports bound after a front sheet into one pack of {pages} pages "
           f"(`scripts/make-pack`, no outline); the pack gave {env['BENCH_FOUND']} item reports. "
           f"{env['BENCH_ROUNDS']} round(s) at {env['BENCH_COMMIT']}; pack/one-by-one ratio per round: {ratios}.",
           "", *lines, "", "<!-- /pack -->"]
print("\n".join(section))
PY
