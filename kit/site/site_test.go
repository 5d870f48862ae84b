package site

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/manifest"
	"github.com/awarekit/awarekit/kit/testkit"
)

// fixture returns the valid edition (fr-FR, published) and a draft copy of
// it presented as fr-LU, so that translations and the draft banner show.
func fixture(t testing.TB) []*content.Edition {
	t.Helper()
	dir := filepath.Join(testkit.Root(), "testdata", "valid")
	set, err := content.Load(os.DirFS(dir), "testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	fr := set.Edition("fr-FR")
	lu := *fr
	lu.Code, lu.Region, lu.RegionName, lu.Status = "fr-LU", "LU", "Luxembourg", content.StatusDraft
	lu.QuickExitURL = "https://www.meteolux.lu/"
	// German, to check that the German strings are complete.
	de := lu
	de.Code, de.Language, de.LanguageName, de.Status = "de-LU", "de", "Deutsch", content.StatusPublished
	return []*content.Edition{fr, &lu, &de}
}

// buildFixture builds the site of the fixture into a temporary output that
// already holds one poster per edition, as the build would.
func buildFixture(t *testing.T) (string, []*content.Edition) {
	t.Helper()
	eds := fixture(t)
	return buildEditions(t, eds, "AWAREKIT_SITE_OUT"), eds
}

// buildEditions builds the site of eds into a temporary output that
// already holds one poster per edition, or into the folder named by the
// environment variable env, when set, to look at it (test/browser).
func buildEditions(t *testing.T, eds []*content.Edition, env string) string {
	t.Helper()
	out := t.TempDir()
	if d := os.Getenv(env); d != "" { // to look at the result
		out = d
		os.RemoveAll(out)
	}
	files := map[string][]manifest.File{}
	for _, e := range eds {
		for _, f := range []manifest.File{
			{Path: e.Code + "/posters/la-sextorsion-a4.pdf", Kind: "poster-pdf", Design: "la-sextorsion", Size: "a4", Variant: "office"},
			{Path: e.Code + "/posters/la-sextorsion-a4.png", Kind: "poster-png", Design: "la-sextorsion", Size: "a4"},
			{Path: e.Code + "/posters/la-sextorsion-a4-thumb.png", Kind: "thumbnail", Design: "la-sextorsion", Size: "a4"},
			{Path: e.Code + "/posters/accueil-a4.pdf", Kind: "poster-pdf", Design: "accueil", Size: "a4", Variant: "office"},
			{Path: e.Code + "/posters/bons-reflexes-carte-card.pdf", Kind: "poster-pdf", Design: "bons-reflexes-carte", Size: "card", Variant: "office"},
			{Path: e.Code + "/posters/bons-reflexes-carte-card-bleed.pdf", Kind: "poster-pdf", Design: "bons-reflexes-carte", Size: "card", Variant: "bleed"},
		} {
			name := filepath.Join(out, filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				t.Fatal(err)
			}
			b := []byte("poster " + f.Path)
			if strings.HasSuffix(f.Path, ".png") {
				var buf bytes.Buffer
				if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 28, 40))); err != nil {
					t.Fatal(err)
				}
				b = buf.Bytes()
			}
			if err := os.WriteFile(name, b, 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := manifest.Describe(out, f)
			if err != nil {
				t.Fatal(err)
			}
			files[e.Code] = append(files[e.Code], f)
		}
	}
	job := kitset.SiteJob{Out: out, Editions: eds, All: eds, Files: files}
	if err := Build(job, Options{}); err != nil {
		t.Fatal(err)
	}
	return out
}

