# scrutiny: `make run` sets up, builds and extracts samples/ into out/; `make test` runs the tests.
SWIFT        ?= swift
# System libraries the build links against.
APT_PACKAGES := libpoppler-glib-dev libpoppler-private-dev libxml2-dev libssl-dev libmimalloc-dev zlib1g-dev pkg-config \
                libtesseract-dev tesseract-ocr-eng tesseract-ocr-osd libsqlite3-dev
# Tools the tests use where present: python-jsonschema for the validator cross-check,
# qpdf to make encrypted fixtures, the sqlite3 command to read scrutiny.db back, venv for the
# Datasette test (which installs Datasette from PyPI into .build/datasette-venv), and chromium
# to load the review pages in a real browser.
APT_TEST_PACKAGES := python3-jsonschema qpdf poppler-utils sqlite3 python3-venv chromium
# What `make bench` uses: LibreOffice to generate the corpus, pdftotext to race against,
# /usr/bin/time for wall time and peak RSS, venv for pdfplumber and PyMuPDF from PyPI; for the
# OCR section the tesseract command (the hand pipeline) and ocrmypdf.
APT_BENCH_PACKAGES := libreoffice-writer-nogui poppler-utils time python3-venv tesseract-ocr ocrmypdf

.PHONY: setup setup-test setup-bench build release run test score bench clean

setup:
	@./scripts/apt-ensure $(APT_PACKAGES)

setup-test: setup
	@./scripts/apt-ensure $(APT_TEST_PACKAGES)

setup-bench: setup
	@./scripts/apt-ensure $(APT_BENCH_PACKAGES)

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

run: release
	rm -rf out
	.build/release/scrutiny extract samples --out out

test: setup
	OMP_THREAD_LIMIT=1 $(SWIFT) test

# Extract the seeds, ../shared/corpus/dev and samples/ and score them against their gold (score.py in ../shared).
score: release
	./scripts/score

# The text-layer race, then the review on top of an extract, then the OCR race on scanned copies of
# the first 20 (BENCH_NO_OCR=1 skips it),
# then one bound agenda pack of 1,000 pages against its reports one by one, then an unchanged
# rerun over 100,000 text inputs.
bench: setup-bench release
	./bench/run.sh
	./bench/review.sh
	@if [ -z "$$BENCH_NO_OCR" ]; then ./bench/ocr.sh; fi
	./bench/pack.sh
	./bench/rerun.sh

clean:
	rm -rf .build out out-score
