package gopdf

import (
	"fmt"
	"io"
	"strconv"
)

// CIDFontObj is a CID-keyed font.
// cf. https://www.adobe.com/content/dam/acom/en/devnet/font/pdfs/5014.CIDFont_Spec.pdf
type CIDFontObj struct {
	PtrToSubsetFontObj        *SubsetFontObj
	indexObjSubfontDescriptor int
	indexObjCIDToGIDMap       int // 0: none, the Identity default (glyph_text.go)
}

func (ci *CIDFontObj) init(funcGetRoot func() *GoPdf) {
}

// SetIndexObjSubfontDescriptor set  indexObjSubfontDescriptor
func (ci *CIDFontObj) SetIndexObjSubfontDescriptor(index int) {
	ci.indexObjSubfontDescriptor = index
}

func (ci *CIDFontObj) getType() string {
	return "CIDFont"
}

func (ci *CIDFontObj) write(w io.Writer, objID int) error {
	io.WriteString(w, "<<\n")
	fmt.Fprintf(w, "/BaseFont /%s\n", CreateEmbeddedFontSubsetName(ci.PtrToSubsetFontObj.GetFamily()))
	io.WriteString(w, "/CIDSystemInfo\n")
	io.WriteString(w, "<<\n")
	io.WriteString(w, "  /Ordering (Identity)\n")
	io.WriteString(w, "  /Registry (Adobe)\n")
	io.WriteString(w, "  /Supplement 0\n")
	io.WriteString(w, ">>\n")
	fmt.Fprintf(w, "/FontDescriptor %d 0 R\n", ci.indexObjSubfontDescriptor+1) //TODO fix
	io.WriteString(w, "/Subtype /CIDFontType2\n")
	io.WriteString(w, "/Type /Font\n")
	if ci.indexObjCIDToGIDMap > 0 {
		fmt.Fprintf(w, "/CIDToGIDMap %d 0 R\n", ci.indexObjCIDToGIDMap+1)
	}
	io.WriteString(w, "/W [")
	w.Write(ci.widths())
	io.WriteString(w, "]\n")
	io.WriteString(w, ">>\n")
	return nil
}

// SetPtrToSubsetFontObj set PtrToSubsetFontObj
func (ci *CIDFontObj) SetPtrToSubsetFontObj(ptr *SubsetFontObj) {
	ci.PtrToSubsetFontObj = ptr
}

// widths returns the entries of the /W array, from the document's font
// subset cache when it has them.
func (ci *CIDFontObj) widths() []byte {
	s := ci.PtrToSubsetFontObj
	cache := subsetCacheOf(s)
	var key string
	if cache != nil {
		key = widthsKey(s)
		if e, ok := cache.get(key); ok {
			return e.data
		}
	}
	var b []byte
	for _, v := range s.CharacterToGlyphIndex.AllVals() {
		b = strconv.AppendUint(b, uint64(v), 10)
		b = append(b, '[')
		b = strconv.AppendUint(b, uint64(s.GlyphIndexToPdfWidth(v)), 10)
		b = append(b, ']')
	}
	// The glyph runs' glyphs that no character uses, in order of first use.
	var cmapGlyphs map[uint]bool
	if ids := s.glyphIDs(); len(ids) > 0 {
		cmapGlyphs = make(map[uint]bool, len(s.CharacterToGlyphIndex.Vals))
		for _, v := range s.CharacterToGlyphIndex.AllVals() {
			cmapGlyphs[v] = true
		}
	}
	for _, v := range s.glyphIDs() {
		if cmapGlyphs[v] {
			continue // written above
		}
		b = strconv.AppendUint(b, uint64(v), 10)
		b = append(b, '[')
		b = strconv.AppendUint(b, uint64(s.GlyphIndexToPdfWidth(v)), 10)
		b = append(b, ']')
	}
	// The codes that are not glyph ids: their glyph's width.
	base := uint64(0)
	if s.glyphs != nil {
		base = uint64(s.glyphs.base)
	}
	for i, e := range s.extraCodes() {
		b = strconv.AppendUint(b, base+uint64(i), 10)
		b = append(b, '[')
		b = strconv.AppendUint(b, uint64(s.GlyphIndexToPdfWidth(uint(e.gid))), 10)
		b = append(b, ']')
	}
	if cache != nil {
		cache.put(key, b, 0)
	}
	return b
}
