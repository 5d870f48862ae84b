package layout

import (
	"fmt"
	"io/fs"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/vocab"
)

// Design is a poster design (posters/<id>.yaml): boxes on an A4 grid, in
// millimetres, each showing one kind of content. Other sizes are the same
// layout scaled (A3 = A4 × √2). No text is written in a design: texts come
// from the edition, headings from i18n/.
type Design struct {
	ID         string            `yaml:"id"`
	Name       string            `yaml:"name"`
	Kind       string            `yaml:"kind"` // poster (default) | document: office print only, not a poster
	Audience   string            `yaml:"audience"`
	Sizes      []string          `yaml:"sizes"`
	Width      float64           `yaml:"width"`  // mm of the base size; default 210 (A4)
	Height     float64           `yaml:"height"` // default 297
	Colors     map[string]string `yaml:"colors"` // name → #rrggbb
	Background string            `yaml:"background"`
	Shapes     []ShapeSpec       `yaml:"shapes"`
	Boxes      []Box             `yaml:"boxes"`
	Back       *Side             `yaml:"back"`  // a second page (the back of a card)
	Local      *LocalSpec        `yaml:"local"` // where a personalised poster's local block goes (local.go)
	// ReadingOrder lists the front's box ids in the order they are read
	// (tagged PDF); empty: the order of boxes.
	ReadingOrder []string `yaml:"reading_order"`

	File   string           `yaml:"-"`
	colors map[string]Color // parsed
}

// Side is the back page of a two-sided design.
type Side struct {
	Shapes       []ShapeSpec `yaml:"shapes"`
	Boxes        []Box       `yaml:"boxes"`
	ReadingOrder []string    `yaml:"reading_order"` // as Design.ReadingOrder
}

// ShapeSpec is a decorative rectangle; one touching the page edge extends
// into the bleed.
type ShapeSpec struct {
	X     float64 `yaml:"x"`
	Y     float64 `yaml:"y"`
	W     float64 `yaml:"w"`
	H     float64 `yaml:"h"`
	Color string  `yaml:"color"`
}

// Box is a rectangle of the design showing one kind of content.
type Box struct {
	ID       string    `yaml:"id"`
	Show     string    `yaml:"show"`
	X        float64   `yaml:"x"`
	Y        float64   `yaml:"y"`
	W        float64   `yaml:"w"`
	H        float64   `yaml:"h"`
	Font     Role      `yaml:"font"`    // role of the main text
	Size     []float64 `yaml:"size"`    // [max, min] in points at the base size
	Color    string    `yaml:"color"`   // text colour
	Accent   string    `yaml:"accent"`  // keywords, labels, headings
	Fill     string    `yaml:"fill"`    // background of the box
	Padding  float64   `yaml:"padding"` // mm inside the fill
	Align    Align     `yaml:"align"`
	Leading  float64   `yaml:"leading"`
	QR       float64   `yaml:"qr"`       // contacts: side of a QR code, mm
	Icon     float64   `yaml:"icon"`     // steps: side of an icon, mm
	Columns  int       `yaml:"columns"`  // contacts: cells per row
	Sheet    string    `yaml:"sheet"`    // sheet, sheet_title: reflexes | parents | reception
	Numbered bool      `yaml:"numbered"` // sheet: number the items instead of bullets
	Details  bool      `yaml:"details"`  // contacts_list: hours and cost too
	Key      string    `yaml:"key"`      // label: the i18n key to print
	Breaks   string    `yaml:"breaks"`   // optimal (default: total-fit) | greedy
}

// What a box can show: the box kinds of the registry (vocab.Kinds).
var Shows = vocab.Names()

// Sheets a box can show (content.Sheets; vocab.Sheets).
var SheetNames = vocab.Sheets

// Page sizes in millimetres (ISO 216) and custom formats.
var PaperSizes = map[string][2]float64{
	"a3":   {297, 420},
	"a4":   {210, 297},
	"a5":   {148, 210},
	"card": {85, 55}, // wallet card (ISO 7810 ID-1 is 85.6 × 54 mm)
}

