package gopdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// testFontPath is a TrueType font of the repository gopdf is vendored in
// (upstream, test/res holds fonts for the same use).
const testFontPath = "../../kit/layout/fonts/Lato-Regular.ttf"

var (
	testFontOnce sync.Once
	testFonts    *FontContainer
	testFontErr  error
)

// testContainer parses the test font once, as a process would.
func testContainer(t testing.TB) *FontContainer {
	t.Helper()
	testFontOnce.Do(func() {
		testFonts = &FontContainer{}
		testFontErr = testFonts.AddTTFFontWithOption("Lato", testFontPath, TtfOption{UseKerning: true})
	})
	if testFontErr != nil {
		t.Fatal(testFontErr)
	}
	return testFonts
}

// textDoc writes a page with the texts, in that order, in the test font,
// taking subsets from cache (nil: none).
func textDoc(t testing.TB, cache *FontSubsetCache, level int, texts ...string) []byte {
	t.Helper()
	gp := &GoPdf{}
	gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
	gp.SetCompressLevel(level)
	gp.SetFontSubsetCache(cache)
	if err := gp.AddTTFFontFromFontContainer("Lato", testContainer(t)); err != nil {
		t.Fatal(err)
	}
	gp.AddPage()
	if err := gp.SetFont("Lato", "", 14); err != nil {
		t.Fatal(err)
	}
	for i, s := range texts {
		gp.SetXY(40, 60+float64(i)*20)
		if err := gp.Text(s); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := gp.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var cacheTexts = [][]string{
	{"La sextorsion", "appelez le 3018"},
	{"appelez le 3018", "La sextorsion"}, // same glyphs, another order
	{"Nutzungsbedingungen – ça, é"},      // other glyphs, a composite (é)
	{"La sextorsion", "appelez le 3018"}, // the first again
}

// TestFontSubsetCacheSameBytes: documents written with a cache, whether
// it misses or hits, have the bytes of documents written without one.
func TestFontSubsetCacheSameBytes(t *testing.T) {
	for _, level := range []int{0, 1, -1} {
		cache := NewFontSubsetCache(8 << 20)
		for round := 0; round < 2; round++ {
			for i, texts := range cacheTexts {
				want := textDoc(t, nil, level, texts...)
				got := textDoc(t, cache, level, texts...)
				if !bytes.Equal(got, want) {
					t.Errorf("level %d, round %d, document %d: bytes differ with the cache", level, round, i)
				}
			}
		}
		st := cache.Stats()
		// Documents 0, 1 and 2 make their widths and ToUnicode map; 1
		// reuses 0's program; 3 and the whole second round hit.
		if st.Misses != 3*3-1 || st.Hits != 4*3*2-st.Misses {
			t.Errorf("level %d: %+v, want 8 misses and 16 hits", level, st)
		}
	}
}

// TestFontSubsetCacheRead: a document made from cached parts is read
// back whole by pdftotext and pdffonts.
func TestFontSubsetCacheRead(t *testing.T) {
	cache := NewFontSubsetCache(8 << 20)
	textDoc(t, cache, 1, "appelez le 3018")
	f := filepath.Join(t.TempDir(), "cached.pdf")
	if err := os.WriteFile(f, textDoc(t, cache, 1, "appelez le 3018"), 0o644); err != nil {
		t.Fatal(err)
	}
	if cache.Stats().Hits != 3 {
		t.Fatalf("%+v: the second document did not hit", cache.Stats())
	}
	if got := tool(t, "pdftotext", f, "-"); strings.TrimSpace(got) != "appelez le 3018" {
		t.Errorf("pdftotext: %q", got)
	}
	if got := tool(t, "pdffonts", f); !strings.Contains(got, "Lato") || !strings.Contains(got, "CID TrueType") {
		t.Errorf("pdffonts:\n%s", got)
	}
}

// TestFontSubsetCacheFontIdentity: a font parsed again is another font
// to the cache; the same container is the same font.
func TestFontSubsetCacheFontIdentity(t *testing.T) {
	data, err := os.ReadFile(testFontPath)
	if err != nil {
		t.Fatal(err)
	}
	var a, b FontContainer
	if err := a.AddTTFFontData("Lato", data); err != nil {
		t.Fatal(err)
	}
	if err := b.AddTTFFontData("Lato", data); err != nil {
		t.Fatal(err)
	}
	fa, _ := a.fonts.Load("Lato")
	fb, _ := b.fonts.Load("Lato")
	if fa.(SubsetFontObj).fontID == fb.(SubsetFontObj).fontID || fa.(SubsetFontObj).fontID == 0 {
		t.Error("two parsings share an identity")
	}
}

// TestFontSubsetCacheBound: the cache holds at most its size, dropping
// the least recently used entries first.
func TestFontSubsetCacheBound(t *testing.T) {
	data := make([]byte, 1000)
	per := 1 + 1000 + subsetCacheOverhead // one-byte keys
	c := NewFontSubsetCache(3 * per)
	c.put("a", data, 0)
	c.put("b", data, 0)
	c.put("c", data, 0)
	c.get("a") // b is now the least recently used
	c.put("d", data, 0)
	if _, ok := c.get("b"); ok {
		t.Error("b kept")
	}
	for _, k := range []string{"a", "c", "d"} {
		if _, ok := c.get(k); !ok {
			t.Errorf("%s dropped", k)
		}
	}
	if st := c.Stats(); st.Entries != 3 || st.Bytes != 3*per {
		t.Errorf("%+v", st)
	}
	c.put("huge", make([]byte, 4*per), 0)
	if _, ok := c.get("huge"); ok || c.Stats().Bytes > 3*per {
		t.Errorf("an entry larger than the cache kept: %+v", c.Stats())
	}
	// A real document's three entries in a cache too small for its font
	// program: the document is still right.
	small := NewFontSubsetCache(4 << 10)
	want := textDoc(t, nil, 1, "Nutzungsbedingungen")
	for i := 0; i < 2; i++ {
		if got := textDoc(t, small, 1, "Nutzungsbedingungen"); !bytes.Equal(got, want) {
			t.Errorf("round %d: bytes differ with a small cache", i)
		}
	}
	if st := small.Stats(); st.Bytes > 4<<10 {
		t.Errorf("small cache: %+v", st)
	}
}

// TestFontSubsetCacheConcurrent: documents written in parallel share a
// cache (run with -race).
func TestFontSubsetCacheConcurrent(t *testing.T) {
	cache := NewFontSubsetCache(8 << 20)
	want := make([][]byte, len(cacheTexts))
	for i, texts := range cacheTexts {
		want[i] = textDoc(t, nil, 1, texts...)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for r := 0; r < 4; r++ {
				i := (g + r) % len(cacheTexts)
				if got := textDoc(t, cache, 1, cacheTexts[i]...); !bytes.Equal(got, want[i]) {
					errs <- fmt.Sprintf("goroutine %d, document %d: bytes differ", g, i)
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if st := cache.Stats(); st.Entries != 3*3-1 {
		t.Errorf("%+v: want 8 entries", st)
	}
}

// BenchmarkFontSubset: one page of text, its font subset made anew or
// taken from a cache.
func BenchmarkFontSubset(b *testing.B) {
	texts := []string{"La sextorsion : ne payez pas, ne répondez plus.", "Appelez le 3018, gratuit et anonyme."}
	for _, c := range []struct {
		name  string
		cache *FontSubsetCache
	}{{"new", nil}, {"cached", NewFontSubsetCache(8 << 20)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				textDoc(b, c.cache, 1, texts...)
			}
		})
	}
}
