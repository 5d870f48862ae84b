package layout

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	gofont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"gopkg.in/yaml.v3"
)

// Shaping. Every piece of text is shaped with go-text/typesetting (a
// pure-Go port of HarfBuzz: GSUB and GPOS, so Latin kerning and
// ligatures, Arabic joining forms and the lam-alef ligature). A run is
// shaped once per face, in font units (the size does not change the
// result of an unhinted shaping), and scaled to each size the fitting
// tries: the many sizes of a box and the many boxes, designs and editions
// that set the same words shape each word once per process.
//
// Before shaping, a paragraph is itemised: each character gets a face
// (the span's role, or a fallback face of the edition's language for a
// character the role's face lacks, fonts/fonts.yaml) and a bidi level
// (bidi.go); a word is shaped in pieces of one face and one direction.

// faceConfig is fonts/fonts.yaml.
type faceConfig struct {
	Faces []struct {
		Role Role   `yaml:"role"`
		File string `yaml:"file"`
	} `yaml:"faces"`
	Fallback map[string]map[Role][]Role `yaml:"fallback"`
}

var kitFaces = mustFaceConfig()

func mustFaceConfig() faceConfig {
	b, err := fontFiles.ReadFile("fonts/fonts.yaml")
	if err != nil {
		panic(err)
	}
	c, err := parseFaceConfig(b)
	if err != nil {
		panic("kit/layout/fonts/fonts.yaml: " + err.Error())
	}
	return c
}

func parseFaceConfig(b []byte) (faceConfig, error) {
	var c faceConfig
	if err := yaml.Unmarshal(b, &c); err != nil {
		return c, err
	}
	known := map[Role]bool{}
	for _, f := range c.Faces {
		if f.Role == "" || f.File == "" {
			return c, fmt.Errorf("faces: a face needs a role and a file")
		}
		if known[f.Role] {
			return c, fmt.Errorf("faces: role %q listed twice", f.Role)
		}
		known[f.Role] = true
	}
	for _, r := range []Role{Regular, Bold, Black} {
		if !known[r] {
			return c, fmt.Errorf("faces: no face for role %q", r)
		}
	}
	for lang, m := range c.Fallback {
		for role, fb := range m {
			for _, r := range append([]Role{role}, fb...) {
				if !known[r] {
					return c, fmt.Errorf("fallback.%s.%s: no face has role %q", lang, role, r)
				}
			}
		}
	}
	return c, nil
}

func (c faceConfig) roles() []Role {
	var rs []Role
	for _, f := range c.Faces {
		rs = append(rs, f.Role)
	}
	return rs
}

func (c faceConfig) files() map[Role]string {
	m := map[Role]string{}
	for _, f := range c.Faces {
		m[f.Role] = "fonts/" + f.File
	}
	return m
}

// Fallbacks returns the fallback faces of a language, by role (nil when
// the language has none).
func Fallbacks(lang string) map[Role][]Role { return kitFaces.Fallback[lang] }

// shaper is a face's shaping state; the Font's mutex guards it.
type shaper struct {
	face *gofont.Face
	hb   shaping.HarfbuzzShaper
	runs map[shapeKey]*shaped
}

type shapeKey struct {
	text string
	rtl  bool
}

// sglyph is a shaped glyph in font units.
type sglyph struct {
	id          uint16
	adv, dx, dy float64
	cluster     int32  // index of the cluster's first rune in the shaped text
	text        string // the cluster's characters, on its first glyph (visual order); "" on the others
}

// shaped is a shaped run in font units: its glyphs in visual order, and
// the advance of each rune (a cluster's advance on its first rune, 0 on
// the others) so that a piece of a word is measured by summing.
type shaped struct {
	glyphs  []sglyph
	runeAdv []float64
	width   float64
	rtl     bool
}

// maxShaped bounds the shaping cache of a face (a few thousand words per
// edition are typical).
const maxShaped = 1 << 17

func (s *shaper) init(b []byte) error {
	face, err := gofont.ParseTTF(stripOutlines(b))
	if err != nil {
		return fmt.Errorf("shaping: %w", err)
	}
	s.face = face
	s.runs = map[shapeKey]*shaped{}
	return nil
}

// shapeString shapes s left to right (a space, a hyphen, a word of one
// face).
func (f *Font) shapeString(s string) *shaped {
	f.mu.Lock()
	defer f.mu.Unlock()
	k := shapeKey{s, false}
	if r, ok := f.sh.runs[k]; ok {
		return r
	}
	return f.shapeLocked(k, []rune(s))
}

// shapeRunes shapes rs in one direction, memoised.
func (f *Font) shapeRunes(rs []rune, rtl bool) *shaped {
	return f.shapeText(string(rs), rs, rtl)
}

