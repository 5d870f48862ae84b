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
// no face of the edition covers: the run's face and the fallbacks of the
// edition's language for the run's role (fonts/fonts.yaml). A character
// that comes from a data field is reported at that field (file:line:col:
// field), once however many posters and boxes print it; one from an
// interface string, or from nowhere the layout can tell, at the box.
func (l *layouter) glyphs(box string, texts []Text) {
	type miss struct {
		r     rune
		faces string
	}
	var found []miss
	seen := map[rune]bool{}
	fb := setter{fonts: l.fonts}.opts().fallback
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
			found = append(found, miss{r, l.faceNames(t.Role, fb)})
		}
	}
	for _, m := range found {
		msg := fmt.Sprintf("character %s is in no font of the edition (%s)", runeName(m.r), m.faces)
		var others []string
		for _, w := range l.whereRune(m.r) {
			if w.file == "" {
				others = append(others, w.name)
				continue
			}
			line, col := l.job.Edition.FieldPos(w.file, w.field)
			l.probs.Add(path.Join(l.job.Edition.Dir, w.file), line, col, w.field, "%s", msg)
		}
		if len(others) > 0 {
			l.probs.Add(l.job.Name()+"/"+box, 0, 0, "", "%s; it comes from %s", msg, strings.Join(others, ", "))
		} else if len(l.whereRune(m.r)) == 0 {
			l.probs.Add(l.job.Name()+"/"+box, 0, 0, "", "%s", msg)
		}
	}
}

// faceNames says which faces were tried for a role: "Lato-Regular has no
// glyph for it", or with the language's fallbacks "neither Lato-Regular
// nor its fallback NotoSansArabic-Regular has a glyph for it".
func (l *layouter) faceNames(role Role, fb map[Role][]Role) string {
	name := func(r Role) string {
		if f := l.fonts[r]; f != nil {
			return f.Name
		}
		return string(r)
	}
	// A fallback face's run: name the chain of the role it stands for.
	for base, alts := range fb {
		if slices.Contains(alts, role) {
			role = base
			break
		}
	}
	alts := fb[role]
	if len(alts) == 0 {
		return name(role) + " has no glyph for it"
	}
	var as []string
	for _, a := range alts {
		as = append(as, name(a))
	}
	return fmt.Sprintf("neither %s nor its fallback %s has a glyph for it", name(role), strings.Join(as, ", "))
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

// place is where a character comes from: a data field (file in the
// edition's folder, dotted field path) or, file empty, an interface
// string (name).
type place struct {
	file, field, name string
}

// whereRune names the data fields and interface strings of the job that
// contain r, at most maxWhere of them.
func (l *layouter) whereRune(r rune) []place {
	e := l.job.Edition
	var out []place
	add := func(p place) bool {
		out = append(out, p)
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
			return add(place{file: file, field: field})
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
		if !add(place{name: fmt.Sprintf("interface string %q (%s)", k, l.lang)}) {
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
