# The Makefile is the index of commands: `make help` lists them.
# `make run` and `make test` set up everything they need themselves.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
TAGS      := desktop,production,webkit2_41
BIN       := build/bin/sourcebook
LDFLAGS   := -s -w -X main.version=$(VERSION)
FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/package-lock.json -type f 2>/dev/null)
GO_SRC    := $(shell find . -name '*.go' -not -path './frontend/*' -not -path './.cache/*' 2>/dev/null) go.mod go.sum

.PHONY: help setup run build frontend generate check-generated vet test test-go test-frontend e2e smoke bench bench-frontend fuzz eval clean

help: ## list the commands
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

setup: ## install what is missing (Debian packages, npm packages, Go modules)
	@scripts/setup.sh

run: setup build ## build and open the window (browser mode where there is no display)
	$(BIN)

build: $(BIN) ## build the desktop binary into build/bin/sourcebook

$(BIN): frontend/dist/index.html $(GO_SRC)
	go build -tags $(TAGS) -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) .

frontend: frontend/dist/index.html ## build the web frontend into frontend/dist

frontend/dist/index.html: $(FRONTEND_SRC)
	cd frontend && npm run build

generate: ## regenerate sqlc's Go code and the Wails bindings
	go tool sqlc generate
	go tool wails generate module -tags webkit2_41

check-generated: ## fail when generated code differs from what is committed
	@scripts/check-generated.sh

vet: ## go vet with and without the desktop tags
	go vet ./...
	go vet -tags $(TAGS) ./...

test-go: ## Go tests with the race detector
	go test -race -count=1 ./...

test-frontend: ## frontend type check and unit tests
	cd frontend && npm run check && npm test

e2e: build ## end-to-end tests in Debian's Chromium against `sourcebook serve`
	cd frontend && SOURCEBOOK_BIN=$(CURDIR)/$(BIN) SCREENSHOT_DIR=$(CURDIR)/build/screenshots npm run e2e

smoke: build ## run the desktop binary under Xvfb and check it shows the UI
	scripts/desktop-smoke.sh $(BIN) build/screenshots/desktop.png

test: setup ## set up, then run every check and test
	$(MAKE) check-generated
	$(MAKE) vet
	$(MAKE) test-go
	$(MAKE) test-frontend
	$(MAKE) e2e
	$(MAKE) smoke
	@echo "make test: all checks passed"

bench: ## run the Go benchmarks, then the frontend's
	go test -run '^$$' -bench . -benchmem ./...
	$(MAKE) bench-frontend

# The library's benchmark generates its notebook once (minutes and about 3 GB
# for 100,000 sources) and keeps it in the temporary folder.
BENCH_LIBRARY_SOURCES ?= 100000

bench-frontend: build ## frame times in Debian's Chromium: the compare view (two 10,000-word sources), the library and the Speakers page (BENCH_LIBRARY_SOURCES)
	cd frontend && SOURCEBOOK_BIN=$(CURDIR)/$(BIN) node e2e/bench-compare.mjs
	cd frontend && SOURCEBOOK_BIN=$(CURDIR)/$(BIN) node e2e/bench-library.mjs --sources $(BENCH_LIBRARY_SOURCES)
	cd frontend && SOURCEBOOK_BIN=$(CURDIR)/$(BIN) node e2e/bench-speakers.mjs --sources $(BENCH_LIBRARY_SOURCES)

EVAL_DIR ?= $(CURDIR)/../shared/eval

eval: ## measure extraction quality on ../shared/eval (EVAL_DIR) and the seeds
	@if [ -d "$(EVAL_DIR)" ]; then \
	  echo "eval: reading $(EVAL_DIR)"; \
	  go test -count=1 -run 'TestEvaluate' ./internal/htmlextract -evaldir "$(EVAL_DIR)" -v | grep -v -e '^=== RUN' -e 'benchmark [0-9a-f]\{12\}'; \
	else \
	  echo "eval: $(EVAL_DIR) is absent: measuring on the fixtures in testdata/ only"; \
	fi
	@echo "eval: plain-text boilerplate on real news texts (article lines wrongly marked should be 0)"
	@go test -count=1 -run 'TestEvalNews|TestNewsFalsePositives' ./internal/textextract -v | grep -E 'lines over|all:|^(ok|FAIL)'
	@if [ -d "$(EVAL_DIR)" ]; then \
	  echo "eval: direct quotes and speakers on ggt-quotes (a match overlaps a gold quote by half the longer; speaker = gold reference)"; \
	  go test -count=1 -run 'TestEvaluate$$' ./internal/quote -evaldir "$(EVAL_DIR)" -v | grep -iE 'precision|recall|F1|speaker|^(ok|FAIL)' | grep -v 'miss'; \
	fi
	@if [ -d "$(EVAL_DIR)" ]; then \
	  echo "eval: quotes linked across outlets on news-clusters (no gold links: read them with go test -run TestEvalClusters -v ./app -evaldir ...)"; \
	  go test -count=1 -run 'TestEvalClusters$$' ./app -evaldir "$(EVAL_DIR)" -v | grep -E 'news-clusters:|^(ok|FAIL)'; \
	fi
	@echo "eval: metadata of the two seed articles"
	@go test -count=1 -run 'TestImportSeedsMetadata' ./app -v | grep -E 'seed|^(ok|FAIL)'

fuzz: ## run each fuzz target for FUZZTIME (default 30s)
	@scripts/fuzz.sh $${FUZZTIME:-30s}

clean: ## remove build output
	rm -rf build/bin build/screenshots
	find frontend/dist -mindepth 1 -not -name .gitkeep -delete
