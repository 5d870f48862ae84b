package layout

import (
	"embed"
	"fmt"
	"sync"
	"sync/atomic"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font roles a design can ask for.
type Role string

const (
	Regular Role = "regular"
	Bold    Role = "bold"
	Black   Role = "black"
)

// Roles lists the roles in a fixed order (for backends registering fonts).
var Roles = []Role{Regular, Bold, Black}

//go:embed fonts/*.ttf fonts/OFL.txt
var fontFiles embed.FS

var roleFiles = map[Role]string{
	Regular: "fonts/Lato-Regular.ttf",
	Bold:    "fonts/Lato-Bold.ttf",
	Black:   "fonts/Lato-Black.ttf",
}

// Font is a parsed TrueType font with the metrics the layout needs, in font
// units. It is safe for concurrent use once built.
type Font struct {
	Role        Role
	Name        string // PostScript name, e.g. Lato-Bold
	Data        []byte // the TTF file, for backends that embed it
	UnitsPerEm  float64
	Ascent      float64 // typographic ascender, font units
	Descent     float64 // positive, font units
	CapHeight   float64
	sf          *sfnt.Font
	mu          sync.Mutex
	advances    map[rune]float64
	glyphs      map[rune]sfnt.GlyphIndex
	kern        map[[2]sfnt.GlyphIndex]float64
	widths      map[string]float64 // words already measured, in font units
	hasNarrowSp bool
	opts        *textOpts // set only on the pseudo-font under optsRole (see withOpts)
}

// Fonts holds one font per role.
type Fonts map[Role]*Font

var (
	loadOnce  sync.Once
	loaded    Fonts
	loadError error
)

// LoadFonts parses the embedded fonts once per process; every poster of
// every edition shares them.
func LoadFonts() (Fonts, error) {
	loadOnce.Do(func() {
		// One font per core: parsing is a sixth of a one-poster process.
		var (
			wg   sync.WaitGroup
			mu   sync.Mutex
			fs   = Fonts{}
			errs []error
		)
		for role, file := range roleFiles {
			wg.Go(func() {
				b, err := fontFiles.ReadFile(file)
				var f *Font
				if err == nil {
					f, err = parseFont(role, b)
				}
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", file, err))
					return
				}
				fs[role] = f
			})
		}
		wg.Wait()
		if len(errs) > 0 {
			loadError = errs[0]
			return
		}
		loaded = fs
	})
	return loaded, loadError
}

// FontLicence returns the licence text of the embedded fonts.
func FontLicence() []byte {
	b, _ := fontFiles.ReadFile("fonts/OFL.txt")
	return b
}

func parseFont(role Role, b []byte) (*Font, error) {
	sf, err := sfnt.Parse(b)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	upem := float64(sf.UnitsPerEm())
	ppem := fixed.Int26_6(sf.UnitsPerEm()) << 6
	m, err := sf.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	name, _ := sf.Name(&buf, sfnt.NameIDPostScript)
	f := &Font{
		Role: role, Name: name, Data: b, UnitsPerEm: upem, sf: sf,
		Ascent:    float64(m.Ascent) / 64,
		Descent:   float64(m.Descent) / 64,
		CapHeight: float64(m.CapHeight) / 64,
		advances:  map[rune]float64{},
		glyphs:    map[rune]sfnt.GlyphIndex{},
		kern:      map[[2]sfnt.GlyphIndex]float64{},
		widths:    map[string]float64{},
	}
	if f.CapHeight == 0 {
		f.CapHeight = f.Ascent * 0.7
	}
	gi, _ := sf.GlyphIndex(&buf, '\u202f')
	f.hasNarrowSp = gi != 0
	return f, nil
}

// HasRune reports whether the font has a glyph for r.
func (f *Font) HasRune(r rune) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.glyph(r) != 0
}

func (f *Font) glyph(r rune) sfnt.GlyphIndex {
	if g, ok := f.glyphs[r]; ok {
		return g
	}
	var buf sfnt.Buffer
	g, _ := f.sf.GlyphIndex(&buf, r)
	f.glyphs[r] = g
	return g
}

