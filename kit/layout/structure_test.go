package layout

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestStructure checks the page structure of every design: every text run
// belongs to an element, every figure has an alternative text, every link
// is a Link element's with a description, parents come before their
// children, and every size of a design reads the same (golden files
// testdata/struct/<design>.txt; go test -update rewrites them).
func TestStructure(t *testing.T) {
	e, ds, tr := loadFixture(t)
	for _, d := range ds {
		var first string
		for _, size := range d.Sizes {
			pg, err := Layout(fonts(t), Job{Edition: e, Design: d, Size: size, I18n: tr})
			if err != nil {
				t.Fatal(err)
			}
			name := d.ID + "/" + size
			for q := pg; q != nil; q = q.Back {
				for i, el := range q.Elems {
					if el.Parent > i {
						t.Errorf("%s: element %d (%s) comes before its parent %d", name, i+1, el.Kind, el.Parent)
					}
					if el.Kind == ElemFigure && strings.TrimSpace(el.Alt) == "" {
						t.Errorf("%s: figure %d has no alternative text", name, i+1)
					}
				}
				for _, tx := range q.Texts {
					if tx.Elem == 0 {
						t.Errorf("%s: text %q is not in the structure", name, tx.Text)
					}
				}
				for _, im := range q.Images {
					if im.Elem == 0 || q.Elems[im.Elem-1].Kind != ElemFigure {
						t.Errorf("%s: an image is not a figure", name)
					}
				}
				for _, l := range q.Links {
					if l.Elem == 0 || q.Elems[l.Elem-1].Kind != ElemLink || q.Elems[l.Elem-1].Alt == "" {
						t.Errorf("%s: the link to %s is not a described Link element", name, l.URL)
					}
				}
				if !slices.ContainsFunc(q.Elems, func(el Elem) bool { return el.Kind != ElemFigure }) {
					t.Errorf("%s: no structure", name)
				}
			}
			got := pg.StructText()
			if first == "" {
				first = got
			} else if got != first {
				t.Errorf("%s reads differently from %s:\n%s", name, d.Sizes[0], got)
			}
		}
		golden := filepath.Join("testdata", "struct", d.ID+".txt")
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			os.WriteFile(golden, []byte(first), 0o644)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if first != string(want) {
			t.Errorf("%s: the structure changed (go test ./kit/layout -run TestStructure -update, then review the diff):\n%s", d.ID, first)
		}
	}
}

// TestReadingOrder: the structure follows the design's reading_order, not
// the order boxes are drawn in.
func TestReadingOrder(t *testing.T) {
	e, ds, tr := loadFixture(t)
	i := slices.IndexFunc(ds, func(d *Design) bool { return d.ID == "la-sextorsion" })
	d := *ds[i]
	ids := ReadingOrder(nil, d.Boxes)
	slices.Reverse(ids)
	d.ReadingOrder = ids
	pg, err := Layout(fonts(t), Job{Edition: e, Design: &d, Size: "a4", I18n: tr})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(pg.StructText(), "\n")
	if !strings.HasPrefix(lines[0], "P ") || !strings.Contains(pg.StructText(), "\nH1 ") {
		t.Fatalf("reversed order does not start with the footer:\n%s", pg.StructText())
	}
	if last := lines[len(lines)-2]; !strings.HasPrefix(last, "H1 ") {
		t.Errorf("reversed order does not end with the title, but %q", last)
	}
	// Texts, shapes and links still name elements of their own kind.
	for _, l := range pg.Links {
		if pg.Elems[l.Elem-1].Kind != ElemLink {
			t.Errorf("a link names a %s after reordering", pg.Elems[l.Elem-1].Kind)
		}
	}
}

func TestCheckReadingOrder(t *testing.T) {
	boxes := []Box{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	for _, c := range []struct {
		order []string
		want  string
	}{
		{nil, ""},
		{[]string{"c", "a", "b"}, ""},
		{[]string{"c", "a", "x", "b"}, `reading_order[2]: "x" is not a box of this side`},
		{[]string{"c", "a", "a", "b"}, `reading_order[2]: "a" is listed twice`},
		{[]string{"c", "a"}, `reading_order: box "b" is missing: list every box of the side, in the order it is read`},
	} {
		var got []string
		checkReadingOrder("reading_order", c.order, boxes, func(field, format string, args ...any) {
			got = append(got, field+": "+fmt.Sprintf(format, args...))
		})
		if strings.Join(got, "\n") != c.want {
			t.Errorf("%v: got %q, want %q", c.order, got, c.want)
		}
	}
}

// TestMissingAlt: a figure whose alternative text is missing from the
// strings is a problem of its box.
func TestMissingAlt(t *testing.T) {
	e, ds, tr := loadFixture(t)
	for _, c := range []struct{ design, key, box string }{
		{"c-est-non", "icon_stop-hand", "steps"},
		{"c-est-non", "poster_qr_alt", "contacts"},
		{"contacts", "poster_qr_alt", "list"},
	} {
		i := slices.IndexFunc(ds, func(d *Design) bool { return d.ID == c.design })
		m := map[string]string{}
		for k, v := range tr {
			if k != c.key {
				m[k] = v
			}
		}
		_, err := Layout(fonts(t), Job{Edition: e, Design: ds[i], Size: "a4", I18n: m})
		want := c.design + "/a4/" + c.box + ": no alternative text: add " + c.key + " to i18n/fr.yaml"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("without %s: %v, want %s", c.key, err, want)
		}
	}
}
