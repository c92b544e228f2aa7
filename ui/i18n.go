package ui

import (
	_ "embed"
	"log"
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// zhMessages are the Chinese texts of Fyne's own widgets and dialogs (buttons,
// entry menu, weekday names), keyed as Fyne's translation files are.
//
//go:embed i18n_zh.json
var zhMessages []byte

// fyneLanguages are the languages Fyne 2.7.1 ships translations for. Fyne
// picks one of them (or English) from the system locale; giving each the
// Chinese texts makes every match Chinese.
var fyneLanguages = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// The app is Chinese whatever the system locale, in the window and in every
// test of it, so this runs when the package loads rather than in main.
func init() { useChinese() }

func useChinese() {
	// Under LANG=C.UTF-8 the locale reader hands Fyne the tag «C», which it
	// logs as an error at each lookup; LANGUAGE is read first and is also
	// what the desktop's message tools (zenity) translate their buttons by.
	if runtime.GOOS != "windows" && os.Getenv("LANGUAGE") == "" {
		_ = os.Setenv("LANGUAGE", "zh_CN:zh")
	}
	for _, l := range fyneLanguages {
		if err := lang.AddTranslationsForLocale(zhMessages, l); err != nil {
			log.Printf("Chinese texts for Fyne (%s): %v", l, err)
		}
	}
}
