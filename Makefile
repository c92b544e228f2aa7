# 年报助手 (nianbao) — build and test entry points. Run as root on Debian 12.
SHELL := /bin/bash
GOBIN := $(shell PATH=/usr/local/go/bin:$$PATH go env GOPATH 2>/dev/null || echo $(HOME)/go)/bin
export PATH := /usr/local/go/bin:$(GOBIN):$(PATH)

# Everything the build, the tests and the packages need from Debian; installed only when missing.
APT_PACKAGES := gcc libc6-dev pkg-config git xz-utils file \
	libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	gcc-mingw-w64-x86-64 poppler-utils qpdf xvfb xauth libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk

# The packaging command of the Fyne version in go.mod (the newer fyne.io/tools is not reachable offline).
FYNE_CMD := fyne.io/fyne/v2/cmd/fyne@v2.7.1

BIN := bin
WINDOWS_CGO := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc

.PHONY: setup build run test crossbuild bench dist dist-setup clean

setup:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi
	@command -v go >/dev/null || { echo "Go 1.26 is required (https://go.dev/dl/)"; exit 1; }

build: setup
	go build -o $(BIN)/nianbao ./cmd/nianbao
	go build -o $(BIN)/nianbao-cli ./cmd/nianbao-cli

run: build
	./$(BIN)/nianbao

test: setup
	gofmt -l . | tee /dev/stderr | (! read)
	go vet ./...
	go test -timeout 20m ./...
	$(MAKE) --no-print-directory crossbuild

# Builds what users get for both platforms, so a broken cross-build cannot land.
crossbuild: setup
	$(WINDOWS_CGO) go build -ldflags -H=windowsgui -o $(BIN)/nianbao-windows-amd64.exe ./cmd/nianbao
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -o $(BIN)/nianbao-cli-windows-amd64.exe ./cmd/nianbao-cli
	go build -o $(BIN)/nianbao ./cmd/nianbao
	CGO_ENABLED=0 go build -o $(BIN)/nianbao-cli ./cmd/nianbao-cli

bench: setup
	go test -run '^$$' -bench . -benchmem ./...
	./bench/pdf.sh
	./bench/storage.sh
	./bench/startup.sh
	./bench/collect.sh

# The readers of outside files, fuzzed one at a time (each uses every core).
FUZZTIME ?= 5m
FUZZMINIMIZETIME ?= 10s
# package:target, one run each
FUZZ_TARGETS := \
	pdfout:FuzzExtractReport \
	pdfout:FuzzPrintedCells \
	pdfout/fonts:FuzzParse \
	desk:FuzzParseRoster \
	app:FuzzParseReport \
	app:FuzzParseValue \
	app:FuzzFixPunct \
	app:FuzzSpamSpans \
	app:FuzzCheckText \
	internal/instance:FuzzReadMessage \
	importer:FuzzReadText \
	importer:FuzzReadHTML \
	importer:FuzzReadDOCX \
	importer:FuzzReadMHT \
	importer:FuzzReadXLSX \
	importer:FuzzRecognise \
	importer:FuzzPDFLayout \
	docx:FuzzDocxText \
	htmlout:FuzzHTMLText
fuzz: setup
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "== $${t#*:} ($${t%%:*})"; \
		go test -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) ./$${t%%:*}/; \
	done

$(GOBIN)/fyne:
	go install $(FYNE_CMD)

# The arm64 cross compiler and libraries and qemu, for make dist only, so CI does not grow.
dist-setup: setup
	./packaging/setup-cross.sh

dist: setup dist-setup $(GOBIN)/fyne
	FYNE=$(GOBIN)/fyne ./packaging/dist.sh

clean:
	rm -rf $(BIN) dist
