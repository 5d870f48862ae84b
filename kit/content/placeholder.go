package content

import (
	"fmt"
	"reflect"
	"strings"
)

// Placeholders mark, in a draft, what is still to be adapted to the
// edition's country ("[à adapter : un lieu d'écoute pour les jeunes en
// Belgique]"): where no source gives the local equivalent, a draft says so
// visibly rather than keeping another country's institution. A published
// edition must hold none.
var Placeholders = []string{"[à adapter", "[anzupassen", "[to adapt"}

// checkPlaceholders reports, for a published edition, every text that
// still holds a placeholder: the page file, or the data field.
func (l *loader) checkPlaceholders(e *Edition) {
	if e.Status != StatusPublished {
		return
	}
	has := func(s string) string {
		low := strings.ToLower(s)
		for _, p := range Placeholders {
			if strings.Contains(low, p) {
				return p
			}
		}
		return ""
	}
	for _, pg := range e.Pages {
		for _, s := range []string{pg.Title, pg.Description, pg.Body} {
			if p := has(s); p != "" {
				l.probs.Add(l.file(dirPages+"/"+pg.Slug+".md"), 0, 0, "", "%q…]: a placeholder of a draft left in a published edition (adapt the text, or set status: draft)", p)
				break
			}
		}
	}
	for _, f := range []struct {
		file, root string
		v          any
	}{{fileTexts, "", e.Texts}, {fileAdvice, "steps", e.Advice}, {fileMyths, "myths", e.Myths}, {fileContacts, "contacts", e.Contacts}, {fileLaw, "references", e.Law}, {fileTerminology, "", e.Terminology}, {fileSheets, "", e.Sheets}} {
		walkStrings(reflect.ValueOf(f.v), f.root, func(field, s string) {
			if p := has(s); p != "" {
				l.at(f.file, field, "%q…]: a placeholder of a draft left in a published edition (adapt the text, or set status: draft)", p)
			}
		})
	}
}

// walkStrings calls fn with the YAML path and value of every string in v.
func walkStrings(v reflect.Value, path string, fn func(field, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name == "" || name == "-" || !t.Field(i).IsExported() {
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			walkStrings(v.Field(i), p, fn)
		}
	}
}
