package gopdf

import (
	"fmt"
	"math"
	"math/rand"
	"testing"
)

// TestAppendFixed2: the same text as fmt's "%0.2f", edge cases and
// random values of content-stream magnitudes.
func TestAppendFixed2(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), -0.001, 0.005, 0.015, 2.675, -2.675, 841.89, 1e21, -1e-9,
		math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 10000; i++ {
		vals = append(vals, (r.Float64()-0.5)*2000, math.Round(r.Float64()*1e5)/1000)
	}
	for _, v := range vals {
		if got, want := string(appendFixed2(nil, v)), fmt.Sprintf("%0.2f", v); got != want {
			t.Errorf("%v: %q, want %q", v, got, want)
		}
	}
}

// TestAppendHex4: the same text as fmt's "%04X".
func TestAppendHex4(t *testing.T) {
	for _, v := range []uint{0, 1, 0xA, 0xFF, 0x1234, 0xABCD, 0xFFFF, 0x10000, 0x1ABCDE} {
		if got, want := string(appendHex4(nil, v)), fmt.Sprintf("%04X", v); got != want {
			t.Errorf("%d: %q, want %q", v, got, want)
		}
	}
}

// TestRectangleText: a rectangle's operators as gopdf wrote them with fmt.
func TestRectangleText(t *testing.T) {
	for _, c := range []cacheContentRectangle{
		{pageHeight: 841.89, x: 10, y: 20.555, width: 3.14159, height: -1, style: "F"},
		{pageHeight: 100, x: -0.004, y: 100, width: 0, height: 1e6, style: "DF", extGStateIndexes: []int{1, 12}},
	} {
		want := "q\n"
		for _, i := range c.extGStateIndexes {
			want += fmt.Sprintf("/GS%d gs\n", i)
		}
		want += fmt.Sprintf("%0.2f %0.2f %0.2f %0.2f re %s\n", c.x, c.pageHeight-c.y, c.width, c.height, c.style) + "Q\n"
		var got bytesWriter
		if err := c.write(&got, nil); err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
}

type bytesWriter []byte

func (b *bytesWriter) Write(p []byte) (int, error) {
	*b = append(*b, p...)
	return len(p), nil
}
