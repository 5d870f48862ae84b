package preview

import (
	"bytes"
	"encoding/binary"
	"github.com/klauspost/compress/zlib"
	"hash/crc32"
	"image"
)

// encode writes an opaque *image.RGBA as an 8-bit RGB PNG.
//
// image/png tries all five row filters on every row and keeps the best,
// which was half the cost of a preview. A poster is mostly flat colour, so
// one cheap rule does as well: a row equal to the one above is filtered
// "Up" (all zeros), any other row "Sub" (zeros along flat runs). The file
// is a standard PNG that any decoder reads (tested against image/png).
func encode(img *image.RGBA) ([]byte, error) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	var out bytes.Buffer
	out.Grow(w * h / 4)
	out.WriteString("\x89PNG\r\n\x1a\n")

	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8] = 8 // bit depth
	ihdr[9] = 2 // colour type: RGB
	chunk(&out, "IHDR", ihdr[:])

	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	line := make([]byte, 1+3*w) // the filter byte, then the filtered RGB row
	var prev []byte             // the row above, RGBA
	for y := range h {
		i0 := img.PixOffset(b.Min.X, b.Min.Y+y)
		row := img.Pix[i0 : i0+4*w]
		if y > 0 && bytes.Equal(row, prev) {
			clear(line)
			line[0] = 2 // Up
		} else {
			line[0] = 1 // Sub: each byte minus the same colour's byte on the left
			line[1], line[2], line[3] = row[0], row[1], row[2]
			for x := 1; x < w; x++ {
				o, i := 1+3*x, 4*x
				line[o] = row[i] - row[i-4]
				line[o+1] = row[i+1] - row[i-3]
				line[o+2] = row[i+2] - row[i-2]
			}
		}
		if _, err := zw.Write(line); err != nil {
			return nil, err
		}
		prev = row
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	chunk(&out, "IDAT", z.Bytes())
	chunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// chunk writes one PNG chunk: length, type, data, CRC of type and data.
func chunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
