package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
)

func TestSiteURL(t *testing.T) {
	for _, tc := range []struct{ base, want, short string }{
		{"https://exemple.org/", "https://exemple.org/fr-FR/", "exemple.org/fr-FR"},
		{"https://www.exemple.org/sextorsion", "https://www.exemple.org/sextorsion/fr-FR/", "exemple.org/sextorsion/fr-FR"},
		{"/", "", ""},
		{"/sextorsion/", "", ""},
		{"http://exemple.org/", "", ""}, // a poster leads to https only
		{"https://user@exemple.org/", "", ""},
		{"https://exemple.org/?q=1", "", ""},
		{"javascript:alert(1)", "", ""},
	} {
		got := SiteURL(tc.base, "fr-FR")
		if got != tc.want {
			t.Errorf("SiteURL(%q) = %q, want %q", tc.base, got, tc.want)
		}
		if got != "" && ShortSite(got) != tc.short {
			t.Errorf("ShortSite(%q) = %q, want %q", got, ShortSite(got), tc.short)
		}
	}
}

// TestSiteBandKeepsBoxes: with a site URL every design prints the short
// address beside a link to the site, and every other text stays where it
// is without one.
func TestSiteBandKeepsBoxes(t *testing.T) {
	e, ds, tr := loadFixture(t)
	const site = "https://exemple.org/fr-FR/"
	for _, d := range ds {
		for _, size := range d.Sizes {
			plain, err := Layout(fonts(t), Job{Edition: e, Design: d, Size: size, I18n: tr})
			if err != nil {
				t.Fatal(err)
			}
			linked, err := Layout(fonts(t), Job{Edition: e, Design: d, Size: size, I18n: tr, SiteURL: site})
			if err != nil {
				t.Fatal(err)
			}
			texts := func(p *Page) map[string]bool {
				m := map[string]bool{}
				for ; p != nil; p = p.Back {
					for _, tx := range p.Texts {
						m[fmt.Sprintf("%.2f %.2f %s", tx.X, tx.Y, tx.Text)] = true
					}
				}
				return m
			}
			all := texts(linked)
			for k := range texts(plain) {
				if !all[k] {
					t.Errorf("%s/%s: %q moved or went with the site band", d.ID, size, k)
				}
			}
			joined := ""
			links := 0
			for p := linked; p != nil; p = p.Back {
				for _, tx := range p.Texts {
					joined += tx.Text + "\n"
				}
				for _, l := range p.Links {
					if l.URL == site {
						links++
					}
				}
			}
			if d.ID == "guide" {
				if !strings.Contains(joined, "exemple.org/fr-FR/downloads") {
					t.Errorf("guide: no downloads address:\n%s", joined)
				}
				continue
			}
			if !strings.Contains(joined, "exemple.org/fr-FR") || links != 1 {
				t.Errorf("%s/%s: address printed %v, %d links to the site", d.ID, size, strings.Contains(joined, "exemple.org/fr-FR"), links)
			}
		}
	}
}

// TestEmergencyLine: every design with contacts prints the emergency line
// when the edition's emergency number is printable (sourced, or a draft),
// and none prints it when it is not.
func TestEmergencyLine(t *testing.T) {
	e, ds, tr := loadFixture(t)
	for _, printable := range []bool{true, false} {
		ed := *e
		if !printable {
			ed.Emergency.Unverified = "no source gives it"
		}
		if ed.Emergency.Printable(&ed) != printable {
			t.Fatalf("fixture: printable %v", !printable)
		}
		for _, id := range []string{"la-sextorsion", "c-est-non", "contacts", "bons-reflexes", "bons-reflexes-carte", "parents"} {
			d := design(t, ds, id)
			pg, err := Layout(fonts(t), Job{Edition: &ed, Design: d, Size: d.Sizes[0], I18n: tr, SiteURL: "https://exemple.org/fr-FR/"})
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for p := pg; p != nil; p = p.Back {
				for _, tx := range p.Texts {
					got = got || strings.Contains(tx.Text, "danger immédiat\u00a0: "+ed.Emergency.Display)
				}
			}
			if got != printable {
				t.Errorf("%s: emergency line %v, printable %v", id, got, printable)
			}
		}
	}
}

func design(t *testing.T, ds []*Design, id string) *Design {
	t.Helper()
	for _, d := range ds {
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("no design %s", id)
	return nil
}

// TestFewContactsGrow: the contacts poster of an edition with two contacts
// sets them larger, in one column filling the box, than that of an edition
// with twelve, which takes two columns.
func TestFewContactsGrow(t *testing.T) {
	e, ds, tr := loadFixture(t)
	d := design(t, ds, "contacts")
	many := *e
	many.Contacts = nil
	for i := range 6 {
		for _, c := range e.Contacts {
			c.ID = fmt.Sprintf("%s-%d", c.ID, i)
			many.Contacts = append(many.Contacts, c)
		}
	}
	fit := func(ed *content.Edition) (float64, *Page) {
		pg, err := Layout(fonts(t), Job{Edition: ed, Design: d, Size: "a4", I18n: tr})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range pg.Fitted {
			if f.Box == "list" {
				return f.Size, pg
			}
		}
		t.Fatal("no list box")
		return 0, nil
	}
	few, pgFew := fit(e)
	lots, pgMany := fit(&many)
	if few <= lots || few < 20 {
		t.Errorf("two contacts at %.2f pt, twelve at %.2f pt: want the few larger, over 20 pt", few, lots)
	}
	columns := func(pg *Page) int {
		right := false
		for _, tx := range pg.Texts {
			right = right || (tx.X > pg.Width/2 && tx.Size >= 11 && tx.Y > 40*mm && tx.Y < 260*mm)
		}
		if right {
			return 2
		}
		return 1
	}
	if columns(pgFew) != 1 || columns(pgMany) != 2 {
		t.Errorf("columns: few %d, many %d; want 1 and 2", columns(pgFew), columns(pgMany))
	}
}

// TestCardBack: the back of the wallet card shows the contacts listed in
// card:, in their order, not the posters' contacts.
func TestCardBack(t *testing.T) {
	e, ds, tr := loadFixture(t)
	ed := *e
	ed.Card = []string{"num-3018"}
	pg, err := Layout(fonts(t), Job{Edition: &ed, Design: design(t, ds, "bons-reflexes-carte"), Size: "card", I18n: tr})
	if err != nil {
		t.Fatal(err)
	}
	var back []string
	for _, tx := range pg.Back.Texts {
		back = append(back, tx.Text)
	}
	got := strings.Join(back, "\n")
	if !strings.Contains(got, "3018") || strings.Contains(got, "PHAROS") {
		t.Errorf("card back:\n%s", got)
	}
}
