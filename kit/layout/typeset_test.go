package layout

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/vocab"
)

// fakeForm stands n lines of size×1.2 high (a word cut when cut is set)
// and records where it was placed.
type fakeForm struct {
	name   string
	lines  float64
	cut    string
	placed *string
}

func (f fakeForm) height(st setter) (float64, string) { return f.lines * st.size * 1.2, f.cut }
func (f fakeForm) place(_ *Page, st setter)           { *f.placed = fmt.Sprintf("%s@%.2f", f.name, st.size) }

func testLayouter() *layouter {
	return &layouter{pg: &Page{}, job: Job{Edition: &content.Edition{Code: "xx-XX"}, Design: &Design{ID: "d", Width: 210}, Size: "x"}}
}

// TestTypeset: the typesetter takes, tier by tier, the form that fits at
// the largest size (the first on a tie), places it and records its size;
// when none fits it places the design's own form and reports its overflow
// at the smallest size.
func TestTypeset(t *testing.T) {
	for _, c := range []struct {
		name  string
		tiers [][]float64 // each form's lines
		own   int
		want  string // the form placed (tier.form) and its size
		prob  string
	}{
		{"one form fits", [][]float64{{10}}, 0, "0.0@20.00", ""},
		{"largest size wins", [][]float64{{20, 12}}, 0, "0.1@16.50", ""},
		{"first on a tie", [][]float64{{5, 5}}, 0, "0.0@20.00", ""},
		{"a later tier only when none fits", [][]float64{{40}, {30, 12}, {5}}, 0, "1.1@16.50", ""},
		{"own form when none fits", [][]float64{{40, 35}, {30}}, 1, "0.1@10.00", "xx-XX/d/x/b: overflows by 15 lines (63.5 mm)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := testLayouter()
			var placed string
			comp := &composition{own: c.own}
			for i, tier := range c.tiers {
				var fs []form
				for j, n := range tier {
					fs = append(fs, fakeForm{name: fmt.Sprintf("%d.%d", i, j), lines: n, placed: &placed})
				}
				comp.tiers = append(comp.tiers, fs)
			}
			// 240 points high, sizes 20 down to 10: 10 lines fit at 20.
			b := &Box{ID: "b", Size: []float64{20, 10}}
			l.typeset(b, rect{0, 0, 100, 240}, comp)
			if placed != c.want {
				t.Errorf("placed %s, want %s", placed, c.want)
			}
			if len(l.pg.Fitted) != 1 || fmt.Sprintf("%s@%.2f", c.want[:3], l.pg.Fitted[0].Size) != c.want {
				t.Errorf("fitted %v", l.pg.Fitted)
			}
			var got []string
			for _, p := range l.probs {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != c.prob {
				t.Errorf("problems %q, want %q", got, c.prob)
			}
		})
	}
	// A composer's own report replaces the generic one, with the size,
	// the excess and the cut word.
	l := testLayouter()
	var placed, report string
	comp := one(nil, fakeForm{name: "f", lines: 30, cut: "mot", placed: &placed})
	comp.overflow = func(size, excess float64, cut string) { report = fmt.Sprintf("%.0f %.0f %s", size, excess, cut) }
	l.typeset(&Box{ID: "b", Size: []float64{20, 10}}, rect{0, 0, 100, 240}, comp)
	if report != "10 120 mot" || len(l.probs) != 0 || placed != "f@10.00" {
		t.Errorf("own report %q, problems %v, placed %s", report, l.probs, placed)
	}
}

// TestTag: blocks become the page's elements in the order of the tree,
// each span, figure and link naming its element; a decoration is none.
func TestTag(t *testing.T) {
	sp := func(s ...string) Para {
		var out []Span
		for _, x := range s {
			out = append(out, Span{Text: x})
		}
		return Para{Spans: out}
	}
	bs := []Block{
		heading(0, sp("Titre")),
		paragraph(sp("Intro")),
		list(listItem(1, sp("1. ", "Un"), sp("suite")), listItem(0, sp("Deux"))),
		list(Block{Kind: BlockCard, Parts: []Block{
			paragraph(sp("PHAROS")),
			{Kind: BlockLink, Alt: "PHAROS – exemple.org", Paras: []Para{sp("exemple.org")},
				Parts: []Block{{Kind: BlockQR, Alt: "Code QR : exemple.org"}}},
		}}),
		heading(2, sp("Aide")),
		{Kind: BlockIcon, Alt: "main levée"},
		{Kind: BlockDecoration, Paras: []Para{sp("décor")}},
	}
	for _, c := range []struct {
		h1   string // the poster's title box
		want string
	}{
		{"b", "H1 Titre\nP Intro\nL\n  LI\n    Lbl 1.\n    LBody Un suite\n  LI\n    LBody Deux\nL\n  LI\n    LBody\n      P PHAROS\n      Link [PHAROS – exemple.org] exemple.org\n        Figure [Code QR : exemple.org]\nH2 Aide\nFigure [main levée]\n"},
		{"other", "H2 Titre\n"},
	} {
		l := testLayouter()
		l.h1 = c.h1
		tree := slices.Clone(bs)
		for i := range tree { // fresh spans: tag writes into them
			tree[i].Paras = clonePara(tree[i].Paras)
			for j := range tree[i].Parts {
				tree[i].Parts[j].Paras = clonePara(tree[i].Parts[j].Paras)
			}
		}
		l.tag(&Box{ID: "b"}, tree, 0)
		// Each span as a text run of its own line.
		for _, p := range textParas(tree) {
			for _, s := range p.Spans {
				l.pg.Texts = append(l.pg.Texts, Text{Text: strings.TrimSpace(s.Text), Elem: s.Elem, Y: float64(len(l.pg.Texts))})
			}
		}
		got := l.pg.StructText()
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("h1 %s:\n%s\nwant\n%s", c.h1, got, c.want)
		}
		if tree[3].Parts[0].Parts[1].Parts[0].elem != 14 || tree[3].Parts[0].Parts[1].elem != 13 {
			t.Errorf("the QR code and its link keep elements %d, %d", tree[3].Parts[0].Parts[1].Parts[0].elem, tree[3].Parts[0].Parts[1].elem)
		}
		if d := tree[6].Paras[0].Spans[0].Elem; d != 0 {
			t.Errorf("a decoration is element %d", d)
		}
	}
}

func clonePara(ps []Para) []Para {
	out := slices.Clone(ps)
	for i := range out {
		out[i].Spans = slices.Clone(out[i].Spans)
	}
	return out
}

// TestComposers: every box kind of the registry has its composer, and
// every composer is a kind of the registry (or the local block, which only
// a design's local: section places).
func TestComposers(t *testing.T) {
	for _, k := range vocab.Kinds {
		if composers[k.Name] == nil {
			t.Errorf("%s: no composer (compose it in its own file)", k.Name)
		}
	}
	for name := range composers {
		if _, ok := vocab.Lookup(name); !ok && name != "local" {
			t.Errorf("%s: a composer for a kind the registry (kit/vocab) does not have", name)
		}
	}
}
