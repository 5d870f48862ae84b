package layout

import (
	"math"
	"testing"
)

// TestMeasure: the remembered measure is the measure, on a miss and on a
// hit, cut words included.
func TestMeasure(t *testing.T) {
	fonts, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		paras []Para
		w     float64
	}{
		{"one line", []Para{{Spans: []Span{{Text: "Bonjour", Role: Regular, Scale: 1}}, Align: Left}}, 200},
		{"wrapped", []Para{{Spans: Emphasis("Si quelqu’un **menace** de partager des photos ou des vidéos intimes de toi", Regular, Bold, Color{}, 1), Align: Center}}, 120},
		{"two paragraphs", []Para{{Spans: []Span{{Text: "PHAROS", Role: Black, Scale: 1.25}}}, {Spans: []Span{{Text: "Pour demander le retrait", Role: Regular, Scale: 1}}, SpaceBefore: 0.2}}, 90},
		{"a number cut", []Para{{Spans: []Span{{Text: "0805\u00a0805\u00a0817", Role: Black, Scale: 1.3}}}}, 20},
	} {
		for _, size := range []float64{9, 14.25} {
			st := setter{fonts, size}
			b := st.set(c.paras, c.w)
			for _, try := range []string{"miss", "hit"} {
				h, cut := st.measure(c.paras, c.w)
				if (h != b.fitHeight() && !(math.IsInf(h, 1) && math.IsInf(b.fitHeight(), 1))) || cut != b.cut {
					t.Errorf("%s at %v (%s): measure = %v %q, set = %v %q", c.name, size, try, h, cut, b.fitHeight(), b.cut)
				}
			}
			if c.name == "a number cut" && b.cut == "" {
				t.Errorf("%s: nothing cut at width %v", c.name, c.w)
			}
		}
	}
}

// TestMeasureKey: every input that changes a setting changes the key.
func TestMeasureKey(t *testing.T) {
	base := func() []Para {
		return []Para{{Spans: []Span{{Text: "ab", Role: Regular, Scale: 1}, {Text: "c", Role: Bold, Scale: 1}}, Align: Left, SpaceBefore: 0, Leading: 1.2}}
	}
	st := setter{nil, 12}
	k0 := st.key(base(), 100)
	if st.key(base(), 100) != k0 {
		t.Fatal("the same input gives two keys")
	}
	for name, change := range map[string]func(p []Para) ([]Para, float64, float64){
		"size":  func(p []Para) ([]Para, float64, float64) { return p, 100, 12.25 },
		"width": func(p []Para) ([]Para, float64, float64) { return p, 101, 12 },
		"text":  func(p []Para) ([]Para, float64, float64) { p[0].Spans[0].Text = "ax"; return p, 100, 12 },
		"split": func(p []Para) ([]Para, float64, float64) {
			p[0].Spans[0].Text, p[0].Spans[1].Text = "a", "bc"
			return p, 100, 12
		},
		"role":         func(p []Para) ([]Para, float64, float64) { p[0].Spans[1].Role = Black; return p, 100, 12 },
		"scale":        func(p []Para) ([]Para, float64, float64) { p[0].Spans[0].Scale = 1.1; return p, 100, 12 },
		"align":        func(p []Para) ([]Para, float64, float64) { p[0].Align = Center; return p, 100, 12 },
		"space before": func(p []Para) ([]Para, float64, float64) { p[0].SpaceBefore = 0.2; return p, 100, 12 },
		"leading":      func(p []Para) ([]Para, float64, float64) { p[0].Leading = 1.1; return p, 100, 12 },
		"one more":     func(p []Para) ([]Para, float64, float64) { return append(p, Para{}), 100, 12 },
	} {
		p, w, size := change(base())
		if (setter{nil, size}).key(p, w) == k0 {
			t.Errorf("%s: same key", name)
		}
	}
}
