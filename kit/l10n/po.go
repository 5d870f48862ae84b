package l10n

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Catalog is the content of an exchange file: the units of one edition
// translated from another.
type Catalog struct {
	Source string // the source edition: fr-LU
	Target string // the translated edition: de-LU
	Date   string // YYYY-MM-DD: the target's updated date (Edition.Date), for the PO header (a fixed date keeps exports reproducible)
	Units  []Unit
}

// WritePO writes c as a gettext PO file: msgctxt is the string id, msgid
// the source text, msgstr the translation; #. lines carry the context and
// the notes, #: the source file and line, and "#, fuzzy" marks a stale
// translation (its source changed since).
func WritePO(w io.Writer, c *Catalog) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# awarekit: the %s edition, translated from %s.\n", c.Target, c.Source)
	fmt.Fprintf(&b, "# Import with: awarekit i18n import <this file>\n")
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	for _, h := range [][2]string{
		{"Project-Id-Version", "awarekit " + c.Target},
		{"PO-Revision-Date", c.Date + " 00:00+0000"},
		{"Last-Translator", "awarekit"},
		{"Language-Team", c.Target},
		{"Language", strings.ReplaceAll(c.Target, "-", "_")},
		{"MIME-Version", "1.0"},
		{"Content-Type", "text/plain; charset=UTF-8"},
		{"Content-Transfer-Encoding", "8bit"},
		{"X-Awarekit-Source", c.Source},
		{"X-Awarekit-Target", c.Target},
	} {
		b.WriteString(poQuote(h[0]+": "+h[1]+"\n") + "\n")
	}
	for _, u := range c.Units {
		b.WriteByte('\n')
		if u.Context != "" {
			poComment(&b, "#.", "Where: "+u.Context)
		}
		for _, n := range u.Notes {
			poComment(&b, "#.", n)
		}
		if u.Ref != "" {
			b.WriteString("#: " + u.Ref + "\n")
		}
		if u.State == StateStale {
			b.WriteString("#, fuzzy\n")
		}
		b.WriteString("msgctxt " + poQuote(u.ID) + "\n")
		b.WriteString("msgid " + poString(u.Source) + "\n")
		b.WriteString("msgstr " + poString(u.Target) + "\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

func poComment(b *bytes.Buffer, mark, s string) {
	for _, l := range strings.Split(s, "\n") {
		b.WriteString(strings.TrimRight(mark+" "+l, " ") + "\n")
	}
}

// poString writes a string on one line, or, when it holds line breaks, as
// "" followed by one line per line of text (gettext's own style).
func poString(s string) string {
	if !strings.Contains(s, "\n") {
		return poQuote(s)
	}
	var b strings.Builder
	b.WriteString(`""`)
	for _, l := range strings.SplitAfter(s, "\n") {
		if l != "" {
			b.WriteString("\n" + poQuote(l))
		}
	}
	return b.String()
}

func poQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ReadPO parses a PO file written by WritePO and edited by a translator's
// tool. It refuses what it cannot read faithfully: plural forms, entries
// without msgctxt, a string split wrongly, two entries with one id. name
// is how the file is shown in messages.
func ReadPO(name string, r io.Reader) (*Catalog, error) {
	c := &Catalog{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	// Each string is built in a strings.Builder as its lines come: a
	// string of n continuation lines costs O(n), not O(n²).
	type entry struct {
		line, strLine int
		fuzzy         bool
		ctxt, id, str *strings.Builder
		context, ref  string
		notes         []string
	}
	var (
		cur    *entry
		last   *strings.Builder // the string a continuation line extends
		lineNo int
		header map[string]string
		seen   = map[string]int{}
	)
	fail := func(format string, args ...any) (*Catalog, error) {
		return nil, fmt.Errorf("%s:%d: %s", name, lineNo, fmt.Sprintf(format, args...))
	}
	flush := func() error {
		if cur == nil {
			return nil
		}
		e := cur
		cur, last = nil, nil
		if e.id == nil || e.str == nil {
			return fmt.Errorf("%s:%d: an entry needs msgid and msgstr", name, e.line)
		}
		id, str := e.id.String(), e.str.String()
		if e.ctxt == nil {
			if id == "" && header == nil {
				header = parseHeader(str)
				return nil
			}
			return fmt.Errorf("%s:%d: an entry without msgctxt (awarekit files name every string by its id in msgctxt)", name, e.line)
		}
		ctxt := e.ctxt.String()
		if first, dup := seen[ctxt]; dup {
			return fmt.Errorf("%s:%d: %s is given twice (first at line %d)", name, e.line, showID(ctxt), first)
		}
		seen[ctxt] = e.line
		u := Unit{ID: ctxt, Source: id, Target: str, State: StateTranslated, Context: e.context, Ref: e.ref, Notes: e.notes, Line: e.strLine}
		switch {
		case e.fuzzy:
			u.State = StateStale
		case str == "":
			u.State = StateNew
		}
		c.Units = append(c.Units, u)
		return nil
	}
	start := func() *entry {
		if cur == nil {
			cur = &entry{line: lineNo}
		}
		return cur
	}
	for sc.Scan() {
		lineNo++
		raw := sc.Bytes()
		if lineNo == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
		}
		if !utf8.Valid(raw) {
			return fail("not UTF-8 text")
		}
		line := strings.TrimSpace(string(raw))
		switch {
		case line == "":
			if err := flush(); err != nil {
				return nil, err
			}
		case strings.HasPrefix(line, "#~"), strings.HasPrefix(line, "#|"):
			// obsolete entries and previous strings: ignored
		case strings.HasPrefix(line, "#,"):
			if cur != nil && cur.id != nil {
				if err := flush(); err != nil {
					return nil, err
				}
			}
			for _, f := range strings.Split(line[2:], ",") {
				if strings.TrimSpace(f) == "fuzzy" {
					start().fuzzy = true
				}
			}
		case strings.HasPrefix(line, "#"):
			if cur != nil && cur.id != nil {
				if err := flush(); err != nil {
					return nil, err
				}
			}
			switch {
			case strings.HasPrefix(line, "#. Where: "):
				start().context = line[len("#. Where: "):]
			case strings.HasPrefix(line, "#. "):
				start().notes = append(start().notes, line[3:])
			case strings.HasPrefix(line, "#: "):
				start().ref = strings.TrimSpace(line[3:])
			}
		case strings.HasPrefix(line, `"`):
			if last == nil {
				return fail("a string outside msgctxt, msgid or msgstr")
			}
			if err := poUnquote(last, line); err != nil {
				return fail("%v", err)
			}
		default:
			kw, rest, _ := strings.Cut(line, " ")
			switch kw {
			case "msgctxt", "msgid", "msgstr":
			case "msgid_plural":
				return fail("plural forms are not used by awarekit files")
			default:
				if strings.HasPrefix(kw, "msgstr[") {
					return fail("plural forms are not used by awarekit files")
				}
				return fail("unexpected text (a PO file has msgctxt, msgid, msgstr and # comments)")
			}
			s := new(strings.Builder)
			if err := poUnquote(s, strings.TrimSpace(rest)); err != nil {
				return fail("%v", err)
			}
			if kw == "msgctxt" && cur != nil && cur.id != nil {
				if err := flush(); err != nil {
					return nil, err
				}
			}
			e := start()
			var slot **strings.Builder
			switch kw {
			case "msgctxt":
				slot = &e.ctxt
			case "msgid":
				slot = &e.id
			case "msgstr":
				if e.id == nil {
					return fail("msgstr before msgid")
				}
				slot = &e.str
				e.strLine = lineNo
			}
			if *slot != nil {
				return fail("%s written twice in one entry", kw)
			}
			*slot = s
			last = s
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	lineNo++
	if err := flush(); err != nil {
		return nil, err
	}
	if header == nil {
		return nil, fmt.Errorf("%s: no PO header (msgid \"\" with X-Awarekit-Source and X-Awarekit-Target): not a file exported by awarekit", name)
	}
	c.Source, c.Target = header["X-Awarekit-Source"], header["X-Awarekit-Target"]
	if d := header["PO-Revision-Date"]; len(d) >= 10 {
		c.Date = d[:10]
	}
	if c.Source == "" || c.Target == "" {
		return nil, fmt.Errorf("%s: the header has no X-Awarekit-Source or X-Awarekit-Target: not a file exported by awarekit", name)
	}
	if !validCode(c.Source) || !validCode(c.Target) {
		return nil, fmt.Errorf("%s: X-Awarekit-Source and X-Awarekit-Target must be edition codes such as fr-LU", name)
	}
	if lang := header["Language"]; lang != "" && !strings.EqualFold(strings.ReplaceAll(lang, "_", "-")[:min(2, len(lang))], c.Target[:2]) {
		return nil, fmt.Errorf("%s: the header's Language does not match edition %s", name, c.Target)
	}
	return c, nil
}

func parseHeader(s string) map[string]string {
	h := map[string]string{}
	for _, l := range strings.Split(s, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			h[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return h
}

// poUnquote appends one "…" string with C escapes to b. Its errors never
// quote the line (an imported file's content is not printed).
func poUnquote(b *strings.Builder, s string) error {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return fmt.Errorf("expected a string in double quotes")
	}
	s = s[1 : len(s)-1]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			return fmt.Errorf("an unescaped \" inside a string")
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			return fmt.Errorf("a string ends with a lone \\")
		}
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '"', '\\':
			b.WriteByte(s[i])
		default:
			return fmt.Errorf("unknown escape \\%c", s[i])
		}
	}
	return nil
}

var idRE = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$`)

// showID quotes a string id read from an imported file for a message, or
// says it is not one: a line of an unexpected file (a link to a system
// file, say) is never printed.
func showID(s string) string {
	if idRE.MatchString(s) {
		return strconv.Quote(s)
	}
	return "a string id that is not one (not shown)"
}
