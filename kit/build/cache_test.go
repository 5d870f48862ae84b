package build_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/testkit"
)

// TestCache: a build that reuses the previous build's posters gives the
// same bytes as a build from scratch, reuses everything when nothing
// changed, and remakes only what an edit changed.
func TestCache(t *testing.T) {
	k := testkit.NewKit(t, testkit.Archive(t, "testdata/kits/two-editions.txtar"))
	eds := []string{"fr-FR", "fr-LU"}
	run := func(c *build.Cache) map[string]string {
		t.Helper()
		opt := kitOptions(k)
		opt.Out, opt.Editions, opt.Cache = filepath.Join(t.TempDir(), "public"), eds, c
		out := opt.Out
		if _, err := build.Run(opt); err != nil {
			t.Fatal(err)
		}
		return dirHashes(t, out)
	}
	c := build.NewCache()
	first := run(c)
	_, made := c.Stats()
	if made == 0 {
		t.Fatal("the first build made nothing")
	}
	if again := run(c); !maps.Equal(again, first) {
		t.Error("a rebuild from the cache differs from the first build")
	}
	if hits, misses := c.Stats(); hits != made || misses != 0 {
		t.Errorf("unchanged rebuild: %d reused, %d made; want %d and 0", hits, misses, made)
	}

	// Edit one advice step of fr-FR: its posters that show the advice, and
	// its kit, are made again; fr-LU's are all reused.
	advice := k.Files["data/fr-FR/advice.yaml"]
	const old = "immédiatement de lui parler."
	if !bytes.Contains(advice.Data, []byte(old)) {
		t.Fatalf("data/fr-FR/advice.yaml: no %q", old)
	}
	advice.Data = bytes.Replace(advice.Data, []byte(old), []byte("immédiatement de lui répondre."), 1)
	edited := run(c)
	hits, misses := c.Stats()
	if misses == 0 || hits == 0 || hits+misses != made {
		t.Errorf("after an edit: %d reused, %d made (of %d)", hits, misses, made)
	}
	if scratch := run(nil); !maps.Equal(edited, scratch) {
		t.Error("a rebuild from the cache after an edit differs from a build from scratch")
	}
	for name, h := range edited {
		if filepath.Dir(filepath.Dir(name)) == "fr-LU" || filepath.Dir(name) == "fr-LU" {
			if first[name] != h {
				t.Errorf("%s changed after an edit of fr-FR", name)
			}
		}
	}

	// A long session of edits does not pile up old posters.
	held := c.Len()
	for i := range 3 {
		advice.Data = bytes.Replace(advice.Data, []byte("immédiatement de lui répondre"), []byte(fmt.Sprintf("immédiatement de lui répondre (%d)", i)), 1)
		run(c)
	}
	if c.Len() > held {
		t.Errorf("after 3 more edits the cache holds %d posters and kits, %d before", c.Len(), held)
	}
}

// dirHashes returns the SHA-256 of every file under dir, by relative path.
func dirHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSharedPreviews: editions whose posters look the same share one
// rendering of their previews (the officers' checklist of two editions
// that differ only by their region, testdata/kits/two-editions.txtar),
// and every edition's files are what a build of that edition alone makes.
func TestSharedPreviews(t *testing.T) {
	k := testkit.NewKit(t, testkit.Archive(t, "testdata/kits/two-editions.txtar"))
	build1 := func(eds ...string) map[string]string {
		t.Helper()
		opt := kitOptions(k)
		opt.Out, opt.Editions = filepath.Join(t.TempDir(), "public"), eds
		out := opt.Out
		if _, err := build.Run(opt); err != nil {
			t.Fatal(err)
		}
		return dirHashes(t, out)
	}
	both := build1("fr-FR", "fr-LU")
	const a, b = "fr-FR/posters/accueil-a4.png", "fr-LU/posters/accueil-a4.png"
	if both[a] == "" || both[a] != both[b] {
		t.Fatalf("%s and %s should be the same picture: %q, %q", a, b, both[a], both[b])
	}
	alone := build1("fr-LU")
	for name, h := range alone {
		if name == build.MarkerName {
			continue // lists the files of the editions built
		}
		if both[name] != h {
			t.Errorf("%s: built with fr-FR it differs from fr-LU built alone", name)
		}
	}
}
