// Package i18n loads the interface strings shared by the posters and the
// site: i18n/<language>.yaml (fr.yaml), then i18n/<code>.yaml (fr-LU.yaml)
// whose keys override the language's. Files are flat YAML maps, key: text,
// which Hugo reads too.
//
// It only reads and merges strings; typography is applied where they are
// printed.
package i18n

import (
	"errors"
	"io/fs"
	"path"
	"slices"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
)

// Required lists the keys the posters print; every language must have them.
var Required = []string{
	"advice_heading", "myths_heading", "myth_label", "reality_label",
	"contacts_heading", "verified_on", "draft_mark", "emergency",
	"sources_label", "not_verified", "months", "guide_sources", "guide_verified",
	"need_urgent", "need_remove", "need_report", "need_talk", "need_other",
}

// Load returns the merged strings for edition code (fr-LU) of language lang
// (fr), read from fsys (the i18n folder; name is how it is shown in
// messages).
func Load(fsys fs.FS, name, lang, code string) (map[string]string, error) {
	var probs diag.List
	out := map[string]string{}
	found := false
	for _, stem := range []string{lang, code} {
		file := stem + ".yaml"
		b, err := fs.ReadFile(fsys, file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		shown := path.Join(name, file)
		if err != nil {
			probs.Add(shown, 0, 0, "", "cannot read: %v", err)
			continue
		}
		found = true
		m := map[string]string{}
		if p := content.DecodeStrict(shown, b, &m); len(p) > 0 {
			probs = append(probs, p...)
			continue
		}
		for k, v := range m {
			out[k] = v
		}
	}
	if !found {
		probs.Add(path.Join(name, lang+".yaml"), 0, 0, "", "missing: the interface strings of language %q (copy i18n/fr.yaml and translate it)", lang)
		return out, probs.Err()
	}
	for _, k := range Required {
		if out[k] == "" && !slices.ContainsFunc(probs, func(p diag.Problem) bool { return p.File == path.Join(name, lang+".yaml") }) {
			probs.Add(path.Join(name, lang+".yaml"), 0, 0, k, "missing (required by the posters)")
		}
	}
	return out, probs.Err()
}
