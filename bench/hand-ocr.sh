#!/usr/bin/env bash
# The OCR pipeline a user writes by hand, for bench/ocr.sh to race against: each PDF rendered
# by pdftoppm to 300 dpi grey images, then each page read by the tesseract command, one after
# the other. The text goes to OUTDIR/<file>.txt.
#
#   bench/hand-ocr.sh OUTDIR FILE.pdf...
set -uo pipefail
out="$1"; shift
pages="$(mktemp -d)"
trap 'rm -rf "$pages"' EXIT
mkdir -p "$out"
for pdf in "$@"; do
    name="$(basename "$pdf" .pdf)"
    rm -f "$pages"/*
    pdftoppm -r 300 -gray "$pdf" "$pages/p" || exit 1
    : >"$out/$name.txt"
    for image in "$pages"/p*.pgm; do
        tesseract "$image" - 2>/dev/null >>"$out/$name.txt" || exit 1
    done
done
