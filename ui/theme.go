package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"nianbao/assets"
)

// uiFont is the bundled single-face TrueType font; a collection (.ttc) would
// crash Fyne, and a system font would make the window differ between PCs.
var uiFont = fyne.NewStaticResource("ui.ttf", assets.FontUI)

type appTheme struct{}

// NewTheme returns the light theme of the application with the bundled CJK
// font for every text style, so the window looks the same on every PC.
func NewTheme() fyne.Theme { return appTheme{} }

func (appTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (appTheme) Font(fyne.TextStyle) fyne.Resource { return uiFont }

func (appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// Preload parses the bundled font and Fyne's fallback faces, the largest
// cost of building the first window. main runs it while the OpenGL probe
// runs, before any window exists.
func Preload() {
	for _, st := range []fyne.TextStyle{{}, {Bold: true}} {
		fyne.MeasureText("年报助手０１２３abc", theme.DefaultTheme().Size(theme.SizeNameText), st)
	}
}
