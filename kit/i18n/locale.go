package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/typo"
)

// LocaleDir is the folder of the i18n folder that holds the locale files,
// one per language: locale/<lang>.yaml (its typography, dates, numbers
// and file-size units; docs/TRANSLATING.md). They are apart from the
// interface strings, which stay flat key: text maps for translators and
// Hugo.
const LocaleDir = "locale"

// localeFile is the YAML of a locale file. Every key is optional except
// dates.numeric, dates.long and dates.months; unknown keys are errors.
type localeFile struct {
	Direction  string `yaml:"direction"` // ltr (the default) | rtl
	Typography struct {
		SpaceBefore map[string]string `yaml:"space_before"` // mark → nbsp | narrow
		Quotes      struct {
			Open   string `yaml:"open"`
			Close  string `yaml:"close"`
			Inside string `yaml:"inside"` // nbsp | narrow | none | as-written
		} `yaml:"quotes"`
		WordApostrophe struct {
			Mark   string `yaml:"mark"`
			Script string `yaml:"script"`
		} `yaml:"word_apostrophe"`
		Punctuation struct {
			Script  string            `yaml:"script"`
			Replace map[string]string `yaml:"replace"`
		} `yaml:"punctuation"`
		Units         []string `yaml:"units"`
		HourUnit      string   `yaml:"hour_unit"`
		ListSeparator string   `yaml:"list_separator"`
	} `yaml:"typography"`
	Dates struct {
		Numeric     string   `yaml:"numeric"`
		Long        string   `yaml:"long"`
		MonthYear   string   `yaml:"month_year"`
		DayOne      string   `yaml:"day_one"`
		Months      []string `yaml:"months"`
		MonthsAlone []string `yaml:"months_alone"`
	} `yaml:"dates"`
	Numbers struct {
		Decimal string   `yaml:"decimal"`
		Bytes   []string `yaml:"bytes"`
	} `yaml:"numbers"`
}

// LoadLocale returns the locale of language lang read from fsys (the i18n
// folder, shown as name in messages): locale/<lang>.yaml, which every
// language of an edition must have. Every problem is reported at once,
// with file:line:col and the field.
func LoadLocale(fsys fs.FS, name, lang string) (*typo.Locale, error) {
	var probs diag.List
	file := path.Join(LocaleDir, lang+".yaml")
	shown := path.Join(name, file)
	b, err := fs.ReadFile(fsys, file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		probs.Add(shown, 0, 0, "", "missing: the typography and date formats of language %q (copy i18n/locale/fr.yaml and adapt it: see docs/TRANSLATING.md)", lang)
		return nil, probs.Err()
	case err != nil:
		probs.Add(shown, 0, 0, "", "cannot read: %v", err)
		return nil, probs.Err()
	}
	var f localeFile
	decoded := content.DecodeStrict(shown, b, &f)
	var doc yaml.Node
	if yaml.Unmarshal(b, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, append(probs, decoded...).Err() // not YAML, or empty: nothing more to say
	}
	c := &localeCheck{file: shown, doc: &doc, probs: &probs}
	loc := c.build(lang, &f)
	// Every problem at once: the values' problems too, except those of a
	// field the decoder already refused (a list where a text was wanted…).
	for _, d := range decoded {
		if strings.HasPrefix(d.Msg, "unknown key") {
			continue
		}
		probs = slices.DeleteFunc(probs, func(p diag.Problem) bool {
			return p.Field == d.Field || strings.HasPrefix(p.Field, d.Field+".")
		})
	}
	probs = append(probs, decoded...)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return loc, nil
}

// DefaultLocale returns the embedded locale of lang (i18n/locale/<lang>.yaml
// of the binary), for the callers that have no kit folder (the in-browser
// personalisation, tests); nil when there is none or it does not load.
func DefaultLocale(lang string) *typo.Locale {
	defaultLocales.Lock()
	defer defaultLocales.Unlock()
	if l, ok := defaultLocales.m[lang]; ok {
		return l
	}
	sub, _ := fs.Sub(awarekit.Defaults, "i18n")
	l, _ := LoadLocale(sub, "i18n", lang)
	defaultLocales.m[lang] = l
	return l
}

var defaultLocales = struct {
	sync.Mutex
	m map[string]*typo.Locale
}{m: map[string]*typo.Locale{}}

// localeCheck checks the values of a decoded locale file, with the
// positions of its YAML nodes.
type localeCheck struct {
	file  string
	doc   *yaml.Node
	probs *diag.List
}

