#!/usr/bin/env python3
"""Checks an extract output folder's scrutiny.db against its CSVs, for the CLI tests.

usage: db-matches-csv.py OUT_DIR [FTS_WORD]

Every CSV table's rows must be the database table's rows, cell for cell: an empty CSV cell is
NULL, a boolean is 0/1, a number is the same number, text is the same text without the CSV's
formula guard (a leading ' before = + - @). Then PRAGMA integrity_check must say ok,
foreign_key_check must be empty, and FTS_WORD (if given) must find a recommendation through
the search table. Prints what differs and exits 1; prints "ok" and exits 0 otherwise.
"""
import csv, os, sqlite3, sys

out = sys.argv[1]
word = sys.argv[2] if len(sys.argv) > 2 else None
db = sqlite3.connect(os.path.join(out, "scrutiny.db"))
problems = []


def cell(text, value):
    if text == "":
        return value is None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if text in ("true", "false"):
            return value == (1 if text == "true" else 0)
        try:
            return float(text) == float(value)
        except ValueError:
            return False
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        text = text[1:]
    return text == value


for name in sorted(os.listdir(out)):
    if not name.endswith(".csv"):
        continue
    table = name[:-4]
    with open(os.path.join(out, name), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    quoted = ", ".join('"%s"' % column for column in header)
    stored = db.execute(f'SELECT {quoted} FROM "{table}"').fetchall()
    key = (lambda row: (row[0], int(row[1]))) if len(header) > 1 and header[1] == "index" else (lambda row: (row[0],))
    stored.sort(key=key)
    body.sort(key=key)
    if len(stored) != len(body):
        problems.append(f"{table}: {len(body)} CSV rows, {len(stored)} in the database")
        continue
    for csv_row, db_row in zip(body, stored):
        for column, text, value in zip(header, csv_row, db_row):
            if not cell(text, value):
                problems.append(f"{table} {csv_row[0]} {column}: CSV {text!r}, database {value!r}")
if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
    problems.append("integrity_check is not ok")
if db.execute("PRAGMA foreign_key_check").fetchall():
    problems.append("foreign_key_check is not empty")
if word is not None:
    hits = db.execute("SELECT count(*) FROM search WHERE search MATCH ? AND kind = 'recommendation'", (word,)).fetchone()[0]
    if hits == 0:
        problems.append(f"the search table finds no recommendation with {word!r}")
for problem in problems[:20]:
    print(problem)
print("ok" if not problems else f"{len(problems)} problems")
sys.exit(1 if problems else 0)
