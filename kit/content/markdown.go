package content

import (
	"bytes"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The body of a page is Markdown, parsed here as the site parses it
// (goldmark, with Hugo's default extensions: tables, strikethrough,
// definition lists, footnotes, task lists; no linkify, no raw HTML).
// check reports, with the file:line:col of the link in the .md file:
//   - link and image targets other than https:, mailto:, tel: and links
//     inside the site (/fr-FR/…, ../x/, #anchor); images only inside the
//     site (a remote image is a request to a third party);
//   - targets that do not parse as a URL (the site's link hook would fail);
//   - link texts that show an address other than the target's;
//   - raw HTML (an element, a comment): the site would drop it, so a page
//     says nothing that the reader does not see;
//   - forbidden characters (text.go) and bodies over MaxPageLen.

// Markdown returns the parser the checks use: the Markdown of the site.
func Markdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(
		extension.Table, extension.Strikethrough, extension.DefinitionList,
		extension.Footnote, extension.TaskList,
	))
}

// mdCheck checks one page body. line is the line of the file where body
// starts; region is the edition's, for tel: links.
type mdCheck struct {
	l      *loader
	name   string // file, relative to the edition
	body   []byte
	line   int
	region string
}

// position returns the line and column in the file of byte off of the body.
func (m mdCheck) position(off int) (line, col int) {
	if off < 0 || off > len(m.body) {
		return 0, 0
	}
	before := m.body[:off]
	line = m.line + bytes.Count(before, []byte("\n"))
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// at reports a problem at byte offset off of the body.
func (m mdCheck) at(off int, format string, args ...any) {
	line, col := m.position(off)
	m.l.probs.Add(m.l.file(m.name), line, col, "", format, args...)
}

func (l *loader) markdown(name string, body []byte, line int, region string) {
	m := mdCheck{l: l, name: name, body: body, line: line, region: region}
	if n := utf8.RuneCount(body); n > MaxPageLen {
		l.probs.Add(l.file(name), 0, 0, "", "page too long: %d characters (at most %d)", n, MaxPageLen)
		return
	}
	// Characters, the first of each line.
	off := 0
	for ln := range bytes.Lines(body) {
		for i, r := range string(ln) {
			if r == '\t' || r == '\r' {
				continue // indentation in Markdown
			}
			if why := badRune(r); why != "" {
				m.at(off+i, "contains %s: remove it", why)
				break
			}
		}
		off += len(ln)
	}

	ctx := parser.NewContext()
	doc := Markdown().Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if n.Reference == nil { // else checked at its definition
				m.target(n.Pos(), string(n.Destination), false)
			}
			m.linkText(n.Pos(), plainText(n, body), string(n.Destination))
		case *ast.Image:
			if n.Reference == nil {
				m.target(n.Pos(), string(n.Destination), true)
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				m.target(n.Pos(), string(n.URL(body)), false)
			} else {
				m.target(n.Pos(), "mailto:"+string(n.URL(body)), false)
			}
		case *ast.RawHTML:
			m.at(n.Pos(), "raw HTML is not allowed in pages (the site would drop it): write Markdown")
		case *ast.HTMLBlock:
			pos := n.Pos()
			if n.Lines().Len() > 0 {
				pos = n.Lines().At(0).Start
			}
			m.at(pos, "raw HTML is not allowed in pages (the site would drop it): write Markdown")
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	// Reference definitions ([label]: target), used or not.
	refs := ctx.References()
	slices.SortFunc(refs, func(a, b parser.Reference) int { return bytes.Compare(a.Label(), b.Label()) })
	for _, r := range refs {
		m.target(refOffset(body, r.Label()), string(r.Destination()), false)
	}
}

// refOffset finds where the definition of label is written.
func refOffset(body, label []byte) int {
	re := regexp.MustCompile(`(?mi)^ {0,3}\[` + regexp.QuoteMeta(string(label)) + `\]:`)
	if loc := re.FindIndex(body); loc != nil {
		return loc[0] + bytes.IndexByte(body[loc[0]:], '[')
	}
	return -1
}

var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// target checks a link or image target.
func (m mdCheck) target(off int, dest string, image bool) {
	what := "link target"
	if image {
		what = "image"
	}
	if strings.TrimSpace(dest) == "" {
		m.at(off, "empty %s", what)
		return
	}
	if _, err := url.Parse(dest); err != nil || strings.ContainsAny(dest, " \\\n") {
		m.at(off, "%s %s is not a valid URL", what, quote(dest))
		return
	}
	scheme := ""
	if s := schemeRE.FindString(dest); s != "" {
		scheme = strings.ToLower(strings.TrimSuffix(s, ":"))
	}
	switch {
	case image && (scheme != "" || strings.HasPrefix(dest, "//")):
		m.at(off, "image %s: a page shows only images of the site (a remote image is a request to another site)", quote(dest))
	case scheme == "https":
		if bad, warn := urlProblem(dest); bad != "" {
			m.at(off, "%s", bad)
		} else if warn != "" {
			line, col := m.position(off)
			m.l.warnings.Add(m.l.file(m.name), line, col, "", "%s", warn)
		}
	case scheme == "mailto":
		addr, _, _ := strings.Cut(dest[len("mailto:"):], "?")
		if a, err := mail.ParseAddress(addr); err != nil || a.Address != addr || !strings.Contains(addr[strings.LastIndexByte(addr, '@')+1:], ".") {
			m.at(off, "link target %s is not a valid e-mail address", quote(dest))
		}
	case scheme == "tel":
		if num, ok := parsePhone(dest[len("tel:"):], m.region); !ok {
			m.at(off, "link target %s is not a valid phone number for region %s", quote(dest), m.region)
		} else if premium(num, m.region) {
			m.at(off, "link target %s is a premium-rate number: callers pay for it", quote(dest))
		}
	case scheme != "" || strings.HasPrefix(dest, "//"):
		m.at(off, "link target %s: only https:, mailto:, tel: and links inside the site (/fr-FR/…, ../x/, #anchor) are allowed", quote(dest))
	}
}

// hostTextRE matches a link text that shows an address: a host name,
// maybe with https:// and a path.
var hostTextRE = regexp.MustCompile(`(?i)^(?:https?://)?((?:[\p{L}\p{N}-]+\.)+\p{L}{2,})(?:[/?#]\S*)?$`)

// emailTextRE matches a link text that shows an e-mail address.
var emailTextRE = regexp.MustCompile(`^(?i)(?:mailto:)?[^@\s]+@[^@\s]+\.[^@\s]+$`)

// linkText checks that a link text that looks like an address, an e-mail
// address or a phone number shows where the link goes.
func (m mdCheck) linkText(off int, txt, dest string) {
	txt = strings.TrimSpace(txt)
	low := strings.ToLower(dest)
	switch {
	case emailTextRE.MatchString(txt):
		addr, _, _ := strings.Cut(dest, "?")
		if !strings.HasPrefix(low, "mailto:") || !strings.EqualFold(addr[len("mailto:"):], strings.TrimPrefix(txt, "mailto:")) {
			m.at(off, "the link text shows %s but the link goes to %s", quote(txt), quote(dest))
		}
	case hostTextRE.MatchString(txt):
		shown := hostTextRE.FindStringSubmatch(txt)[1]
		u, err := url.Parse(dest)
		if err != nil || !strings.HasPrefix(low, "https:") || !sameHost(shown, u.Hostname()) {
			m.at(off, "the link text shows %s but the link goes to %s", quote(txt), quote(dest))
		}
	case strings.HasPrefix(low, "tel:") && digits(txt) != "" && strings.Trim(txt, "0123456789"+displayChars) == "":
		if num, ok := parsePhone(dest[len("tel:"):], m.region); ok && !showsNumber(txt, dest[len("tel:"):], num, m.region) {
			m.at(off, "the link text shows %s but the link calls %s", quote(txt), quote(dest[len("tel:"):]))
		}
	}
}

func sameHost(a, b string) bool {
	ua, ok1 := unicodeHost(a)
	ub, ok2 := unicodeHost(b)
	if !ok1 || !ok2 {
		return false
	}
	return strings.TrimPrefix(ua, "www.") == strings.TrimPrefix(ub, "www.")
}

// plainText is the text of a node's children, without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
