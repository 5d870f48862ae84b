package layout

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/diag"
)

// lineTexts returns each line of a wrapped paragraph as its words joined
// by spaces (glued pieces joined without one), with the hyphen drawn at
// its end, if any.
func lineTexts(ls []line) []string {
	var out []string
	for _, l := range ls {
		var b strings.Builder
		for i, w := range l.words {
			for _, f := range w.frags {
				b.WriteString(f.text)
			}
			if i < len(l.words)-1 && w.space > 0 {
				b.WriteByte(' ')
			}
		}
		if l.hyphen != nil {
			b.WriteString(l.hyphen.text)
		}
		out = append(out, b.String())
	}
	return out
}

func TestTokens(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // u url, e e-mail, p phone, . other
	}{
		{"https://www.internet-signalement.gouv.fr/PharosS1/", strings.Repeat("u", 50)},
		{"va sur internet-signalement.gouv.fr.", "......." + strings.Repeat("u", 28) + "."},
		{"(www.e-enfance.org)", "." + strings.Repeat("u", 17) + "."},
		{"زوروا www.3018.fr، ثم", "......" + strings.Repeat("u", 11) + "...."}, // the Arabic comma ends the sentence
		{"écris à contact@ofmin.gouv.fr !", "........" + strings.Repeat("e", 21) + ".."},
		{"appelle le 0805 805 817 ou le 116 006", "..........." + strings.Repeat("p", 12) + "......." + strings.Repeat("p", 7)},
		{"+33 1 23 45 67 89", strings.Repeat("p", 17)},
		{"le 17 ou le 112", "..............."},
		{"c’est-à-dire grand-père", "......................."},
		{"3018", "...."}, // one word anyway
		{"le 30 18", "...ppppp"},
	} {
		rs := []rune(c.text)
		ks := tokens(rs)
		var b strings.Builder
		for _, k := range ks {
			b.WriteByte(".uep"[k])
		}
		if b.String() != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.text, b.String(), c.want)
		}
	}
}

// TestUnbreakable: a URL, an e-mail address or a phone number never breaks
// at a hyphen, a dot or a space inside it; a URL may break after a "/",
// with no hyphen added; a token that cannot break where it must is a cut,
// so that the fitting takes a smaller size.
func TestUnbreakable(t *testing.T) {
	st := setter{fonts(t), 12}
	reg := st.fonts[Regular]
	for _, c := range []struct {
		name, text string
		width      float64
		want       []string
		cut        string
	}{
		{"host at its width", "Signale sur internet-signalement.gouv.fr", reg.Width("internet-signalement.gouv.fr", 12) + 1,
			[]string{"Signale sur", "internet-signalement.gouv.fr"}, ""},
		{"host too wide", "Signale sur internet-signalement.gouv.fr", reg.Width("internet-signalement", 12) + 1,
			nil, "internet-signalement.gouv.fr"},
		{"URL after a slash", "https://www.internet-signalement.gouv.fr/PharosS1/", reg.Width("https://www.internet-signalement.gouv.fr/", 12) + 1,
			[]string{"https://www.internet-signalement.gouv.fr/", "PharosS1/"}, ""},
		{"e-mail", "écris à jean-marc.dupont@e-enfance.org", reg.Width("jean-marc.dupont@e-", 12),
			nil, "jean-marc.dupont@e-enfance.org"},
		{"phone with spaces", "Appelle le 0805 805 817 maintenant", reg.Width("Appelle le 0805 805", 12) + 1,
			[]string{"Appelle le", "0805 805 817", "maintenant"}, ""},
		{"phone alone", "116 006", reg.Width("116 00", 12),
			nil, "116 006"},
		{"an ordinary compound word", "Anticonstitutionnellement-parlant", reg.Width("Anticonstitutionnellement-", 12) + 1,
			[]string{"Anticonstitutionnellement-", "parlant"}, ""},
	} {
		p := []Para{{Spans: []Span{{Text: c.text, Role: Regular, Scale: 1}}}}
		b := st.set(p, c.width)
		if b.cut != c.cut {
			t.Errorf("%s: cut %q, want %q (lines %q)", c.name, b.cut, c.cut, lineTexts(b.lines[0]))
			continue
		}
		if c.want != nil && strings.Join(lineTexts(b.lines[0]), "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: lines %q, want %q", c.name, lineTexts(b.lines[0]), c.want)
		}
	}
}

