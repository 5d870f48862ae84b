package personalise

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/layout"
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
}

// KitJSON is the KitData of one edition of a loaded kit, as JSON (keys
// sorted: the same kit gives the same bytes).
func KitJSON(k *kitset.Kit, code string) ([]byte, error) {
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
	return json.Marshal(d)
}
