package build

import (
	"crypto/sha256"
	"encoding/json"
	"slices"
	"sync"

	"github.com/awarekit/awarekit/kit/layout"
)

// Cache keeps the bytes of the posters (PDF, preview, thumbnail) and kits
// of one build for the next, per edition, keyed by a hash of what decides
// them: the laid-out page (every shape, text, image and size), or the
// kit's files. A rebuild then renders only the posters that changed. The
// live preview (awarekit serve) uses one; a one-off build does not need it.
//
// For each edition it holds what the edition's last build used: a build
// drops, for the editions it builds, the entries the build before did not
// use, and forgets the editions that are gone when it builds them all. So
// a long session of edits keeps at most two builds' files per edition.
type Cache struct {
	mu           sync.Mutex
	prev, cur    map[string]map[[32]byte][][]byte // edition code → entries
	hits, misses int                              // of the current build
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{prev: map[string]map[[32]byte][][]byte{}, cur: map[string]map[[32]byte][][]byte{}}
}

// rotate starts a build of the editions codes; all: they are every
// edition of the data.
func (c *Cache) rotate(codes []string, all bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if all {
		for code := range c.cur {
			if !slices.Contains(codes, code) {
				delete(c.cur, code)
				delete(c.prev, code)
			}
		}
	}
	for _, code := range codes {
		c.prev[code], c.cur[code] = c.cur[code], map[[32]byte][][]byte{}
	}
	c.hits, c.misses = 0, 0
}

// Stats returns how many posters and kits the last build took from the
// cache, and how many it had to make.
func (c *Cache) Stats() (hits, misses int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}

func (c *Cache) get(code string, k [32]byte) ([][]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.cur[code][k]; ok {
		c.hits++
		return v, true
	}
	if v, ok := c.prev[code][k]; ok {
		c.cur[code][k] = v
		c.hits++
		return v, true
	}
	c.misses++
	return nil, false
}

func (c *Cache) put(code string, k [32]byte, v [][]byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur[code] == nil {
		c.cur[code] = map[[32]byte][][]byte{}
	}
	c.cur[code][k] = v
}

// Len returns the number of posters and kits held.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for code, cur := range c.cur {
		n += len(cur)
		for k := range c.prev[code] {
			if _, ok := cur[k]; !ok {
				n++
			}
		}
	}
	return n
}

// pageKey hashes a laid-out page with what else goes into its files: the
// document date and whether previews are made.
func pageKey(pg *layout.Page, date string, previews bool) ([32]byte, error) {
	b, err := json.Marshal(struct {
		Page     *layout.Page
		Date     string
		Previews bool
	}{pg, date, previews})
	return sha256.Sum256(b), err
}

// previewKey hashes what a preview shows: the trimmed page's size and
// every shape, text and image of each side, not the document's metadata.
func previewKey(pg *layout.Page) ([32]byte, error) {
	type side struct {
		W, H, Bleed float64
		Shapes      []layout.Shape
		Texts       []layout.Text
		Images      []layout.Image
	}
	var sides []side
	for p := pg; p != nil; p = p.Back {
		sides = append(sides, side{p.Width, p.Height, p.Bleed, p.Shapes, p.Texts, p.Images})
	}
	b, err := json.Marshal(sides)
	return sha256.Sum256(b), err
}
