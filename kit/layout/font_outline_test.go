package layout

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/di"
	gofont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// TestShapeWithoutOutlines: every face of the kit shapes the words of the
// bundled data and strings to the same glyphs, advances and offsets
// whether go-text has read its glyph outlines or not (stripOutlines:
// marks are placed by anchor coordinates, never by contour points).
func TestShapeWithoutOutlines(t *testing.T) {
	words := map[string]bool{}
	for _, dir := range []string{"../../data", "../../i18n"} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
				return err
			}
			b, err := os.ReadFile(p)
			for _, w := range strings.FieldsFunc(string(b), func(r rune) bool { return unicode.IsSpace(r) || r == '"' }) {
				words[w] = true
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(words) < 1000 {
		t.Fatalf("only %d words read", len(words))
	}
	for _, role := range Roles {
		b, err := fontFiles.ReadFile(roleFiles[role])
		if err != nil {
			t.Fatal(err)
		}
		full, err := gofont.ParseTTF(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		bare, err := gofont.ParseTTF(stripOutlines(b))
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := bare.GlyphExtents(1); ok {
			t.Fatalf("%s: stripOutlines left the outlines", role)
		}
		var hb shaping.HarfbuzzShaper
		n := 0
		for w := range words {
			rs := []rune(w)
			script, rtl := language.Latin, false
			for _, c := range rs {
				if sc := language.LookupScript(c); sc != language.Common && sc != language.Inherited && sc != language.Unknown {
					script = sc
					break
				}
			}
			rtl = script == language.Arabic
			if _, ok := full.NominalGlyph(rs[0]); !ok {
				continue // not this face's script
			}
			in := func(face *gofont.Face) shaping.Input {
				dir := di.DirectionLTR
				if rtl {
					dir = di.DirectionRTL
				}
				return shaping.Input{Text: rs, RunEnd: len(rs), Direction: dir, Face: face, Size: fixed.I(int(full.Upem())), Script: script}
			}
			a, z := hb.ShapeNoExtents(in(full)).Glyphs, hb.ShapeNoExtents(in(bare)).Glyphs
			if len(a) != len(z) {
				t.Fatalf("%s %q: %d glyphs with outlines, %d without", role, w, len(a), len(z))
			}
			for i := range a {
				if a[i].GlyphID != z[i].GlyphID || a[i].XAdvance != z[i].XAdvance || a[i].XOffset != z[i].XOffset ||
					a[i].YOffset != z[i].YOffset || a[i].ClusterIndex != z[i].ClusterIndex {
					t.Fatalf("%s %q: glyph %d is %+v with outlines, %+v without", role, w, i, a[i], z[i])
				}
			}
			n++
		}
		t.Logf("%s: %d words shaped the same", role, n)
	}
}

// TestFacesShape: every face of the kit opens for shaping (a fallback
// face's shaper is made at its first use, where a failure would panic).
func TestFacesShape(t *testing.T) {
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range Roles {
		f := fonts[role]
		b, err := fontFiles.ReadFile(roleFiles[role])
		if err != nil {
			t.Fatal(err)
		}
		var s shaper
		if err := s.init(b); err != nil {
			t.Fatalf("%s: %v", role, err)
		}
		sample := "Aide"
		if strings.HasPrefix(string(role), "arabic") {
			sample = "مساعدة"
		}
		if w := f.Width(sample, 10); w <= 0 {
			t.Fatalf("%s: %q is %.2f pt wide", role, sample, w)
		}
	}
}
