package bundle

import (
	"strings"
	"unicode/utf8"
)

// Readme is the kit's README.txt: a title, paragraphs, and sections of
// items, all in the edition's language. The caller gives every text (from
// i18n/ and the data); Text only lays them out as plain text.
type Readme struct {
	Title    string
	Intro    []string // paragraphs under the title
	Sections []Section
}

// Section is a heading over paragraphs and a list of items.
type Section struct {
	Heading string
	Text    []string // paragraphs
	Items   []string // one "- " item each
}

// readmeWidth is the column at which README lines wrap.
const readmeWidth = 76

// Text returns the README as UTF-8 plain text with CRLF line ends (read as
// it is by every editor, Windows Notepad included): the title underlined
// with "=", headings with "-", paragraphs and items wrapped at 76 columns,
// items hanging after their dash. "**" emphasis marks are dropped.
func (r Readme) Text() []byte {
	var b strings.Builder
	line := func(s string) { b.WriteString(strings.TrimRight(s, " ")); b.WriteString("\r\n") }
	under := func(s string, c string) {
		line(s)
		line(strings.Repeat(c, utf8.RuneCountInString(s)))
	}
	para := func(s, first, rest string) {
		for _, l := range wrap(strings.ReplaceAll(s, "**", ""), readmeWidth-utf8.RuneCountInString(first)) {
			line(first + l)
			first = rest
		}
	}
	under(r.Title, "=")
	for _, p := range r.Intro {
		line("")
		para(p, "", "")
	}
	for _, s := range r.Sections {
		line("")
		line("")
		under(s.Heading, "-")
		for _, p := range s.Text {
			line("")
			para(p, "", "")
		}
		if len(s.Items) > 0 {
			line("")
		}
		for _, it := range s.Items {
			para(it, "- ", "  ")
		}
	}
	return []byte(b.String())
}

// wrap breaks s into lines of at most width characters, at ordinary
// spaces only (a no-break space keeps "3018 :" and "24 h/24" together); a
// word longer than the line (a URL) stands alone on its line, unbroken.
func wrap(s string, width int) []string {
	var lines []string
	cur, n := "", 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }) {
		wn := utf8.RuneCountInString(w)
		if n > 0 && n+1+wn > width {
			lines = append(lines, cur)
			cur, n = "", 0
		}
		if n > 0 {
			cur += " "
			n++
		}
		cur += w
		n += wn
	}
	if n > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}
