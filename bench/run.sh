#!/usr/bin/env bash
# Throughput benchmark: scrutiny against pdftotext, pdfplumber and PyMuPDF on bench/corpus.
#
#   bench/run.sh [ROUNDS]          # default 7 rounds; `make bench` builds the release binary first
#
# Environment:
#   BENCH_SLOW_ROUNDS=N  how many of the rounds also run pdfplumber (default 3; it takes minutes a run)
#   SCRUTINY=path        the binary to measure (default .build/release/scrutiny; never built here)
#   BENCH_FILES=N        use only the first N corpus files (quick trial runs)
#   BENCH_NO_PYTHON=1    skip pdfplumber and PyMuPDF (they take minutes per round)
#   BENCH_CORPUS=dir     measure the PDFs in dir as they are instead of bench/corpus
#
# Each round runs every tool once over the same files, each under /usr/bin/time: the quick
# tools first, in an order rotated per round, then (in the first BENCH_SLOW_ROUNDS rounds)
# pdfplumber, which takes minutes. A tool's ratio is its wall time divided by pdftotext's wall
# time in the same round, so each ratio compares runs seconds apart (a shared machine's speed
# drifts over minutes); the table gives the median of those ratios, and the round-by-round
# ratios follow it. Seven rounds of the quick tools make that median steady where one round
# in three can be an outlier. Results go to stdout and to
# bench/results.md. A tool that is missing or fails is reported as such and the rest go on.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
rounds="${1:-7}"
slow_rounds="${BENCH_SLOW_ROUNDS:-3}"
bin="${SCRUTINY:-$root/.build/release/scrutiny}"
corpus="${BENCH_CORPUS:-$bench/corpus}"
results="$bench/results.md"

[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/run.sh [ROUNDS]" >&2; exit 64; }
[[ "$slow_rounds" =~ ^[0-9]+$ ]] || { echo "bench: BENCH_SLOW_ROUNDS must be a number" >&2; exit 64; }
(( slow_rounds > rounds )) && slow_rounds=$rounds
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "bench: pdftotext missing (apt-get install poppler-utils)" >&2; exit 1; }

if [[ -z "${BENCH_CORPUS:-}" ]]; then
    "$bench/gen-corpus" --out "$corpus" || { echo "bench: could not generate the corpus" >&2; exit 1; }
fi

mapfile -t files < <(find "$corpus" -name '*.pdf' | LC_ALL=C sort | head -n "${BENCH_FILES:-1000000}")
(( ${#files[@]} > 0 )) || { echo "bench: no PDFs in $corpus" >&2; exit 1; }
pages=0
for f in "${files[@]}"; do pages=$(( pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}') )); done
bytes=$(cat "${files[@]}" | wc -c)   # also warms the page cache before round 1
# scrutiny gets the folder itself unless a subset was asked for.
if [[ -n "${BENCH_FILES:-}" ]]; then targets=("${files[@]}"); else targets=("$corpus"); fi
echo "bench: ${#files[@]} files, $pages pages, $(( bytes / 1000000 )) MB, $rounds round(s) (pdfplumber in $slow_rounds), $(nproc) cores"

# Python libraries in a private venv; any failure just drops those tools.
python=""
if [[ -z "${BENCH_NO_PYTHON:-}" ]]; then
    if [[ ! -x "$bench/venv/bin/python" ]] || ! "$bench/venv/bin/python" -c 'import pdfplumber, pymupdf' 2>/dev/null; then
        echo "bench: setting up bench/venv with pdfplumber and pymupdf"
        { python3 -m venv "$bench/venv" && "$bench/venv/bin/pip" install -q pdfplumber pymupdf; } >/tmp/scrutiny-bench-venv.log 2>&1 \
            || { tail -n 3 /tmp/scrutiny-bench-venv.log; echo "bench: pip install failed (log: /tmp/scrutiny-bench-venv.log); skipping the Python tools"; }
    fi
    "$bench/venv/bin/python" -c 'import pdfplumber, pymupdf' 2>/dev/null && python="$bench/venv/bin/python"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
raw="$work/raw.csv"
echo "round,tool,status,wall_s,rss_kb,failed_inputs" >"$raw"

source "$bench/measure.sh"

run_tool() {
    local round="$1" tool="$2"
    # Every scrutiny run starts from an empty output folder, as a first run does.
    rm -rf "$work/out-jobs1" "$work/out-default" "$work/out-nosqlite"
    case "$tool" in
        pdftotext)        measure "$round" "$tool" - bash -c 'for f; do pdftotext -q "$f" - ; done' _ "${files[@]}" ;;
        scrutiny-jobs1)   measure "$round" "$tool" "$work/out-jobs1" "$bin" extract "${targets[@]}" --out "$work/out-jobs1" --jobs 1 --force ;;
        scrutiny)         measure "$round" "$tool" "$work/out-default" "$bin" extract "${targets[@]}" --out "$work/out-default" --force ;;
        scrutiny-nosqlite) measure "$round" "$tool" "$work/out-nosqlite" "$bin" extract "${targets[@]}" --out "$work/out-nosqlite" --force --no-sqlite ;;
        pdfplumber|pymupdf) measure "$round" "$tool" - "$python" "$bench/pyextract.py" "$tool" "${files[@]}" ;;
    esac
}

