// Package personalise makes personalised posters: one design of an edition
// with a local block (kit/local) laid out by kit/layout, written as a PDF
// and a PNG preview. It also reads the CSV files of the bulk mode (one row
// per local block, columns named like the web form's fields) and names the
// files.
//
// It is the part shared by `awarekit personalise` (kit/build reads the
// files and writes the output) and the WebAssembly build of the
// /<edition>/personalise/ page, so it reads and writes no file itself and
// must not import Hugo, kit/site or kit/build.
package personalise

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/local"
	"github.com/awarekit/awarekit/kit/pdf"
	"github.com/awarekit/awarekit/kit/preview"
)

// MaxRows is the most rows a CSV file may hold (a directorate's 200
// stations fit many times over).
const MaxRows = 5000

// Row is one CSV row: its line in the file, its text fields, and the logo
// column's value (a path relative to the CSV file), if any.
type Row struct {
	Line   int
	Values map[string]string
	Logo   string
}

// ReadCSV reads a CSV file whose first line names the columns: the form's
// field names (local_name… and local_logo). name is how the file is shown
// in problems. Every problem is returned, with its line.
func ReadCSV(name string, r io.Reader) ([]Row, diag.List) {
	var probs diag.List
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 0
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			probs.Add(name, 0, 0, "", "empty: the first line names the columns (%s, %s)", strings.Join(local.Fields, ", "), local.FieldLogo)
		} else {
			probs.Add(name, 1, 0, "", "not a CSV file: %v", csvMsg(err))
		}
		return nil, probs
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff") // spreadsheets write a BOM
	}
	cols := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		switch {
		case !slices.Contains(local.Fields, h) && h != local.FieldLogo:
			probs.Add(name, 1, i+1, "", "unknown column %q (the columns are %s, %s)", h, strings.Join(local.Fields, ", "), local.FieldLogo)
		case cols[h] > 0:
			probs.Add(name, 1, i+1, "", "column %q given twice", h)
		}
		cols[h] = i + 1
	}
	if cols[local.FieldName] == 0 {
		probs.Add(name, 1, 0, "", "missing column %s", local.FieldName)
	}
	if len(probs) > 0 {
		return nil, probs
	}
	var rows []Row
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var line int
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			probs.Add(name, line, 0, "", "%s", csvMsg(err))
			if !errors.Is(err, csv.ErrFieldCount) {
				return nil, probs
			}
			continue
		}
		line, _ = cr.FieldPos(0)
		if len(rows) == MaxRows {
			probs.Add(name, line, 0, "", "more than %d rows: split the file", MaxRows)
			return nil, probs
		}
		row := Row{Line: line, Values: map[string]string{}}
		for i, v := range rec {
			if header[i] == local.FieldLogo {
				row.Logo = strings.TrimSpace(v)
			} else {
				row.Values[header[i]] = v
			}
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 && len(probs) == 0 {
		probs.Add(name, 0, 0, "", "no rows under the header line")
	}
	return rows, probs
}

func csvMsg(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Problems turns a row's field errors and layout problems into problems of
// the CSV file at the row's line: `stations.csv:3: local_phone: …`.
// Layout problems about an official box keep their box name as field.
func Problems(file string, line int, fe local.Errors, layoutErr error) diag.List {
	var probs diag.List
	for _, e := range fe {
		probs.Add(file, line, 0, e.Field, "%s", e.Msg)
	}
	var d *diag.Error
	if errors.As(layoutErr, &d) {
		for _, p := range d.Problems {
			f := p.Field
			if f == "" {
				f = p.File
			}
			probs.Add(file, line, 0, f, "%s", p.Msg)
		}
	} else if layoutErr != nil {
		probs.Add(file, line, 0, "", "%v", layoutErr)
	}
	return probs
}

// Poster lays out one personalised poster; the error is a *diag.Error
// (a local field that does not fit has the field's name as Field).
func Poster(fonts layout.Fonts, j layout.Job) (*layout.Page, error) {
	if j.Local == nil {
		return nil, errors.New("no local block")
	}
	if !j.Design.Personalisable() {
		var l diag.List
		l.Add(j.Name(), 0, 0, "", "the design %s has no local block: it cannot be personalised", j.Design.ID)
		return nil, l.Err()
	}
	if !slices.Contains(j.Design.Sizes, j.Size) {
		var l diag.List
		l.Add(j.Name(), 0, 0, "", "the design %s comes in %s, not %s", j.Design.ID, strings.Join(j.Design.Sizes, ", "), j.Size)
		return nil, l.Err()
	}
	pg, err := layout.Layout(fonts, j)
	if err != nil {
		return nil, err
	}
	pg.Keywords += " personalised"
	return pg, nil
}

// PDF writes a laid-out poster; date is the edition's fixed date, so that
// the same row gives the same bytes.
func PDF(pg *layout.Page, fonts layout.Fonts, date time.Time) ([]byte, error) {
	var b bytes.Buffer
	if err := pdf.Write(&b, pg, fonts, date); err != nil {
		return nil, fmt.Errorf("writing the PDF: %w", err)
	}
	return b.Bytes(), nil
}

// Preview draws a laid-out poster as a PNG image height pixels high; a
// two-sided design shows its back to the right of its front.
func Preview(pg *layout.Page, fonts layout.Fonts, height int) ([]byte, error) {
	var sides []*image.RGBA
	w := 0
	for p := pg; p != nil; p = p.Back {
		img, err := preview.Draw(p, fonts, height)
		if err != nil {
			return nil, err
		}
		sides = append(sides, img)
		w += img.Bounds().Dx()
	}
	gap := height / 40
	all := image.NewRGBA(image.Rect(0, 0, w+gap*(len(sides)-1), height))
	draw.Draw(all, all.Bounds(), image.White, image.Point{}, draw.Src)
	x := 0
	for _, img := range sides {
		draw.Draw(all, img.Bounds().Add(image.Pt(x, 0)), img, img.Bounds().Min, draw.Src)
		x += img.Bounds().Dx() + gap
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, all); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// FileName is the name of a personalised poster's PDF: the design, the
// size, -bleed for print shops, "personalised" and the slug of the local
// name: la-sextorsion-a4-personalised-college-jean-moulin.pdf.
func FileName(design, size string, bleed bool, localName string) string {
	s := design + "-" + size
	if bleed {
		s += "-bleed"
	}
	s += "-personalised"
	if slug := Slug(localName); slug != "" {
		s += "-" + slug
	}
	return s + ".pdf"
}

// Slug is s in lower-case ASCII letters and digits separated by hyphens,
// accents dropped, at most 48 characters.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	put := func(t string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(t)
	}
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			put(string(unicode.ToLower(r)))
		case r == 'ß':
			put("ss")
		case r == 'œ' || r == 'Œ':
			put("oe")
		case r == 'æ' || r == 'Æ':
			put("ae")
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > 48 {
		out = strings.TrimRight(out[:48], "-")
	}
	return out
}
