// Package hyphen finds where a word may be hyphenated, with Frank Liang's
// algorithm (the one TeX uses) over the TeX hyph-utf8 patterns of a
// language. It knows words only: which words of a text may be hyphenated
// at all (URLs, names of services, words in capitals) is the caller's
// decision (kit/layout). The patterns are vendored under patterns/ with
// their licences (see README.md); languages without patterns (ar, uk…)
// get no hyphenator.
package hyphen

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
)

//go:embed patterns/*.pat.txt
var files embed.FS

// Patterns is a compiled pattern set with the language's minimum fragment
// lengths. It is safe for concurrent use.
type Patterns struct {
	Lang        string
	Left, Right int // the fewest letters before and after a hyphen
	levels      map[string][]uint8
	maxLen      int // the longest pattern, in bytes

	mu   sync.Mutex
	memo map[string][]int // words already hyphenated (a layout asks again at every size)
}

// memoMax bounds the words remembered per language.
const memoMax = 1 << 16

// The pattern file and the minimum fragment lengths per language. The
// files give 2 and 2 for both; French typography (Lexique des règles
// typographiques en usage à l'Imprimerie nationale, and babel's french)
// carries at least three letters to the next line, so fr uses 2 and 3.
var langs = map[string]struct {
	file        string
	left, right int
}{
	"fr": {"patterns/hyph-fr.pat.txt", 2, 3},
	"de": {"patterns/hyph-de-1996.pat.txt", 2, 2},
}

var (
	mu    sync.Mutex
	cache = map[string]*Patterns{}
)

// For returns the patterns of a language (ISO 639-1, e.g. "fr"), compiled
// once per process, or nil when none is vendored for it.
func For(lang string) *Patterns {
	l, ok := langs[lang]
	if !ok {
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	if p := cache[lang]; p != nil {
		return p
	}
	b, err := files.ReadFile(l.file)
	if err != nil {
		panic(fmt.Sprintf("hyphen: embedded %s: %v", l.file, err)) // cannot happen: the file is embedded
	}
	p, err := Parse(lang, string(b), l.left, l.right)
	if err != nil {
		panic(fmt.Sprintf("hyphen: embedded %s: %v", l.file, err))
	}
	cache[lang] = p
	return p
}

// Parse compiles patterns written as TeX's \patterns body or a
// hyph-utf8 .pat.txt file: whitespace-separated patterns such as "a1b2c"
// or ".ab3réa", digits giving the level between two letters, "." the edge
// of a word; "%" starts a comment.
func Parse(lang, text string, left, right int) (*Patterns, error) {
	p := &Patterns{Lang: lang, Left: left, Right: right, levels: map[string][]uint8{}}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i]
		}
		for _, pat := range strings.Fields(line) {
			var letters strings.Builder
			lv := []uint8{0}
			for _, r := range pat {
				if r >= '0' && r <= '9' {
					lv[len(lv)-1] = uint8(r - '0')
					continue
				}
				letters.WriteRune(unicode.ToLower(r))
				lv = append(lv, 0)
			}
			key := letters.String()
			if key == "" {
				return nil, fmt.Errorf("line %d: pattern %q has no letter", n, pat)
			}
			p.levels[key] = lv
			p.maxLen = max(p.maxLen, len(key))
		}
	}
	return p, sc.Err()
}

// MaxWord is the longest word (in letters) that Points hyphenates: no
// word of a language is longer, and the work stays linear on any input.
const MaxWord = 64

// Points returns the rune indices i (0 < i < len(word)) of word where a
// hyphen may go: the word breaks before word[i]. word is one word made of
// letters, apostrophes (' or ’) allowed inside; anything else (a word
// holding digits, a hyphen or other signs, or longer than MaxWord letters)
// gets no point. The language's minimum fragment lengths are honoured.
func (p *Patterns) Points(word []rune) []int {
	n := len(word)
	if p == nil || n < p.Left+p.Right || n > MaxWord {
		return nil
	}
	key := string(word)
	p.mu.Lock()
	pts, ok := p.memo[key]
	p.mu.Unlock()
	if ok {
		return pts
	}
	pts = p.points(word)
	p.mu.Lock()
	if p.memo == nil || len(p.memo) >= memoMax {
		p.memo = map[string][]int{}
	}
	p.memo[key] = pts
	p.mu.Unlock()
	return pts
}

func (p *Patterns) points(word []rune) []int {
	n := len(word)
	// The word in lower case between dots, with the byte offset of each
	// rune so that substrings are slices (no allocation per look-up).
	var b strings.Builder
	b.Grow(n*2 + 2)
	b.WriteByte('.')
	for _, r := range word {
		switch {
		case r == '’':
			r = '\''
		case r == '\'':
		case !unicode.IsLetter(r):
			return nil
		}
		b.WriteRune(unicode.ToLower(r))
	}
	b.WriteByte('.')
	s := b.String()
	off := make([]int, 0, n+3)
	for i := range s {
		off = append(off, i)
	}
	off = append(off, len(s))
	m := len(off) - 1 // runes in s (n + 2)
	lv := make([]uint8, m+1)
	for i := 0; i < m; i++ {
		for j := i + 1; j <= m && off[j]-off[i] <= p.maxLen; j++ {
			pat, ok := p.levels[s[off[i]:off[j]]]
			if !ok {
				continue
			}
			for k, v := range pat {
				if v > lv[i+k] {
					lv[i+k] = v
				}
			}
		}
	}
	// lv[k] is the level between s's runes k-1 and k; the break before
	// word[i] is between s's runes i and i+1.
	var pts []int
	for i := max(p.Left, 1); i <= n-p.Right; i++ {
		if lv[i+1]%2 == 1 && word[i-1] != '\'' && word[i-1] != '’' && word[i] != '\'' && word[i] != '’' {
			pts = append(pts, i)
		}
	}
	return pts
}

// Hyphenate returns word with a hyphen at every point (for tests and
// messages): "signa-le-ment".
func (p *Patterns) Hyphenate(word string) string {
	rs := []rune(word)
	pts := p.Points(rs)
	var b strings.Builder
	last := 0
	for _, i := range pts {
		b.WriteString(string(rs[last:i]))
		b.WriteByte('-')
		last = i
	}
	b.WriteString(string(rs[last:]))
	return b.String()
}

// Capitals reports whether a word is written in capitals (at least two
// letters, none lower case): PHAROS, ARRÊTE. Such words are not
// hyphenated.
func Capitals(word []rune) bool {
	letters := 0
	for _, r := range word {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}
