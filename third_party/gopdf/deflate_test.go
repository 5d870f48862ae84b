package gopdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"runtime"
	"testing"
)

// TestDeflateReuse: a reused writer gives the bytes a new one gives, at
// every level, whatever it compressed before.
func TestDeflateReuse(t *testing.T) {
	inputs := [][]byte{
		bytes.Repeat([]byte("BT /F1 12 Tf 72 712 Td (gopdf) Tj ET\n"), 500),
		[]byte("q 1 0 0 1 0 0 cm Q"),
		{},
	}
	for level := zlib.HuffmanOnly; level <= zlib.BestCompression; level++ {
		for round := 0; round < 2; round++ {
			for _, in := range inputs {
				var want bytes.Buffer
				zw, err := zlib.NewWriterLevel(&want, level)
				if err != nil {
					t.Fatal(err)
				}
				zw.Write(in)
				zw.Close()
				got, err := deflate(in, level)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want.Bytes()) {
					t.Errorf("level %d, %d bytes, round %d: the reused writer's output differs", level, len(in), round)
				}
			}
		}
	}
	if _, err := getZlibWriter(io.Discard, 10); err == nil {
		t.Error("level 10 accepted")
	}
}

// TestDeflateAllocates: once a writer of the level has been made,
// compressing a stream allocates far less than a new writer's deflate
// state (about 1 MB at the default level).
func TestDeflateAllocates(t *testing.T) {
	in := bytes.Repeat([]byte("0 0 m 10 10 l f\n"), 100)
	for _, level := range []int{zlib.BestSpeed, zlib.DefaultCompression} {
		deflate(in, level)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		const n = 20
		for i := 0; i < n; i++ {
			deflate(in, level)
		}
		runtime.ReadMemStats(&after)
		// A GC between two calls may empty the pool once or twice.
		if per := (after.TotalAlloc - before.TotalAlloc) / n; per > 200<<10 {
			t.Errorf("level %d: %d bytes allocated per stream", level, per)
		}
	}
}
