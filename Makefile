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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@if [ -x fuzz/run.sh ]; then fuzz/run.sh --smoke; fi
	@if [ -x bench/run.sh ]; then bench/run.sh --smoke; fi
	scripts/e2e.sh .build/debug/gazette
	scripts/kill-test.py .build/debug/gazette 6

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
