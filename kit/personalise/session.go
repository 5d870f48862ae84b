package personalise

import (
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"net/url"
	"path"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/local"
	"github.com/awarekit/awarekit/kit/typo"
)

// Session personalises the posters of one edition in the browser: the
// edition comes from the content.json the build wrote, the designs and
// interface strings from its kit.json (KitData), both already checked by
// the build; the fonts are the embedded ones.
type Session struct {
	Edition *content.Edition
	Designs []*layout.Design // the personalisable ones
	all     []*layout.Design
	i18n    map[string]string
	fonts   layout.Fonts
	locale  *typo.Locale        // the kit's locale of the edition's language (nil: the built-in one)
	sides   [2]canvas           // the last preview of the front and the back (draw.go)
	room    map[string][]string // KitData.Room: the sizes offered per design (nil: all)
	siteURL string              // KitData.SiteURL: the site band's address ("" for none)
}

// DesignInfo is a personalisable design as the page offers it: its name
// and its sizes' names in the edition's language.
type DesignInfo struct {
	ID    string
	Name  string
	Sizes []string
	Label []string // one per size: A4, A3, carte de poche (85 × 55 mm)
	// Aspect is, per size, the width of the raw preview over its height
	// (both sides of a two-sided design, side by side): the page draws
	// the preview no larger than the canvas is shown.
	Aspect []float64
}

// Offer lists the personalisable designs for the page's pickers, each
// with the sizes that have room for a local block in this edition
// (KitData.Room); a design with none is left out.
func (s *Session) Offer() []DesignInfo {
	var out []DesignInfo
	for _, d := range s.Designs {
		sizes := d.Sizes
		if s.room != nil {
			sizes = slices.DeleteFunc(slices.Clone(sizes), func(z string) bool { return !slices.Contains(s.room[d.ID], z) })
		}
		if len(sizes) == 0 {
			continue // no room for a local block on this design in this edition
		}
		di := DesignInfo{ID: d.ID, Name: d.Name, Sizes: sizes}
		if n := s.i18n["design_"+d.ID]; n != "" {
			di.Name = n
		}
		for _, z := range sizes {
			l := strings.ToUpper(z)
			if z == "card" && s.i18n["size_card"] != "" {
				l = s.i18n["size_card"]
			}
			di.Label = append(di.Label, l)
			w, h := d.PageSize(z)
			sides := 1.0
			if d.Back != nil {
				sides = 2
			}
			di.Aspect = append(di.Aspect, sides*w/h+(sides-1)/40)
		}
		out = append(out, di)
	}
	return out
}

// NewSession reads an edition's content.json and kit.json (KitJSON).
func NewSession(contentJSON, kitJSON []byte) (*Session, error) {
	e := &content.Edition{}
	if err := json.Unmarshal(contentJSON, e); err != nil {
		return nil, fmt.Errorf("reading the edition: %w", err)
	}
	if e.Code == "" || e.Region == "" || e.Language == "" {
		return nil, errors.New("reading the edition: no code, region or language")
	}
	var kd KitData
	if err := json.Unmarshal(kitJSON, &kd); err != nil {
		return nil, fmt.Errorf("reading the kit: %w", err)
	}
	if len(kd.Designs) == 0 || len(kd.Strings) == 0 {
		return nil, errors.New("reading the kit: no designs or no strings")
	}
	// The site band's address becomes a link in the PDF: only what the
	// build writes (layout.SiteURL: https, a host, no query) is taken.
	if u, err := url.Parse(kd.SiteURL); kd.SiteURL != "" && (err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "") {
		return nil, fmt.Errorf("reading the kit: site_url %q is not an https:// address", kd.SiteURL)
	}
	ds := kd.Designs
	for _, d := range ds {
		if d == nil {
			return nil, errors.New("reading the kit: a design is null")
		}
		if err := layout.FinishDesign(d); err != nil {
			return nil, fmt.Errorf("reading the kit: %w", err)
		}
	}
	m := kd.Strings
	var loc *typo.Locale
	var err error
	if kd.Locale != "" {
		file := path.Join(i18n.LocaleDir, e.Language+".yaml")
		if loc, err = i18n.LoadLocale(fstest.MapFS{file: &fstest.MapFile{Data: []byte(kd.Locale), Mode: 0o444}}, "i18n", e.Language); err != nil {
			return nil, err
		}
	}
	fonts, err := layout.LoadFonts()
	if err != nil {
		return nil, err
	}
	s := &Session{Edition: e, all: ds, i18n: m, fonts: fonts, locale: loc, room: kd.Room, siteURL: kd.SiteURL}
	for _, d := range ds {
		if d.Personalisable() && d.Kind != "document" {
			s.Designs = append(s.Designs, d)
		}
	}
	return s, nil
}

// Prepare does now what the first keystrokes would otherwise wait for but
// the first preview did not need: reading the phone metadata of the
// edition's region (local.Prepare). It also gives the garbage collector
// back its settings if HoldGC held it.
func (s *Session) Prepare() {
	releaseGC()
	local.Prepare(s.Edition.Region)
}

