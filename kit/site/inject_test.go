package site

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/kitset"
)

// The templates are safe even when check missed hostile data: HTML in a
// contact's phone display, in a purpose and in an interface string comes
// out escaped; a page's links get an href only for https:, mailto:, tel:
// and the site itself; raw HTML in a page is never rendered.
func TestHostileData(t *testing.T) {
	const meta = `<meta http-equiv="refresh" content="0;url=https://evil.example/">`
	fr := *fixture(t)[0]
	fr.Contacts = append([]content.Contact(nil), fr.Contacts...)
	var hit bool
	for i, c := range fr.Contacts {
		if c.Phone != nil && !hit {
			p := *c.Phone
			p.Display = "3018" + meta
			p.Dial = "3018\"><script>x</script>"
			fr.Contacts[i].Phone = &p
			fr.Contacts[i].Purpose = "**Aide** " + meta + " <b>gras</b>"
			hit = true
		}
	}
	if !hit {
		t.Fatal("the fixture has no contact with a phone")
	}
	fr.Pages = append([]content.Page(nil), fr.Pages...)
	fr.Pages[0].Body += "\n\n[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [data](data:text/html,x) [vb](vbscript:x) " +
		"[file](file:///etc/passwd) [http](http://plain.example/) [proto](//evil.example/) [back](/\\evil.example/) " +
		"[badtel](tel:3018;x=1) [ok-https](https://www.example.org/) [ok-mail](mailto:aide@example.org) " +
		"[ok-tel](tel:+33123) [ok-site](/contacts/) [ok-rel](../law/) [ok-frag](#haut)\n\n" +
		"![img](https://evil.example/x.png) ![jsimg](javascript:alert(1))\n\n" +
		meta + "\n\n<script>alert(1)</script>\n\nfin <b onclick=\"x\">inline</b>\n"

	eds := []*content.Edition{&fr}
	kit, err := kitset.Load("", eds)
	if err != nil {
		t.Fatal(err)
	}
	kit.I18n[fr.Code]["call"] = "Appeler " + meta
	out := t.TempDir()
	job := kitset.SiteJob{Out: out, Editions: eds, All: eds, Kit: kit}
	if err := Build(job, Options{}); err != nil {
		t.Fatal(err)
	}
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	metaTag := regexp.MustCompile(`(?i)<meta[^>]+refresh`)
	for _, p := range []string{"fr-FR/contacts/index.html", "fr-FR/index.html", "fr-FR/" + fr.Pages[0].Slug + "/index.html"} {
		page := read(p)
		if m := metaTag.FindString(page); m != "" {
			t.Errorf("%s: an injected tag reached the page: %s", p, m)
		}
		if strings.Contains(page, "<script>") || strings.Contains(page, "<b>") || strings.Contains(page, "<b ") {
			t.Errorf("%s: raw HTML reached the page", p)
		}
	}
	contacts := read("fr-FR/contacts/index.html")
	for _, want := range []string{
		`3018&lt;meta http-equiv=&#34;refresh&#34;`,                 // phone.display
		`Appeler &lt;meta http-equiv=&#34;refresh&#34;`,             // the interface string "call"
		`<strong>Aide</strong> &lt;meta`, `&lt;b&gt;gras&lt;/b&gt;`, // bold from the spans, the rest escaped
		`href="tel:3018"`, // the dial digits only
	} {
		if !strings.Contains(contacts, want) {
			t.Errorf("contacts: no %s", want)
		}
	}

	page := read("fr-FR/" + fr.Pages[0].Slug + "/index.html")
	hrefs := map[string]string{}
	for _, m := range regexp.MustCompile(`<a href="([^"]*)"[^>]*>([^<]*)</a>`).FindAllStringSubmatch(page, -1) {
		hrefs[m[2]] = html.UnescapeString(m[1])
	}
	for text, want := range map[string]string{
		"ok-https": "https://www.example.org/", "ok-mail": "mailto:aide@example.org", "ok-tel": "tel:+33123",
		"ok-site": "/fr-FR/contacts/", "ok-rel": "../law/", "ok-frag": "#haut",
	} {
		if hrefs[text] != want {
			t.Errorf("page: link %q: href %q, want %q", text, hrefs[text], want)
		}
	}
	for _, text := range []string{"js", "JS", "data", "vb", "file", "http", "proto", "back", "badtel"} {
		if h, ok := hrefs[text]; ok {
			t.Errorf("page: link %q got an href: %q", text, h)
		}
		if !strings.Contains(page, " "+text+" ") && !strings.Contains(page, ">"+text+" ") {
			t.Errorf("page: link %q: its text is not shown", text)
		}
	}
	if strings.Contains(page, `<img src="https`) || strings.Contains(page, `<img src="javascript`) || !strings.Contains(page, "<p>img jsimg</p>") {
		t.Errorf("page: an image from another host or a script URL was rendered:\n%s", page)
	}
	if strings.Contains(strings.ToLower(page), "javascript:") || strings.Contains(page, "evil.example") {
		t.Errorf("page: a hostile destination reached the page")
	}
}

// No layout marks a value as safe HTML, URL, attribute or script: every
// value is escaped by html/template.
func TestLayoutsTrustNothing(t *testing.T) {
	bad := regexp.MustCompile(`\bsafe(HTML|HTMLAttr|URL|JS|JSStr|CSS)\b`)
	err := fs.WalkDir(awarekit.Site, "layouts", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(awarekit.Site, name)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			if m := bad.FindString(line); m != "" {
				t.Errorf("%s:%d: %s", name, i+1, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
