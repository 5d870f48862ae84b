// Package pdf draws a layout.Page as a vector PDF with gopdf: embedded
// subset TrueType fonts, filled polygons, QR modules as rectangles, link
// annotations, a TrimBox and crop marks for print-shop copies, and fixed
// document information so that the same page gives the same bytes.
//
// Text runs the layout shaped (layout.Text.Glyphs) are drawn by glyph id,
// with their advances and offsets, and read back through the fonts'
// ToUnicode maps (ligatures as their characters, right-to-left runs in
// logical order); runs without glyphs are drawn from their characters.
//
// Every PDF is tagged (PDF/UA-1): the page's structure elements
// (layout.Page.Elems, in reading order) become the structure tree, each
// drawn item is marked content of its element or an artifact, links are
// tagged annotations; the catalog has /Lang, /MarkInfo, /ViewerPreferences
// and XMP metadata (xmp.go). The vendored gopdf (third_party/gopdf) writes
// them.
//
// It draws only what the page description holds; it makes no layout
// decision.
package pdf

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/signintech/gopdf"

	"github.com/awarekit/awarekit/kit/layout"
)

// Creator is written as the PDF's /Creator, Producer as its /Producer.
const (
	Creator  = "awarekit"
	Producer = Creator + " (gopdf)"
)

