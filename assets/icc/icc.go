// Package icc holds the colour profile that PDF/A output intents embed.
package icc

import _ "embed"

// SRGB is the sRGB IEC61966-2.1 display profile (ICC v2.3, 6,922 bytes) of
// Debian's icc-profiles-free 2.0.1, under the zlib licence (LICENSE-sRGB.txt).
//
//go:embed sRGB.icc
var SRGB []byte
