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
	rgb := make([]byte, 1+3*w)  // this row, unfiltered, after the filter byte
	prev := make([]byte, 1+3*w) // the row above
	line := make([]byte, 1+3*w) // this row, filtered
	for y := range h {
		px := img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range w {
			copy(rgb[1+3*x:4+3*x], px[4*x:4*x+3])
		}
		if y > 0 && bytes.Equal(rgb[1:], prev[1:]) {
			clear(line)
			line[0] = 2 // Up
		} else {
			line[0] = 1 // Sub
			copy(line[1:4], rgb[1:4])
			for i := 4; i < len(rgb); i++ {
				line[i] = rgb[i] - rgb[i-3]
			}
		}
		if _, err := zw.Write(line); err != nil {
			return nil, err
		}
		rgb, prev = prev, rgb
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
