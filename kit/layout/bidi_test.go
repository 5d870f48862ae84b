package layout

import (
	"cmp"
	"slices"
	"strings"
	"testing"
)

// TestLevels: the bidi levels of paragraphs of a right-to-left edition.
// Brackets take the direction of what they enclose and of what precedes
// them (rule N0): a French name with an acronym in brackets reads left to
// right whole, its closing bracket included (x/text's bidi left it right
// to left: "((PNAV" on the poster).
func TestLevels(t *testing.T) {
	for _, c := range []struct {
		text string
		rtl  bool
		want string // a digit per rune
	}{
		{"Arrêtons les violences (PNAV)", true, "22222222222222222222222222222"},
		{"Points d’accueil (PAEJ)", true, "22222222222222222222222"},
		{"الرقم (PNAV) الآن", true, "11111112222111111"},
		{"119 – Allô", true, "2221112222"},
		{"Allô (PNAV)", false, ""},
	} {
		rs := []rune(c.text)
		lv := levels(rs, make([]tokenKind, len(rs)), c.rtl)
		got := ""
		for _, l := range lv {
			got += string(rune('0' + l))
		}
		if got != c.want {
			t.Errorf("%q: levels %s, want %s", c.text, got, c.want)
		}
	}
}

// TestIsolate: a paragraph marked Isolate (a contact's name) takes the
// direction of its first strong character: in an Arabic poster "119 –
// Allô enfance en danger" reads 119 first, at the left, as written; the
// same paragraph without it puts 119 at the right, where an Arabic
// sentence begins.
func TestIsolate(t *testing.T) {
	s := arabicSetter(t, 12)
	for _, c := range []struct {
		isolate, numberLeft bool
	}{{true, true}, {false, false}} {
		p := []Para{{Spans: []Span{{Text: "119 – Allô enfance en danger", Role: Black, Scale: 1}}, Align: Left, Isolate: c.isolate}}
		var pg Page
		s.emit(&pg, s.set(p, 500), 0, 0, 500)
		// The runs from left to right.
		runs := slices.Clone(pg.Texts)
		slices.SortFunc(runs, func(a, b Text) int { return cmp.Compare(a.X, b.X) })
		var seen strings.Builder
		for _, tx := range runs {
			seen.WriteString(tx.Text + "|")
		}
		got := seen.String()
		if left := strings.Index(got, "119") < strings.Index(got, "Allô"); left != c.numberLeft || !strings.Contains(got, "119") {
			t.Errorf("isolate %v: runs from the left %q", c.isolate, got)
		}
	}
}