// Request is what the page asks for.
type Request struct {
	Values  map[string]string // the form's fields
	Logo    []byte            // nil when none
	Design  string
	Size    string
	Bleed   bool
	PDF     bool // write the PDF too (on download), not only the preview
	Preview int  // preview height in pixels; 0 for none
	// Raw gives the preview as pixels (Result.Image) instead of a PNG,
	// drawn again only where it changed since the last Raw preview of the
	// same design, size and height (draw.go): what the page paints on a
	// canvas after each keystroke.
	Raw bool
}

// Result is the answer: problems per field, problems of the poster as a
// whole (an official box that no longer fits), or the preview, the PDF and
// its file name.
type Result struct {
	Fields   local.Errors `json:"fields"`
	Problems []string     `json:"problems"`
	Preview  []byte       `json:"-"`
	Image    *image.RGBA  `json:"-"` // the preview as pixels, with Request.Raw
	PDF      []byte       `json:"-"`
	FileName string       `json:"file_name"`
	// Where the time went: checking the fields, laying out, drawing the
	// preview, writing the PDF (BENCHMARKS.md).
	Check, Layout, Draw, Write time.Duration
}

// OK reports whether the request gave a poster.
func (r *Result) OK() bool { return len(r.Fields) == 0 && len(r.Problems) == 0 }

// Render checks the fields, lays the poster out and draws what was asked.
func (s *Session) Render(req Request) *Result {
	res := &Result{}
	var d *layout.Design
	for _, x := range s.Designs {
		if x.ID == req.Design {
			d = x
		}
	}
	if d == nil {
		res.Problems = append(res.Problems, fmt.Sprintf("unknown design %q", req.Design))
		return res
	}
	t0 := time.Now()
	blk, errs := local.Parse(req.Values, req.Logo, s.Edition.Region)
	res.Check = time.Since(t0)
	if errs != nil {
		res.Fields = errs
		return res
	}
	bleed := 0.0
	if req.Bleed {
		bleed = 3
	}
	t0 = time.Now()
	pg, err := Poster(s.fonts, layout.Job{Edition: s.Edition, Design: d, Size: req.Size, Bleed: bleed, I18n: s.i18n, Designs: s.all, Local: blk, Locale: s.locale, SiteURL: s.siteURL})
	res.Layout = time.Since(t0)
	if err != nil {
		var de *diag.Error
		if !errors.As(err, &de) {
			res.Problems = append(res.Problems, err.Error())
			return res
		}
		for _, p := range de.Problems {
			if strings.HasPrefix(p.Field, "local_") {
				fe := local.FieldError{Field: p.Field, Msg: p.Msg}
				var n int
				if _, err := fmt.Sscanf(p.Msg, "too long by %d line", &n); err == nil {
					fe.Code, fe.N = local.CodeFit, n
				}
				res.Fields = append(res.Fields, fe)
			} else {
				res.Problems = append(res.Problems, p.String())
			}
		}
		return res
	}
	t0 = time.Now()
	if req.Preview > 0 && req.Raw {
		if res.Image, err = s.raw(pg, fmt.Sprintf("%s/%s/%v/%d", d.ID, req.Size, req.Bleed, req.Preview), req.Preview); err != nil {
			res.Problems = append(res.Problems, err.Error())
			return res
		}
	} else if req.Preview > 0 {
		if res.Preview, err = Preview(pg, s.fonts, req.Preview); err != nil {
			res.Problems = append(res.Problems, err.Error())
			return res
		}
	}
	res.Draw = time.Since(t0)
	t0 = time.Now()
	if req.PDF {
		if res.PDF, err = PDF(pg, s.fonts, s.Edition.Date().Time().UTC()); err != nil {
			res.Problems = append(res.Problems, err.Error())
			return res
		}
	}
	res.Write = time.Since(t0)
	res.FileName = FileName(d.ID, req.Size, req.Bleed, blk.Name)
	return res
}

// raw draws the poster's sides, the back to the right of the front, each
// through its canvas (only what changed since the last call).
func (s *Session) raw(pg *layout.Page, key string, height int) (*image.RGBA, error) {
	var sides []*image.RGBA
	w := 0
	i := 0
	for p := pg; p != nil && i < len(s.sides); p = p.Back {
		img, err := s.sides[i].drawSide(key, p, s.fonts, height)
		if err != nil {
			return nil, err
		}
		sides = append(sides, img)
		w += img.Bounds().Dx()
		i++
	}
	if len(sides) == 1 {
		return sides[0], nil
	}
	gap := height / 40
	all := image.NewRGBA(image.Rect(0, 0, w+gap*(len(sides)-1), height))
	draw.Draw(all, all.Bounds(), image.White, image.Point{}, draw.Src)
	x := 0
	for _, img := range sides {
		draw.Draw(all, img.Bounds().Add(image.Pt(x, 0)), img, img.Bounds().Min, draw.Src)
		x += img.Bounds().Dx() + gap
	}
	return all, nil
}
