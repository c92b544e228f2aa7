#!/usr/bin/env bash
# Workspace figures: the durable-save, load and export benchmarks and the
# SIGKILL crash test with its counts.
set -euo pipefail
cd "$(dirname "$0")/.."
go test -run '^$' -bench . -benchmem -count "${COUNT:-3}" ./storage
go test -run 'TestCrashKeepsAcknowledgedEdits' -v ./storage | grep -E 'crash test:|^(ok|FAIL|---)'
