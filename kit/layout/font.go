package layout

import (
	"bytes"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
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

// Roles lists the roles of every face of the kit in a fixed order (for
// backends registering fonts): the three a design names, then the
// fallback faces (fonts/fonts.yaml).
var Roles = kitFaces.roles()

// DesignRoles are the roles a design may name (box font:); the others are
// fallback faces, chosen by the layout for the characters these lack.
var DesignRoles = []Role{Regular, Bold, Black}

//go:embed fonts/*.ttf fonts/OFL*.txt fonts/fonts.yaml
var fontFiles embed.FS

var roleFiles = kitFaces.files()

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
	glyphs      map[rune]sfnt.GlyphIndex
	hasNarrowSp bool
	opts        *textOpts // set only on the pseudo-font under optsRole (see withOpts)
	sh          shaper    // OpenType shaping (shape.go)
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

// FontLicence returns the licence texts of the embedded fonts (Lato's,
// then Noto's: both SIL OFL 1.1).
func FontLicence() []byte {
	b, _ := fontFiles.ReadFile("fonts/OFL.txt")
	n, _ := fontFiles.ReadFile("fonts/OFL-Noto.txt")
	return append(append(append([]byte(nil), b...), '\n'), n...)
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
		glyphs:    map[rune]sfnt.GlyphIndex{},
	}
	if f.CapHeight == 0 {
		f.CapHeight = f.Ascent * 0.7
	}
	gi, _ := sf.GlyphIndex(&buf, '\u202f')
	f.hasNarrowSp = gi != 0
	// The shaping tables of a design's faces are read now (every poster
	// shapes with them); a fallback face's (the Arabic ones) when a text
	// first needs it, so that an edition in a Latin script never pays for
	// them.
	if slices.Contains(DesignRoles, role) {
		if err := f.sh.init(b); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// initShaper reads a fallback face's shaping tables on its first use; f.mu
// is held. The faces are the kit's own (TestFacesShape parses each), so a
// failure is a broken build of awarekit, not bad input.
func (f *Font) initShaper() {
	if f.sh.face != nil {
		return
	}
	if err := f.sh.init(f.Data); err != nil {
		panic(fmt.Sprintf("font %s: %v", f.Name, err))
	}
}

// stripOutlines returns the TrueType file b as a reader whose table
// directory has empty glyf and loca tables. The shaper never reads glyph
// outlines (it shapes without extents, and the kit's faces position marks
// by anchor coordinates, not by contour points: TestShapeWithoutOutlines),
// and go-text parses every outline of a face when it opens it: 40 % of
// the time to open a Lato face, a tenth of a one-poster process. Only the
// directory is copied (patched), the tables are read from b.
func stripOutlines(b []byte) *io.SectionReader {
	n := 0
	if len(b) >= 12 {
		n = int(binary.BigEndian.Uint16(b[4:]))
	}
	end := min(12+16*n, len(b))
	dir := bytes.Clone(b[:end])
	for rec := 12; rec+16 <= end; rec += 16 {
		switch string(dir[rec : rec+4]) {
		case "glyf", "loca":
			binary.BigEndian.PutUint32(dir[rec+12:], 0) // length
		}
	}
	return io.NewSectionReader(patched{dir, b}, 0, int64(len(b)))
}

// patched reads b with its first len(dir) bytes replaced by dir.
type patched struct{ dir, b []byte }

func (p patched) ReadAt(q []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	if off >= int64(len(p.b)) {
		return 0, io.EOF
	}
	n := copy(q, p.b[off:])
	if off < int64(len(p.dir)) {
		copy(q, p.dir[off:])
	}
	if n < len(q) {
		return n, io.EOF
	}
	return n, nil
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

// measuredRunes counts the runes shaped since the process started: the
// work of the layout, which tests compare between inputs of different
// lengths (it must grow linearly).
var measuredRunes atomic.Int64

// Width returns the width of s set at size points, shaped (kerning,
// ligatures) left to right in this face alone.
func (f *Font) Width(s string, size float64) float64 {
	return f.shapeString(s).width * size / f.UnitsPerEm
}

// SFNT exposes the parsed font to the raster backend.
func (f *Font) SFNT() *sfnt.Font { return f.sf }
