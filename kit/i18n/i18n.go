// Package i18n loads the interface strings shared by the posters and the
// site: i18n/<language>.yaml (fr.yaml), then i18n/<code>.yaml (fr-LU.yaml)
// whose keys override the language's. Files are flat YAML maps, key: text,
// which Hugo reads too. They are untrusted: decoded as strictly as the
// data (one document, no tags, no aliases), every key one of the built-in
// strings (or x_…, a kit's own, or design_<id> and where_<id> of a kit's
// own design), every string limited in length, free of
// control characters, bidirectional overrides and HTML (see CheckString).
//
// It also reads each language's locale file, i18n/locale/<lang>.yaml (its
// typography, dates and units, as a typo.Locale: locale.go), as strictly.
// It only reads, merges and checks; typography is applied where the
// strings are printed.
package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/vocab"
)

// Required lists the keys the posters print; every language must have them.
var Required = []string{
	"advice_heading", "myths_heading", "myth_label", "reality_label",
	"contacts_heading", "verified_on", "draft_mark", "emergency",
	"sources_label", "not_verified", "guide_sources", "guide_verified",
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
		doc, p := content.DecodeStrictNode(shown, b, &m)
		if len(p) > 0 {
			probs = append(probs, p...)
			continue
		}
		if p := checkFile(shown, doc); len(p) > 0 {
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
		if blank(out[k]) && !slices.ContainsFunc(probs, func(p diag.Problem) bool { return p.File == path.Join(name, lang+".yaml") }) {
			probs.Add(path.Join(name, lang+".yaml"), 0, 0, k, "missing (required by the posters)")
		}
	}
	return out, probs.Err()
}

// checkFile checks the keys and strings of an i18n file that decoded
// (a flat mapping: doc, its document node), with their positions.
func checkFile(file string, doc *yaml.Node) diag.List {
	var probs diag.List
	if doc == nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	known := Known()
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if _, ok := slices.BinarySearch(known, k.Value); !ok && !strings.HasPrefix(k.Value, CustomPrefix) && !vocab.IsDesignKey(k.Value) {
			msg := fmt.Sprintf("unknown key %q", k.Value)
			if s := suggest(k.Value); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += fmt.Sprintf(" (a kit's own strings start with %s)", CustomPrefix)
			}
			probs.Add(file, k.Line, k.Column, "", "%s", msg)
			continue
		}
		for _, p := range CheckString(v.Value) {
			probs.Add(file, v.Line, v.Column, k.Value, "%s", p)
		}
	}
	return probs
}
