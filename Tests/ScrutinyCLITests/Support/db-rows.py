#!/usr/bin/env python3
"""Prints the rows of an output folder's scrutiny.db data tables (the CSV tables, not the
changes log or the bookkeeping) as sorted JSON lines, so two databases can be compared by rows.

usage: db-rows.py OUT_DIR
"""
import json, os, sqlite3, sys

db = sqlite3.connect(os.path.join(sys.argv[1], "scrutiny.db"))
for table in ["documents", "recommendations", "recommendation_updates", "partnerships", "budgets", "implications"]:
    for row in sorted(json.dumps([table] + list(row), ensure_ascii=False) for row in db.execute(f'SELECT * FROM "{table}"')):
        print(row)
