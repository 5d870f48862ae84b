package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/testkit"
)

// TestRightToLeft builds the site of the bundled fr-FR and ar-FR editions
// (their real texts; poster stand-ins, so that no poster is laid out) and
// checks the Arabic pages: lang and dir="rtl" on every page, the French
// ones dir="ltr"; the picker and the footer name each edition in its own
// language and direction; the draft banner in Arabic; French sources
// isolated (dir="auto") inside the Arabic text; and assets/site.css uses
// logical properties only, so that nothing needs an RTL rule of its own.
// AWAREKIT_SITE_OUT_RTL=DIR writes the site there, for test/browser.
func TestRightToLeft(t *testing.T) {
	set, err := content.Load(os.DirFS(filepath.Join(testkit.Root(), "data")), "data")
	if err != nil {
		t.Fatal(err)
	}
	var eds []*content.Edition
	for _, code := range []string{"fr-FR", "ar-FR"} {
		e := set.Edition(code)
		if e == nil {
			t.Fatalf("no %s edition in data/", code)
		}
		eds = append(eds, e)
	}
	out := buildEditions(t, eds, "AWAREKIT_SITE_OUT_RTL")
	ps := pages(t, out)

	htmlTag := regexp.MustCompile(`<html [^>]*>`)
	n := 0
	for name, html := range ps {
		code, _, _ := strings.Cut(name, "/")
		want := map[string]string{"ar-FR": `<html lang="ar-FR" dir="rtl">`, "fr-FR": `<html lang="fr-FR" dir="ltr">`}[code]
		if want == "" {
			continue
		}
		n++
		if got := htmlTag.FindString(html); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
		if code == "ar-FR" && !strings.Contains(html, `<div class="draft" role="note"><strong>مسودة – لم يتم التحقق منها</strong>`) {
			t.Errorf("%s: no Arabic draft banner", name)
		}
	}
	if n < 20 {
		t.Fatalf("only %d pages of fr-FR and ar-FR", n)
	}

	home := ps["ar-FR/index.html"]
	for _, want := range []string{
		"هل تحتاج إلى مساعدة الآن؟",                                                       // home_heading
		"(تجيب الجهات باللغة الفرنسية)",                                                   // ar-FR.yaml: the services answer in French
		`class="exit" id="quick-exit" href="https://meteofrance.com/"`,                    // the quick exit, in the bar
		`<a href="/fr-FR/" hreflang="fr-FR" lang="fr-FR" dir="ltr">Français (France)</a>`, // footer: the region's other language
	} {
		if !strings.Contains(home, want) {
			t.Errorf("ar-FR/index.html lacks %s", want)
		}
	}
	if fr := ps["fr-FR/index.html"]; !strings.Contains(fr, `<a href="/ar-FR/" hreflang="ar-FR" lang="ar-FR" dir="rtl">العربية (فرنسا) (مسودة)</a>`) {
		t.Errorf("fr-FR/index.html: the footer does not link ar-FR in Arabic, right to left")
	}
	// The picker: every edition in its own language and direction.
	for _, want := range []string{
		`<a href="/ar-FR/" hreflang="ar-FR" lang="ar-FR" dir="rtl">فرنسا – العربية <span class="tag">مسودة</span></a>`,
		`<a href="/fr-FR/" hreflang="fr-FR" lang="fr-FR" dir="ltr">France – Français</a>`,
	} {
		if !strings.Contains(ps["index.html"], want) || !strings.Contains(ps["ar-FR/editions/index.html"], want) {
			t.Errorf("the picker lacks %s", want)
		}
	}
	// A French name and a web address inside Arabic text read as written:
	// isolated (bdi), as the posters set them.
	for _, want := range []string{
		`<p class="meta"><bdi>119 – Allô enfance en danger</bdi> · <bdi>`,
		`<bdi dir="ltr">https://www.internet-signalement.gouv.fr/PharosS1/</bdi>.`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("ar-FR/index.html lacks %s", want)
		}
	}
	if c := ps["ar-FR/contacts/index.html"]; !strings.Contains(c, "<h2><bdi>119 – Allô enfance en danger</bdi></h2>") {
		t.Errorf("ar-FR/contacts: a contact's name is not isolated (<bdi>)")
	}
	if strings.Contains(ps["fr-FR/index.html"], `<bdi dir="ltr">`) {
		t.Errorf("fr-FR/index.html: an address isolated in a left-to-right page")
	}
	// A French source inside an Arabic page reads left to right on its own.
	if what := ps["ar-FR/what-is/index.html"]; !strings.Contains(what, `<li lang="fr" dir="auto">`) {
		t.Errorf("ar-FR/what-is: its French sources are not isolated (lang=\"fr\" dir=\"auto\")")
	}

	css, err := os.ReadFile(filepath.Join(testkit.Root(), "assets", "site.css"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range physical(string(css)) {
		t.Errorf("assets/site.css: %s (use a logical property: margin-inline-start, inset-inline-end, text-align: start…)", p)
	}
}

// physical lists the physical (left/right) rules of a style sheet: a left or
// right keyword or property, or a four-value margin, padding or inset whose
// right and left values differ.
func physical(css string) []string {
	css = regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(css, "")
	var bad []string
	for _, m := range regexp.MustCompile(`(?i)[a-z-]*\b(left|right)\b[a-z-]*`).FindAllString(css, -1) {
		bad = append(bad, m)
	}
	four := regexp.MustCompile(`\b(margin|padding|inset|border-width|border-radius)\s*:\s*([^\s;}]+)\s+([^\s;}]+)\s+([^\s;}]+)\s+([^\s;}]+)\s*[;}]`)
	for _, m := range four.FindAllStringSubmatch(css, -1) {
		if m[3] != m[5] {
			bad = append(bad, strings.TrimSpace(m[0]))
		}
	}
	return bad
}

func TestPhysical(t *testing.T) {
	for _, tc := range []struct {
		css  string
		want int
	}{
		{".a { margin-inline-start: 1rem; text-align: start; float: inline-end }", 0},
		{"/* left and right in a comment */ .a { inset-inline: 0 }", 0},
		{".a { margin-left: 1rem }", 1},
		{".a { float: right; text-align: left }", 2},
		{".a { margin: 0 0 0.5rem 0.75rem; }", 1},
		{".a { padding: 0.375rem 0.75rem 0 0.75rem }", 0},
	} {
		if got := physical(tc.css); len(got) != tc.want {
			t.Errorf("physical(%q) = %q, want %d", tc.css, got, tc.want)
		}
	}
}

// TestIsolateAddresses: in a right-to-left page each web address becomes
// a span of its own, marked LTR, without the punctuation after it.
func TestIsolateAddresses(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"زوروا https://www.e-enfance.org/aide/. شكرا", "زوروا |[https://www.e-enfance.org/aide/]|. شكرا"},
		{"www.3018.fr, ou https://pharos.fr", "[www.3018.fr]|, ou |[https://pharos.fr]"},
		{"sans adresse", "sans adresse"},
		{"(https://a.fr)", "(|[https://a.fr]|)"},
		{"زوروا www.3018.fr، ثم", "زوروا |[www.3018.fr]|، ثم"},
	} {
		var got []string
		for _, sp := range isolateAddresses([]span{{Text: c.in}}) {
			if sp.LTR {
				got = append(got, "["+sp.Text+"]")
			} else {
				got = append(got, sp.Text)
			}
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%q: %q, want %q", c.in, g, c.want)
		}
	}
}