func pages(t *testing.T, out string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestBuild(t *testing.T) {
	out, eds := buildFixture(t)
	ps := pages(t, out)
	var names []string
	for n := range ps {
		names = append(names, n)
	}
	slices.Sort(names)
	t.Logf("pages:\n%s", strings.Join(names, "\n"))

	// Every page of every edition, and the picker at the root.
	want := []string{"index.html", "404.html"}
	for _, e := range eds {
		want = append(want, e.Code+"/index.html", e.Code+"/404.html")
		for _, s := range append(slices.Clone(content.RequiredPages), "contacts", "advice", "myths", "downloads", "safety", "editions", "personalise") {
			want = append(want, e.Code+"/"+s+"/index.html")
		}
	}
	for _, w := range want {
		if _, ok := ps[w]; !ok {
			t.Errorf("missing page %s", w)
		}
	}
	if t.Failed() {
		return
	}
	for _, name := range names {
		html := ps[name]
		code := strings.SplitN(name, "/", 2)[0]
		root := !strings.Contains(name, "/") // the picker, the root's 404 page
		if root {
			code = "fr-FR"
		}
		draft := code == "fr-LU" && !root
		notFound := strings.HasSuffix(name, "404.html")
		lang := code
		checks := []struct {
			what string
			ok   bool
		}{
			{"lang attribute", strings.Contains(html, `<html lang="`+lang+`" dir="ltr">`)},
			{"quick exit", strings.Contains(html, `id="quick-exit"`) && strings.Contains(html, `data-quick-exit`)},
			{"CSP meta", strings.Contains(html, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self';`) ||
				// The personalise page compiles its engine and fetches it and content.json from the site.
				strings.HasSuffix(name, "/personalise/index.html") && strings.Contains(html, `content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self';`)},
			{"no inline script", !regexp.MustCompile(`<script>|<script [^>]*>[^<]`).MatchString(html)},
			{"skip link", strings.Contains(html, `href="#main"`)},
			{"draft banner", strings.Contains(html, `class="draft"`) == draft},
			// hreflang alternates: the published editions only.
			{"hreflang", notFound || strings.Contains(html, `<link rel="alternate" hreflang="fr-FR"`) && strings.Contains(html, `<link rel="alternate" hreflang="de-LU"`) && !strings.Contains(html, `<link rel="alternate" hreflang="fr-LU"`)},
			{"noindex on drafts and 404 pages only", strings.Contains(html, `<meta name="robots" content="noindex">`) == (draft || notFound)},
			// The footer offers the page in the region's other languages only.
			{"translations in the region", root || footerLinks(html, "fr-FR") == 0 && footerLinks(html, "fr-LU") == b2i(code == "de-LU") && footerLinks(html, "de-LU") == b2i(code == "fr-LU")},
		}
		for _, c := range checks {
			if !c.ok {
				t.Errorf("%s: %s", name, c.what)
			}
		}
		// Nothing loaded from another host: every src, and every href but
		// the links a visitor follows (<a>), stays on the site.
		for _, m := range regexp.MustCompile(`<(\w+)[^>]*?\s(?:src|href)="([^"]*)"`).FindAllStringSubmatch(html, -1) {
			tag, u := m[1], m[2]
			if tag == "a" {
				continue
			}
			if strings.Contains(u, "//") || strings.HasPrefix(u, "data:") {
				t.Errorf("%s: <%s> loads %s", name, tag, u)
			}
		}
		// Internal links resolve to a file of the output.
		for _, m := range regexp.MustCompile(`\s(?:src|href)="(/[^"#?]*)`).FindAllStringSubmatch(html, -1) {
			p := filepath.Join(out, filepath.FromSlash(m[1]))
			if strings.HasSuffix(m[1], "/") {
				p = filepath.Join(p, "index.html")
			}
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s: broken link %s", name, m[1])
			}
		}
	}
	home := ps["fr-FR/index.html"]
	if !strings.Contains(home, `href="tel:3018"`) || !strings.Contains(home, `href="tel:112"`) {
		t.Errorf("home: no tel: links:\n%s", home)
	}
	if strings.Index(home, `href="tel:3018"`) > strings.Index(home, `class="steps"`) {
		t.Errorf("home: the hotlines do not come before the reflexes")
	}
	// The 404 page: the emergency number and the hotlines, in the
	// edition's language; the root's is the default edition's.
	for _, name := range []string{"fr-FR/404.html", "404.html"} {
		p := ps[name]
		if !strings.Contains(p, `href="tel:3018"`) || !strings.Contains(p, `href="tel:112"`) || !strings.Contains(p, "Cette page n’existe pas") || !strings.Contains(p, "<title>Page introuvable") {
			t.Errorf("%s: not the 404 page with the numbers:\n%s", name, p)
		}
	}
	if !strings.Contains(ps["de-LU/404.html"], "Diese Seite gibt es nicht") {
		t.Errorf("de-LU/404.html: not in German")
	}
	if !strings.Contains(ps["fr-FR/contacts/index.html"], `href="tel:3018"`) {
		t.Errorf("contacts: no tel: link")
	}
	// Downloads: by audience, one name per design (design_<id>), the
	// officers' sheet marked internal, the card for a print shop (its
	// print-shop file first), the PNG a preview, lazy thumbnails with
	// their size, the fingerprints folded away.
	dl := ps["fr-FR/downloads/index.html"]
	for _, want := range []string{
		`<h2 id="group-young">Pour les jeunes</h2>`, `<h2 id="group-professionals">Pour les professionnels</h2>`,
		`<h3>La sextorsion</h3>`, `<h3>Les bons réflexes (carte de poche)</h3>`,
		`<h3>Accueillir un mineur victime</h3><p class="tag-internal">Usage interne – pas pour l’affichage public</p>`,
		`<img src="/fr-FR/posters/la-sextorsion-a4-thumb.png" alt="" width="28" height="40" loading="lazy"`,
		`href="/fr-FR/posters/la-sextorsion-a4.pdf" download>Télécharger A4, imprimante de bureau, PDF</a>`,
		`download>Aperçu A4, image PNG pour l’écran (pas pour imprimer)</a>`,
		`download>Télécharger carte de poche (85 × 55 mm), pour l’imprimeur`,
		`<details class="hashes"><summary>Empreintes SHA-256</summary>`,
	} {
		if !strings.Contains(dl, want) {
			t.Errorf("downloads: no %s", want)
		}
	}
	if strings.Index(dl, "group-young") > strings.Index(dl, "group-professionals") {
		t.Errorf("downloads: the groups are not in order")
	}
	if strings.Index(dl, "carte-card-bleed.pdf") > strings.Index(dl, "carte-card.pdf") {
		t.Errorf("downloads: the card's print-shop file is not first")
	}
	if folded := regexp.MustCompile(`(?s)<details.*?</details>`).ReplaceAllString(dl, ""); strings.Contains(folded, "<code>") {
		t.Errorf("downloads: a fingerprint outside <details>")
	}
	if !strings.Contains(home, `https://meteofrance.com/`) || !strings.Contains(ps["fr-LU/index.html"], `https://www.meteolux.lu/`) {
		t.Errorf("quick exit: not the edition's URL")
	}
	if de := ps["de-LU/index.html"]; !strings.Contains(de, "Seite verlassen") || !strings.Contains(de, "Brauchst du jetzt Hilfe?") {
		t.Errorf("de-LU: not in German")
	}
	if fr := ps["fr-FR/index.html"]; !strings.Contains(fr, "maintenant\u202f?") {
		t.Errorf("fr-FR: no narrow no-break space before ?")
	}
	// The picker marks the draft with a word, in its language.
	if !regexp.MustCompile(`<a href="/fr-LU/" hreflang="fr-LU" lang="fr-LU" dir="ltr">[^<]*<span class="tag">brouillon</span></a>`).MatchString(ps["index.html"]) {
		t.Errorf("picker: the draft is not marked:\n%s", ps["index.html"])
	}
	if n := strings.Count(ps["index.html"], `<span class="tag">`); n != 1 {
		t.Errorf("picker: a published edition marked as a draft")
	}
	// Drafts are out of the sitemaps.
	if _, err := os.Stat(filepath.Join(out, "fr-LU", "sitemap.xml")); err == nil {
		t.Errorf("fr-LU, a draft, has a sitemap")
	}
	if idx, _ := os.ReadFile(filepath.Join(out, "sitemap.xml")); strings.Contains(string(idx), "fr-LU") || !strings.Contains(string(idx), "de-LU/sitemap.xml") {
		t.Errorf("sitemap index:\n%s", idx)
	}
	for _, f := range []string{"sitemap.xml", "fr-FR/sitemap.xml", "fr-FR/assets/site.css", "fr-FR/assets/quick-exit.js", "fr-LU/assets/fonts/lato-regular.woff2"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
}

// A kit folder overrides the embedded layouts file by file, and a language
// file without the site's strings fails the build naming them.
func TestKitFolder(t *testing.T) {
	eds := fixture(t)[:1]
	kit := t.TempDir()
	write := func(name, s string) {
		p := filepath.Join(kit, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("layouts/safety.html", `{{ define "main" }}<p>our own safety page</p>{{ end }}`)
	out := t.TempDir()
	job := kitset.SiteJob{Out: out, Editions: eds, All: eds}
	if err := Build(job, Options{Root: kit}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "fr-FR", "safety", "index.html"))
	if err != nil || !strings.Contains(string(b), "our own safety page") || !strings.Contains(string(b), `id="quick-exit"`) {
		t.Errorf("the kit's layout was not used (err %v):\n%s", err, b)
	}

	write("i18n/fr.yaml", "advice_heading: A\nmyths_heading: B\nmyth_label: C\nreality_label: D\ncontacts_heading: E\nverified_on: F\nsources_label: S\nnot_verified: N\nguide_sources: Q\nguide_verified: V\ndraft_mark: G\nemergency: H\nneed_urgent: U\nneed_remove: R\nneed_report: P\nneed_talk: T\nneed_other: O\n")
	err = Build(kitset.SiteJob{Out: t.TempDir(), Editions: eds, All: eds}, Options{Root: kit})
	if err == nil || !strings.Contains(err.Error(), "missing the site's keys site_name, skip_to_content") {
		t.Errorf("got %v, want the missing keys named", err)
	}
}

func BenchmarkBuild(b *testing.B) {
	eds := fixture(b)
	for b.Loop() {
		out := b.TempDir()
		if err := Build(kitset.SiteJob{Out: out, Editions: eds, All: eds}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// Building one edition still links the others (they are in the output
// from an earlier build), and writes only that edition's folder.
func TestPartialBuild(t *testing.T) {
	eds := fixture(t)
	out := t.TempDir()
	if err := Build(kitset.SiteJob{Out: out, Editions: eds[2:], All: eds}, Options{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "de-LU", "contacts", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<link rel="alternate" hreflang="fr-FR" href="/fr-FR/contacts/"`, `href="/fr-LU/contacts/" hreflang="fr-LU"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("de-LU/contacts: no %s", want)
		}
	}
	for _, code := range []string{"fr-FR", "fr-LU"} {
		if _, err := os.Stat(filepath.Join(out, code)); err == nil {
			t.Errorf("%s written by a build of de-LU", code)
		}
	}
}

func TestCallable(t *testing.T) {
	v := &edition{Contacts: []contact{{Phone: &phone{Dial: "3018", Display: "3018"}}, {Phone: &phone{Dial: "0805805817", Display: "0805\u00a0805\u00a0817"}}}}
	got := callable("Appelle le **3018** ou le **0805\u00a0805\u00a0817**, pas le **119** ; [**3018**](tel:3018) déjà lié.", v)
	want := "Appelle le [**3018**](tel:3018) ou le [**0805\u00a0805\u00a0817**](tel:0805805817), pas le **119** ; [**3018**](tel:3018) déjà lié."
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// footerLinks counts the links to edition code in the page's
// translations list.
func footerLinks(html, code string) int {
	_, nav, ok := strings.Cut(html, `<nav class="translations"`)
	if !ok {
		return 0
	}
	nav, _, _ = strings.Cut(nav, "</nav>")
	return strings.Count(nav, `hreflang="`+code+`"`)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
