#!/usr/bin/env python3
"""Cross-check the gold files in samples/expected against the sample documents.

usage: samples-src/check-gold.py

For every gold file: the £ amounts printed in its document (pdftotext for PDFs, tags
stripped for HTML, as is for text; cells of "£000" tables carry no £ and are not counted;
a range "£8-10m" is two amounts) must be exactly the amounts in the gold "budgets", and
every recommendation and update text must appear word for word in the HTML source.
Exits 1 and says what differs when they disagree. Run it after editing a source or a gold file.
"""
import html, json, os, re, subprocess, sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES, SOURCES = os.path.join(ROOT, "samples"), os.path.join(ROOT, "samples-src")
MONEY = re.compile(r"(\()?£(\d+(?:,\d{3})*(?:\.\d+)?)(m|k)?(?:-£?(\d+(?:,\d{3})*(?:\.\d+)?)(m|k)?)?")
SCALE = {"m": 1e6, "k": 1e3, None: 1}


def visible_text(path):
    if path.endswith(".pdf"):
        return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True).stdout
    text = open(path, encoding="utf-8-sig").read()
    if path.endswith((".html", ".htm")):
        text = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


def printed_amounts(text):
    found = []
    for m in MONEY.finditer(text):
        bracket, a, sa, b, sb = m.groups()
        if a == "000" and not sa and not b:
            continue  # a "£000" column header
        value = lambda n, s: float(n.replace(",", "")) * SCALE[s]
        if b:
            found += [value(a, sa or sb), value(b, sb or sa)]
        else:
            found.append(-value(a, sa) if bracket else value(a, sa))
    return Counter(round(x, 2) for x in found)


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    problems = 0
    gold_dir = os.path.join(SAMPLES, "expected")
    for name in sorted(os.listdir(gold_dir)):
        gold = json.load(open(os.path.join(gold_dir, name), encoding="utf-8"))
        document = os.path.join(SAMPLES, gold["file"])
        if not os.path.exists(document):
            print(f"{name}: its document {gold['file']} is not in samples/"); problems += 1; continue
        printed = printed_amounts(visible_text(document))
        expected = Counter(round(float(b["amount"]), 2) for b in gold["budgets"])
        if printed != expected:
            problems += 1
            print(f"{name}: amounts differ; printed but not in gold {dict(printed - expected)}, "
                  f"in gold but not printed {dict(expected - printed)}")
        stem = re.sub(r"-text$", "", os.path.splitext(gold["file"])[0])
        source = squash(visible_text(os.path.join(SOURCES, stem + ".html")))
        for record in gold["recommendations"] + gold["recommendation_updates"]:
            for field in ("text", "progress"):
                if field in record and squash(record[field]) not in source:
                    problems += 1
                    print(f"{name}: {field} not found in {stem}.html: {record[field][:70]!r}")
        print(f"{name}: {sum(expected.values())} amounts, {len(gold['recommendations'])} recommendations, "
              f"{len(gold['recommendation_updates'])} updates, {len(gold['partnerships'])} partnerships")
    print("gold files agree with the documents" if not problems else f"{problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
