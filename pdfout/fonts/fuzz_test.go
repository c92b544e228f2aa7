package fonts

import (
	"testing"

	"nianbao/assets"
)

// Damaged or hostile font files must give an error, never a panic: users
// pick arbitrary files as fonts.
func FuzzParse(f *testing.F) {
	kai, err := Parse("kt", assets.FontKai)
	if err != nil {
		f.Fatal(err)
	}
	small, err := kai.Subset([]rune("楷体签发人"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small.Data)
	f.Add(small.Data[:len(small.Data)/2])
	f.Add(small.Data[:300])
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if out, err := extractTTC(data, 0); err == nil {
			_, _ = check(out)
		}
		face, err := Parse("fuzz", data)
		if err != nil {
			return
		}
		face.Has('楷')
		face.Advance('楷')
		face.PostScriptName()
		face.InkX('。')
		face.InkY('—')
		face.Descriptor()
		face.Width('楷')
		sq, _ := Squeezed('。')
		if s, err := face.Subset([]rune{'楷', '体', '。', sq}); err == nil {
			s.Has('体')
			s.Advance(sq)
			s.Descriptor()
			s.Glyph(sq)
		}
	})
}
