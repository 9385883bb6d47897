# Sourced by bench/run.sh and bench/ocr.sh: times one tool run. Needs $work (a scratch folder)
# and $raw (the CSV of runs, header round,tool,status,wall_s,rss_kb,failed_inputs).
#
# measure ROUND TOOL OUTDIR COMMAND...: run once under /usr/bin/time, append a CSV row.
# OUTDIR (or -) is where scrutiny writes; its errors.jsonl gives the number of failed inputs
# (exit 1 keeps the rest).
measure() {
    local round="$1" tool="$2" out="$3"; shift 3
    [[ "$out" != - ]] && rm -f "$out/errors.jsonl"
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr"
    local rc=$? wall rss failed=0
    read -r wall rss < <(tail -n 1 "$work/time")
    [[ "$out" != - && -f "$out/errors.jsonl" ]] && failed=$(grep -c . "$out/errors.jsonl")
    echo "$round,$tool,$rc,$wall,$rss,$failed" >>"$raw"
    if (( rc != 0 )); then
        printf '  %-24s exit %s: %s\n' "$tool" "$rc" "$(grep -v '^$' "$work/stderr" | tail -n 2 | tr '\n' ' ' | cut -c1-200)"
    else
        printf '  %-24s %8.2f s  %7d KB\n' "$tool" "$wall" "$rss"
    fi
}
