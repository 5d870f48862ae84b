package gopdf

import (
	"container/list"
	"encoding/binary"
	"sort"
	"sync"
	"sync/atomic"
)

// FontSubsetCache keeps what gopdf makes for an embedded font subset, so
// that documents using the same font with the same characters reuse it
// instead of making it again:
//
//   - the subset font program (/FontFile2), compressed, keyed by the font,
//     the compression level and the sorted set of glyphs used;
//   - the /W array of the CIDFont, keyed by the font and the glyphs in the
//     order the document first used them (gopdf writes them in that order);
//   - the /ToUnicode CMap, keyed by the font and the characters with their
//     glyphs in that order.
//
// The font is identified by its parsed data: fonts added from one
// FontContainer share their identity, so the cache pays off when the fonts
// are parsed once and each document takes them from the container (see
// GoPdf.AddTTFFontFromFontContainer). A font parsed again is a new font to
// the cache.
//
// A document written with a cache has the same bytes as without one. A
// cache is safe for concurrent use by documents written in parallel; it
// holds at most about maxBytes, dropping the least recently used entries.
type FontSubsetCache struct {
	mu      sync.Mutex
	max     int
	size    int
	entries map[string]*list.Element
	lru     list.List // front: most recently used *subsetCacheEntry

	hits, misses uint64
}

type subsetCacheEntry struct {
	key     string
	data    []byte
	length1 int // the uncompressed length of a font program
}

// subsetCacheOverhead is counted for each entry besides its key and data.
const subsetCacheOverhead = 96

// NewFontSubsetCache returns an empty cache holding at most about maxBytes
// of keys and data.
func NewFontSubsetCache(maxBytes int) *FontSubsetCache {
	return &FontSubsetCache{max: maxBytes, entries: map[string]*list.Element{}}
}

// SetFontSubsetCache makes the document take its font subsets from c and
// put those it makes into c. Set it before Write; nil (the default) makes
// every subset anew.
func (gp *GoPdf) SetFontSubsetCache(c *FontSubsetCache) {
	gp.fontSubsetCache = c
}

// FontSubsetCacheStats are a cache's counters.
type FontSubsetCacheStats struct {
	Hits, Misses uint64
	Entries      int
	Bytes        int
}

// Stats returns the cache's counters: lookups found and missed, entries and
// bytes held.
func (c *FontSubsetCache) Stats() FontSubsetCacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return FontSubsetCacheStats{Hits: c.hits, Misses: c.misses, Entries: len(c.entries), Bytes: c.size}
}

func (c *FontSubsetCache) get(key string) (*subsetCacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		c.misses++
		return nil, false
	}
	c.hits++
	c.lru.MoveToFront(el)
	return el.Value.(*subsetCacheEntry), true
}

