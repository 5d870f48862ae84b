package i18n

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/diag"
)

const required = "advice_heading: A\nmyths_heading: M\nmyth_label: ML\nreality_label: RL\ncontacts_heading: C\nverified_on: V\ndraft_mark: D\nemergency: E\nneed_urgent: U\nneed_remove: R\nneed_report: P\nneed_talk: T\nneed_other: O\n"

// TestLoadHostile: an i18n file of a kit folder is untrusted; each case
// gives every problem, at its line and column.
func TestLoadHostile(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		want       []string
	}{
		{"second document", required + "---\ncall: x\n", []string{"i18n/fr.yaml:14: more than one YAML document (remove the second ---)"}},
		{"tag", required + "call: !!binary PG1ldGE+\n", []string{`i18n/fr.yaml:14:7: call: YAML tags such as "!!binary" are not allowed: write a plain value`}},
		{"alias", "base: &b Appelez\n" + required + "call: *b\n", []string{
			"i18n/fr.yaml:1:7: base: YAML anchors and aliases are not allowed: write the value out",
			"i18n/fr.yaml:15:7: call: YAML anchors and aliases are not allowed: write the value out"}},
		{"unknown keys", required + "cal: Appelez\nzzqqxx: y\nx_banner: ok\n", []string{
			`i18n/fr.yaml:14:1: unknown key "cal" (did you mean "call"?)`,
			`i18n/fr.yaml:15:1: unknown key "zzqqxx" (a kit's own strings start with x_)`}},
		{"html", required + "call: '<meta http-equiv=refresh content=\"0;url=https://evil.example\">Appelez'\nquick_exit: Quitter &amp; vite\n", []string{
			"i18n/fr.yaml:14:7: call: HTML markup is not allowed (the site shows text, not HTML): write plain text, **emphasis** where the text allows it",
			"i18n/fr.yaml:15:13: quick_exit: HTML character references (&amp; …) are not allowed: write the character itself"}},
		{"characters", required + "call: \"Appelez\\e[31m le \\u202E71\"\nmenu: \"a\\0b\"\n", []string{
			"i18n/fr.yaml:14:7: call: a bidirectional override (it can reverse the text a reader sees) (U+202E) is not allowed",
			"i18n/fr.yaml:14:7: call: a control character (U+001B) is not allowed",
			"i18n/fr.yaml:15:7: menu: a control character (U+0000) is not allowed"}},
		{"too long", required + "call: " + strings.Repeat("a", MaxLen+1) + "\n", []string{"i18n/fr.yaml:14:7: call: too long: 1001 characters (at most 1000)"}},
		{"invisible required", strings.Replace(required, "emergency: E", "emergency: \"\\u200B\\u00A0\"", 1), []string{"i18n/fr.yaml: emergency: missing (required by the posters)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"fr.yaml": {Data: []byte(tc.file)}}, "i18n", "fr", "fr-FR")
			var d *diag.Error
			if !errors.As(err, &d) {
				t.Fatalf("got %v, want problems", err)
			}
			var got []string
			for _, p := range d.Problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestBuiltinStrings: the built-in strings pass their own checks.
func TestBuiltinStrings(t *testing.T) {
	sub, _ := fs.Sub(awarekit.Defaults, "i18n")
	for _, lang := range []string{"fr", "de"} {
		if _, err := Load(sub, "i18n", lang, lang+"-LU"); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
	}
	if len(Known()) < len(Required) {
		t.Errorf("known keys: %v", Known())
	}
}

func TestCheckString(t *testing.T) {
	for _, ok := range []string{"Appelle le 3018 < 18 h", "Ligne 1\nLigne 2", "« Stop » : **non** !", "مرحبا\u200F"} {
		if p := CheckString(ok); len(p) > 0 {
			t.Errorf("%q: %v", ok, p)
		}
	}
	for _, bad := range []string{"<b>x</b>", "</p>", "<!-- x -->", "&#60;", "\u2066x\u2069", "a\tb", "a\rb", "\ufeffa"} {
		if p := CheckString(bad); len(p) == 0 {
			t.Errorf("%q passes", bad)
		}
	}
}

// TestFileKeys: the keys read from the lines of a built-in i18n file are
// its YAML keys, for every built-in file, and a file with an unusual
// top-level line is decoded as YAML.
func TestFileKeys(t *testing.T) {
	es, err := fs.ReadDir(awarekit.Defaults, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range es {
		if e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(awarekit.Defaults, "i18n/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		got, want := fileKeys(b), yamlKeys(b)
		slices.Sort(got)
		slices.Sort(want)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s: keys %v, YAML says %v", e.Name(), got, want)
		}
		n++
	}
	if n < 8 {
		t.Fatalf("only %d built-in i18n files", n)
	}
	for _, in := range []string{
		"a: x\nb: |\n  y\n  z\n# c: no\nd:\n",
		"a: x\n\"b c\": y\n", // a quoted key: decoded as YAML
		"---\na: x\n",
		"a: x\nb:c: y\n",
		"a: 'x\n  y'\n",
	} {
		got := fileKeys([]byte(in))
		slices.Sort(got)
		want := yamlKeys([]byte(in))
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: keys %q, YAML says %q", in, got, want)
		}
	}
}

// TestFileKeysFast: the built-in files take the fast path (no YAML
// decoding), which is what Known is for.
func TestFileKeysFast(t *testing.T) {
	es, err := fs.ReadDir(awarekit.Defaults, "i18n")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(awarekit.Defaults, "i18n/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if !fastKeys(b) {
			t.Errorf("%s: a top-level line is not a plain key: decoded as YAML", e.Name())
		}
	}
}
