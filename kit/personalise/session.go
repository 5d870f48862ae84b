package personalise

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/local"
)

// Session personalises the posters of one edition in the browser: the
// edition comes from the content.json the build wrote (already validated
// by the build), the designs, interface strings and fonts are the
// embedded defaults.
type Session struct {
	Edition *content.Edition
	Designs []*layout.Design // the personalisable ones
	all     []*layout.Design
	i18n    map[string]string
	fonts   layout.Fonts
}

// NewSession reads an edition's content.json.
func NewSession(contentJSON []byte) (*Session, error) {
	e := &content.Edition{}
	if err := json.Unmarshal(contentJSON, e); err != nil {
		return nil, fmt.Errorf("reading the edition: %w", err)
	}
	if e.Code == "" || e.Region == "" || e.Language == "" {
		return nil, errors.New("reading the edition: no code, region or language")
	}
	posters, _ := fs.Sub(awarekit.Defaults, "posters")
	ds, err := layout.LoadDesigns(posters, "posters")
	if err != nil {
		return nil, err
	}
	tr, _ := fs.Sub(awarekit.Defaults, "i18n")
	m, err := i18n.Load(tr, "i18n", e.Language, e.Code)
	if err != nil {
		return nil, err
	}
	fonts, err := layout.LoadFonts()
	if err != nil {
		return nil, err
	}
	s := &Session{Edition: e, all: ds, i18n: m, fonts: fonts}
	for _, d := range ds {
		if d.Personalisable() && d.Kind != "document" {
			s.Designs = append(s.Designs, d)
		}
	}
	return s, nil
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
}

// Result is the answer: problems per field, problems of the poster as a
// whole (an official box that no longer fits), or the preview, the PDF and
// its file name.
type Result struct {
	Fields   local.Errors `json:"fields"`
	Problems []string     `json:"problems"`
	Preview  []byte       `json:"-"`
	PDF      []byte       `json:"-"`
	FileName string       `json:"file_name"`
	Elapsed  time.Duration
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
	blk, errs := local.Parse(req.Values, req.Logo, s.Edition.Region)
	if errs != nil {
		res.Fields = errs
		return res
	}
	bleed := 0.0
	if req.Bleed {
		bleed = 3
	}
	pg, err := Poster(s.fonts, layout.Job{Edition: s.Edition, Design: d, Size: req.Size, Bleed: bleed, I18n: s.i18n, Designs: s.all, Local: blk})
	if err != nil {
		var de *diag.Error
		if !errors.As(err, &de) {
			res.Problems = append(res.Problems, err.Error())
			return res
		}
		for _, p := range de.Problems {
			if strings.HasPrefix(p.Field, "local_") {
				res.Fields = append(res.Fields, local.FieldError{Field: p.Field, Msg: p.Msg})
			} else {
				res.Problems = append(res.Problems, p.String())
			}
		}
		return res
	}
	if req.Preview > 0 {
		if res.Preview, err = Preview(pg, s.fonts, req.Preview); err != nil {
			res.Problems = append(res.Problems, err.Error())
			return res
		}
	}
	if req.PDF {
		if res.PDF, err = PDF(pg, s.fonts, s.Edition.Date().Time().UTC()); err != nil {
			res.Problems = append(res.Problems, err.Error())
			return res
		}
	}
	res.FileName = FileName(d.ID, req.Size, req.Bleed, blk.Name)
	return res
}