// put stores data under key (data is not copied: it must not change
// afterwards). An entry larger than the whole cache is not kept.
func (c *FontSubsetCache) put(key string, data []byte, length1 int) {
	n := len(key) + len(data) + subsetCacheOverhead
	if n > c.max {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[key]; ok {
		return // made by another document meanwhile: the same bytes
	}
	c.entries[key] = c.lru.PushFront(&subsetCacheEntry{key: key, data: data, length1: length1})
	c.size += n
	for c.size > c.max {
		el := c.lru.Back()
		e := el.Value.(*subsetCacheEntry)
		c.lru.Remove(el)
		delete(c.entries, e.key)
		c.size -= len(e.key) + len(e.data) + subsetCacheOverhead
	}
}

// fontIDs numbers parsed fonts for FontSubsetCache keys; 0 is no font.
var fontIDs uint64

func nextFontID() uint64 {
	return atomic.AddUint64(&fontIDs, 1)
}

// Kinds of cache entries, the first byte of their keys.
const (
	subsetKeyProgram   = 'P'
	subsetKeyWidths    = 'W'
	subsetKeyToUnicode = 'U'
	// the ToUnicode CMap of a font glyph runs used (GlyphText)
	subsetKeyGlyphToUnicode = 'G'
)

// subsetCacheOf returns the cache the document of s uses, or nil.
func subsetCacheOf(s *SubsetFontObj) *FontSubsetCache {
	if s == nil || s.fontID == 0 || s.funcGetRoot == nil {
		return nil
	}
	if gp := s.funcGetRoot(); gp != nil {
		return gp.fontSubsetCache
	}
	return nil
}

func subsetKeyStart(kind byte, s *SubsetFontObj, level int) []byte {
	key := make([]byte, 0, 16+3*len(s.CharacterToGlyphIndex.Vals))
	key = append(key, kind)
	key = binary.AppendUvarint(key, s.fontID)
	key = binary.AppendVarint(key, int64(level))
	return key
}

// programKey is the key of s's font program at the compression level: the
// distinct glyphs used, sorted (the program depends on nothing else).
func programKey(s *SubsetFontObj, level int) string {
	vals := s.CharacterToGlyphIndex.AllVals()
	glyphs := make([]int, len(vals), len(vals)+len(s.glyphIDs()))
	for i, v := range vals {
		glyphs[i] = int(v)
	}
	for _, v := range s.glyphIDs() {
		glyphs = append(glyphs, int(v)) // glyph runs' glyphs (GlyphText)
	}
	sort.Ints(glyphs)
	key := subsetKeyStart(subsetKeyProgram, s, level)
	for i, g := range glyphs {
		if i > 0 && g == glyphs[i-1] {
			continue
		}
		key = binary.AppendUvarint(key, uint64(g))
	}
	return string(key)
}

// widthsKey is the key of s's /W array: its glyphs in order of first use.
func widthsKey(s *SubsetFontObj) string {
	key := subsetKeyStart(subsetKeyWidths, s, 0)
	for _, g := range s.CharacterToGlyphIndex.AllVals() {
		key = binary.AppendUvarint(key, uint64(g))
	}
	if ids := s.glyphIDs(); len(ids) > 0 {
		// Then the glyph runs' glyphs, after a separator no glyph id is.
		key = binary.AppendUvarint(key, glyphKeySeparator)
		for _, g := range ids {
			key = binary.AppendUvarint(key, uint64(g))
		}
		// Then the other codes' glyphs, blank or not.
		key = binary.AppendUvarint(key, glyphKeySeparator)
		for _, e := range s.extraCodes() {
			v := uint64(e.gid) << 1
			if e.blank {
				v |= 1
			}
			key = binary.AppendUvarint(key, v)
		}
	}
	return string(key)
}

// glyphKeySeparator separates characters' glyphs from glyph runs' glyphs
// in a key (glyph ids are at most 0xFFFF).
const glyphKeySeparator = 1 << 20

// toUnicodeKey is the key of s's ToUnicode CMap: its characters and their
// glyphs in order of first use.
func toUnicodeKey(s *SubsetFontObj) string {
	if s.glyphs != nil {
		// The glyph CMap depends only on the merged map, written sorted.
		key := subsetKeyStart(subsetKeyGlyphToUnicode, s, 0)
		m := s.toUnicode()
		ids := make([]int, 0, len(m))
		for id := range m {
			ids = append(ids, int(id))
		}
		sort.Ints(ids)
		for _, id := range ids {
			key = binary.AppendUvarint(key, uint64(id))
			key = binary.AppendUvarint(key, uint64(len(m[uint(id)])))
			key = append(key, m[uint(id)]...)
		}
		return string(key)
	}
	key := subsetKeyStart(subsetKeyToUnicode, s, 0)
	m := s.CharacterToGlyphIndex
	for i, r := range m.AllKeys() {
		key = binary.AppendUvarint(key, uint64(r))
		key = binary.AppendUvarint(key, uint64(m.Vals[i]))
	}
	return string(key)
}