// MinBody is the smallest body text size allowed per paper size, in points:
// readable at arm's length on A4, from a step back on A3.
var MinBody = map[string]float64{"card": 6.5, "a5": 9, "a4": 11, "a3": 15}

const mm = 72 / 25.4

// Scale returns the factor from the design's base size to paper size s.
func (d *Design) Scale(size string) float64 {
	p, ok := PaperSizes[size]
	if !ok {
		return 1
	}
	return p[0] / d.Width
}

// PageSize returns the trimmed page size in points.
func (d *Design) PageSize(size string) (w, h float64) {
	if p, ok := PaperSizes[size]; ok {
		return p[0] * mm, p[1] * mm
	}
	return d.Width * mm, d.Height * mm
}

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

func (d *Design) color(name string) Color {
	if c, ok := d.colors[name]; ok {
		return c
	}
	return Color{0, 0, 0}
}

// LoadDesigns reads every posters/*.yaml of fsys and checks them: unknown
// keys, unknown content kinds, boxes leaving the page or overlapping, font
// sizes under the minimum for the paper size. name is how the folder is
// shown in messages.
func LoadDesigns(fsys fs.FS, name string) ([]*Design, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		var probs diag.List
		probs.Add(name, 0, 0, "", "cannot read the designs folder: %v", err)
		return nil, probs.Err()
	}
	var probs diag.List
	var ds []*Design
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		file := path.Join(name, e.Name())
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			probs.Add(file, 0, 0, "", "cannot read: %v", err)
			continue
		}
		d := &Design{File: file}
		if p := content.DecodeStrict(file, b, d); len(p) > 0 {
			probs = append(probs, p...)
			continue
		}
		probs = append(probs, d.check(strings.TrimSuffix(e.Name(), ".yaml"))...)
		ds = append(ds, d)
	}
	return ds, probs.Err()
}

// FinishDesign makes ready a design decoded other than by LoadDesigns
// (the in-browser engine reads the designs the build decoded, as JSON,
// without YAML): the defaults and parsed colours LoadDesigns gives, after
// the same checks, so a design that does not pass them is refused here
// too. d.File names it (posters/<id>.yaml) as LoadDesigns does.
func FinishDesign(d *Design) error {
	return d.check(strings.TrimSuffix(path.Base(d.File), ".yaml")).Err()
}

func (d *Design) check(stem string) diag.List {
	var probs diag.List
	add := func(field, format string, args ...any) { probs.Add(d.File, 0, 0, field, format, args...) }
	if d.ID != stem {
		add("id", "%q does not match the file name %s.yaml", d.ID, stem)
	}
	if d.Kind != "" && d.Kind != "poster" && d.Kind != "document" {
		add("kind", "%q is not one of poster, document", d.Kind)
	}
	if d.Width == 0 {
		d.Width = 210
	}
	if d.Height == 0 {
		d.Height = 297
	}
	if len(d.Sizes) == 0 {
		add("sizes", "missing: list the paper sizes (a4, a3…)")
	}
	for i, s := range d.Sizes {
		p, ok := PaperSizes[s]
		if !ok {
			add(fmt.Sprintf("sizes[%d]", i), "unknown paper size %q", s)
			continue
		}
		if math.Abs(p[1]/p[0]-d.Height/d.Width) > 0.01 {
			add(fmt.Sprintf("sizes[%d]", i), "%s does not have the proportions of the design (%g × %g mm)", s, d.Width, d.Height)
		}
	}
	d.colors = map[string]Color{"white": {255, 255, 255}, "black": {0, 0, 0}}
	keys := make([]string, 0, len(d.Colors))
	for k := range d.Colors {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := d.Colors[k]
		if !hexColor.MatchString(v) {
			add("colors."+k, "%q is not a colour written #rrggbb", v)
			continue
		}
		r, _ := strconv.ParseUint(v[1:3], 16, 8)
		g, _ := strconv.ParseUint(v[3:5], 16, 8)
		b, _ := strconv.ParseUint(v[5:7], 16, 8)
		d.colors[k] = Color{uint8(r), uint8(g), uint8(b)}
	}
	useColor := func(field, c string) {
		if c != "" {
			if _, ok := d.colors[c]; !ok {
				add(field, "unknown colour %q (define it under colors:)", c)
			}
		}
	}
	useColor("background", d.Background)
	inPage := func(field string, x, y, w, h float64) {
		if w <= 0 || h <= 0 {
			add(field, "width and height must be positive")
		}
		if x < 0 || y < 0 || x+w > d.Width+1e-9 || y+h > d.Height+1e-9 {
			add(field, "leaves the page (%g × %g mm): x %g, y %g, w %g, h %g", d.Width, d.Height, x, y, w, h)
		}
	}
	for i, s := range d.Shapes {
		f := fmt.Sprintf("shapes[%d]", i)
		inPage(f, s.X, s.Y, s.W, s.H)
		useColor(f+".color", s.Color)
	}
	seen := map[string]bool{}
	d.checkBoxes("boxes", d.Boxes, seen, add, inPage, useColor)
	checkReadingOrder("reading_order", d.ReadingOrder, d.Boxes, add)
	if d.Back != nil {
		for i, s := range d.Back.Shapes {
			f := fmt.Sprintf("back.shapes[%d]", i)
			inPage(f, s.X, s.Y, s.W, s.H)
			useColor(f+".color", s.Color)
		}
		d.checkBoxes("back.boxes", d.Back.Boxes, seen, add, inPage, useColor)
		checkReadingOrder("back.reading_order", d.Back.ReadingOrder, d.Back.Boxes, add)
	}
	d.checkLocal(add, inPage, useColor)
	return probs
}

