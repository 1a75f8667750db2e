# The two commands a new user needs: `make run` and `make test`.
PREFIX ?= /usr/local
SWIFT ?= swift
SECONDS ?= 60

.PHONY: deps build run test install release bench fuzz fuzz-smoke devset clean

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

# Performance figures against the I/O floor and peers (see docs/PERFORMANCE.md).
bench: deps
	bench/run.sh

# libFuzzer targets for the parser and the layout, SECONDS each.
fuzz: deps
	fuzz/run.sh $(SECONDS)

release: deps
	$(SWIFT) build -c release

# The binary, its man page (swift-argument-parser's generate-manual plugin, offline) and shell completions.
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 .build/release/gazette $(DESTDIR)$(PREFIX)/bin/gazette
	mkdir -p .build/man
	$(SWIFT) package --disable-sandbox --allow-writing-to-directory $(CURDIR)/.build/man \
		generate-manual --output-directory $(CURDIR)/.build/man
	install -m 644 .build/man/gazette.1 $(MANDIR)/gazette.1
	.build/release/gazette --generate-completion-script bash > $(BASHDIR)/gazette
	.build/release/gazette --generate-completion-script zsh > $(ZSHDIR)/_gazette
	.build/release/gazette --generate-completion-script fish > $(FISHDIR)/gazette.fish

# Heading and chain scores on ../shared/devset (not part of `make test`: a new clone has no ../shared).
devset: build
	python3 scripts/score-devset.py .build/debug/gazette ../shared/devset

clean:
	rm -rf .build
