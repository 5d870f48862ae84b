package content_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/testkit"
)

func day(s string) time.Time { return content.MustDate(s).Time() }

// TestStale: the fixture's PHAROS was verified on 2026-11-24; its 3018
// rests on seed-002 (2025-06) alone; its 112 rests on a legal act, which
// does not go stale by age.
func TestStale(t *testing.T) {
	set, err := content.Load(os.DirFS(filepath.Join(testkit.Root(), "testdata", "valid")), "data")
	if err != nil {
		t.Fatal(err)
	}
	ver := "data/fr-FR/contacts.yaml:11:26: contacts[0].verification.date: PHAROS was verified on 2026-11-24, more than 12 months ago: check it again (awarekit verify) and record the new verification"
	src1 := "data/fr-FR/edition.yaml:19:11: sources[0].date: source seed-002 is dated 2025-06, more than 24 months ago, and 1 fact rests on it alone (3018): check them against the live services (awarekit verify) or a newer edition of the source"
	src2 := "data/fr-FR/edition.yaml:19:11: sources[0].date: source seed-002 is dated 2025-06, more than 24 months ago, and 2 facts rest on it alone (PHAROS, 3018): check them against the live services (awarekit verify) or a newer edition of the source"
	for _, tc := range []struct {
		now  string
		want []string
	}{
		{"2026-12-01", nil},
		{"2027-06-30", nil},                 // 2025-06 means up to 2025-06-30: 24 months later, still fresh
		{"2027-07-01", []string{src1}},      // the source is stale; PHAROS is verified, so only 3018 rests on it
		{"2027-11-24", []string{src1}},      // 12 months to the day: the verification still holds
		{"2027-11-25", []string{ver, src2}}, // the verification is stale: PHAROS rests on its source again
		{"2040-01-01", []string{ver, src2}}, // the 112 rests on a legal act: never stale by age
	} {
		var gs []string
		for _, p := range set.Stale(day(tc.now)) {
			gs = append(gs, p.String())
		}
		if strings.Join(gs, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("now %s:\n got %q\nwant %q", tc.now, gs, tc.want)
		}
	}
}

func TestParseSourceDate(t *testing.T) {
	for _, tc := range []struct{ in, last, err string }{
		{"2024", "2024-12-31", ""},
		{"2024-03", "2024-03-31", ""},
		{"2024-02", "2024-02-29", ""},
		{"2025-12-17", "2025-12-17", ""},
		{"2024-13", "", `"2024-13" has no month 13`},
		{"2024-00", "", `"2024-00" has no month 00`},
		{"2025-02-30", "", `"2025-02-30" is not a day of the calendar`},
		{"mars 2024", "", `"mars 2024" is not a date such as 2024, 2024-03 or 2024-03-15`},
	} {
		d, err := content.ParseSourceDate(tc.in)
		switch {
		case tc.err != "":
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s: error %v, want %s", tc.in, err, tc.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tc.in, err)
		case d.Last().Format(time.DateOnly) != tc.last:
			t.Errorf("%s: last day %s, want %s", tc.in, d.Last().Format(time.DateOnly), tc.last)
		}
	}
}
