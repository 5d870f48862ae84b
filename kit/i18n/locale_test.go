package i18n

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/typo"
)

// TestBuiltinLocales: every built-in locale file loads, and every
// language of the built-in interface strings has one.
func TestBuiltinLocales(t *testing.T) {
	sub, _ := fs.Sub(awarekit.Defaults, "i18n")
	es, err := fs.ReadDir(sub, LocaleDir)
	if err != nil || len(es) < 4 {
		t.Fatalf("locale files: %v %v", es, err)
	}
	for _, e := range es {
		lang := strings.TrimSuffix(e.Name(), ".yaml")
		if _, err := LoadLocale(sub, "i18n", lang); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
	all, _ := fs.ReadDir(sub, ".")
	for _, e := range all {
		name := strings.TrimSuffix(e.Name(), ".yaml")
		if e.IsDir() || strings.Contains(name, "-") {
			continue
		}
		if DefaultLocale(name) == nil {
			t.Errorf("i18n/%s.yaml has no i18n/locale/%s.yaml", name, name)
		}
	}
	if l := DefaultLocale("fr"); l.Dates.Months[11] != "décembre" || l.Rules.SpaceBefore[':'] != '\u00a0' {
		t.Errorf("fr: %+v", l)
	}
	// The list separator is data: Arabic joins a list with its own comma,
	// even between French names; a language that names none has ", ".
	items := []string{"guide OFMIN (mars 2024)", "Ma Sécurité"}
	for lang, want := range map[string]string{"ar": "guide OFMIN (mars 2024)، Ma Sécurité", "fr": "guide OFMIN (mars 2024), Ma Sécurité", "de": "guide OFMIN (mars 2024), Ma Sécurité"} {
		if got := DefaultLocale(lang).List(items); got != want {
			t.Errorf("%s: List = %q, want %q", lang, got, want)
		}
	}
}

const goodLocale = `dates:
  numeric: "{dd}/{mm}/{yyyy}"
  long: "{d} {month} {yyyy}"
  months: [a, b, c, d, e, f, g, h, i, j, k, l]
`

// TestLocaleProblems: bad values are reported with file:line:col: field,
// every one at once.
func TestLocaleProblems(t *testing.T) {
	for _, tc := range []struct{ name, file, want string }{
		{"missing", "", `i18n/locale/it.yaml: missing: the typography and date formats of language "it" (copy i18n/locale/fr.yaml and adapt it: see docs/TRANSLATING.md)`},
		{"unknown key", goodLocale + "typography:\n  space_befor: {\":\": nbsp}\n", `i18n/locale/it.yaml:6:3: typography: unknown key "space_befor" (did you mean "space_before"?)`},
		{"bad direction", "direction: right-to-left\n" + goodLocale, `i18n/locale/it.yaml:1:12: direction: "right-to-left": write ltr (left to right, the default) or rtl (right to left: Arabic, Hebrew, Persian, Urdu…)`},
		{"wrong type", "dates:\n  numeric: [a]\n  long: \"{d} {month} {yyyy}\"\n  months: [a, b, c, d, e, f, g, h, i, j, k, l]\n", "i18n/locale/it.yaml:2:12: dates.numeric: expected text, found a list"},
		{"unknown key and bad value", goodLocale + "numbers: {decimal: ',,', byte: [o]}\n", `i18n/locale/it.yaml:5:20: numbers.decimal: ",," is not one character
i18n/locale/it.yaml:5:26: numbers: unknown key "byte" (did you mean "bytes"?)`},
		{"bad values", `typography:
  space_before: {":": wide, "ab": nbsp, "x": nbsp}
  quotes: {open: "«", inside: thin}
  word_apostrophe: {mark: "ʼ", script: Cyrilic}
  punctuation: {script: Arabic, replace: {",": "،", "،": "x"}}
  units: ["a b", "\u202e"]
dates:
  numeric: "{dd}/{mm}"
  long: "{day} {month} {yyyy}"
  months: [a, b]
numbers:
  decimal: ",,"
  bytes: [o, ko, Mo, Go]
`, `i18n/locale/it.yaml:2:23: typography.space_before.:: "wide" is not a space: nbsp (no-break space) or narrow (narrow no-break space)
i18n/locale/it.yaml:2:35: typography.space_before.ab: "ab" is not one character
i18n/locale/it.yaml:2:41: typography.space_before.x: "x" is not a punctuation mark
i18n/locale/it.yaml:3:11: typography.quotes: give both open and close, or neither
i18n/locale/it.yaml:3:31: typography.quotes.inside: "thin": write nbsp, narrow, none (spaces taken out) or as-written
i18n/locale/it.yaml:4:40: typography.word_apostrophe.script: "Cyrilic" is not a Unicode script name (did you mean "Cyrillic"?)
i18n/locale/it.yaml:5:48: typography.punctuation.replace.,: "،" is replaced in turn: the rules would not be idempotent
i18n/locale/it.yaml:6:11: typography.units.0: "a b": a unit is one short word or symbol, without spaces
i18n/locale/it.yaml:6:18: typography.units.1: "\u202e": a unit is one short word or symbol, without spaces
i18n/locale/it.yaml:6:18: typography.units.1: a bidirectional override (it can reverse the text a reader sees) (U+202E) is not allowed
i18n/locale/it.yaml:8:12: dates.numeric: "{dd}/{mm}" lacks {yyyy}
i18n/locale/it.yaml:9:9: dates.long: "{day} {month} {yyyy}" lacks {dd} or {d}
i18n/locale/it.yaml:9:9: dates.long: unknown placeholder {day} (use {d}, {dd}, {mm}, {month}, {yyyy})
i18n/locale/it.yaml:10:11: dates.months: 2 names, want 12
i18n/locale/it.yaml:12:12: numbers.decimal: ",," is not one character
i18n/locale/it.yaml:13:10: numbers.bytes: 4 names, want 3`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			if tc.file != "" {
				fsys["locale/it.yaml"] = &fstest.MapFile{Data: []byte(tc.file)}
			}
			_, err := LoadLocale(fsys, "i18n", "it")
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
	l, err := LoadLocale(fstest.MapFS{"locale/it.yaml": {Data: []byte(goodLocale)}}, "i18n", "it")
	if err != nil || l.Dates.Months[0] != "a" {
		t.Errorf("good locale: %v %v", l, err)
	}
}

// TestLocaleDirection: the writing direction is the locale's direction:
// key, left to right when it is absent; the built-in Arabic is the only
// built-in language written right to left.
func TestLocaleDirection(t *testing.T) {
	for _, tc := range []struct {
		file string
		rtl  bool
		dir  string
	}{
		{goodLocale, false, "ltr"},
		{"direction: ltr\n" + goodLocale, false, "ltr"},
		{"direction: rtl\n" + goodLocale, true, "rtl"},
	} {
		l, err := LoadLocale(fstest.MapFS{"locale/he.yaml": {Data: []byte(tc.file)}}, "i18n", "he")
		if err != nil {
			t.Fatalf("%q: %v", tc.file, err)
		}
		if l.RightToLeft() != tc.rtl || l.Dir() != tc.dir {
			t.Errorf("%q: RightToLeft %v, Dir %q; want %v, %q", tc.file, l.RightToLeft(), l.Dir(), tc.rtl, tc.dir)
		}
	}
	for lang, want := range map[string]bool{"ar": true, "fr": false, "de": false, "uk": false} {
		if got := DefaultLocale(lang).RightToLeft(); got != want {
			t.Errorf("built-in %s: RightToLeft %v, want %v", lang, got, want)
		}
	}
	var none *typo.Locale
	if none.RightToLeft() || none.Dir() != "ltr" {
		t.Error("a nil locale is left to right")
	}
}
