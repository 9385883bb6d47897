#!/usr/bin/env bash
# Nightly-rerun benchmark: an unchanged rerun over 100,000 small text inputs (generated once
# into bench/rerun-inputs/), the way a cron job meets an archive that did not change.
#
#   bench/rerun.sh               # `make bench` runs it after the other sections
#
# Environment:
#   BENCH_RERUN_INPUTS=N   how many inputs (default 100000)
#   BENCH_RERUN_ROUNDS=N   unchanged reruns timed (default 5)
#   SCRUTINY=path          the binary to measure (default .build/release/scrutiny)
#
# The first run extracts every input (timed too, for scale); then each rerun finds every input
# with the size and modification time the state records and reads none of them again. The
# median rerun goes between the rerun markers of bench/results.md.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
bin="${SCRUTINY:-$root/.build/release/scrutiny}"
count="${BENCH_RERUN_INPUTS:-100000}"
rounds="${BENCH_RERUN_ROUNDS:-5}"
inputs="$bench/rerun-inputs"
results="$bench/results.md"

[[ "$count" =~ ^[1-9][0-9]*$ && "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "bench-rerun: BENCH_RERUN_INPUTS and BENCH_RERUN_ROUNDS must be numbers" >&2; exit 64; }
[[ -x "$bin" ]] || { echo "bench-rerun: no scrutiny binary at $bin (run 'make bench')" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "bench-rerun: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

if [[ "$(cat "$inputs/.count" 2>/dev/null)" != "$count" ]]; then
    echo "bench-rerun: generating $count text inputs in $inputs"
    rm -rf "$inputs"
    BENCH_INPUTS="$inputs" BENCH_COUNT="$count" python3 - <<'PY'
import os
root, count = os.environ["BENCH_INPUTS"], int(os.environ["BENCH_COUNT"])
for i in range(count):
    folder = os.path.join(root, f"{i // 1000:04d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"report-{i:07d}.txt"), "w") as handle:
        handle.write(f"Report to the Harbour Scrutiny Panel\nMeeting date: {1 + i % 28} June 2026\n"
                     f"Harbour report {i}: ferry services\nRecommendations\n"
                     f"1. That the panel notes ferry report {i}.\n2. That £{i % 900 + 100},000 is set aside for 2026/27.\n")
open(os.path.join(root, ".count"), "w").write(str(count))
PY
fi

work="$(mktemp -d /tmp/scrutiny-bench-rerun.XXXXXX)"
trap 'rm -rf "$work"' EXIT
/usr/bin/time -f "%e %M" -o "$work/first" "$bin" extract "$inputs" --out "$work/out" --quiet
read -r first_wall first_rss < "$work/first"
echo "bench-rerun: first run over $count inputs: $first_wall s, $(( first_rss / 1024 )) MB"
walls=()
for (( round = 1; round <= rounds; round++ )); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" extract "$inputs" --out "$work/out" --quiet
    read -r wall rss < "$work/time"
    extracted=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['extracted'])" "$work/out/run.json")
    echo "  rerun $round: $wall s, $(( rss / 1024 )) MB, extracted $extracted"
    walls+=("$wall")
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
block="<!-- rerun -->
## Nightly rerun: $count unchanged text inputs

An unchanged rerun (every input's size and time as the state records them, nothing read again,
the database left as it is) takes **$median s** (median of $rounds; all: ${walls[*]}); peak RSS
$(( rss / 1024 )) MB. The first run over the same inputs took $first_wall s. At $commit, $(nproc) cores.
<!-- /rerun -->"
echo "$block" | "$bench/put-section" rerun "$results"
