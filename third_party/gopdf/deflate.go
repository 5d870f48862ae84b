package gopdf

import (
	"io"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// zlibWriters keeps zlib writers for reuse, one pool per compression level
// (zlib.HuffmanOnly, -2, to zlib.BestCompression, 9). A new zlib writer
// allocates its deflate state (about 1 MB at the default level) at its
// first Write; a document writes a stream per page, font and image, so
// reusing the writers through zlib.Writer.Reset saves that allocation and
// the garbage collection it causes. Reset gives the same output as a new
// writer.
var zlibWriters [zlib.BestCompression - zlib.HuffmanOnly + 1]sync.Pool

// getZlibWriter returns a zlib writer of the given level writing to w, to
// be handed back with putZlibWriter after Close.
func getZlibWriter(w io.Writer, level int) (*zlib.Writer, error) {
	if level < zlib.HuffmanOnly || level > zlib.BestCompression {
		return zlib.NewWriterLevel(w, level) // the level's error
	}
	if zw, ok := zlibWriters[level-zlib.HuffmanOnly].Get().(*zlib.Writer); ok {
		zw.Reset(w)
		return zw, nil
	}
	return zlib.NewWriterLevel(w, level)
}

// putZlibWriter hands a closed writer back for reuse, keeping no reference
// to what it wrote to.
func putZlibWriter(zw *zlib.Writer, level int) {
	if level < zlib.HuffmanOnly || level > zlib.BestCompression {
		return
	}
	zw.Reset(nil)
	zlibWriters[level-zlib.HuffmanOnly].Put(zw)
}

// deflate compresses data at the given level into a new slice.
func deflate(data []byte, level int) ([]byte, error) {
	buf := GetBuffer()
	defer PutBuffer(buf)
	zw, err := getZlibWriter(buf, level)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	putZlibWriter(zw, level)
	return append([]byte(nil), buf.Bytes()...), nil
}
