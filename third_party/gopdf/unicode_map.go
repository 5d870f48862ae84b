package gopdf

import (
	"fmt"
	"io"
)

// UnicodeMap unicode map
type UnicodeMap struct {
	PtrToSubsetFontObj *SubsetFontObj
	//getRoot            func() *GoPdf
	pdfProtection *PDFProtection
}

func (u *UnicodeMap) init(funcGetRoot func() *GoPdf) {
	//u.getRoot = funcGetRoot
}

func (u *UnicodeMap) setProtection(p *PDFProtection) {
	u.pdfProtection = p
}

func (u *UnicodeMap) protection() *PDFProtection {
	return u.pdfProtection
}

// SetPtrToSubsetFontObj set pointer to SubsetFontObj
func (u *UnicodeMap) SetPtrToSubsetFontObj(ptr *SubsetFontObj) {
	u.PtrToSubsetFontObj = ptr
}

func (u *UnicodeMap) getType() string {
	return "Unicode"
}

func (u *UnicodeMap) write(w io.Writer, objID int) error {
	data := u.cmap()
	io.WriteString(w, "<<\n")
	fmt.Fprintf(w, "/Length %d\n", len(data))
	io.WriteString(w, ">>\n")
	io.WriteString(w, "stream\n")
	if u.protection() != nil {
		tmp, err := rc4Cip(u.protection().objectkey(objID), data)
		if err != nil {
			return err
		}
		w.Write(tmp)
		//streambuff.WriteString("\n")
	} else {
		w.Write(data)
	}
	io.WriteString(w, "endstream\n")

	return nil
}

// cmap returns the ToUnicode CMap, from the document's font subset cache
// when it has it.
func (u *UnicodeMap) cmap() []byte {
	cache := subsetCacheOf(u.PtrToSubsetFontObj)
	var key string
	if cache != nil {
		key = toUnicodeKey(u.PtrToSubsetFontObj)
		if e, ok := cache.get(key); ok {
			return e.data
		}
	}
	var data []byte
	if u.PtrToSubsetFontObj.glyphs != nil {
		data = u.makeGlyphCMap()
	} else {
		data = u.makeCMap()
	}
	if cache != nil {
		cache.put(key, data, 0)
	}
	return data
}

func (u *UnicodeMap) makeCMap() []byte {
	//stream
	//characterToGlyphIndex := u.PtrToSubsetFontObj.CharacterToGlyphIndex
	prefix :=
		"/CIDInit /ProcSet findresource begin\n" +
			"12 dict begin\n" +
			"begincmap\n" +
			"/CIDSystemInfo << /Registry (Adobe)/Ordering (UCS)/Supplement 0>> def\n" +
			"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
	suffix := "endcmap CMapName currentdict /CMap defineresource pop end end"

	glyphIndexToCharacter := newMapGlyphIndexToCharacter() //make(map[int]rune)
	lowIndex := 65536
	hiIndex := -1

	keys := u.PtrToSubsetFontObj.CharacterToGlyphIndex.AllKeys()
	for _, k := range keys {
		v, _ := u.PtrToSubsetFontObj.CharacterToGlyphIndex.Val(k)
		index := int(v)
		if index < lowIndex {
			lowIndex = index
		}
		if index > hiIndex {
			hiIndex = index
		}
		//glyphIndexToCharacter[index] = k
		glyphIndexToCharacter.set(index, k)
	}

	buff := GetBuffer()
	defer PutBuffer(buff)

	buff.WriteString(prefix)
	buff.WriteString("1 begincodespacerange\n")
	fmt.Fprintf(buff, "<%04X><%04X>\n", lowIndex, hiIndex)
	buff.WriteString("endcodespacerange\n")
	fmt.Fprintf(buff, "%d beginbfrange\n", glyphIndexToCharacter.size())
	indexs := glyphIndexToCharacter.allIndexs()
	for _, k := range indexs {
		v, _ := glyphIndexToCharacter.runeByIndex(k)
		fmt.Fprintf(buff, "<%04X><%04X><%04X>\n", k, k, v)
	}
	buff.WriteString("endbfrange\n")
	buff.WriteString(suffix)
	buff.WriteString("\n")
	return append([]byte(nil), buff.Bytes()...)
}

// mapGlyphIndexToCharacter maps each glyph to one character, in the order
// the glyphs were first used. A glyph several characters share (a font
// draws U+0020 SPACE and U+00A0 NO-BREAK SPACE with one glyph) maps to the
// lowest of them, so that the map does not depend on the order of the
// text.
type mapGlyphIndexToCharacter struct {
	runes  []rune
	indexs []int
	at     map[int]int // glyph index → position in runes and indexs
}

func newMapGlyphIndexToCharacter() *mapGlyphIndexToCharacter {
	return &mapGlyphIndexToCharacter{at: map[int]int{}}
}

func (m *mapGlyphIndexToCharacter) set(index int, r rune) {
	if i, ok := m.at[index]; ok {
		if r < m.runes[i] {
			m.runes[i] = r
		}
		return
	}
	m.at[index] = len(m.indexs)
	m.runes = append(m.runes, r)
	m.indexs = append(m.indexs, index)
}

func (m *mapGlyphIndexToCharacter) size() int {
	return len(m.indexs)
}

func (m *mapGlyphIndexToCharacter) allIndexs() []int {
	return m.indexs
}

func (m *mapGlyphIndexToCharacter) runeByIndex(index int) (rune, bool) {
	i, ok := m.at[index]
	if !ok {
		return 0, false
	}
	return m.runes[i], true
}
