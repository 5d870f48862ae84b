package pdf

import (
	"bytes"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/layout"
)

// TestSubsetsShared: a second PDF of the same page takes its font subset
// (program, widths, ToUnicode map) from the process's cache, with the
// bytes of the first; a page with other characters makes its own.
func TestSubsetsShared(t *testing.T) {
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	write := func(pg *layout.Page) []byte {
		var buf bytes.Buffer
		if err := Write(&buf, pg, fonts, date); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	pg := page(0)
	pg.Texts[0].Text = "Sous-ensemble partagé ?" // characters no other test uses in this order
	first := write(pg)
	before := subsets.Stats()
	second := write(pg)
	after := subsets.Stats()
	if !bytes.Equal(first, second) {
		t.Error("the second PDF differs from the first")
	}
	if hits := after.Hits - before.Hits; hits != 3 || after.Misses != before.Misses {
		t.Errorf("second PDF: %d hits, %d misses; want the 3 parts of its one font from the cache", hits, after.Misses-before.Misses)
	}
	pg.Texts[0].Text = "Autres caractères : 0123"
	write(pg)
	if st := subsets.Stats(); st.Misses-after.Misses != 3 {
		t.Errorf("other characters: %d misses, want 3", st.Misses-after.Misses)
	}
	if st := subsets.Stats(); st.Bytes > 32<<20 {
		t.Errorf("cache %d bytes, above its bound", st.Bytes)
	}
}
