#!/usr/bin/env bash
# OCR benchmark: scrutiny reading scanned PDFs against the pipeline a user writes by hand
# (pdftoppm, then tesseract per page) and against ocrmypdf, on the same image-only PDFs.
#
#   bench/ocr.sh                 # `make bench` runs it after the text-layer section
#
# Environment:
#   BENCH_OCR_FILES=N    how many bench corpus PDFs to scan (default 20, the first in name order)
#   BENCH_OCR_ROUNDS=N   rounds (default 2); each round runs every tool once, in a rotated order
#   BENCH_OCR_JOBS1_ROUNDS=N  how many of the rounds also run `scrutiny --jobs 1` (default 1)
#   SCRUTINY=path        the binary to measure (default .build/release/scrutiny)
#   BENCH_CORPUS=dir     scan the PDFs of dir instead of bench/corpus
#
# The scans are made once by scripts/scan-corpus (200 dpi grey, image-only) into bench/scans/
# and reused while they are newer than their sources. Each tool is timed over the whole set by
# /usr/bin/time (wall seconds, peak RSS of the largest process). A tool's ratio is its wall time
# over the hand pipeline's in the same round; the table gives the median. Results are printed
# and written between the OCR markers of bench/results.md, leaving the text-layer section as it is.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
bin="${SCRUTINY:-$root/.build/release/scrutiny}"
corpus="${BENCH_CORPUS:-$bench/corpus}"
scans="$bench/scans"
count="${BENCH_OCR_FILES:-20}"
rounds="${BENCH_OCR_ROUNDS:-2}"
jobs1_rounds="${BENCH_OCR_JOBS1_ROUNDS:-1}"
results="$bench/results.md"

