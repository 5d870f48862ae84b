package gopdf

import (
	"bytes"
	"io"
	"runtime"
	"testing"

	"github.com/klauspost/compress/zlib"
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
// compressing a stream allocates less than half of what a new writer
// does (its deflate state is about 1 MB). The bound leaves room for the
// race detector, which makes sync.Pool drop a quarter of what it is
// handed.
func TestDeflateAllocates(t *testing.T) {
	in := bytes.Repeat([]byte("0 0 m 10 10 l f\n"), 100)
	const n = 20
	perStream := func(f func()) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for i := 0; i < n; i++ {
			f()
		}
		runtime.ReadMemStats(&after)
		return (after.TotalAlloc - before.TotalAlloc) / n
	}
	for _, level := range []int{zlib.BestSpeed, zlib.DefaultCompression} {
		fresh := perStream(func() {
			zw, _ := zlib.NewWriterLevel(io.Discard, level)
			zw.Write(in)
			zw.Close()
		})
		deflate(in, level)
		if pooled := perStream(func() { deflate(in, level) }); pooled > fresh/2 {
			t.Errorf("level %d: %d bytes allocated per stream, %d by a new writer", level, pooled, fresh)
		}
	}
}
