package gopdf

import (
	"fmt"
	"math"
	"strconv"
)

// appendFixed2 appends v as fmt's "%0.2f" formats it, without fmt's
// reflection and allocations (content streams hold thousands of numbers).
func appendFixed2(b []byte, v float64) []byte {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return append(b, fmt.Sprintf("%0.2f", v)...)
	}
	return strconv.AppendFloat(b, v, 'f', 2, 64)
}

// appendHex4 appends v as fmt's "%04X" formats it.
func appendHex4(b []byte, v uint) []byte {
	const digits = "0123456789ABCDEF"
	if v > 0xFFFF {
		return append(b, fmt.Sprintf("%04X", v)...) // never for TrueType glyphs
	}
	return append(b, digits[v>>12&0xF], digits[v>>8&0xF], digits[v>>4&0xF], digits[v&0xF])
}
