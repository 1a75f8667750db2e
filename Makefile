# The two commands a new user needs: `make run` and `make test`.
PREFIX ?= /usr/local
SWIFT ?= swift
SECONDS ?= 60
KILLS ?= 100

.PHONY: deps build run test install release bench fuzz fuzz-smoke devset kill-test clean

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

# Opens the reader on the built-in sample articles.
run: build
	@.build/debug/gazette

# One debug build serves every phase: the unit tests, and the binary that the bench smoke run
# (GAZETTE_BENCH_BIN: no release build) and the end-to-end tests drive. The fuzz smoke run
# compiles its own instrumented, unoptimised copy of ArticleKit and ReaderCore. Each phase is
# timed; the last line sums them up (scripts/timed.sh).
PHASES = .build/test-phases.tsv
TIMED = scripts/timed.sh $(PHASES)
test: deps
	@mkdir -p .build && : > $(PHASES)
	@$(TIMED) "build (debug, with tests)" $(SWIFT) build --build-tests
	@$(TIMED) "unit tests" $(SWIFT) test --skip-build
	@$(TIMED) "fuzz smoke" fuzz/run.sh --smoke
	@$(TIMED) "bench smoke" env GAZETTE_BENCH_BIN=$(CURDIR)/.build/debug/gazette bench/run.sh --smoke
	@$(TIMED) "end to end" scripts/e2e.sh .build/debug/gazette
	@$(TIMED) "kill test" scripts/kill-test.py .build/debug/gazette 6
	@$(TIMED) --report

# Performance figures against the I/O floor and peers (see docs/PERFORMANCE.md).
bench: deps
	bench/run.sh

# The kill test at length: the reader killed at KILLS random moments (`make test` runs 6).
kill-test: build
	scripts/kill-test.py .build/debug/gazette $(KILLS)

# libFuzzer targets for the parser and the layout, SECONDS each.
fuzz: deps
	fuzz/run.sh $(SECONDS)

release: deps
	$(SWIFT) build -c release

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/gazette $(DESTDIR)$(PREFIX)/bin/gazette

# Heading and chain scores on ../shared/devset (not part of `make test`: a new clone has no ../shared).
devset: build
	python3 scripts/score-devset.py .build/debug/gazette ../shared/devset

clean:
	rm -rf .build