// node returns the value node at the dotted path (nil when absent).
func (c *localeCheck) node(keys ...string) *yaml.Node {
	if len(c.doc.Content) == 0 {
		return nil
	}
	n := c.doc.Content[0]
	for _, k := range keys {
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == k {
					next = n.Content[i+1]
				}
			}
		case yaml.SequenceNode:
			if i, err := strconv.Atoi(k); err == nil && i < len(n.Content) {
				next = n.Content[i]
			}
		}
		if next == nil {
			return nil
		}
		n = next
	}
	return n
}

// keyNode returns the key node of a mapping entry (for problems about a key).
func (c *localeCheck) keyNode(key string, keys ...string) *yaml.Node {
	m := c.node(keys...)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

func (c *localeCheck) add(n *yaml.Node, keys []string, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	c.probs.Add(c.file, line, col, strings.Join(keys, "."), format, args...)
}

// text checks a string value (characters, markup, length) and returns it.
func (c *localeCheck) text(s string, keys ...string) string {
	for _, p := range CheckString(s) {
		c.add(c.node(keys...), keys, "%s", p)
	}
	return s
}

// char returns the single character of s ("" gives 0 unless required).
func (c *localeCheck) char(s string, required bool, keys ...string) rune {
	c.text(s, keys...)
	if s == "" {
		if required {
			c.add(c.node(keys[:len(keys)-1]...), keys, "missing: one character")
		}
		return 0
	}
	if utf8.RuneCountInString(s) != 1 {
		c.add(c.node(keys...), keys, "%q is not one character", s)
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

var spaces = map[string]rune{"nbsp": typo.NBSP, "narrow": typo.NarrowNBSP}

func (c *localeCheck) space(s string, keys ...string) rune {
	if r, ok := spaces[s]; ok {
		return r
	}
	c.add(c.node(keys...), keys, "%q is not a space: nbsp (no-break space) or narrow (narrow no-break space)", s)
	return 0
}

func (c *localeCheck) script(s string, keys ...string) *unicode.RangeTable {
	if t, ok := unicode.Scripts[s]; ok {
		return t
	}
	msg := fmt.Sprintf("%q is not a Unicode script name", s)
	names := make([]string, 0, len(unicode.Scripts))
	for n := range unicode.Scripts {
		names = append(names, n)
	}
	if sug := content.Suggest(s, names); sug != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", sug)
	} else {
		msg += " (Latin, Cyrillic, Arabic, Greek…)"
	}
	c.add(c.node(keys...), keys, "%s", msg)
	return nil
}

var placeholderRE = regexp.MustCompile(`\{[^{}]*\}`)

// pattern checks a date pattern: its placeholders, and those it needs.
func (c *localeCheck) pattern(s string, need []string, keys ...string) string {
	c.text(s, keys...)
	if s == "" {
		c.add(c.node(keys[:len(keys)-1]...), keys, "missing: a pattern such as %q", strings.Join(need, " "))
		return ""
	}
	for _, ph := range placeholderRE.FindAllString(s, -1) {
		switch ph {
		case "{d}", "{dd}", "{mm}", "{month}", "{yyyy}":
		default:
			c.add(c.node(keys...), keys, "unknown placeholder %s (use {d}, {dd}, {mm}, {month}, {yyyy})", ph)
		}
	}
	for _, alt := range need {
		ok := false
		for _, ph := range strings.Split(alt, "|") {
			ok = ok || strings.Contains(s, ph)
		}
		if !ok {
			c.add(c.node(keys...), keys, "%q lacks %s", s, strings.ReplaceAll(alt, "|", " or "))
		}
	}
	return s
}

// names checks a list of n names (or none, when optional).
func (c *localeCheck) names(list []string, n int, optional bool, keys ...string) []string {
	if len(list) == 0 && optional {
		return nil
	}
	if len(list) != n {
		at := c.node(keys...)
		if at == nil {
			at = c.node(keys[:len(keys)-1]...)
		}
		what := fmt.Sprintf("%d names", len(list))
		if len(list) == 1 {
			what = "1 name"
		}
		c.add(at, keys, "%s, want %d", what, n)
		return nil
	}
	for i, s := range list {
		k := append(append([]string{}, keys...), strconv.Itoa(i))
		c.text(s, k...)
		if blank(s) {
			c.add(c.node(k...), keys, "item %d is blank", i+1)
		}
	}
	return list
}

func (c *localeCheck) build(lang string, f *localeFile) *typo.Locale {
	l := &typo.Locale{Lang: lang}
	switch f.Direction {
	case "", "ltr":
	case "rtl":
		l.RTL = true
	default:
		c.add(c.node("direction"), []string{"direction"}, "%q: write ltr (left to right, the default) or rtl (right to left: Arabic, Hebrew, Persian, Urdu…)", f.Direction)
	}
	t := f.Typography
	ru := &l.Rules
	for mark, sp := range t.SpaceBefore {
		k := []string{"typography", "space_before", mark}
		r := c.char(mark, true, k...)
		if r == 0 {
			continue
		}
		if !unicode.IsPunct(r) {
			c.add(c.keyNode(mark, k[:2]...), k, "%q is not a punctuation mark", mark)
			continue
		}
		if s := c.space(sp, k...); s != 0 {
			if ru.SpaceBefore == nil {
				ru.SpaceBefore = map[rune]rune{}
			}
			ru.SpaceBefore[r] = s
		}
	}
	q := t.Quotes
	ru.QuoteOpen = c.char(q.Open, false, "typography", "quotes", "open")
	ru.QuoteClose = c.char(q.Close, false, "typography", "quotes", "close")
	if (ru.QuoteOpen == 0) != (ru.QuoteClose == 0) {
		c.add(c.node("typography", "quotes"), []string{"typography", "quotes"}, "give both open and close, or neither")
	}
	switch q.Inside {
	case "", "as-written":
	case "none":
		ru.TightQuotes = true
	default:
		k := []string{"typography", "quotes", "inside"}
		if r, ok := spaces[q.Inside]; ok {
			ru.QuoteSpace = r
		} else {
			c.add(c.node(k...), k, "%q: write nbsp, narrow, none (spaces taken out) or as-written", q.Inside)
		}
	}
	if q.Inside != "" && q.Inside != "as-written" && ru.QuoteOpen == 0 {
		c.add(c.node("typography", "quotes", "inside"), []string{"typography", "quotes", "inside"}, "no quotation marks (open, close) to put it inside")
	}
	if a := t.WordApostrophe; a.Mark != "" || a.Script != "" {
		ru.LetterApostrophe = c.char(a.Mark, true, "typography", "word_apostrophe", "mark")
		if a.Script == "" {
			c.add(c.node("typography", "word_apostrophe"), []string{"typography", "word_apostrophe", "script"}, "missing: the script whose letters it stands between (Cyrillic…)")
		} else {
			ru.ApostropheScript = c.script(a.Script, "typography", "word_apostrophe", "script")
		}
	}
	if p := t.Punctuation; p.Script != "" || len(p.Replace) > 0 {
		if p.Script == "" {
			c.add(c.node("typography", "punctuation"), []string{"typography", "punctuation", "script"}, "missing: the script after whose letters the marks are replaced (Arabic…)")
		} else {
			ru.PunctuationScript = c.script(p.Script, "typography", "punctuation", "script")
		}
		for from, to := range p.Replace {
			k := []string{"typography", "punctuation", "replace", from}
			a, b := c.char(from, true, k...), c.char(to, true, k...)
			if a == 0 || b == 0 {
				continue
			}
			if _, again := p.Replace[to]; again {
				c.add(c.node(k...), k, "%q is replaced in turn: the rules would not be idempotent", to)
				continue
			}
			if ru.Punctuation == nil {
				ru.Punctuation = map[rune]rune{}
			}
			ru.Punctuation[a] = b
		}
	}
	for i, u := range t.Units {
		k := []string{"typography", "units", strconv.Itoa(i)}
		c.text(u, k...)
		if blank(u) || strings.ContainsFunc(u, unicode.IsSpace) || utf8.RuneCountInString(u) > 12 {
			c.add(c.node(k...), k, "%q: a unit is one short word or symbol, without spaces", u)
			continue
		}
		ru.Units = append(ru.Units, u)
	}
	if t.HourUnit != "" {
		c.text(t.HourUnit, "typography", "hour_unit")
		ru.HourUnit = t.HourUnit
	}
	ru.Prepare()

	d := f.Dates
	l.Dates.Numeric = c.pattern(d.Numeric, []string{"{dd}|{d}", "{mm}", "{yyyy}"}, "dates", "numeric")
	l.Dates.Long = c.pattern(d.Long, []string{"{dd}|{d}", "{month}", "{yyyy}"}, "dates", "long")
	if d.MonthYear != "" {
		l.Dates.MonthYear = c.pattern(d.MonthYear, []string{"{month}", "{yyyy}"}, "dates", "month_year")
	}
	l.Dates.DayOne = c.text(d.DayOne, "dates", "day_one")
	copy(l.Dates.Months[:], c.names(d.Months, 12, false, "dates", "months"))
	copy(l.Dates.MonthsAlone[:], c.names(d.MonthsAlone, 12, true, "dates", "months_alone"))

	n := f.Numbers
	if n.Decimal != "" {
		if r := c.char(n.Decimal, false, "numbers", "decimal"); r != 0 {
			l.Decimal = n.Decimal
		}
	}
	copy(l.ByteUnits[:], c.names(n.Bytes, 3, true, "numbers", "bytes"))
	l.ListSeparator = c.text(f.Typography.ListSeparator, "typography", "list_separator")
	return l
}
