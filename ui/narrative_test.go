package ui

import (
	"testing"
)

func TestStripNonBMP(t *testing.T) {
	clean, bad := stripNonBMP("好𠀀人😀")
	if clean != "好人" || len(bad) != 2 {
		t.Errorf("%q %q", clean, bad)
	}
}
