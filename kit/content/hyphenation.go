package content

import (
	"fmt"
	"strings"
	"unicode"
)

// MaxNameLen is the longest name a no_hyphenation entry may give.
const MaxNameLen = 100

// noHyphenation checks edition.yaml's no_hyphenation: names of services
// that the posters never hyphenate. Each is a non-empty name of at most
// MaxNameLen characters, holding a letter, given once.
func (c checker) noHyphenation(names []string) {
	seen := map[string]int{}
	for i, n := range names {
		f := fmt.Sprintf("no_hyphenation[%d]", i)
		c.text(f, n)
		t := strings.TrimSpace(n)
		switch {
		case t == "":
			c.add(f, "empty: give the name of a service")
			continue
		case len([]rune(t)) > MaxNameLen:
			c.add(f, "name too long: %d characters (at most %d)", len([]rune(t)), MaxNameLen)
			continue
		case strings.IndexFunc(t, unicode.IsLetter) < 0:
			c.add(f, "%q holds no letter: nothing to hyphenate", t)
			continue
		}
		k := strings.ToLower(t)
		if j, ok := seen[k]; ok {
			c.add(f, "%q is given twice (also no_hyphenation[%d])", t, j)
			continue
		}
		seen[k] = i
	}
}

// NeverHyphenated returns the names the posters never hyphenate: the
// edition's no_hyphenation list and its contacts' names.
func (e *Edition) NeverHyphenated() []string {
	var out []string
	for _, n := range e.NoHyphenation {
		if t := strings.TrimSpace(n); t != "" {
			out = append(out, t)
		}
	}
	for _, k := range e.Contacts {
		if t := strings.TrimSpace(k.Name); t != "" {
			out = append(out, t)
		}
	}
	return out
}