// Write draws pg into w. created is the document date (from the edition's
// updated date, never the clock).
func Write(w io.Writer, pg *layout.Page, fonts layout.Fonts, created time.Time) error {
	mw, mh := pg.MediaWidth(), pg.MediaHeight()
	gp := &gopdf.GoPdf{}
	// The document's default page size is the media size: gopdf places
	// link annotations with it.
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: mw, H: mh}})
	// Fastest deflate for the page content and the font subsets (the
	// vendored gopdf applies the level to both): faster for a few more
	// bytes; the subsets are compressed once per glyph set anyway (below).
	gp.SetCompressLevel(1)
	// Font subsets made once per font and set of glyphs, then shared by
	// every PDF of the process (a build's print-shop variant repeats the
	// office one; editions share designs and characters).
	gp.SetFontSubsetCache(subsets)
	gp.SetInfo(gopdf.PdfInfo{
		Title:        pg.Title,
		Author:       pg.Author,
		Subject:      pg.Subject,
		Creator:      Creator,
		Producer:     Producer,
		CreationDate: created,
	})
	// A tagged PDF (PDF/UA-1): language, title shown, metadata; the
	// structure is added page by page.
	gp.SetLanguage(pg.Lang)
	gp.SetViewerPreferences(gopdf.ViewerPreferences{DisplayDocTitle: true})
	gp.SetXMPMetadata(xmp(pg, created))
	doc := gp.AddStructElement(nil, "Document")

	// Fonts are parsed once per process (gopdf's FontContainer), and
	// subset once per set of glyphs (the subset cache above).
	used := map[layout.Role]bool{}
	for p := pg; p != nil; p = p.Back {
		for _, t := range p.Texts {
			used[t.Role] = true
		}
	}
	var roles []layout.Role // in the order of layout.Roles
	for _, role := range layout.Roles {
		if used[role] {
			roles = append(roles, role)
		}
	}
	fcs, err := containers(fonts, roles)
	if err != nil {
		return err
	}
	family := map[layout.Role]string{}
	for _, role := range roles {
		c := fcs[role]
		family[role] = c.family
		if err := gp.AddTTFFontFromFontContainer(c.family, c.fc); err != nil {
			return fmt.Errorf("font %s: %w", c.family, err)
		}
	}

	for p := pg; p != nil; p = p.Back {
		if err := drawPage(gp, p, family, doc); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := gp.Write(&buf); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// drawPage adds one page of the description to the document, its
// structure under doc.
func drawPage(gp *gopdf.GoPdf, p *layout.Page, family map[layout.Role]string, doc *gopdf.StructElement) error {
	mw, mh := p.MediaWidth(), p.MediaHeight()
	opt := gopdf.PageOption{PageSize: &gopdf.Rect{W: mw, H: mh}}
	if p.Bleed > 0 {
		opt.TrimBox = &gopdf.Box{Left: p.Bleed, Top: p.Bleed, Right: p.Bleed + p.Width, Bottom: p.Bleed + p.Height}
	}
	gp.AddPageWithOption(opt)
	mc := newMarker(gp, p, doc)

	for _, s := range p.Shapes {
		mc.mark(s.Elem)
		gp.SetFillColor(s.Fill.R, s.Fill.G, s.Fill.B)
		for _, c := range s.Contours {
			if x0, y0, x1, y1, ok := layout.AxisRect(c); ok {
				// "re": a quarter of the numbers of a polygon, and gopdf
				// formats it in one call (QR codes are hundreds of these).
				gp.RectFromUpperLeftWithStyle(x0, y0, x1-x0, y1-y0, "F")
				continue
			}
			pts := make([]gopdf.Point, len(c))
			for i, pt := range c {
				pts[i] = gopdf.Point{X: pt.X, Y: pt.Y}
			}
			gp.Polygon(pts, "F")
		}
	}
	for i, t := range p.Texts {
		mc.mark(t.Elem)
		if err := gp.SetFont(family[t.Role], "", t.Size); err != nil {
			return err
		}
		gp.SetTextColor(t.Color.R, t.Color.G, t.Color.B)
		gp.SetXY(t.X, t.Y)
		// The space the layout does not draw (line end, style change), so
		// that copied text has it.
		space := i+1 < len(p.Texts) && layout.SpaceAfter(t, p.Texts[i+1])
		if len(t.Glyphs) > 0 {
			if err := glyphText(gp, t, space); err != nil {
				return fmt.Errorf("text %q: %w", t.Text, err)
			}
			continue
		}
		s := t.Text
		if space {
			s += " "
		}
		if err := gp.Text(s); err != nil {
			return err
		}
	}
	for _, im := range p.Images {
		mc.mark(im.Elem)
		h, err := gopdf.ImageHolderByBytes(im.Data)
		if err != nil {
			return err
		}
		if err := gp.ImageByHolder(h, im.X, im.Y, &gopdf.Rect{W: im.W, H: im.H}); err != nil {
			return fmt.Errorf("logo: %w", err)
		}
	}
	if p.Marks {
		mc.mark(0) // crop marks are decoration
		cropMarks(gp, p)
	}
	mc.end()
	for _, l := range p.Links {
		if l.Elem > 0 {
			gp.AddTaggedExternalLink(l.URL, p.Elems[l.Elem-1].Alt, l.X, l.Y, l.W, l.H, mc.elems[l.Elem-1])
		} else {
			gp.AddExternalLink(l.URL, l.X, l.Y, l.W, l.H)
		}
	}
	return nil
}

// glyphText draws a shaped run by glyph id, in the current font: its
// glyphs as the layout placed them, read back as their clusters' texts
// through the font's ToUnicode map (gopdf gives a glyph a code of its own
// for each text it reads as, and writes a right-to-left run in reading
// order, a ligature's characters but the last on blank glyphs: see
// third_party/gopdf/CHANGES.md, item 9).
// space adds the space the layout does not draw at the run's end in
// reading order (its right end, or its left one right to left), a blank
// glyph that moves nothing.
func glyphText(gp *gopdf.GoPdf, t layout.Text, space bool) error {
	n := len(t.Glyphs)
	if space {
		n++
	}
	glyphs := make([]gopdf.Glyph, 0, n)
	if space && t.RTL {
		glyphs = append(glyphs, gopdf.Glyph{}) // set below
	}
	for _, g := range t.Glyphs {
		glyphs = append(glyphs, gopdf.Glyph(g))
	}
	if space {
		id, err := gp.GlyphIndex(' ')
		if err != nil {
			return err
		}
		sp := gopdf.Glyph{ID: id, Text: " "}
		if t.RTL {
			glyphs[0] = sp
		} else {
			glyphs = append(glyphs, sp)
		}
	}
	return gp.GlyphText(glyphs, gopdf.GlyphTextOption{RTL: t.RTL})
}

// subsets holds the font subsets of the process's PDFs, at most about
// 32 MB (a poster's three subsets take about 60 KB).
var subsets = gopdf.NewFontSubsetCache(32 << 20)

// faceContainer is one face parsed for gopdf, once per process, and the
// family name it is registered under.
type faceContainer struct {
	once   sync.Once
	fc     *gopdf.FontContainer
	family string
	err    error
}

var faceContainers = func() map[layout.Role]*faceContainer {
	m := map[layout.Role]*faceContainer{}
	for _, r := range layout.Roles {
		m[r] = &faceContainer{}
	}
	return m
}()

// Prepare parses the design's faces (regular, bold, black) for gopdf now
// rather than at the first Write (a process can do it while it reads its
// data). The fallback faces are parsed by the first PDF that uses them.
func Prepare(fonts layout.Fonts) error {
	_, err := containers(fonts, layout.DesignRoles)
	return err
}

// containers parses the faces of roles for gopdf, each once per process
// and in parallel, in a container of its own. Each is registered as
// TAG+PostScriptName, the tag six capitals hashed from the name: gopdf
// writes /BaseFont from the family name, and PDF 32000-1 §9.6.4 asks a
// subset for such a tag.
func containers(fonts layout.Fonts, roles []layout.Role) (map[layout.Role]*faceContainer, error) {
	m := map[layout.Role]*faceContainer{}
	errs := make([]error, len(roles))
	var wg sync.WaitGroup
	for i, role := range roles {
		c, f := faceContainers[role], fonts[role]
		if c == nil || f == nil {
			errs[i] = fmt.Errorf("no font for role %q", role)
			continue
		}
		m[role] = c
		wg.Go(func() {
			c.once.Do(func() {
				c.family, c.fc = subsetTag(f.Name)+"+"+f.Name, &gopdf.FontContainer{}
				opt := gopdf.TtfOption{UseKerning: true, OnGlyphNotFoundSubstitute: func(r rune) rune { return '?' }}
				if err := c.fc.AddTTFFontDataWithOption(c.family, f.Data, opt); err != nil {
					c.err = fmt.Errorf("font %s: %w", f.Name, err)
				}
			})
			errs[i] = c.err
		})
	}
	wg.Wait()
	return m, errors.Join(errs...)
}

// subsetTag returns six capital letters hashed from the font's name.
func subsetTag(name string) string {
	sum := sha256.Sum256([]byte(name))
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// cropMarks draws the trim corners in the bleed, outside the trimmed page,
// each mark stopping short of the trim so that no ink reaches the page.
func cropMarks(gp *gopdf.GoPdf, pg *layout.Page) {
	b := pg.Bleed
	gap := b * 0.3 // distance kept from the trim corner
	x0, y0, x1, y1 := b, b, b+pg.Width, b+pg.Height
	mw, mh := pg.MediaWidth(), pg.MediaHeight()
	draw := func(width float64, r, g, bl uint8) {
		gp.SetLineWidth(width)
		gp.SetStrokeColor(r, g, bl)
		for _, x := range []float64{x0, x1} {
			gp.Line(x, 0, x, y0-gap)
			gp.Line(x, y1+gap, x, mh)
		}
		for _, y := range []float64{y0, y1} {
			gp.Line(0, y, x0-gap, y)
			gp.Line(x1+gap, y, mw, y)
		}
	}
	draw(1.2, 255, 255, 255) // a white halo keeps the marks visible on colour
	draw(0.4, 0, 0, 0)
}
