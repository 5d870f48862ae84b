# awarekit: `make kit` builds everything into public/, `make test` runs every
# test. Both install what they need on a fresh Debian machine with Go.

GO      ?= go
BIN     := bin/awarekit
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
# Debian packages the tests read PDFs (poppler, qpdf, Ghostscript, MuPDF),
# QR codes (zbar), shaping (HarfBuzz's hb-shape) and PO and XLIFF files
# (gettext, xmllint, translate-toolkit) with; TEST_TOOLS are the commands
# that tell they are there.
TEST_PKGS := poppler-utils qpdf gettext libxml2-utils ghostscript mupdf-tools zbar-tools libharfbuzz-bin translate-toolkit
TEST_TOOLS := pdftotext pdfinfo pdftoppm qpdf msgfmt xmllint gs mutool zbarimg hb-shape xliff2po
APT_GET := $(if $(filter 0,$(shell id -u)),,sudo) apt-get

.PHONY: kit build engine test deps test-deps bench lint fuzz clean test-browser

FUZZTIME ?= 60s

kit: build engine
	$(BIN) build --data data --out public --engine $(ENGINE)

# The personalisation engine of the /<edition>/personalise/ pages: the kit's
# Go code compiled to WebAssembly, and the wasm_exec.js of the same Go
# toolchain (docs/PERSONALISE.md). -trimpath: the same bytes on any machine
# with this Go version.
ENGINE := bin/engine
engine: deps
	@mkdir -p $(ENGINE)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags "-s -w" -o $(ENGINE)/awarekit.wasm ./cmd/awarekit-wasm
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(ENGINE)/wasm_exec.js

build: deps
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/awarekit

deps:
	$(GO) mod download

# Installs the test tools only when one of them is missing.
test-deps: deps
	@missing=0; for t in $(TEST_TOOLS); do command -v $$t >/dev/null || missing=1; done; \
	if [ $$missing = 1 ]; then \
		echo "installing $(TEST_PKGS)"; \
		DEBIAN_FRONTEND=noninteractive $(APT_GET) update -qq && \
		DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq --no-install-recommends $(TEST_PKGS); \
	fi; \
	for t in $(TEST_TOOLS); do command -v $$t >/dev/null || { echo "make test-deps: $$t is still missing after installing $(TEST_PKGS)"; exit 1; }; done; \
	for t in node npm; do command -v $$t >/dev/null || { echo "make test-deps: $$t is missing: install Node.js 20 and npm"; exit 1; }; done

test: test-deps
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	cd third_party/gopdf && $(GO) vet ./... && $(GO) test -count=1 ./...
	cd third_party/phonenumbers && $(GO) vet ./... && $(GO) test -count=1 ./...
	$(GO) test -race -count=1 -run 'TestReproducible|TestKitZip|TestOverflow|TestSharedPreviews|TestOutput' ./kit/build
	$(GO) test -race -count=1 -run '^TestServe$$' ./cmd/awarekit
	$(MAKE) test-browser

# The Go benchmarks, the live preview's update time (15 edits), then
# awarekit against WeasyPrint, Chromium and Typst on the same poster
# (bench/peers/README.md; results in bench/peers/results.md).
bench: deps
	$(GO) test -run '^$$' -bench . -benchmem $$($(GO) list ./... | grep -v /kit/serve)
	$(GO) test -run '^$$' -bench ServeUpdate -benchtime 15x ./kit/serve
	GO=$(GO) bench/peers/run

# Each fuzzer runs FUZZTIME (60 s); a crasher is saved under the package's
# testdata/fuzz/ and then runs in every `go test` as a regression case.
fuzz: deps
	$(GO) test ./kit/content -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME)
	$(GO) test ./kit/typo -run '^$$' -fuzz '^FuzzApply$$' -fuzztime $(FUZZTIME)
	$(GO) test ./kit/layout -run '^$$' -fuzz '^FuzzWrap$$' -fuzztime $(FUZZTIME)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

clean:
	rm -rf bin public

# The microsite in a real browser: Debian's Chromium driven by playwright-core,
# with axe-core (test/browser/check.mjs). Builds data/ (or the test fixture
# while data/ holds no edition) into a temporary folder and serves it on
# 127.0.0.1. Screenshots of the home page land in bin/screenshots/.
BROWSER_DATA := $(if $(wildcard data/*/edition.yaml),data,testdata/valid)
test-browser: build engine
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "installing chromium"; \
		DEBIAN_FRONTEND=noninteractive $(APT_GET) update -qq && \
		DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq --no-install-recommends chromium; \
	fi
	cd test/browser && npm ci --no-audit --no-fund --loglevel=error
	@tmp=$$(mktemp -d) && \
	$(BIN) build --data $(BROWSER_DATA) --out $$tmp/public --engine $(ENGINE) && \
	node test/browser/check.mjs $$tmp/public --shots bin/screenshots && \
	node test/browser/personalise.mjs $$tmp/public && \
	node test/browser/pdf-struct.mjs $$tmp/public kit/build/testdata/struct && \
	echo "browser checks of the site fixture (fr-FR, a draft fr-LU, de-LU):" && \
	AWAREKIT_SITE_OUT=$$tmp/fixture $(GO) test -count=1 -run '^TestBuild$$' ./kit/site >/dev/null && \
	node test/browser/check.mjs $$tmp/fixture; \
	rc=$$?; rm -rf $$tmp; exit $$rc