// TestSoftHyphen: a soft hyphen is invisible; it is a possible break, where
// a visible hyphen is drawn; the page text has the word whole otherwise.
func TestSoftHyphen(t *testing.T) {
	st := setter{fonts(t), 12}
	reg := st.fonts[Regular]
	text := "un signale\u00adment vu"
	p := []Para{{Spans: []Span{{Text: text, Role: Regular, Scale: 1}}}}
	for _, c := range []struct {
		width float64
		want  []string
	}{
		{1000, []string{"un signalement vu"}},
		{reg.Width("un signale-", 12) + 0.5, []string{"un signale-", "ment vu"}},
		// "signale" fits, but not with its hyphen: it goes down.
		{reg.Width("un signale", 12) + 0.1, []string{"un", "signale-", "ment vu"}},
	} {
		b := st.set(p, c.width)
		if got := lineTexts(b.lines[0]); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("width %.1f: %q, want %q", c.width, got, c.want)
		}
		for _, l := range b.lines[0] {
			if l.width > c.width+1e-6 {
				t.Errorf("width %.1f: a line of %.2f", c.width, l.width)
			}
		}
		// The page text: whole words, the hyphen only at a break, no soft hyphen.
		var pg Page
		st.emit(&pg, b, 0, 0, c.width)
		// (A line's runs joined; the drawn hyphen is a run of its own,
		// outside the structure.)
		var runs []string
		for i, tx := range pg.Texts {
			if i > 0 && tx.Y == pg.Texts[i-1].Y {
				runs[len(runs)-1] += tx.Text
			} else {
				runs = append(runs, tx.Text)
			}
			if tx.Text == "-" && tx.Elem != 0 {
				t.Errorf("the drawn hyphen belongs to element %d", tx.Elem)
			}
		}
		if got := strings.Join(runs, "|"); got != strings.Join(c.want, "|") {
			t.Errorf("width %.1f: page text %q, want %q", c.width, got, c.want)
		}
	}
	// A long word breaks at its soft hyphen rather than between characters.
	long := []Para{{Spans: []Span{{Text: "Kinder\u00adschutz\u00adorganisation", Role: Regular, Scale: 1}}}}
	b := st.set(long, reg.Width("Kinderschutz-", 12)+0.5)
	if got := strings.Join(lineTexts(b.lines[0]), "|"); got != "Kinderschutz-|organisation" || b.cut != "" {
		t.Errorf("long word: %q, cut %q", got, b.cut)
	}
	// Never a visible hyphen elsewhere: at a cut, or after a URL's slash.
	for _, s := range []string{"0805\u00a0805\u00a0817", "https://www.internet-signalement.gouv.fr/PharosS1/"} {
		b := st.set([]Para{{Spans: []Span{{Text: s, Role: Regular, Scale: 1}}}}, 40)
		for _, l := range b.lines[0] {
			if l.hyphen != nil {
				t.Errorf("%q: a hyphen drawn at a break that is no soft hyphen: %q", s, lineTexts(b.lines[0]))
			}
		}
	}
}

// TestLongWordLinear: the work of wrapping a long word grows linearly with
// its length: ten times the characters, at most about ten times the runes
// measured and the bytes allocated (it was quadratic: 60 000 characters
// took 18 s).
func TestLongWordLinear(t *testing.T) {
	st := setter{fonts(t), 11}
	work := func(n int) (runes, bytes int64, lines int) {
		word := strings.Repeat("internet-signalement/", n/21+1)[:n]
		p := []Para{{Spans: []Span{{Text: "Voir " + word + " et", Role: Regular, Scale: 1}}}}
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		r0 := measuredRunes.Load()
		b := st.set(p, 150)
		r1 := measuredRunes.Load()
		runtime.ReadMemStats(&m1)
		return r1 - r0, int64(m1.TotalAlloc - m0.TotalAlloc), len(b.lines[0])
	}
	work(100) // warm the font caches
	r1, b1, l1 := work(6000)
	r2, b2, l2 := work(60000)
	if l2 < 9*l1 || l1 < 10 {
		t.Errorf("6000 characters on %d lines, 60 000 on %d", l1, l2)
	}
	if r2 > 11*r1 {
		t.Errorf("runes measured: %d for 6000 characters, %d for 60 000 (%.1f×)", r1, r2, float64(r2)/float64(r1))
	}
	if b2 > 12*b1 {
		t.Errorf("bytes allocated: %d for 6000 characters, %d for 60 000 (%.1f×)", b1, b2, float64(b2)/float64(b1))
	}
	// A word narrower than one glyph each time: one piece per character.
	rn, _, ln := func() (int64, int64, int) {
		r0 := measuredRunes.Load()
		b := st.set([]Para{{Spans: []Span{{Text: strings.Repeat("m", 60000), Role: Regular, Scale: 1}}}}, 1)
		return measuredRunes.Load() - r0, 0, len(b.lines[0])
	}()
	if ln != 60000 || rn > 2*60000 {
		t.Errorf("60 000 characters narrower than the box: %d lines, %d runes measured", ln, rn)
	}
}