// shapeText shapes rs, whose text is text, in one direction, memoised.
func (f *Font) shapeText(text string, rs []rune, rtl bool) *shaped {
	f.mu.Lock()
	defer f.mu.Unlock()
	k := shapeKey{text, rtl}
	if r, ok := f.sh.runs[k]; ok {
		return r
	}
	return f.shapeLocked(k, rs)
}

// shapeLocked shapes and remembers; f.mu is held.
func (f *Font) shapeLocked(k shapeKey, rs []rune) *shaped {
	f.initShaper()
	measuredRunes.Add(int64(len(rs)))
	r := &shaped{runeAdv: make([]float64, len(rs)), rtl: k.rtl}
	if len(rs) > 0 {
		dir := di.DirectionLTR
		if k.rtl {
			dir = di.DirectionRTL
		}
		script := language.Latin
		for _, c := range rs {
			if sc := language.LookupScript(c); sc != language.Common && sc != language.Inherited && sc != language.Unknown {
				script = sc
				break
			}
		}
		in := shaping.Input{
			Text: rs, RunStart: 0, RunEnd: len(rs),
			Direction: dir, Face: f.sh.face,
			Size:   fixed.I(int(f.UnitsPerEm)),
			Script: script,
		}
		out := f.sh.hb.ShapeNoExtents(in)
		// A cluster's runes run from its index to the next cluster's; its
		// text is a slice of the run's (offs: byte offset of each rune).
		starts := make([]bool, len(rs)+1)
		for _, g := range out.Glyphs {
			if c := g.ClusterIndex; c >= 0 && c < len(rs) {
				starts[c] = true
			}
		}
		starts[len(rs)] = true
		offs := make([]int32, len(rs)+1)
		for i, c := range rs {
			n := utf8.RuneLen(c)
			if n < 0 {
				n = utf8.RuneLen(utf8.RuneError) // how string(rs) writes it
			}
			offs[i+1] = offs[i] + int32(n)
		}
		text := k.text
		if int(offs[len(rs)]) != len(text) {
			text = string(rs) // a rune that is not valid UTF-8 on its own
		}
		r.glyphs = make([]sglyph, len(out.Glyphs))
		prev := -1
		for i, g := range out.Glyphs {
			adv := float64(g.XAdvance) / 64
			c := g.ClusterIndex
			sg := sglyph{
				id:  uint16(g.GlyphID),
				adv: adv, dx: float64(g.XOffset) / 64, dy: float64(g.YOffset) / 64,
				cluster: int32(c),
			}
			if c != prev && c >= 0 && c < len(rs) {
				e := c + 1
				for !starts[e] {
					e++
				}
				sg.text = text[offs[c]:offs[e]]
			}
			r.glyphs[i] = sg
			prev = c
			if c >= 0 && c < len(rs) {
				r.runeAdv[c] += adv
			}
			r.width += adv
		}
	}
	if len(f.sh.runs) >= maxShaped {
		f.sh.runs = map[shapeKey]*shaped{}
	}
	f.sh.runs[k] = r
	return r
}

// scaled returns the run's glyphs at sc points per font unit.
func (r *shaped) scaled(sc float64) []Glyph { return r.appendScaled(nil, sc) }

// appendScaled appends the run's glyphs at sc points per font unit.
func (r *shaped) appendScaled(out []Glyph, sc float64) []Glyph {
	for i := range r.glyphs {
		g := &r.glyphs[i]
		out = append(out, Glyph{ID: g.id, Advance: g.adv * sc, DX: g.dx * sc, DY: g.dy * sc, Text: g.text})
	}
	return out
}

// isDigitLike reports runes that stay in the role's own face in any
// language: ASCII digits and letters (the Latin of a URL, an address, a
// number in an Arabic sentence).
func isDigitLike(r rune) bool {
	return r < 0x80 && (unicode.IsDigit(r) || unicode.IsLetter(r))
}

// faceFor returns the role that sets r in a span of role role: r's own
// face if it has the glyph; else, for a neutral character (space,
// punctuation, a combining mark) the face of the character before it
// when that face has it; else the first fallback of the language that
// has it; else the role itself (the layout then reports the character:
// glyphs.go).
func (s setter) faceFor(r rune, role, prev Role, fb map[Role][]Role, tok bool) Role {
	own := s.fonts[role]
	if own == nil {
		return role
	}
	if fb == nil || tok || isDigitLike(r) {
		return role
	}
	sc := language.LookupScript(r)
	neutral := sc == language.Common || sc == language.Inherited
	if neutral && prev != "" && prev != role {
		if pf := s.fonts[prev]; pf != nil && pf.HasRune(r) {
			return prev
		}
	}
	if own.HasRune(r) {
		return role
	}
	for _, alt := range fb[role] {
		if f := s.fonts[alt]; f != nil && f.HasRune(r) {
			return alt
		}
	}
	return role
}
