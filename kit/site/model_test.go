package site

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// Every string the site prints from the view model has the typography
// rules applied: no straight apostrophe, no plain space before ; : ! ?
// in French. The law pages' "Non vérifié" notes skipped them once.
func TestModelTypography(t *testing.T) {
	fr := *fixture(t)[0]
	if len(fr.Law) == 0 || len(fr.Contacts) == 0 {
		t.Fatal("the fixture has no law reference or no contact")
	}
	fr.Law = append(fr.Law[:0:0], fr.Law...)
	fr.Law[0].Unverified = "Pas d'URL officielle ; à vérifier : vraiment ?"
	fr.Contacts = append(fr.Contacts[:0:0], fr.Contacts...)
	fr.Contacts[0].Unverified = "L'annuaire ne le dit pas ; à confirmer !"
	fr.Emergency.Unverified = "L'opérateur ; non confirmé"
	v := newEdition(&fr, nil, nil, map[string]string{}, nil, nil)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		t.Fatal(err)
	}
	bad := regexp.MustCompile(`'| [;:!?]`)
	var walk func(path string, x any)
	walk = func(path string, x any) {
		switch x := x.(type) {
		case map[string]any:
			for k, y := range x {
				walk(path+"."+k, y)
			}
		case []any:
			for _, y := range x {
				walk(path+"[]", y)
			}
		case string:
			// Link targets and ids are not text; a page's Markdown keeps
			// its link destinations as written.
			if strings.HasSuffix(path, ".url") || strings.HasSuffix(path, ".id") || strings.HasSuffix(path, ".path") {
				return
			}
			if m := bad.FindString(x); m != "" {
				t.Errorf("%s: %q has %q", path, x, m)
			}
		}
	}
	walk("edition", tree)
	if !strings.Contains(v.Law[0].Unverified, "Pas d’URL officielle\u202f; à vérifier") {
		t.Errorf("law note: %q", v.Law[0].Unverified)
	}
}
