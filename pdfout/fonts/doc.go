// Package fonts chooses the font for each typographic role of a GB/T 9704
// document and makes sure the PDF writer only ever sees what it can draw.
//
// The writer embeds single TrueType (glyf) fonts as Type 0 fonts whose codes
// are UTF-16 code units of BMP characters, and a missing glyph prints as
// nothing. So this package:
//
//   - bundles default faces for every role (assets/fonts, see its README),
//   - loads the office's own fonts (.ttf, or one face of a .ttc) after
//     checking outlines, cmap and the OS/2 embedding permission (LoadFile,
//     Discover),
//   - splits text into runs per face with per-character fallback to the
//     wide-coverage body font (Set.Resolve), and
//   - replaces non-BMP characters by a visible placeholder (SanitizeBMP),
//   - cuts a face down to the characters drawn (Face.Subset) and gives what
//     a PDF font dictionary says of it (Face.Descriptor, Face.Width).
//
// Faces must come from Parse, LoadFile or Default; a Face built as a struct
// literal has no metrics. Metrics are fractions of the em: multiply by the
// font size.
package fonts
