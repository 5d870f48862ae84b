package layout

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"sync"
)

// The fitting sets each box at several sizes to find the largest that
// fits, and a build sets the same texts again and again: the print-shop
// variant has the office variant's boxes, editions share designs, the
// live preview and a batch of posters change one text at a time. measure
// remembers, for a set of paragraphs at a size and width, the height and
// the cut word; only the size finally chosen is set line by line. (Typst's
// memoised layout does the same.)
//
// The memo holds two floats and a string per entry, keyed by a SHA-256 of
// everything that decides the setting, and is emptied when it reaches
// memoMax entries.
const memoMax = 1 << 18

type measured struct {
	height float64
	cut    string
}

var memo struct {
	sync.Mutex
	m map[[32]byte]measured
}

// measure returns the height of paras set at s.size into width w, as
// set(paras, w).fitHeight() would, and the word that had to be cut.
func (s setter) measure(paras []Para, w float64) (float64, string) {
	k := s.key(paras, w)
	memo.Lock()
	r, ok := memo.m[k]
	memo.Unlock()
	if !ok {
		b := s.setRec(paras, w, nil)
		r = measured{b.fitHeight(), b.cut}
		memo.Lock()
		if memo.m == nil || len(memo.m) >= memoMax {
			memo.m = make(map[[32]byte]measured)
		}
		memo.m[k] = r
		memo.Unlock()
	}
	return r.height, r.cut
}

// key hashes what set reads: the size, the width, the mode (relaxed or
// not: see relaxed), the breaks (greedy or not), the hyphenation language
// and the names never hyphenated (see textOpts), and every paragraph's
// alignment, spacing, leading and spans (text, role, scale; colour does
// not change a measure). Lengths are written before texts, so that no two
// different inputs give the same byte stream.
func (s setter) key(paras []Para, w float64) [32]byte {
	h := sha256.New()
	var buf [8]byte
	num := func(f float64) {
		binary.LittleEndian.PutUint64(buf[:], math.Float64bits(f))
		h.Write(buf[:])
	}
	str := func(t string) {
		num(float64(len(t)))
		h.Write([]byte(t))
	}
	num(s.size)
	num(w)
	if s.relaxed() {
		num(1)
	} else {
		num(0)
	}
	o := s.opts()
	if o.greedy {
		num(1)
	} else {
		num(0)
	}
	if o.hyph != nil {
		str(o.hyph.Lang)
	} else {
		str("")
	}
	// The fallbacks and the direction come from the language (shape.go,
	// bidi.go), the language from the edition code, which two editions of
	// one language share: the language's fallbacks are keyed by content.
	if o.rtl {
		num(1)
	} else {
		num(0)
	}
	num(float64(len(o.fallback)))
	for _, r := range Roles {
		if fb, ok := o.fallback[r]; ok {
			str(string(r))
			num(float64(len(fb)))
			for _, f := range fb {
				str(string(f))
			}
		}
	}
	num(float64(len(o.never)))
	for _, n := range o.never {
		str(n)
	}
	num(float64(len(o.hold)))
	for _, n := range o.hold {
		str(n)
	}
	num(float64(len(paras)))
	for _, p := range paras {
		str(string(p.Align))
		num(p.SpaceBefore)
		num(p.Leading)
		if p.Isolate {
			num(1)
		} else {
			num(0)
		}
		num(float64(len(p.Spans)))
		for _, sp := range p.Spans {
			str(sp.Text)
			str(string(sp.Role))
			num(sp.Scale)
		}
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}
