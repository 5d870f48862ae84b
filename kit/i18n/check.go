package i18n

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
)

// MaxLen is the longest interface string, in characters (the longest
// built-in one has about 250).
const MaxLen = 1000

// CustomPrefix starts the keys a kit folder may add for its own layouts;
// every other key must be one of the built-in strings (a misspelt key
// would otherwise leave the built-in string in place, unnoticed).
const CustomPrefix = "x_"

// CheckChars returns what is wrong with the characters of s: control
// characters (other than line breaks), bidirectional embeddings, overrides
// and isolates (they can reorder what a reader sees), and other invisible
// format characters that have no place in a text. Nothing when s is fine.
func CheckChars(s string) []string {
	var out []string
	seen := map[rune]bool{}
	for _, r := range s {
		if seen[r] {
			continue
		}
		var what string
		switch {
		case r == '\n':
		case r == utf8.RuneError:
			what = "an invalid character"
		case unicode.Is(unicode.Cc, r):
			what = "a control character"
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			what = "a bidirectional override (it can reverse the text a reader sees)"
		case r == 0xFEFF, r == 0x2028, r == 0x2029, r >= 0xFFF9 && r <= 0xFFFB:
			what = "an invisible format character"
		}
		if what != "" {
			seen[r] = true
			out = append(out, fmt.Sprintf("%s (U+%04X) is not allowed", what, r))
		}
	}
	return out
}

var (
	markupRE = regexp.MustCompile(`<[A-Za-z!/?]`)
	entityRE = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)
)

// CheckMarkup refuses HTML in a text: the site escapes every string, so
// markup would show as such (and is never trusted as HTML).
func CheckMarkup(s string) []string {
	var out []string
	if m := markupRE.FindString(s); m != "" {
		out = append(out, "HTML markup is not allowed (the site shows text, not HTML): write plain text, **emphasis** where the text allows it")
	}
	if entityRE.MatchString(s) {
		out = append(out, "HTML character references (&amp; …) are not allowed: write the character itself")
	}
	return out
}

// CheckString returns every problem of an interface string: its length,
// its characters and markup.
func CheckString(s string) []string {
	var out []string
	if n := utf8.RuneCountInString(s); n > MaxLen {
		out = append(out, fmt.Sprintf("too long: %d characters (at most %d)", n, MaxLen))
	}
	out = append(out, CheckChars(s)...)
	return append(out, CheckMarkup(s)...)
}

// blank reports a text made only of spaces and invisible characters.
func blank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.Cc, r)
	}) < 0
}

// Known returns the keys of the built-in interface strings, sorted.
var Known = sync.OnceValue(func() []string {
	set := map[string]bool{}
	es, _ := fs.ReadDir(awarekit.Defaults, "i18n")
	for _, e := range es {
		b, err := fs.ReadFile(awarekit.Defaults, "i18n/"+e.Name())
		if err != nil {
			continue
		}
		for _, k := range fileKeys(b) {
			set[k] = true
		}
	}
	for _, k := range Required {
		set[k] = true
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
})

// fileKeys returns the top-level keys of a built-in i18n file. The files
// are flat maps whose keys are plain words (icon_stop-hand) at the start
// of a line, and
// reading those lines is a tenth of the time of decoding the YAML (which
// was 8 % of a one-poster process, for eight files). A file with any
// other top-level line (a quoted key, a document marker…) is decoded as
// YAML. TestFileKeys compares both on every built-in file.
func fileKeys(b []byte) []string {
	if keys, ok := lineKeys(b); ok {
		return keys
	}
	return yamlKeys(b)
}

// fastKeys reports whether fileKeys reads b's keys from its lines.
func fastKeys(b []byte) bool {
	_, ok := lineKeys(b)
	return ok
}

// lineKeys returns the keys at the start of b's lines, and false if a
// top-level line is not "key:" or "key: …" with a plain key.
func lineKeys(b []byte) ([]string, bool) {
	var keys []string
	for line := range strings.SplitSeq(string(b), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' {
			continue
		}
		k, _, ok := strings.Cut(line, ":")
		rest := line[len(k):]
		if !ok || !plainKey(k) || len(rest) > 1 && rest[1] != ' ' {
			return nil, false
		}
		keys = append(keys, k)
	}
	return keys, true
}

// plainKey reports a key of letters, digits, underscores and hyphens,
// starting with a letter.
func plainKey(k string) bool {
	for i, c := range []byte(k) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '_' || c == '-')) {
			return false
		}
	}
	return k != ""
}

// yamlKeys returns the top-level keys of a YAML map (none if b is not one).
func yamlKeys(b []byte) []string {
	var m map[string]any
	if yaml.Unmarshal(b, &m) != nil {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

// suggest returns the known key closest to name when it looks like a typo.
func suggest(name string) string { return content.Suggest(name, Known()) }
