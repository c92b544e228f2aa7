// Package pdfout prints a report as a GB/T 9704 PDF in two styles (公文版,
// 公开版) and reads the embedded report file back. gofpdf is used only as a
// low-level writer of pages, lines and images: line breaking, the 22 × 28
// grid, tables and the 公文 elements are laid out here, because gofpdf's own
// wrapping drops Chinese characters and knows no 避头尾; fonts, compression
// and the PDF/A parts are written by the PDF/A step (pdfa.go, fontembed.go).
package pdfout
