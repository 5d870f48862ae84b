package gopdf

import (
	"bytes"
	"compress/zlib"
	"regexp"
	"strconv"
	"testing"
)

var fontFileRe = regexp.MustCompile(`<</Length (\d+)\n(/Filter /FlateDecode\n)?/Length1 (\d+)\n>>\nstream\n`)

// fontProgram returns the stream of the document's one embedded font
// program, and whether it is deflated.
func fontProgram(t *testing.T, pdf []byte) ([]byte, bool) {
	t.Helper()
	m := fontFileRe.FindSubmatchIndex(pdf)
	if m == nil {
		t.Fatal("no font program")
	}
	n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
	return pdf[m[1] : m[1]+n], m[4] >= 0
}

// TestFontCompressLevel: the font program is compressed at the level
// SetCompressLevel asks, as the content streams are; level 0 embeds it
// uncompressed, without a filter.
func TestFontCompressLevel(t *testing.T) {
	const text = "Nutzungsbedingungen – ça, é"
	raw, flate := fontProgram(t, textDoc(t, nil, zlib.NoCompression, text))
	if flate || !bytes.HasPrefix(raw, []byte{0, 1, 0, 0}) {
		t.Fatalf("level 0: deflated %v, starts with % x", flate, raw[:4])
	}
	sizes := map[int]int{}
	for _, level := range []int{zlib.BestSpeed, zlib.DefaultCompression, zlib.BestCompression} {
		got, flate := fontProgram(t, textDoc(t, NewFontSubsetCache(1<<20), level, text))
		want, err := deflate(raw, level)
		if err != nil {
			t.Fatal(err)
		}
		if !flate || !bytes.Equal(got, want) {
			t.Errorf("level %d: the font program is not deflated at that level (%d bytes, want %d)", level, len(got), len(want))
		}
		sizes[level] = len(got)
	}
	if sizes[zlib.BestSpeed] <= sizes[zlib.BestCompression] {
		t.Errorf("sizes %v: level 1 is not larger than level 9", sizes)
	}
}
