//go:build !windows

package main

import "io"

// pauseBeforeExit is only needed for a console window Windows' Explorer opened.
func pauseBeforeExit(io.Reader, io.Writer) {}
