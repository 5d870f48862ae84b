package typo

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// markdown parses as the site does (Hugo's default goldmark extensions).
var markdown = goldmark.New(goldmark.WithExtensions(
	extension.Table, extension.Strikethrough, extension.DefinitionList,
	extension.Footnote, extension.TaskList,
))

// ApplyMarkdown applies the rules to the text of a Markdown
// document and to nothing else: link targets and titles, reference
// definitions, autolinks, inline code, code blocks and raw HTML stay byte
// for byte as written (Apply on the raw Markdown turned mailto:x into
// "mailto :x" and broke reference definitions). The label of a collapsed
// or shortcut reference ([PHAROS][], [PHAROS]) is kept too: it must still
// match its definition.
//
// Every part that is not text is replaced by one placeholder character
// before Apply runs, so that the rules still see the text around markup
// ("**Attention** :" gets its no-break space), then put back.
func (ru *Rules) ApplyMarkdown(md string) string {
	if md == "" {
		return md
	}
	src := []byte(md)
	doc := markdown.Parser().Parse(text.NewReader(src))
	var segs []text.Segment // text, in document order
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if n.Reference != nil && n.Reference.Type != ast.ReferenceLinkFull {
				return ast.WalkSkipChildren, nil
			}
		case *ast.Image:
			if n.Reference != nil && n.Reference.Type != ast.ReferenceLinkFull {
				return ast.WalkSkipChildren, nil
			}
		case *ast.Text:
			segs = append(segs, n.Segment)
		}
		return ast.WalkContinue, nil
	})
	ph := placeholder(md)
	var masked strings.Builder
	var kept []string
	last := 0
	for _, s := range segs {
		if s.Start < last || s.Stop > len(src) || s.Start > s.Stop {
			continue // not in order: leave it as markup
		}
		if s.Start > last {
			kept = append(kept, md[last:s.Start])
			masked.WriteRune(ph)
		}
		masked.WriteString(md[s.Start:s.Stop])
		last = s.Stop
	}
	if last < len(md) {
		kept = append(kept, md[last:])
		masked.WriteRune(ph)
	}
	out := ru.Apply(masked.String())
	parts := strings.Split(out, string(ph))
	if len(parts) != len(kept)+1 {
		return md // cannot happen: Apply never removes a letter
	}
	var b strings.Builder
	for i, p := range parts {
		b.WriteString(p)
		if i < len(kept) {
			b.WriteString(kept[i])
		}
	}
	return b.String()
}

// placeholder returns a private-use character that s does not hold.
func placeholder(s string) rune {
	for r := rune(0xe000); r < 0xf8ff; r++ {
		if !strings.ContainsRune(s, r) {
			return r
		}
	}
	return 0xf8ff
}