// Sanitize replaces runes the font cannot draw: the narrow no-break space
// by a no-break space, other missing glyphs by "?" so that no invisible
// box is printed silently (the caller may check Missing first).
func (f *Font) Sanitize(s string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	ok := true
	for _, r := range s {
		if r != '\n' && r != '\t' && f.glyph(r) == 0 {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	rs := []rune(s)
	for i, r := range rs {
		if r == '\n' || r == '\t' || f.glyph(r) != 0 {
			continue
		}
		if r == '\u202f' {
			rs[i] = '\u00a0'
		} else {
			rs[i] = '?'
		}
	}
	return string(rs)
}

// Missing returns the runes of s the font has no glyph for.
func (f *Font) Missing(s string) []rune {
	f.mu.Lock()
	defer f.mu.Unlock()
	var miss []rune
	for _, r := range s {
		if r != '\n' && r != '\u202f' && f.glyph(r) == 0 {
			miss = append(miss, r)
		}
	}
	return miss
}

// advance returns the advance width of r in font units. f.mu must be held.
func (f *Font) advance(r rune) float64 {
	if a, ok := f.advances[r]; ok {
		return a
	}
	var buf sfnt.Buffer
	g := f.glyph(r)
	adv, err := f.sf.GlyphAdvance(&buf, g, fixed.Int26_6(f.sf.UnitsPerEm())<<6, font.HintingNone)
	a := 0.0
	if err == nil {
		a = float64(adv) / 64
	}
	f.advances[r] = a
	return a
}

// kerning between two glyphs in font units, from the kern table (the one
// gopdf also reads, so the PDF agrees with our measures). f.mu must be held.
func (f *Font) kerning(a, b sfnt.GlyphIndex) float64 {
	k := [2]sfnt.GlyphIndex{a, b}
	if v, ok := f.kern[k]; ok {
		return v
	}
	var buf sfnt.Buffer
	v, err := f.sf.Kern(&buf, a, b, fixed.Int26_6(f.sf.UnitsPerEm())<<6, font.HintingNone)
	kv := 0.0
	if err == nil {
		kv = float64(v) / 64
	}
	f.kern[k] = kv
	return kv
}

// measuredRunes counts the runes measured since the process started: the
// work of the layout, which tests compare between inputs of different
// lengths (it must grow linearly).
var measuredRunes atomic.Int64

// runeWidths writes into adv the advance of each rune of rs set at size
// points, and into kern the kerning between each rune and the one before
// it (kern[0] is 0), measuring each rune once.
func (f *Font) runeWidths(rs []rune, size float64, adv, kern []float64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	measuredRunes.Add(int64(len(rs)))
	sc := size / f.UnitsPerEm
	var prev sfnt.GlyphIndex
	for i, r := range rs {
		g := f.glyph(r)
		adv[i] = f.advance(r) * sc
		kern[i] = 0
		if i > 0 && prev != 0 && g != 0 {
			kern[i] = f.kerning(prev, g) * sc
		}
		prev = g
	}
}

// maxWidths bounds the word-width cache of a font (a few thousand words
// per edition are typical).
const maxWidths = 1 << 17

// Width returns the width of s set at size points, with kerning.
func (f *Font) Width(s string, size float64) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	// The fitting tries each box at several sizes, and every edition,
	// design and size sets the same words again: measure each word once.
	if w, ok := f.widths[s]; ok {
		return w * size / f.UnitsPerEm
	}
	w := 0.0
	var prev sfnt.GlyphIndex
	n := 0
	for i, r := range s {
		n++
		g := f.glyph(r)
		w += f.advance(r)
		if i > 0 && prev != 0 && g != 0 {
			w += f.kerning(prev, g)
		}
		prev = g
	}
	measuredRunes.Add(int64(n))
	if len(f.widths) < maxWidths && len(s) <= 64 {
		f.widths[s] = w
	}
	return w * size / f.UnitsPerEm
}

// SFNT exposes the parsed font to the raster backend.
func (f *Font) SFNT() *sfnt.Font { return f.sf }
