# scrutiny: `make run` sets up, builds and extracts samples/ into out/; `make test` runs the tests.
SWIFT        ?= swift
# System libraries the build links against.
APT_PACKAGES := libpoppler-glib-dev libpoppler-private-dev libxml2-dev libssl-dev libmimalloc-dev zlib1g-dev pkg-config
# Tools the tests use where present: python-jsonschema for the validator cross-check,
# qpdf to make encrypted fixtures.
APT_TEST_PACKAGES := python3-jsonschema qpdf poppler-utils

.PHONY: setup setup-test build release run test bench clean

setup:
	@./scripts/apt-ensure $(APT_PACKAGES)

setup-test: setup
	@./scripts/apt-ensure $(APT_TEST_PACKAGES)

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

run: release
	rm -rf out
	.build/release/scrutiny extract samples --out out

test: setup
	$(SWIFT) test

bench: release
	./bench/run.sh

clean:
	rm -rf .build out
