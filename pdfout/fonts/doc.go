// Package fonts chooses the font for each typographic role of a GB/T 9704
// document and makes sure gofpdf only ever sees what it can draw.
//
// gofpdf reads only single TrueType (glyf) fonts, gives no coverage API,
// prints (instead of returning) most font errors, draws a missing glyph as an
// empty box and panics on characters outside the BMP. So this package:
//
//   - bundles default faces for every role (assets/fonts, see its README),
//   - loads the office's own fonts (.ttf, or one face of a .ttc) after
//     checking outlines, cmap and the OS/2 embedding permission (LoadFile,
//     Discover),
//   - splits text into runs per face with per-character fallback to the
//     wide-coverage body font (Set.Resolve), and
//   - replaces non-BMP characters by a visible placeholder (SanitizeBMP).
//
// Faces must come from Parse, LoadFile or Default; a Face built as a struct
// literal has no metrics. Metrics are fractions of the em: multiply by the
// font size.
package fonts