// TestMissingGlyph: a character no font of the edition has is an error of
// the box that shows it, naming the character, the data field and every
// box at once; the narrow no-break space falls back to a no-break space.
func TestMissingGlyph(t *testing.T) {
	e, ds, tr := loadFixture(t)
	ed := *e
	ed.Texts.Title = "LA SEXTORSION \u4e2d"
	ed.Texts.Definition = "La sextorsion\u202fest un chantage \u2603."
	ed.Contacts = append(ed.Contacts[:0:0], e.Contacts...)
	ed.Contacts[0].Purpose = "Pour demander \u2603 le retrait"
	var d *Design
	for _, x := range ds {
		if x.ID == "la-sextorsion" {
			d = x
		}
	}
	_, err := Layout(fonts(t), Job{Edition: &ed, Design: d, Size: "a4", I18n: tr})
	var de *diag.Error
	if !errors.As(err, &de) {
		t.Fatalf("no problem reported: %v", err)
	}
	want := `data/fr-FR/contacts.yaml:4:14: contacts[0].purpose: character U+2603 "☃" is in no font of the edition (Lato-Regular has no glyph for it)
data/fr-FR/texts.yaml:2:8: title: character U+4E2D "中" is in no font of the edition (Lato-Black has no glyph for it)
data/fr-FR/texts.yaml:3:13: definition: character U+2603 "☃" is in no font of the edition (Lato-Regular has no glyph for it)`
	if got := err.Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// An Arabic letter is in no font of a French edition; in an Arabic
	// edition it takes the fallback face, and a character that face lacks
	// too is reported naming both.
	ed.Texts.Definition = "La sextorsion est un chantage."
	ed.Contacts = e.Contacts
	ed.Texts.Title = "الابتزاز"
	_, err = Layout(fonts(t), Job{Edition: &ed, Design: d, Size: "a4", I18n: tr})
	if got, want := fmt.Sprint(err), `data/fr-FR/texts.yaml:2:8: title: character U+0627 "ا" is in no font of the edition (Lato-Black has no glyph for it)`; !strings.HasPrefix(got, want) {
		t.Errorf("French edition with an Arabic title:\n%s\nwant:\n%s…", got, want)
	}
	ed.Language = "ar"
	if _, err := Layout(fonts(t), Job{Edition: &ed, Design: d, Size: "a4", I18n: tr}); err != nil {
		t.Errorf("Arabic edition with an Arabic title: %v", err)
	}
	ed.Texts.Title = "الابتزاز \u4e2d"
	_, err = Layout(fonts(t), Job{Edition: &ed, Design: d, Size: "a4", I18n: tr})
	if got, want := fmt.Sprint(err), `data/fr-FR/texts.yaml:2:8: title: character U+4E2D "中" is in no font of the edition (neither Lato-Black nor its fallback NotoSansArabic-Bold has a glyph for it)`; got != want {
		t.Errorf("Arabic edition:\n%s\nwant:\n%s", got, want)
	}
}

// TestURLFallback: a host too wide for its box even at the smallest size
// breaks before a dot (never at its hyphen, no hyphen added) rather than
// overflow; one that cannot fit even so is reported whole.
func TestURLFallback(t *testing.T) {
	e, ds, tr := loadFixture(t)
	var d *Design
	for _, x := range ds {
		if x.ID == "bons-reflexes-carte" {
			d = x
		}
	}
	layout := func(url string) (*Page, error) {
		ed := *e
		ed.Contacts = append(ed.Contacts[:0:0], e.Contacts...)
		ed.Contacts[0].URL = url
		return Layout(fonts(t), Job{Edition: &ed, Design: d, Size: "card", I18n: tr})
	}
	const host = "signalement.des-contenus-illicites.sur-internet.ministere-de-l-interieur.direction-generale-de-la-police.gouv.fr"
	pg, err := layout("https://www." + host + "/PharosS1/")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tx := range append(pg.Texts, pg.Back.Texts...) {
		if strings.Contains(host, tx.Text) && len(tx.Text) > 2 {
			got = append(got, tx.Text)
		}
	}
	if strings.Join(got, "") != host || len(got) < 2 {
		t.Fatalf("host set as %q", got)
	}
	for _, s := range got[1:] {
		if !strings.HasPrefix(s, ".") {
			t.Errorf("host broken elsewhere than before a dot: %q", got)
		}
	}
	_, err = layout("https://www.signalement-des-contenus-illicites-sur-internet-au-ministere-de-l-interieur-direction-generale.fr/")
	if err == nil || !strings.Contains(err.Error(), `fr-FR/bons-reflexes-carte/card/contacts: "signalement-des-contenus-illicites-sur-internet-au-ministere…" is wider than the box even at 6.5 pt`) {
		t.Errorf("got %v", err)
	}
}

// TestNarrowSpaceFallback: with a font that lacks U+202F, the narrow
// no-break space is set as a no-break space (never a missing-glyph box).
func TestNarrowSpaceFallback(t *testing.T) {
	reg := fonts(t)[Regular]
	f, err := parseFont(Regular, reg.Data)
	if err != nil {
		t.Fatal(err)
	}
	f.hasNarrowSp = false
	st := setter{Fonts{Regular: f}, 12}
	ls := st.wrap(&Para{Spans: []Span{{Text: "vrai\u202f?", Role: Regular, Scale: 1}}}, 100)
	if got := lineTexts(ls); len(got) != 1 || got[0] != "vrai\u00a0?" {
		t.Errorf("%q", got)
	}
}
