#!/usr/bin/env python3
"""Runs one SQL query on an output folder's scrutiny.db and prints each row's first column.

usage: db-query.py OUT_DIR SQL
"""
import os, sqlite3, sys

for row in sqlite3.connect(os.path.join(sys.argv[1], "scrutiny.db")).execute(sys.argv[2]):
    print(row[0])
