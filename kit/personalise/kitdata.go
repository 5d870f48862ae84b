package personalise

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/local"
)

// KitFile is the name of the file the build writes beside the engine in
// each edition's personalise/ folder: KitData as JSON.
const KitFile = "kit.json"

// KitData is what the engine needs of the kit besides the edition: the
// decoded designs and the edition's interface strings, as the build loaded
// and checked them (kit/kitset: the kit folder over the embedded
// defaults). So the page personalises the posters the build made, with a
// kit folder's own designs and strings, and the browser decodes no string
// file nor checks again what the build checked.
type KitData struct {
	// Designs are the kit's designs as the build decoded and checked them
	// (layout.LoadDesigns), in its order: the engine reads them without
	// YAML and finishes them with layout.FinishDesign (parsed colours, the
	// same checks).
	Designs []*layout.Design `json:"designs"`
	// Strings are the edition's merged interface strings (fr, then fr-LU).
	Strings map[string]string `json:"strings"`
	// Locale is the text of the edition language's locale file
	// (i18n/locale/<lang>.yaml, the kit folder's own if it has one): its
	// typography, dates and direction, read by the engine as the build
	// reads it.
	Locale string `json:"locale"`
	// Room lists, per personalisable design, the sizes on which the
	// page's example block (Example) leaves the edition's official text
	// room to fit (Room): the page offers only those, so that nobody
	// fills a form for a poster that cannot take a local block. Nil
	// (a kit.json without it): every size.
	Room map[string][]string `json:"room"`
	// SiteURL is the edition's site as the build's posters print it
	// (layout.SiteURL: https://…/fr-FR/), "" when the build had no
	// absolute base URL: a personalised poster leads to the site as the
	// official one does.
	SiteURL string `json:"site_url,omitempty"`
}

// Example is the local block the page shows until a name is typed (the
// placeholders of its name and role fields, perso_example_name and
// perso_example_role), nil when the strings have no example name.
func Example(strs map[string]string, region string) *local.Block {
	v := map[string]string{local.FieldName: strs["perso_example_name"], local.FieldRole: strs["perso_example_role"]}
	if strings.TrimSpace(v[local.FieldName]) == "" {
		return nil
	}
	blk, errs := local.Parse(v, nil, region)
	if errs != nil {
		return nil
	}
	return blk
}

// Room returns, per personalisable design of the kit (its documents
// left out, as the page does), the sizes on which the edition's example
// local block (Example) fits, on a poster leading to siteURL: the edition's official texts still fit
// their boxes, at their readable sizes, beside a block of two lines.
// A design with no such size is left out. Nil when the edition's strings
// have no example.
func Room(k *kitset.Kit, e *content.Edition, siteURL string) map[string][]string {
	strs := k.I18n[e.Code]
	blk := Example(strs, e.Region)
	if blk == nil {
		return nil
	}
	room := map[string][]string{}
	for _, d := range k.Designs {
		if !d.Personalisable() || d.Kind == "document" {
			continue
		}
		for _, z := range d.Sizes {
			j := layout.Job{Edition: e, Design: d, Size: z, I18n: strs, Designs: k.Designs, Local: blk, Locale: k.Locale(e.Language), SiteURL: siteURL}
			if _, err := Poster(k.Fonts, j); err == nil {
				room[d.ID] = append(room[d.ID], z)
			}
		}
	}
	return room
}

// KitJSON is the KitData of edition e of a loaded kit, as JSON (keys
// sorted: the same kit gives the same bytes); siteURL is the edition's
// site as the build's posters print it ("" for none).
func KitJSON(k *kitset.Kit, e *content.Edition, siteURL string) ([]byte, error) {
	code := e.Code
	m, ok := k.I18n[code]
	if !ok {
		return nil, fmt.Errorf("the kit holds no strings of edition %s", code)
	}
	d := KitData{Strings: m}
	for _, ds := range k.Designs {
		// Named as in the kit (posters/<id>.yaml), not where the builder's
		// kit folder is: kit.json is published.
		c := *ds
		c.File = path.Join("posters", path.Base(ds.File))
		d.Designs = append(d.Designs, &c)
	}
	lang, _, _ := strings.Cut(code, "-")
	loc, err := fs.ReadFile(k.FS, path.Join("i18n", i18n.LocaleDir, lang+".yaml"))
	if err != nil {
		return nil, fmt.Errorf("the locale of edition %s: %w", code, err)
	}
	d.Locale = string(loc)
	d.Room = Room(k, e, siteURL)
	d.SiteURL = siteURL
	return json.Marshal(d)
}