tools=(pdftotext)
if [[ -x "$bin" ]]; then tools+=(scrutiny-jobs1 scrutiny scrutiny-nosqlite); else echo "bench: no scrutiny binary at $bin (run 'make bench'); measuring the others"; fi
[[ -n "$python" ]] && tools+=(pymupdf)

for (( r = 1; r <= rounds; r++ )); do
    echo "round $r/$rounds"
    n=${#tools[@]}
    for (( i = 0; i < n; i++ )); do run_tool "$r" "${tools[$(( (i + r - 1) % n ))]}"; done
    [[ -n "$python" ]] && (( r <= slow_rounds )) && run_tool "$r" pdfplumber
done

# Flat memory: scrutiny's peak RSS on the first 20 files against all of them.
if [[ -x "$bin" ]]; then
    echo "flat-memory check"
    measure 0 "scrutiny-jobs1-first20" "$work/out-first20" "$bin" extract "${files[@]:0:20}" --out "$work/out-first20" --jobs 1 --force
fi

BENCH_RAW="$raw" BENCH_RESULTS="$results" BENCH_PAGES="$pages" BENCH_FILES_N="${#files[@]}" BENCH_BYTES="$bytes" BENCH_CORPUS_DIR="$corpus" \
BENCH_ROUNDS="$rounds" BENCH_SLOW_ROUNDS="$slow_rounds" BENCH_BIN="$bin" BENCH_ROOT="$root" BENCH_PY="$python" python3 - <<'PY'
import csv, os, statistics, subprocess, datetime
env = os.environ
rows = list(csv.DictReader(open(env["BENCH_RAW"])))
pages, nfiles = int(env["BENCH_PAGES"]), int(env["BENCH_FILES_N"])
# Exit 1 from scrutiny means some inputs failed but the rest were written: still a timed run,
# unless every input failed (then nothing was really extracted).
def ok(r):
    if r["tool"].startswith("scrutiny"):
        limit = 20 if r["tool"].endswith("first20") else nfiles
        return r["status"] == "0" or (r["status"] == "1" and int(r["failed_inputs"]) < min(limit, nfiles))
    return r["status"] == "0"
base = {r["round"]: float(r["wall_s"]) for r in rows if r["tool"] == "pdftotext" and ok(r)}
order = ["pdftotext", "scrutiny-jobs1", "scrutiny", "scrutiny-nosqlite", "pymupdf", "pdfplumber"]
labels = {"pdftotext": "pdftotext (one process per file)", "scrutiny-jobs1": "scrutiny extract --jobs 1",
          "scrutiny": "scrutiny extract (default jobs)",
          "scrutiny-nosqlite": "scrutiny extract --no-sqlite (default jobs, no database)", "pymupdf": "PyMuPDF get_text()", "pdfplumber": "pdfplumber extract_text()"}
same_round = {}  # tool -> its same-round ratios, for the table and the spread below it
lines = ["| tool | runs ok | wall s median (min–max) | pages/s | peak RSS | vs pdftotext (median of same-round ratios) |",
         "|---|---|---|---|---|---|"]
for tool in order:
    runs = [r for r in rows if r["tool"] == tool]
    if not runs:
        continue
    good = [r for r in runs if ok(r)]
    if not good:
        codes = sorted({r["status"] for r in runs})
        lines.append(f"| {labels[tool]} | 0/{len(runs)} | failed (exit {', '.join(codes)}; inputs failed: "
                     f"{max(int(r['failed_inputs']) for r in runs)}) | | | |")
        continue
    walls = [float(r["wall_s"]) for r in good]
    med = statistics.median(walls)
    ratios = same_round[tool] = [float(r["wall_s"]) / base[r["round"]] for r in good if base.get(r["round"])]
    ratio = f"{statistics.median(ratios):.2f}×" if ratios else "n/a"
    rss = max(int(r["rss_kb"]) for r in good) / 1024
    failed = max(int(r["failed_inputs"]) for r in good)
    note = f" ({failed} inputs failed)" if failed else ""
    lines.append(f"| {labels[tool]}{note} | {len(good)}/{len(runs)} | {med:.2f} ({min(walls):.2f}–{max(walls):.2f}) | "
                 f"{pages / med:.{0 if pages / med >= 100 else 1}f} | {rss:.0f} MB | {ratio} |")
# Every same-round ratio of scrutiny, so the spread behind each median shows.
spread = []
for tool in ["scrutiny-jobs1", "scrutiny", "scrutiny-nosqlite"]:
    if same_round.get(tool):
        spread.append(f"- {labels[tool]}, round by round: {', '.join(f'{x:.2f}' for x in same_round[tool])}")
# What the database costs: the default run over the same run without it, round by round.
by_round = {(r["round"], r["tool"]): float(r["wall_s"]) for r in rows if ok(r)}
cost = [by_round[(rd, "scrutiny")] / by_round[(rd, "scrutiny-nosqlite")] for rd in sorted({r["round"] for r in rows})
        if (rd, "scrutiny") in by_round and (rd, "scrutiny-nosqlite") in by_round]
if cost:
    spread.append(f"- the database (scrutiny.db) costs {statistics.median(cost) - 1:+.1%} of the run "
                  f"(default jobs over --no-sqlite, median of {len(cost)} rounds: {', '.join(f'{x:.2f}' for x in cost)})")
flat = []
first20 = [r for r in rows if r["tool"] == "scrutiny-jobs1-first20" and ok(r)]
full = [r for r in rows if r["tool"] == "scrutiny-jobs1" and ok(r)]
if first20 and full:
    a, b = int(first20[0]["rss_kb"]) / 1024, max(int(r["rss_kb"]) for r in full) / 1024
    flat = [f"Flat memory (`--jobs 1`): peak RSS {a:.0f} MB on the first {min(20, nfiles)} files, {b:.0f} MB on all {nfiles} "
            f"({b / a:.2f}×; flat means close to 1)."]
elif [r for r in rows if r["tool"] == "scrutiny-jobs1-first20"]:
    flat = ["Flat memory: not measured (scrutiny failed on the first 20 files)."]
def version(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        return (p.stdout + p.stderr).strip().splitlines()[0]
    except Exception:
        return "unknown"
commit = version(["git", "-C", env["BENCH_ROOT"], "rev-parse", "--short", "HEAD"])
pyv = version([env["BENCH_PY"], "-c", "import pdfplumber, pymupdf; print('pdfplumber', pdfplumber.__version__, '/ PyMuPDF', pymupdf.VersionBind)"]) if env["BENCH_PY"] else "not installed"
out = ["# scrutiny benchmark", "",
       f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; cores (`nproc`): {os.cpu_count() and subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()}",
       f"- corpus: {nfiles} PDFs, {pages} pages, {int(env['BENCH_BYTES']) / 1e6:.1f} MB ({env['BENCH_CORPUS_DIR'].removeprefix(env['BENCH_ROOT'] + '/')})",
       f"- rounds: {env['BENCH_ROUNDS']}, interleaved, quick tools in an order rotated per round and pdfplumber last "
       f"(in the first {env['BENCH_SLOW_ROUNDS']}); times from `/usr/bin/time -f \"%e %M\"`",
       f"- scrutiny: `{env['BENCH_BIN']}` (worktree at commit {commit})",
       f"- {version(['pdftotext', '-v'])}; Python libraries: {pyv}", ""] + lines + [""] + spread + [""] + flat + [""]
# The OCR and pack sections (bench/ocr.sh, bench/pack.sh) stay as they were until those scripts run again.
import re
previous = open(env["BENCH_RESULTS"]).read() if os.path.exists(env["BENCH_RESULTS"]) else ""
kept = [m.group(0) for name in ("ocr", "pack", "rerun")
        for m in [re.search(rf"<!-- {name} -->.*?<!-- /{name} -->", previous, flags=re.S)] if m]
open(env["BENCH_RESULTS"], "w").write("\n".join(out) + "".join("\n" + block + "\n" for block in kept))
print("\n".join(out))
PY
