#!/usr/bin/env python3
"""Plain-text extraction with a Python PDF library, for comparison with scrutiny.

usage: pyextract.py pdfplumber|pymupdf FILE...

Reads every page of every file in one process, keeps nothing but a running character
count (so memory reflects the library, not us), and prints files, pages and characters.
A file the library cannot read is reported on stderr and skipped.
"""
import sys


def pdfplumber_pages(path):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            text = page.extract_text() or ""
            page.close()  # pdfplumber caches layout objects per page until closed
            yield text


def pymupdf_pages(path):
    import pymupdf
    with pymupdf.open(path) as doc:
        for page in doc:
            yield page.get_text()


READERS = {"pdfplumber": pdfplumber_pages, "pymupdf": pymupdf_pages}


def main(argv):
    if len(argv) < 2 or argv[0] not in READERS:
        print(__doc__, file=sys.stderr)
        return 2
    read = READERS[argv[0]]
    files = pages = chars = failed = 0
    for path in argv[1:]:
        try:
            for text in read(path):
                pages += 1
                chars += len(text)
            files += 1
        except Exception as error:  # a bad file must not end the run
            failed += 1
            print(f"pyextract: {path}: {error}", file=sys.stderr)
    print(f"{argv[0]}: {files} files, {pages} pages, {chars} characters, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
