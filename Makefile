# 年报助手 (nianbao) — build and test entry points. Run as root on Debian 12.
SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)

# Everything the build and the tests need from Debian; installed only when missing.
APT_PACKAGES := gcc libc6-dev pkg-config \
	libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	poppler-utils qpdf xvfb xauth

BIN := bin

.PHONY: setup build run test bench clean

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
	go test ./...

bench: setup
	go test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf $(BIN) dist
