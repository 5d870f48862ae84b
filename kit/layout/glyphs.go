package layout

import (
	"fmt"
	"path"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// A character that no font of the edition has would print as an empty box
// (or not at all). The layout reports each one as a problem of the box
// that shows it, naming the character and, when the layout can tell, the
// data field or interface string it comes from; check lays out every
// poster, so it reports them all at once, as it does overflows.

// glyphs reports the characters of texts (the runs one box emitted) that
// their font cannot draw.
func (l *layouter) glyphs(box string, texts []Text) {
	type miss struct {
		r    rune
		font string
	}
	var found []miss
	seen := map[rune]bool{}
	for _, t := range texts {
		f := l.fonts[t.Role]
		if f == nil {
			continue
		}
		for _, r := range t.Text {
			if seen[r] || r == '\n' || r == '\t' || f.HasRune(r) {
				continue
			}
			seen[r] = true
			found = append(found, miss{r, f.Name})
		}
	}
	for _, m := range found {
		msg := fmt.Sprintf("character %s is in no font of the edition (%s has no glyph for it)", runeName(m.r), m.font)
		if where := l.whereRune(m.r); len(where) > 0 {
			msg += "; it comes from " + strings.Join(where, ", ")
		}
		l.probs.Add(l.job.Name()+"/"+box, 0, 0, "", "%s", msg)
	}
}

// runeName writes a character as U+XXXX and the character itself, quoted
// (escaped when it is invisible).
func runeName(r rune) string {
	q := fmt.Sprintf("%q", string(r))
	return fmt.Sprintf("U+%04X %s", r, q)
}

// editionFiles maps the fields of content.Edition that posters print to
// the data file and top-level key they are written under.
var editionFiles = map[string][2]string{
	"Texts":       {"texts.yaml", ""},
	"Advice":      {"advice.yaml", "steps"},
	"Myths":       {"myths.yaml", "myths"},
	"Contacts":    {"contacts.yaml", "contacts"},
	"Law":         {"law.yaml", "references"},
	"Terminology": {"terminology.yaml", ""},
	"Sheets":      {"sheets.yaml", ""},
}

// maxWhere bounds the places named for one character.
const maxWhere = 3

// whereRune names the data fields (file: path) and interface strings of
// the job that contain r, at most maxWhere of them.
func (l *layouter) whereRune(r rune) []string {
	e := l.job.Edition
	var out []string
	add := func(s string) bool {
		out = append(out, s)
		return len(out) < maxWhere
	}
	v := reflect.ValueOf(e).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		file, key := "edition.yaml", yamlName(sf)
		if fk, ok := editionFiles[sf.Name]; ok {
			file, key = fk[0], fk[1]
		} else if key == "-" {
			continue // not from edition.yaml (pages, folder, logo…)
		}
		if !findRune(v.Field(i), key, r, func(field string) bool {
			return add(path.Join(e.Dir, file) + ": " + field)
		}) {
			return out
		}
	}
	keys := make([]string, 0, len(l.job.I18n))
	for k, s := range l.job.I18n {
		if strings.ContainsRune(s, r) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !add(fmt.Sprintf("interface string %q (%s)", k, l.lang)) {
			break
		}
	}
	return out
}

func yamlName(sf reflect.StructField) string {
	name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
	if name == "" {
		return strings.ToLower(sf.Name)
	}
	return name
}

// findRune calls found with the dotted path of every string under v that
// contains r, until found returns false; it returns false then.
func findRune(v reflect.Value, at string, r rune, found func(string) bool) bool {
	join := func(a, b string) string {
		if a == "" {
			return b
		}
		return a + "." + b
	}
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); utf8.ValidString(s) && strings.ContainsRune(s, r) {
			return found(at)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			return findRune(v.Elem(), at, r, found)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			if !sf.IsExported() || yamlName(sf) == "-" {
				continue
			}
			if !findRune(v.Field(i), join(at, yamlName(sf)), r, found) {
				return false
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return true // bytes (a logo), not text
		}
		for i := 0; i < v.Len(); i++ {
			if !findRune(v.Index(i), fmt.Sprintf("%s[%d]", at, i), r, found) {
				return false
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			if !findRune(v.MapIndex(k), join(at, fmt.Sprint(k)), r, found) {
				return false
			}
		}
	}
	return true
}
