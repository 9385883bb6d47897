#!/bin/sh
# Rebuilds the agenda pack fixtures from their HTML (fictional councils, people and figures;
# phone numbers from Ofcom's drama range). Needs libreoffice-writer-nogui.
#   front-sheet-moderngov.pdf  a two-page front sheet (agenda list in a table, notes page), tagged
#   front-sheet-summons.pdf    a one-page town council summons with a numbered agenda, untagged
#   front-sheet-cmis.pdf       a one-page notice with labelled details and a table of business, never
#                              saying "agenda", tagged
#   outlined-pack.pdf          a small pack whose bookmarks are its items (LibreOffice exports headings)
#   single-report-outlined.pdf one report whose bookmarks are its own sections and appendix
# Run from anywhere: sh Tests/ScrutinyIngestTests/Fixtures/pack/make-fixtures.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"
profile="-env:UserInstallation=file://$work/profile"

convert() { # stem tagged(true|false)
    soffice --headless "$profile" --infilter="HTML (StarWriter)" --convert-to odt --outdir "$work" "$1.html" >/dev/null 2>&1
    soffice --headless "$profile" \
        --convert-to "pdf:writer_pdf_Export:{\"UseTaggedPDF\":{\"type\":\"boolean\",\"value\":\"$2\"}}" \
        --outdir "$work" "$work/$1.odt" >/dev/null 2>&1
    cp "$work/$1.pdf" "$1.pdf"
    echo "wrote $1.pdf ($(pdfinfo "$1.pdf" | awk '/^Pages:/ {print $2}') pages)"
}
convert front-sheet-moderngov true
convert front-sheet-summons false
convert front-sheet-cmis true
convert outlined-pack false
convert single-report-outlined true
