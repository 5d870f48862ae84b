package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/layout"
)

// Poster is the content handed to the peers: every string as awarekit
// prints it (French typography applied, glyphs the fonts lack replaced),
// the design's geometry in millimetres and the font sizes awarekit's
// layout chose, in points. The peers set the text with their own line
// breaking, at those sizes.
type Poster struct {
	Edition   string   `json:"edition"`
	Design    string   `json:"design"`
	Size      string   `json:"size"`
	Lang      string   `json:"lang"`
	PDFTitle  string   `json:"pdf_title"`
	WidthMM   float64  `json:"width_mm"`
	HeightMM  float64  `json:"height_mm"`
	Paper     string   `json:"paper"`
	Shapes    []Rect   `json:"shapes"`
	Boxes     []Box    `json:"boxes"`
	Variation string   `json:"variation"`
	Fonts     []string `json:"fonts"` // file names in kit/layout/fonts, regular, bold, black
}

// Rect is a filled rectangle, mm.
type Rect struct {
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	W     float64 `json:"w"`
	H     float64 `json:"h"`
	Color string  `json:"color"`
}

// Box is a design box with its content.
type Box struct {
	ID      string  `json:"id"`
	Show    string  `json:"show"`
	X       float64 `json:"x"` // mm, the box (the fill, when there is one)
	Y       float64 `json:"y"`
	W       float64 `json:"w"`
	H       float64 `json:"h"`
	Padding float64 `json:"padding"` // mm inside the box
	Fill    string  `json:"fill,omitempty"`
	Size    float64 `json:"size"` // pt: the base size awarekit's layout fitted
	// VAlign is middle when the block is centred vertically in the box.
	VAlign string `json:"valign"`
	Paras  []Para `json:"paras,omitempty"`
	// Contacts only: one cell per contact in a row, each GapMM apart.
	Cells []Cell  `json:"cells,omitempty"`
	CellW float64 `json:"cell_w,omitempty"` // mm
	GapMM float64 `json:"gap_mm,omitempty"`
	QRMM  float64 `json:"qr_mm,omitempty"`  // side of a QR code, quiet zone included
	QRGap float64 `json:"qr_gap,omitempty"` // mm between the QR code and the text
	// QRLeft: the QR code left of the text (else centred above it).
	QRLeft bool `json:"qr_left,omitempty"`
}

// Para is a paragraph. SpaceBefore is in units of the box's base size;
// Leading is the line height as a multiple of the line's largest size.
type Para struct {
	Align       string  `json:"align"`
	SpaceBefore float64 `json:"space_before"`
	Leading     float64 `json:"leading"`
	Spans       []Span  `json:"spans"`
}

// Span is text in one font and colour; Scale multiplies the box's size.
type Span struct {
	Text  string  `json:"text"`
	Role  string  `json:"role"`
	Color string  `json:"color"`
	Scale float64 `json:"scale"`
}

// Cell is one contact: text, and a QR code when its details are printed.
type Cell struct {
	Paras []Para `json:"paras"`
	QR    *QR    `json:"qr,omitempty"`
}

// QR is a QR code as an SVG path of its dark modules, in module units on a
// Side × Side square (the code plus a quiet zone of two modules), drawn by
// every tool the way awarekit draws it: one rectangle per run of modules.
type QR struct {
	Target string `json:"target"`
	Side   int    `json:"side"`
	Path   string `json:"path"`
	Ink    string `json:"ink"`
}

const ptPerMM = 72 / 25.4