[[ "$count" =~ ^[1-9][0-9]*$ && "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "bench-ocr: BENCH_OCR_FILES and BENCH_OCR_ROUNDS must be numbers" >&2; exit 64; }
for tool in pdftoppm pdfinfo tesseract /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench-ocr: $tool missing (make setup-bench installs it)" >&2; exit 1; }
done
[[ -x "$bin" ]] || { echo "bench-ocr: no scrutiny binary at $bin (run 'make bench')" >&2; exit 1; }

mapfile -t sources < <(find "$corpus" -maxdepth 1 -name '*.pdf' | LC_ALL=C sort | head -n "$count")
(( ${#sources[@]} > 0 )) || { echo "bench-ocr: no PDFs in $corpus" >&2; exit 1; }

# Scan what is missing or older than its source.
mkdir -p "$scans"
stale=()
for f in "${sources[@]}"; do
    scan="$scans/$(basename "$f")"
    [[ -f "$scan" && "$scan" -nt "$f" ]] || stale+=("$f")
done
if (( ${#stale[@]} > 0 )); then
    echo "bench-ocr: scanning ${#stale[@]} PDF(s) into bench/scans (200 dpi grey)"
    stage="$(mktemp -d)"
    for f in "${stale[@]}"; do ln -s "$f" "$stage/"; done
    "$root/scripts/scan-corpus" "$stage" "$scans" >/dev/null || { rm -rf "$stage"; echo "bench-ocr: scan-corpus failed" >&2; exit 1; }
    rm -rf "$stage"
fi
files=()
for f in "${sources[@]}"; do files+=("$scans/$(basename "$f")"); done
pages=0
for f in "${files[@]}"; do pages=$(( pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}') )); done
echo "bench-ocr: ${#files[@]} scanned PDFs, $pages pages, $rounds round(s), $(nproc) cores"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
for f in "${files[@]}"; do ln -s "$f" "$work/in/"; done
raw="$work/raw.csv"
echo "round,tool,status,wall_s,rss_kb,failed_inputs" >"$raw"

source "$bench/measure.sh"

run_tool() {
    local round="$1" tool="$2"
    case "$tool" in
        hand)
            measure "$round" "$tool" - env OMP_THREAD_LIMIT=1 "$bench/hand-ocr.sh" "$work/hand" "${files[@]}" ;;
        scrutiny)
            measure "$round" "$tool" "$work/out-default" "$bin" extract "$work/in" --out "$work/out-default" --force --quiet --timeout 600 ;;
        scrutiny-jobs1)
            measure "$round" "$tool" "$work/out-jobs1" "$bin" extract "$work/in" --out "$work/out-jobs1" --jobs 1 --force --quiet --timeout 600 ;;
        ocrmypdf)
            # As a user runs it: its own default jobs (every core), the text as a sidecar file,
            # Tesseract held to one thread as in the hand pipeline.
            measure "$round" "$tool" - env OMP_THREAD_LIMIT=1 bash -c \
                'for f; do ocrmypdf --quiet --sidecar "$0/$(basename "$f").txt" "$f" "$0/$(basename "$f")" || exit $?; done' \
                "$work/ocrmypdf" "${files[@]}" ;;
    esac
}

tools=(hand scrutiny scrutiny-jobs1)
if command -v ocrmypdf >/dev/null; then tools+=(ocrmypdf); else echo "bench-ocr: ocrmypdf missing (make setup-bench installs it); measuring the others"; fi
mkdir -p "$work/hand" "$work/ocrmypdf"
for (( r = 1; r <= rounds; r++ )); do
    echo "ocr round $r/$rounds"
    n=${#tools[@]}
    for (( i = 0; i < n; i++ )); do
        tool="${tools[$(( (i + r - 1) % n ))]}"
        [[ "$tool" == scrutiny-jobs1 ]] && (( r > jobs1_rounds )) && continue
        run_tool "$r" "$tool"
    done
done

BENCH_RAW="$raw" BENCH_PAGES="$pages" BENCH_FILES_N="${#files[@]}" BENCH_ROUNDS="$rounds" \
BENCH_BIN="$bin" BENCH_ROOT="$root" python3 - <<'PY' | "$bench/put-section" ocr "$results"
import csv, os, statistics, subprocess, datetime, re
env = os.environ
rows = list(csv.DictReader(open(env["BENCH_RAW"])))
pages, nfiles = int(env["BENCH_PAGES"]), int(env["BENCH_FILES_N"])
# Exit 1 from scrutiny: some inputs failed, the rest were extracted; still a timed run unless all failed.
ok = lambda r: r["status"] == "0" or (r["tool"].startswith("scrutiny") and r["status"] == "1" and int(r["failed_inputs"]) < nfiles)
base = {r["round"]: float(r["wall_s"]) for r in rows if r["tool"] == "hand" and ok(r)}
labels = {"hand": "hand pipeline: `pdftoppm -r 300 -gray`, then `tesseract` per page (serial, one thread)",
          "scrutiny": "scrutiny extract (default jobs)", "scrutiny-jobs1": "scrutiny extract --jobs 1",
          "ocrmypdf": "ocrmypdf --sidecar (its default jobs, one Tesseract thread)"}
def version(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        return (p.stdout + p.stderr).strip().splitlines()[0]
    except Exception:
        return "not installed"
lines = ["| tool | runs ok | wall s median (min–max) | pages/s | peak RSS | vs hand pipeline (median of same-round ratios) |",
         "|---|---|---|---|---|---|"]
for tool in ["hand", "scrutiny", "scrutiny-jobs1", "ocrmypdf"]:
    runs = [r for r in rows if r["tool"] == tool]
    if not runs:
        continue
    good = [r for r in runs if ok(r)]
    if not good:
        lines.append(f"| {labels[tool]} | 0/{len(runs)} | failed (exit {', '.join(sorted({r['status'] for r in runs}))}) | | | |")
        continue
    walls = [float(r["wall_s"]) for r in good]
    med = statistics.median(walls)
    ratios = [float(r["wall_s"]) / base[r["round"]] for r in good if base.get(r["round"])]
    ratio = f"{statistics.median(ratios):.2f}×" if ratios else "n/a"
    rss = max(int(r["rss_kb"]) for r in good) / 1024
    failed = max(int(r["failed_inputs"]) for r in good)
    note = f" ({failed} inputs failed)" if failed else ""
    lines.append(f"| {labels[tool]}{note} | {len(good)}/{len(runs)} | {med:.1f} ({min(walls):.1f}–{max(walls):.1f}) | {pages / med:.2f} | {rss:.0f} MB | {ratio} |")
commit = version(["git", "-C", env["BENCH_ROOT"], "rev-parse", "--short", "HEAD"])
section = ["<!-- ocr -->", "## OCR: scanned PDFs", "",
           f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; cores (`nproc`): {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()}",
           f"- input: the first {nfiles} bench corpus PDFs made image-only by `scripts/scan-corpus` (200 dpi grey), {pages} pages; scrutiny and the hand pipeline render them at 300 dpi for Tesseract, ocrmypdf reads the page images at their own 200 dpi",
           f"- rounds: {env['BENCH_ROUNDS']} (`--jobs 1` in the first only), interleaved, tools in an order rotated per round; times from `/usr/bin/time -f \"%e %M\"` (peak RSS of the largest process)",
           f"- scrutiny: `{env['BENCH_BIN']}` (commit {commit}); {version(['tesseract', '--version'])}; ocrmypdf {version(['ocrmypdf', '--version'])}",
           "", *lines, "", "<!-- /ocr -->"]
print("\n".join(section))
PY
