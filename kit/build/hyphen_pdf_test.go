package build_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/awarekit/awarekit/kit/testkit"
)

// lineEndHyphen is a line of `pdftotext -raw` ending in a word cut by a
// hyphen ("pour-") and the word that starts the next line ("quoi"), its
// first letter in lower case (a line starting with a capital begins
// another text).
var lineEndHyphen = regexp.MustCompile(`([\p{L}’']+)-\n[(«“]?(\p{Ll}[\p{L}’']*)`)

// TestHyphenatedWordsWhole: every word the layout hyphenated at a line's
// end, in every poster of the bundled editions, comes out of pdftotext
// whole ("pourquoi", never "pour-quoi" nor "pour- quoi"), and a word
// the data writes with a hyphen (dépêche-toi) keeps it. The cut words are
// found in pdftotext -raw, which prints the lines as drawn; the data
// (its YAML and Markdown, soft hyphens removed) tells a hyphenation from
// a compound broken after its own hyphen.
func TestHyphenatedWordsWhole(t *testing.T) {
	out := bundled(t)
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "posters", "*.pdf"))
	if len(pdfs) < 50 {
		t.Fatalf("only %d poster PDFs built", len(pdfs))
	}
	data := map[string]string{} // edition → all its text
	cut, compound := 0, 0
	for _, p := range pdfs {
		code := filepath.Base(filepath.Dir(filepath.Dir(p)))
		if _, ok := data[code]; !ok {
			var b strings.Builder
			dir := filepath.Join(testkit.Root(), "data", code)
			filepath.WalkDir(dir, func(f string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && (strings.HasSuffix(f, ".yaml") || strings.HasSuffix(f, ".md")) {
					s, err := os.ReadFile(f)
					if err != nil {
						t.Fatal(err)
					}
					b.Write(s)
				}
				return err
			})
			if b.Len() == 0 {
				t.Fatalf("no data for %s", code)
			}
			data[code] = strings.ReplaceAll(b.String(), "\u00ad", "")
		}
		raw := testkit.Tool(t, "pdftotext", "-raw", p, "-")
		text := strings.Join(strings.Fields(testkit.Tool(t, "pdftotext", p, "-")), " ")
		name := code + "/" + filepath.Base(p)
		for _, m := range lineEndHyphen.FindAllStringSubmatch(raw, -1) {
			a, b := m[1], m[2]
			if strings.Contains(data[code], a+"-"+b) {
				// Broken after the data's own hyphen: it stays.
				compound++
				if !strings.Contains(text, a+"-"+b) {
					t.Errorf("%s: %q, broken after its hyphen, lost it: pdftotext gives %q", name, a+"-"+b, near(text, a))
				}
				continue
			}
			cut++
			if whole := a + b; !containsWord(text, whole) {
				t.Errorf("%s: the hyphenated %q is not whole in pdftotext's text: %q", name, a+"-"+b, near(text, a))
			}
			if strings.Contains(text, a+"- "+b) || strings.Contains(text, a+"-"+b) {
				t.Errorf("%s: pdftotext keeps the line-end hyphen of %q", name, a+b)
			}
		}
	}
	// The bundled posters hyphenate 35 line ends (pédocri-minels,
	// pour-quoi, einver-nehmlich…): fewer means the test checks little.
	if cut < 20 {
		t.Errorf("only %d hyphenated line ends found in %d posters", cut, len(pdfs))
	}
	t.Logf("%d hyphenated line ends, %d compounds broken after their hyphen, in %d posters", cut, compound, len(pdfs))
}

// containsWord reports whether text holds w as a whole word.
func containsWord(text, w string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], w)
		if k < 0 {
			return false
		}
		k += i
		before, after := ' ', ' '
		if k > 0 {
			before = []rune(text[:k])[len([]rune(text[:k]))-1]
		}
		if e := k + len(w); e < len(text) {
			after = []rune(text[e:])[0]
		}
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		i = k + len(w)
	}
}

// near returns the text around the first occurrence of s, for messages.
func near(text, s string) string {
	k := strings.Index(text, s)
	if k < 0 {
		return ""
	}
	return text[max(0, k-20):min(len(text), k+len(s)+30)]
}
