package layout

import (
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
