//go:build unix

package app

import (
	"errors"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the processor time this process used so far: unlike the wall
// clock it does not grow when other programs load the machine.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Reading is linear: 40,000 unknown cells in a 4 MiB file are refused at
// the first of them, and four times the keys cost about four times the
// processor time (it took 90 s when every key rescanned the file for its
// line number: 16 times). BenchmarkParseReport4MiB gives the time (≤ 1 s).
func TestParseHostileFileInLinearTime(t *testing.T) {
	cost := func(data []byte) time.Duration {
		best := time.Hour
		for range 2 {
			start := cpuTime(t)
			_, err := ParseReport(data)
			best = min(best, cpuTime(t)-start)
			var fe *FileError
			if !errors.As(err, &fe) || fe.Field != "cells.t9.unknown.000000" || fe.Line != 10 || fe.Col != 17 { // `  "cells": {` and four spaces
				t.Fatalf("%v", err)
			}
		}
		return best
	}
	big := hostileFile(t, 40000)
	if len(big) > MaxReportFileSize || len(big) < MaxReportFileSize*9/10 {
		t.Fatalf("file of %d bytes", len(big))
	}
	cBig, cSmall := cost(big), cost(hostileFile(t, 10000))
	if cBig > 8*cSmall {
		t.Errorf("40,000 keys took %v of processor time, 10,000 keys %v", cBig, cSmall)
	}
}
