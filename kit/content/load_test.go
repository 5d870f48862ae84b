package content_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/testkit"
)

// testNow is the clock of the tests: never the wall clock.
var testNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/bad")

func TestValidFixture(t *testing.T) {
	set, err := content.Load(os.DirFS(filepath.Join(testkit.Root(), "testdata", "valid")), "data")
	if err != nil {
		t.Fatal(err)
	}
	e := set.Edition("fr-FR")
	if e == nil || len(e.Contacts) != 2 || e.Contacts[1].Phone.Dial != "3018" || len(e.Pages) != 8 {
		t.Fatalf("unexpected edition: %+v", e)
	}
	if got := e.Date().String(); got != "2026-11-24" {
		t.Errorf("last_verified = %q", got)
	}
}

// TestMalformed runs the malformed corpus: each case must produce exactly
// its listed problems, all at once.
func TestMalformed(t *testing.T) {
	cases, err := testkit.BadCases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 20 {
		t.Fatalf("the corpus has %d cases, want at least 20", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			if err := c.Materialise(dir); err != nil {
				t.Fatal(err)
			}
			_, err := content.LoadOptions(os.DirFS(filepath.Join(dir, "data")), "data", content.Options{Now: testNow})
			if err == nil {
				t.Fatal("loaded without error")
			}
			got := err.Error() + "\n"
			if *update && got != c.Want {
				if err := c.UpdateWant(got); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != c.Want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, c.Want)
			}
		})
	}
}

// TestMalformedInMemory: the cases of the corpus written as text give the
// same problems when the data folder is a file system in memory
// (testkit.NewKit) as on disk: what content reports does not depend on
// where the files are. (The links, FIFOs and odd files of the generated
// cases need a real folder: TestMalformed.)
func TestMalformedInMemory(t *testing.T) {
	cases, err := testkit.BadCases()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range cases {
		if c.Apply != nil {
			continue
		}
		n++
		t.Run(c.Name, func(t *testing.T) {
			k := testkit.NewKit(t, "copy testdata/valid data")
			for name, b := range c.Files {
				p := "data/" + name
				if b == nil {
					for f := range k.Files {
						if f == p || strings.HasPrefix(f, p+"/") {
							delete(k.Files, f)
						}
					}
					continue
				}
				k.Files[p] = &fstest.MapFile{Data: b}
			}
			_, err := content.LoadOptions(k.Data(), "data", content.Options{Now: testNow})
			if err == nil {
				t.Fatal("loaded without error")
			}
			if got := err.Error() + "\n"; got != c.Want {
				t.Errorf("problems:\n%s\nwant (as from a folder):\n%s", got, c.Want)
			}
		})
	}
	if n < 20 {
		t.Fatalf("%d text cases, want at least 20", n)
	}
}
