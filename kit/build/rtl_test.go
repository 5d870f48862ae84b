package build_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/testkit"
)

// TestHebrewAsData: a right-to-left language added as data only
// (testdata/kits/he-FR.txtar: i18n/he.yaml, and i18n/locale/he.yaml with
// direction: rtl; no Go names Hebrew) gets mirrored posters. Every poster
// of he-FR is laid out twice, with its locale as loaded and with the same
// locale turned left to right, and compared: the page's decoration
// mirrors point by point, each icon, QR code and logo moves whole to the
// mirrored place, and the paragraphs are set right to left. The locale's
// direction: is the one thing that differs between the two.
func TestHebrewAsData(t *testing.T) {
	k := testkit.NewKit(t, testkit.Archive(t, "testdata/kits/he-FR.txtar"))
	set, err := build.CheckFS(k.Data(), "data", testkit.Today)
	if err != nil {
		t.Fatal(err)
	}
	he := set.Edition("he-FR")
	kit, err := build.LoadKitFS(k.Files, "", set.Editions)
	if err != nil {
		t.Fatal(err)
	}
	loc := kit.Locale("he")
	if !loc.RightToLeft() || kit.Locale("fr").RightToLeft() {
		t.Fatalf("he right to left %v, fr %v: want true, false", loc.RightToLeft(), kit.Locale("fr").RightToLeft())
	}
	var jobs []build.PosterJob
	for _, j := range kit.PosterJobs([]*content.Edition{he}) {
		if j.Bleed == 0 {
			jobs = append(jobs, j)
		}
	}
	rtl, err := kit.LayoutAll(jobs)
	if err != nil {
		t.Fatal(err)
	}
	ltrLoc := *loc
	ltrLoc.RTL = false
	kit.Locales["he"] = &ltrLoc
	ltr, err := kit.LayoutAll(jobs)
	if err != nil {
		t.Fatal(err)
	}
	moved, runs, arrows := 0, 0, map[bool]int{}
	for i, j := range jobs {
		for r, l := rtl[i], ltr[i]; r != nil && l != nil; r, l = r.Back, l.Back {
			name := j.Design.ID + "/" + j.Size
			moved += checkMirrored(t, name, r, l)
			// The paragraphs run right to left: the Latin words keep their
			// order, the punctuation between and after them (". " at the
			// end, the bullet of a list) takes the paragraph's direction.
			// The arrows of the advice steps point along the reading.
			for _, tx := range r.Texts {
				arrows[strings.Contains(tx.Text, "←")]++
				if tx.RTL {
					runs++
				}
				if strings.Contains(tx.Text, "→") {
					t.Errorf("%s: right to left, %q points right", name, tx.Text)
				}
			}
			for _, tx := range l.Texts {
				if strings.Contains(tx.Text, "←") || tx.RTL {
					t.Errorf("%s: left to right, %q (a run right to left: %v)", name, tx.Text, tx.RTL)
				}
			}
		}
	}
	if len(jobs) < 5 || moved < len(jobs) || arrows[true] == 0 || runs == 0 {
		t.Errorf("%d posters, %d elements moved, %d runs right to left, %d with a leftward arrow: the right-to-left posters are not mirrored", len(jobs), moved, runs, arrows[true])
	}
}

// checkMirrored compares a right-to-left page with the same page laid out
// left to right, and returns how many of its pieces changed place.
func checkMirrored(t *testing.T, name string, r, l *layout.Page) int {
	t.Helper()
	w := l.MediaWidth()
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.01 }
	if len(r.Shapes) != len(l.Shapes) || len(r.Images) != len(l.Images) {
		t.Errorf("%s: %d shapes and %d images right to left, %d and %d left to right", name, len(r.Shapes), len(r.Images), len(l.Shapes), len(l.Images))
		return 0
	}
	moved := 0
	// Decoration mirrors point by point; the shapes of one element (an
	// icon, a QR code) move together, unflipped.
	extent := func(p *layout.Page, elem int) (x0, x1 float64) {
		x0, x1 = math.Inf(1), math.Inf(-1)
		for _, s := range p.Shapes {
			if s.Elem == elem {
				for _, c := range s.Contours {
					for _, pt := range c {
						x0, x1 = min(x0, pt.X), max(x1, pt.X)
					}
				}
			}
		}
		return x0, x1
	}
	seen := map[int]bool{}
	for i, s := range l.Shapes {
		if s.Elem == 0 {
			for c := range s.Contours {
				for k, pt := range s.Contours[c] {
					if got := r.Shapes[i].Contours[c][k].X; !near(got, w-pt.X) {
						t.Errorf("%s: decoration %d: x %.2f, want the mirror of %.2f, %.2f", name, i, got, pt.X, w-pt.X)
						return moved
					}
				}
			}
			if fmt.Sprint(s.Contours) != fmt.Sprint(r.Shapes[i].Contours) {
				moved++
			}
			continue
		}
		if seen[s.Elem] {
			continue
		}
		seen[s.Elem] = true
		lx0, lx1 := extent(l, s.Elem)
		rx0, rx1 := extent(r, s.Elem)
		if !near(rx0, w-lx1) || !near(rx1-rx0, lx1-lx0) {
			t.Errorf("%s: element %d spans %.2f–%.2f right to left, want %.2f–%.2f (the mirror of %.2f–%.2f)", name, s.Elem, rx0, rx1, w-lx1, w-lx0, lx0, lx1)
		}
		if !near(rx0, lx0) {
			moved++
		}
	}
	for i, im := range l.Images {
		if got := r.Images[i].X; !near(got, w-im.X-im.W) {
			t.Errorf("%s: image %d at x %.2f, want %.2f", name, i, got, w-im.X-im.W)
		}
	}
	return moved
}
