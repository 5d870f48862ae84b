package layout

import (
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
)

// TestProvenanceFooter: the footer says what was done with the facts the
// poster prints: sourced, verified (only when every one has a record), or a
// draft's "non vérifié", and never "vérifié" otherwise.
func TestProvenanceFooter(t *testing.T) {
	base, designs, tr := loadFixture(t)
	var design *Design
	for _, d := range designs {
		if d.ID == "la-sextorsion" {
			design = d
		}
	}
	verified := &content.Verification{Date: content.MustDate("2026-10-02"), By: "a tester", How: "called"}
	for _, tc := range []struct {
		name   string
		edit   func(e *content.Edition)
		want   string
		absent []string
	}{
		{"sourced", func(e *content.Edition) {},
			"Sources\u00a0: Guide pratique sextorsion (juin 2025), directive (UE) 2018/1972, art. 109 (11 décembre 2018) · awarekit tests",
			[]string{"érifi"}},
		{"all verified", func(e *content.Edition) {
			e.Emergency.Verification = verified
			for i := range e.Contacts {
				e.Contacts[i].Verification = &content.Verification{Date: content.MustDate("2026-11-24"), By: "x", How: "y"}
			}
		}, "Sources\u00a0: Guide pratique sextorsion (juin 2025), directive (UE) 2018/1972, art. 109 (11 décembre 2018) · Vérifié le 02/10/2026 · awarekit tests", nil},
		{"one not verified", func(e *content.Edition) { e.Emergency.Verification, e.Contacts[0].Verification = verified, nil },
			"Sources\u00a0: Guide pratique sextorsion (juin 2025), directive (UE) 2018/1972, art. 109 (11 décembre 2018) · awarekit tests",
			[]string{"érifi"}},
		{"draft", func(e *content.Edition) {
			e.Status = content.StatusDraft
			e.Emergency.Verification = verified
			for i := range e.Contacts {
				e.Contacts[i].Verification = verified
			}
		}, "Non vérifié · Sources\u00a0: Guide pratique sextorsion (juin 2025), directive (UE) 2018/1972, art. 109 (11 décembre 2018) · awarekit tests",
			[]string{"Vérifié le"}},
		{"month names from the language", func(e *content.Edition) {
			e.Sources[0].Date = "2024-03"
			e.Sources[0].Short = "guide OFMIN"
			e.Sources[1].Date = "2017"
		}, "Sources\u00a0: guide OFMIN (mars 2024), directive (UE) 2018/1972, art. 109 (2017) · awarekit tests", nil},
		{"an unverified emergency is no source", func(e *content.Edition) {
			e.Emergency.Unverified = "no source"
		}, "Sources\u00a0: Guide pratique sextorsion (juin 2025) · Vérifié le 24/11/2026 · awarekit tests", []string{"directive"}},
	} {
		e := *base
		e.Contacts = append([]content.Contact(nil), base.Contacts...)
		e.Sources = append([]content.Source(nil), base.Sources...)
		tc.edit(&e)
		pg, err := Layout(fonts(t), Job{Edition: &e, Design: design, Size: "a4", I18n: tr})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		// The footer may take two lines (a narrow footer beside the site
		// band): its runs are read as one text, a space between lines.
		var runs []string
		for _, tx := range pg.Texts {
			runs = append(runs, tx.Text)
		}
		text := strings.Join(runs, " ")
		if !strings.Contains(text, tc.want) {
			t.Errorf("%s: the footer lacks %q:\n%s", tc.name, tc.want, text)
		}
		for _, a := range tc.absent {
			if strings.Contains(text, a) {
				t.Errorf("%s: the poster says %q:\n%s", tc.name, a, text)
			}
		}
		// FooterLine (the peers' exporter) gives the same line, with the
		// language's dates and typography.
		if got := FooterLine(Job{Edition: &e, Design: design, Size: "a4", I18n: tr}); !strings.Contains(got, tc.want) {
			t.Errorf("%s: FooterLine is %q, the poster prints %q", tc.name, got, tc.want)
		}
	}
}