func (d *Design) checkBoxes(where string, boxes []Box, seen map[string]bool, add func(field, format string, args ...any), inPage func(field string, x, y, w, h float64), useColor func(field, c string)) {
	for i, b := range boxes {
		f := fmt.Sprintf("%s[%d]", where, i)
		if b.ID == "" {
			add(f+".id", "missing (required)")
		} else if seen[b.ID] {
			add(f+".id", "duplicate box id %q", b.ID)
		}
		seen[b.ID] = true
		f = where + "." + b.ID
		kind, known := vocab.Lookup(b.Show)
		if !known {
			add(f+".show", "%q is not one of %s", b.Show, strings.Join(Shows, ", "))
		}
		inPage(f, b.X, b.Y, b.W, b.H)
		if b.Font != "" && !slices.Contains(DesignRoles, b.Font) {
			add(f+".font", "%q is not one of regular, bold, black", b.Font)
		}
		if len(b.Size) != 2 || b.Size[0] < b.Size[1] || b.Size[1] <= 0 {
			add(f+".size", "give [max, min] in points, max ≥ min > 0")
		} else {
			for _, s := range d.Sizes {
				min := MinBody[s]
				if kind.Small {
					min *= 0.6 // small print: dates and sources
				}
				if got := b.Size[1] * d.Scale(s); got < min-1e-6 {
					add(f+".size", "the minimum %.1f pt on %s is under the %.1f pt readable there", got, s, min)
				}
			}
		}
		for _, c := range []struct{ k, v string }{{"color", b.Color}, {"accent", b.Accent}, {"fill", b.Fill}} {
			useColor(f+"."+c.k, c.v)
		}
		if kind.QR && b.QR <= 0 {
			add(f+".qr", "missing: the side of the QR codes in mm")
		}
		if kind.Icon && b.Icon <= 0 {
			add(f+".icon", "missing: the side of the icons in mm")
		}
		if b.Breaks != "" && b.Breaks != "optimal" && b.Breaks != "greedy" {
			add(f+".breaks", "%q is not one of optimal, greedy", b.Breaks)
		}
		if kind.Key && b.Key == "" {
			add(f+".key", "missing: the i18n key of the label")
		}
		if kind.Sheet && !slices.Contains(SheetNames, b.Sheet) {
			add(f+".sheet", "%q is not one of %s", b.Sheet, strings.Join(SheetNames, ", "))
		}
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, b := boxes[i], boxes[j]
			if a.X < b.X+b.W-1e-9 && b.X < a.X+a.W-1e-9 && a.Y < b.Y+b.H-1e-9 && b.Y < a.Y+a.H-1e-9 {
				add(where+"."+b.ID, "overlaps box %s", a.ID)
			}
		}
	}
}
