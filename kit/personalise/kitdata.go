package personalise

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/kitset"
)

// KitFile is the name of the file the build writes beside the engine in
// each edition's personalise/ folder: KitData as JSON.
const KitFile = "kit.json"

// KitData is what the engine needs of the kit besides the edition: the
// designs' files and the edition's interface strings, as the build loaded
// and checked them (kit/kitset: the kit folder over the embedded
// defaults). So the page personalises the posters the build made, with a
// kit folder's own designs and strings, and the browser decodes no string
// file nor checks again what the build checked.
type KitData struct {
	// Designs maps a design's file name (la-sextorsion.yaml) to its text.
	Designs map[string]string `json:"designs"`
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
	d := KitData{Designs: map[string]string{}, Strings: m}
	lang, _, _ := strings.Cut(code, "-")
	loc, err := fs.ReadFile(k.FS, path.Join("i18n", i18n.LocaleDir, lang+".yaml"))
	if err != nil {
		return nil, fmt.Errorf("the locale of edition %s: %w", code, err)
	}
	d.Locale = string(loc)
	for _, ds := range k.Designs {
		name := path.Base(ds.File)
		b, err := fs.ReadFile(k.FS, path.Join("posters", name))
		if err != nil {
			return nil, fmt.Errorf("design %s: %w", ds.ID, err)
		}
		d.Designs[name] = string(b)
	}
	return json.Marshal(d)
}