func hex(c layout.Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// export writes the JSON of the base poster, after checking it against
// the layout's own text runs and checking that variants 1…check keep every
// box at the base sizes (the peers reuse the sizes).
func export(kit *build.Kit, job build.PosterJob, file string, check int) error {
	pg, _, err := layoutPage(kit, job, 0)
	if err != nil {
		return err
	}
	p, err := describe(kit, job, pg)
	if err != nil {
		return err
	}
	if err := sameText(p, pg); err != nil {
		return err
	}
	for i := 1; i <= check; i++ {
		vp, _, err := layoutPage(kit, job, i)
		if err != nil {
			return fmt.Errorf("variant %d: %w", i, err)
		}
		if !slices.Equal(vp.Fitted, pg.Fitted) {
			return fmt.Errorf("variant %d is set at other sizes (%v, not %v): choose a variation that fits", i, vp.Fitted, pg.Fitted)
		}
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(b, '\n'), 0o644)
}

// describe rebuilds the paragraphs of each box as kit/layout does for this
// design (title, definition, warning, advice, myths, contacts, footer).
func describe(kit *build.Kit, job build.PosterJob, pg *layout.Page) (*Poster, error) {
	d, e := job.Design, job.Edition
	strs := kit.I18n[e.Code]
	t := kit.Locales[e.Language].Apply
	i18n := func(k string) string { return t(strs[k]) }
	col := func(name string) string { return strings.ToLower(d.Colors[name]) }
	sizes := map[string]float64{}
	for _, f := range pg.Fitted {
		sizes[f.Box] = f.Size
	}
	// Every string as printed: the font's fallback for missing glyphs.
	span := func(text string, role layout.Role, color string, scale float64) Span {
		return Span{Text: kit.Fonts[role].Sanitize(text), Role: string(role), Color: color, Scale: scale}
	}
	emph := func(s string, base, strong layout.Role, color string) []Span {
		var out []Span
		for _, sp := range layout.Emphasis(s, base, strong, layout.Color{}, 1) {
			out = append(out, span(sp.Text, sp.Role, color, 1))
		}
		return out
	}
	strong := func(r layout.Role) layout.Role {
		if r == layout.Regular {
			return layout.Bold
		}
		return layout.Black
	}
	p := &Poster{
		Edition: e.Code, Design: d.ID, Size: job.Size, Lang: e.Language, PDFTitle: pg.Title,
		WidthMM: 210, HeightMM: 297, Paper: col(d.Background),
		Variation: "poster i of a batch: the footer box's last span + \" (i)\"",
		Fonts:     []string{"Lato-Regular.ttf", "Lato-Bold.ttf", "Lato-Black.ttf"},
	}
	if job.Size != "a4" || job.Bleed != 0 || e.Draft() || e.LogoData != nil {
		return nil, fmt.Errorf("the export knows the published A4 office poster without a logo only")
	}
	for _, s := range d.Shapes {
		p.Shapes = append(p.Shapes, Rect{s.X, s.Y, s.W, s.H, col(s.Color)})
	}
	for _, b := range d.Boxes {
		role := b.Font
		if role == "" {
			role = layout.Regular
		}
		ink, accent := col(b.Color), col(b.Accent)
		if b.Accent == "" {
			accent = ink
		}
		align := string(b.Align)
		if align == "" {
			align = string(layout.Left)
		}
		para := func(spans []Span, before float64) Para {
			return Para{Align: align, SpaceBefore: before, Leading: lead(b.Leading), Spans: spans}
		}
		heading := func(key string) Para {
			return Para{Align: align, Leading: 1.15, Spans: []Span{span(i18n(key), layout.Black, accent, 1.3)}}
		}
		size, ok := sizes[b.ID]
		if !ok && b.Show == "site" {
			continue // the site band: drawn only with an absolute base URL, which the benchmark does not give
		}
		if !ok {
			return nil, fmt.Errorf("box %s: no fitted size", b.ID)
		}
		bx := Box{ID: b.ID, Show: b.Show, X: b.X, Y: b.Y, W: b.W, H: b.H, Padding: b.Padding, Fill: col(b.Fill), Size: size, VAlign: "top"}
		switch b.Show {
		case "title", "definition", "warning":
			text := map[string]string{"title": e.Texts.Title, "definition": e.Texts.Definition, "warning": e.Texts.Warning}[b.Show]
			bx.Paras = []Para{para(emph(t(text), role, strong(role), ink), 0)}
			if b.Show != "definition" {
				bx.VAlign = "middle"
			}
		case "advice":
			bx.Paras = []Para{heading("advice_heading")}
			for _, sit := range []struct{ kind, intro string }{
				{content.SituationThreat, e.Texts.AdviceIntro},
				{content.SituationShared, e.Texts.SharedIntro},
			} {
				bx.Paras = append(bx.Paras, para([]Span{span(t(sit.intro), layout.Bold, ink, 1)}, 0.6))
				for _, st := range e.Advice {
					if st.Situation != sit.kind {
						continue
					}
					spans := []Span{span("→ ", layout.Bold, accent, 1), span(t(st.Keyword), layout.Black, accent, 1)}
					spans = append(spans, emph(" "+t(st.Text), role, strong(role), ink)...)
					bx.Paras = append(bx.Paras, para(spans, 0.35))
					if st.Note != "" {
						bx.Paras = append(bx.Paras, para(emph(t(st.Note), role, strong(role), ink), 0.2))
					}
				}
			}
		case "myths":
			bx.Paras = []Para{heading("myths_heading")}
			for i, m := range e.Myths {
				before := 0.6
				if i == 0 {
					before = 0.5
				}
				bx.Paras = append(bx.Paras,
					para(append([]Span{span(i18n("myth_label")+" ", layout.Black, accent, 1)}, emph(t(m.Myth), layout.Bold, layout.Black, ink)...), before),
					para(append([]Span{span(i18n("reality_label")+" ", layout.Black, ink, 1)}, emph(t(m.Reality), role, strong(role), ink)...), 0.25),
				)
			}
		case "footer":
			text := layout.FooterLine(layout.Job{Edition: e, Design: d, Size: job.Size, I18n: strs})
			bx.Paras = []Para{para([]Span{span(text, role, ink, 1)}, 0)}
			if e.Emergency.Printable(e) {
				em := t(i18n("emergency") + " " + strings.TrimSpace(e.Emergency.Display))
				bx.Paras = []Para{para([]Span{span(em, layout.Bold, ink, 1)}, 0), para([]Span{span(text, role, ink, 1)}, 0.2)}
			}
		case "contacts":
			if err := contacts(&bx, b, e, pg, span, emph, t, ink, accent); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("box %s: the export does not know %q boxes", b.ID, b.Show)
		}
		p.Boxes = append(p.Boxes, bx)
	}
	return p, nil
}

func lead(l float64) float64 {
	if l > 0 {
		return l
	}
	return 1.2
}

// contacts describes the contacts box: the cells, and the QR codes' size
// and place as the layout chose them (read back from the page).
func contacts(bx *Box, b layout.Box, e *content.Edition, pg *layout.Page,
	span func(string, layout.Role, string, float64) Span,
	emph func(string, layout.Role, layout.Role, string) []Span,
	t func(string) string, ink, accent string) error {
	var cs []content.Contact
	for _, c := range e.Contacts {
		if c.OnPosters {
			cs = append(cs, c)
		}
	}
	cols := b.Columns
	if cols <= 0 || cols > len(cs) {
		cols = min(len(cs), 4)
	}
	if cols != len(cs) {
		return fmt.Errorf("contacts: the export knows one row of contacts only")
	}
	w := b.W - 2*b.Padding
	bx.GapMM = w * 0.03
	bx.CellW = (w - float64(cols-1)*bx.GapMM) / float64(cols)
	bx.VAlign = "middle"
	found := false
	for _, c := range cs {
		details := c.Unverified == "" || e.Draft()
		cell := Cell{Paras: []Para{
			{Align: "center", Leading: 1.1, Spans: []Span{span(t(c.Name), layout.Black, accent, 1.25)}},
			{Align: "center", SpaceBefore: 0.15, Leading: lead(b.Leading), Spans: emph(t(c.Purpose), layout.Regular, layout.Bold, ink)},
		}}
		if details {
			if c.Phone != nil {
				cell.Paras = append(cell.Paras, Para{Align: "center", SpaceBefore: 0.2, Leading: 1.1, Spans: []Span{span(t(c.Phone.Display), layout.Black, ink, 1.3)}})
			} else if c.URL != "" {
				cell.Paras = append(cell.Paras, Para{Align: "center", SpaceBefore: 0.2, Leading: 1.1, Spans: []Span{span(layout.ShortURL(c.URL), layout.Bold, ink, 0.9)}})
			}
			target := c.URL
			if target == "" && c.Phone != nil {
				target = "tel:" + strings.NewReplacer(" ", "", "\u00a0", "", ".", "", "-", "").Replace(c.Phone.Dial)
			}
			q, err := qrPath(target, ink)
			if err != nil {
				return err
			}
			cell.QR = q
			// The QR code's square (white, inside the contact's link area)
			// gives its size and whether it sits left of the text.
			for _, l := range pg.Links {
				if l.URL != target {
					continue
				}
				for _, s := range pg.Shapes {
					if s.Fill != (layout.Color{R: 255, G: 255, B: 255}) || len(s.Contours) != 1 || len(s.Contours[0]) != 4 {
						continue
					}
					c := s.Contours[0]
					sx, sy, sw, sh := c[0].X, c[0].Y, c[2].X-c[0].X, c[2].Y-c[0].Y
					if math.Abs(sw-sh) > 1e-6 || sx < l.X-1e-6 || sy < l.Y-1e-6 || sx+sw > l.X+l.W+1e-6 || sy+sh > l.Y+l.H+1e-6 || sw >= l.W {
						continue
					}
					bx.QRMM, bx.QRLeft, found = sw/ptPerMM, math.Abs(sx-l.X) < 1e-6 && sw < l.W-1e-6, true
				}
			}
		}
		bx.Cells = append(bx.Cells, cell)
	}
	if !found {
		return fmt.Errorf("contacts: no QR code found on the page")
	}
	bx.QRGap = bx.QRMM * 0.1
	for i := range bx.Cells {
		for j := range bx.Cells[i].Paras {
			if bx.QRLeft {
				bx.Cells[i].Paras[j].Align = "left"
			}
		}
	}
	return nil
}

// qrPath encodes target as layout.QR does (layout.QRRuns, level M) and
// returns its dark modules as one rectangle per horizontal run.
func qrPath(target, ink string) (*QR, error) {
	n, runs, err := layout.QRRuns(target)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, r := range runs {
		fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", r.Col+2, r.Row+2, r.Len, r.Len)
	}
	return &QR{Target: target, Side: n + 4, Path: b.String(), Ink: ink}, nil
}

// sameText checks that the exported strings are, in order, the text the
// layout printed (spaces aside: the layout drops those at line ends; and
// the hyphens it draws where it hyphenated a word at a line's end, runs
// of their own outside the structure, which the peers, breaking their own
// lines, do not get).
func sameText(p *Poster, pg *layout.Page) error {
	strip := strings.NewReplacer(" ", "", "\n", "")
	var want, got strings.Builder
	for _, t := range pg.Texts {
		if t.Elem == 0 && t.Text == "-" {
			continue
		}
		want.WriteString(strip.Replace(t.Text))
	}
	add := func(ps []Para) {
		for _, pa := range ps {
			for _, s := range pa.Spans {
				got.WriteString(strip.Replace(s.Text))
			}
		}
	}
	for _, b := range p.Boxes {
		add(b.Paras)
		for _, c := range b.Cells {
			add(c.Paras)
		}
	}
	if got.String() != want.String() {
		g, w := []rune(got.String()), []rune(want.String())
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		return fmt.Errorf("the exported text differs from the layout's at rune %d: %q vs %q", i, string(g[i:min(len(g), i+40)]), string(w[i:min(len(w), i+40)]))
	}
	return nil
}
