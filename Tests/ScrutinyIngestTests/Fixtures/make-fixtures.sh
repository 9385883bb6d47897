#!/bin/sh
# Rebuilds the PDF fixtures from report.html (a small fictional report) and the bad inputs.
# Needs: libreoffice-writer-nogui, qpdf, poppler-utils (pdftoppm), img2pdf.
# Run from anywhere: sh Tests/ScrutinyIngestTests/Fixtures/make-fixtures.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"

# HTML -> ODT -> PDF: going through ODT keeps the running header and footer on every page.
soffice --headless -env:UserInstallation="file://$work/profile" --infilter="HTML (StarWriter)" \
    --convert-to odt --outdir "$work" report.html >/dev/null 2>&1
soffice --headless -env:UserInstallation="file://$work/profile" \
    --convert-to 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"false"}}' \
    --outdir "$work" "$work/report.odt" >/dev/null 2>&1
cp "$work/report.pdf" report-untagged.pdf
soffice --headless -env:UserInstallation="file://$work/profile" \
    --convert-to 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}' \
    --outdir "$work" "$work/report.odt" >/dev/null 2>&1
cp "$work/report.pdf" report-tagged.pdf

# The tagged report with syntax LibreOffice does not write in its structure elements (comments,
# nested and escaped strings, hex strings, booleans, reals), and the same in object streams
# and encrypted (no user password), where scrutiny leaves the reading to poppler.
qpdf --qdf --object-streams=disable report-tagged.pdf "$work/qdf.pdf"
python3 - "$work/qdf.pdf" "$work/unusual-qdf.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
extra = (b"\n  % a comment inside a structure element >> ] (\n"
         b"  /Alt (a (nested) \\) string with << and /Names)\n  /ActualText <FEFF 0041>\n"
         b"  /T (x)\n  /ID [ true false null -1.5 +2 .5 ]\n")
count = 0
def every_other(match):
    global count
    count += 1
    return match.group(0) + extra if count % 2 else match.group(0)
open(sys.argv[2], "wb").write(re.sub(rb"  /Type /StructElem\n", every_other, data))
PY
fix-qdf "$work/unusual-qdf.pdf" > report-tagged-unusual-syntax.pdf
qpdf --object-streams=generate report-tagged-unusual-syntax.pdf report-tagged-object-streams.pdf
qpdf --encrypt "" owner 256 -- report-tagged-unusual-syntax.pdf report-tagged-encrypted.pdf

# The tagged report with its list bodies typed "Lbody", as some Word exports spell "LBody".
sed 's#/S /LBody#/S /Lbody#' "$work/qdf.pdf" > "$work/lowercase-qdf.pdf"
fix-qdf "$work/lowercase-qdf.pdf" > report-tagged-lowercase-type.pdf

# The untagged report with the checksum at the end of every compressed page content stream
# broken: poppler's decoder ignores it, zlib refuses it, so scrutiny leaves those to poppler.
python3 - report-untagged.pdf report-untagged-bad-checksums.pdf <<'PY'
import re, sys, zlib
data = bytearray(open(sys.argv[1], "rb").read())
for match in re.finditer(rb"stream\r?\n", bytes(data)):
    start = match.end()
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(bytes(data[start:]))
    except zlib.error:
        continue
    if not inflater.eof or b"BT" not in text:
        continue
    end = len(data) - len(inflater.unused_data)  # where the stream's zlib data ends
    for at in range(end - 4, end):
        data[at] ^= 0xFF
open(sys.argv[2], "wb").write(bytes(data))
PY

bad="$here/bad"
mkdir -p "$bad"
qpdf --encrypt secret owner 256 -- report-untagged.pdf "$bad/encrypted.pdf"
size=$(wc -c < report-untagged.pdf)
head -c $((size / 2)) report-untagged.pdf > "$bad/truncated.pdf"
head -c $((size - 200)) report-untagged.pdf > "$bad/trailer-cut.pdf"
: > "$bad/zero-bytes.pdf"
cp report.html "$bad/html-named.pdf"
printf '%%PDF-1.7\ngarbage that is not a PDF body\n' > "$bad/garbage.pdf"
pdftoppm -r 40 -f 1 -l 1 -png report-untagged.pdf "$work/page"
img2pdf "$work"/page*.png -o "$bad/image-only.pdf"
printf 'A report saved in a word-processor format.\n' > "$bad/report.docx"
