package build

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/awarekit/awarekit/kit/bundle"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/manifest"
)

// kitEntries returns what an edition's zip holds at its root besides
// manifest.json: the README in the edition's language and the documents
// (kind: document, the distribution guide), and the files left for
// posters/.
func (k *Kit) kitEntries(out string, e *content.Edition, files []manifest.File) ([]bundle.Entry, []manifest.File, error) {
	docs := map[string]bool{}
	for _, d := range k.Designs {
		docs[d.ID] = d.Kind == "document"
	}
	var rest []manifest.File
	var entries []bundle.Entry
	guide := ""
	for _, f := range files {
		if !docs[f.Design] || f.Kind != "poster-pdf" {
			rest = append(rest, f)
			continue
		}
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(f.Path)))
		if err != nil {
			return nil, nil, err
		}
		f.Path = path.Base(f.Path)
		if guide == "" {
			guide = f.Path
		}
		entries = append(entries, bundle.Entry{File: f, Data: b})
	}
	readme := k.readme(e, guide).Text()
	entries = append(entries, bundle.Entry{File: manifest.File{Path: "README.txt", Kind: "readme"}, Data: readme})
	return entries, rest, nil
}

// readme composes the README from the edition's interface strings (i18n/)
// and its data: what the kit holds, what to print where, where the site
// is, and the sources its facts come from.
func (k *Kit) readme(e *content.Edition, guide string) bundle.Readme {
	tr := k.I18n[e.Code]
	site := layout.SiteURL(k.BaseURL, e.Code)
	fill := strings.NewReplacer("{edition}", e.RegionName+" ("+e.LanguageName+")", "{guide}", guide)
	// Typography first, then the names and addresses, which it must not touch.
	t := func(key string) string {
		v, ok := tr[key]
		if !ok {
			v = key
		}
		return fill.Replace(k.locale(e).Apply(v))
	}
	r := bundle.Readme{Title: t("readme_title"), Intro: []string{t("readme_intro")}}
	if e.Draft() {
		r.Intro = append(r.Intro, t("guide_draft"))
	}
	contents := bundle.Section{Heading: t("readme_contents")}
	if guide != "" {
		contents.Items = append(contents.Items, t("readme_file_guide"))
	}
	contents.Items = append(contents.Items, t("readme_file_posters"), t("readme_file_manifest"))
	r.Sections = append(r.Sections, contents)

	what := bundle.Section{Heading: t("guide_what")}
	for _, d := range k.Designs {
		if d.Kind == "document" {
			continue
		}
		var sizes, names []string
		for _, s := range d.Sizes {
			sizes = append(sizes, strings.ToUpper(s))
			if s == "card" {
				sizes[len(sizes)-1] = "85 × 55 mm"
			}
			names = append(names, "posters/"+d.ID+"-"+s+".pdf")
		}
		label := t("readme_files")
		if len(names) == 1 {
			label = t("readme_file")
		}
		what.Items = append(what.Items, t("design_"+d.ID)+" ("+strings.Join(sizes, ", ")+") – "+t("where_"+d.ID)+" "+label+" "+strings.Join(names, ", "))
	}
	r.Sections = append(r.Sections, what)

	if site != "" {
		r.Sections = append(r.Sections, bundle.Section{Heading: t("readme_site"), Text: []string{
			t("readme_site_text") + " " + site,
			t("guide_download") + " " + site + "downloads/",
		}})
	}

	src := bundle.Section{Heading: t("readme_sources"), Text: []string{t("readme_sources_text")}}
	for _, s := range e.Sources {
		item := k.locale(e).Apply(s.Title)
		if s.Publisher != "" {
			item += " – " + k.locale(e).Apply(s.Publisher)
		}
		if s.Date != "" {
			item += " (" + s.Date + ")"
		}
		if s.URL != "" {
			item += " " + s.URL
		}
		src.Items = append(src.Items, item)
	}
	r.Sections = append(r.Sections, src)
	return r
}
