package build

import (
	"crypto/sha256"
	"encoding/json"
	"sync"

	"github.com/awarekit/awarekit/kit/layout"
)

// Cache keeps the bytes of the posters (PDF, preview, thumbnail) and kits
// of one build for the next, keyed by a hash of what decides them: the
// laid-out page (every shape, text, image and size), or the kit's files. A
// rebuild then renders only the posters that changed. The live preview
// (awarekit serve) uses one; a one-off build does not need it.
//
// It holds what the last build used: entries that a build does not ask for
// are dropped at the start of the next one.
type Cache struct {
	mu           sync.Mutex
	prev, cur    map[[32]byte][][]byte
	hits, misses int // of the current build
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{cur: map[[32]byte][][]byte{}} }

// rotate starts a build: what the previous build used is still found,
// anything older is dropped. A build of some editions only drops nothing
// (the others' entries are still current).
func (c *Cache) rotate(all bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if all {
		c.prev, c.cur = c.cur, map[[32]byte][][]byte{}
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

func (c *Cache) get(k [32]byte) ([][]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.cur[k]; ok {
		c.hits++
		return v, true
	}
	if v, ok := c.prev[k]; ok {
		c.cur[k] = v
		c.hits++
		return v, true
	}
	c.misses++
	return nil, false
}

func (c *Cache) put(k [32]byte, v [][]byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cur[k] = v
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
