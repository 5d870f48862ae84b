package l10n

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// yfile is one YAML text being edited. Values are changed in the parsed
// node tree and, at the same time, as byte replacements of the original
// text, so that comments, blank lines, folding and quoting elsewhere stay
// exactly as written. render checks that the patched text decodes to the
// same data as the node tree; when it does not (an unusual layout this
// code does not patch), it falls back on re-encoding the tree with
// yaml.v3, which keeps comments but not blank lines or line folding.
type yfile struct {
	name  string
	src   []byte
	doc   yaml.Node
	edits []edit
	whole bool // a structural change: re-encode the tree
}

type edit struct {
	start, end int
	text       string
}

func parseYAML(name string, src []byte) (*yfile, error) {
	f := &yfile{name: name, src: src}
	if err := yaml.Unmarshal(src, &f.doc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if f.root() == nil {
		return nil, fmt.Errorf("%s: empty YAML", name)
	}
	return f, nil
}

// newYAML starts an empty mapping (for a file that does not exist yet).
func newYAML(name, header string) *yfile {
	f := &yfile{name: name}
	f.doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map", HeadComment: header}}}
	return f
}

func (f *yfile) root() *yaml.Node {
	if f.doc.Kind != yaml.DocumentNode || len(f.doc.Content) == 0 {
		return nil
	}
	return f.doc.Content[0]
}

func (f *yfile) changed() bool { return f.whole || len(f.edits) > 0 }

// get returns the key and value nodes of key in mapping m, or nils.
func get(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// offset converts a 1-based line and column (in characters) into a byte offset.
func (f *yfile) offset(line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(f.src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	for c := 1; c < col; c++ {
		if off >= len(f.src) || f.src[off] == '\n' {
			return -1
		}
		_, w := utf8.DecodeRune(f.src[off:])
		off += w
	}
	return off
}

// scalarEnd returns the byte offset just after the scalar v starting at
// start, or -1 when its extent cannot be told for sure. keyIndent is the
// column (0-based) of the key holding it, for block scalars.
func (f *yfile) scalarEnd(v *yaml.Node, start, keyIndent int, flow bool) int {
	s := f.src
	switch v.Style {
	case yaml.DoubleQuotedStyle:
		if s[start] != '"' {
			return -1
		}
		for i := start + 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
	case yaml.SingleQuotedStyle:
		if s[start] != '\'' {
			return -1
		}
		for i := start + 1; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
	case yaml.LiteralStyle, yaml.FoldedStyle:
		if flow || s[start] != '|' && s[start] != '>' {
			return -1
		}
		nl := bytes.IndexByte(s[start:], '\n')
		if nl < 0 {
			return len(s)
		}
		end, i := start+nl, start+nl+1
		for i < len(s) {
			j := bytes.IndexByte(s[i:], '\n')
			lineEnd := len(s)
			if j >= 0 {
				lineEnd = i + j
			}
			line := s[i:lineEnd]
			if len(bytes.TrimSpace(line)) > 0 {
				if len(line)-len(bytes.TrimLeft(line, " ")) <= keyIndent {
					break
				}
				end = lineEnd
			}
			if j < 0 {
				break
			}
			i = lineEnd + 1
		}
		return end
	case 0: // plain, on one line only
		if !bytes.HasPrefix(s[start:], []byte(v.Value)) {
			return -1
		}
		end := start + len(v.Value)
		rest := s[end:]
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[:i]
		}
		t := strings.TrimLeft(string(rest), " \t")
		switch {
		case flow && (t == "" || strings.ContainsAny(t[:1], ",}]")):
			return end
		case !flow && (t == "" || t[0] == '#' && len(t) < len(rest)):
			return end
		}
	}
	return -1
}

// set gives the scalar under key of mapping m the value v, adding the key
// when it is missing. It reports whether anything changed.
func (f *yfile) set(m *yaml.Node, key, v string) bool {
	k, n := get(m, key)
	if n == nil {
		k = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
		n = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
		m.Content = append(m.Content, k, n)
		f.whole = true
		return true
	}
	return f.setNode(m, k, n, key, v)
}

// setNode replaces the value of the scalar node n (whose key node is k,
// nil for a list item) in container m.
func (f *yfile) setNode(m, k, n *yaml.Node, _ string, v string) bool {
	if n.Kind == yaml.ScalarNode && n.Value == v && n.Tag != "!!null" {
		return false
	}
	flow := m.Style&yaml.FlowStyle != 0
	oldStyle, oldValue := n.Style, n.Value
	*n = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Style: n.Style,
		Line: n.Line, Column: n.Column, HeadComment: n.HeadComment, LineComment: n.LineComment, FootComment: n.FootComment}
	if n.Style != yaml.DoubleQuotedStyle && n.Style != yaml.SingleQuotedStyle {
		n.Style = 0
		if strings.Contains(v, "\n") {
			n.Style = yaml.LiteralStyle
		}
	}
	if f.whole || f.src == nil || n.Line == 0 {
		f.whole = true
		return true
	}
	keyIndent := n.Column - 3 // a list item: the column of its dash
	if k != nil {
		keyIndent = k.Column - 1
	}
	start := f.offset(n.Line, n.Column)
	end := -1
	if start >= 0 {
		end = f.scalarEnd(&yaml.Node{Style: oldStyle, Value: oldValue}, start, keyIndent, flow)
	}
	if end < 0 {
		f.whole = true
		return true
	}
	f.edits = append(f.edits, edit{start, end, renderScalar(v, oldStyle, keyIndent+2, flow)})
	return true
}

// renderScalar writes v as YAML text in the style closest to the old one.
func renderScalar(v string, old yaml.Style, indent int, flow bool) string {
	oneLine := !strings.ContainsAny(v, "\n\t") && strings.TrimSpace(v) == v && !strings.Contains(v, "  ")
	switch {
	case (old == yaml.FoldedStyle || old == yaml.LiteralStyle) && !flow && oneLine && v != "":
		return ">-\n" + fold(v, indent, 78)
	case old == 0 && plainSafe(v, flow):
		return v
	}
	return doubleQuote(v)
}

// fold wraps v at spaces into lines of at most width characters (a word
// longer than that stays whole), each indented by indent spaces.
func fold(v string, indent, width int) string {
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	line := 0
	for i, w := range strings.Split(v, " ") {
		n := utf8.RuneCountInString(w)
		switch {
		case i == 0:
			b.WriteString(pad)
			line = indent
		case line+1+n > width:
			b.WriteString("\n" + pad)
			line = indent
		default:
			b.WriteByte(' ')
			line++
		}
		b.WriteString(w)
		line += n
	}
	return b.String()
}

// plainSafe reports whether v can be written unquoted and read back as
// the same string.
func plainSafe(v string, flow bool) bool {
	if v == "" || strings.TrimSpace(v) != v || strings.ContainsAny(v, "\n\t\"'") ||
		strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":") ||
		strings.ContainsAny(v[:1], "-?:,[]{}#&*!|>%@`") ||
		flow && strings.ContainsAny(v, ",[]{}") {
		return false
	}
	var m map[string]any
	if yaml.Unmarshal([]byte("k: "+v), &m) != nil {
		return false
	}
	got, ok := m["k"].(string)
	return ok && got == v
}

func doubleQuote(v string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range v {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// replaceKey turns "old: value" in mapping m into "key: v" in place (used
// for verified: date → unverified: reason).
func (f *yfile) replaceKey(m *yaml.Node, old, key, v string) bool {
	k, n := get(m, old)
	if k == nil {
		return false
	}
	flow := m.Style&yaml.FlowStyle != 0
	k.Value = key
	oldStyle, oldValue := n.Style, n.Value
	nv := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Style: yaml.DoubleQuotedStyle, Line: n.Line, Column: n.Column, LineComment: n.LineComment}
	*n = *nv
	if f.whole || f.src == nil {
		f.whole = true
		return true
	}
	start := f.offset(k.Line, k.Column)
	vs := f.offset(n.Line, n.Column)
	end := -1
	if start >= 0 && vs >= 0 && f.src[start] != '"' && f.src[start] != '\'' {
		end = f.scalarEnd(&yaml.Node{Style: oldStyle, Value: oldValue}, vs, k.Column-1, flow)
	}
	if end < 0 || !bytes.HasPrefix(f.src[start:], []byte(old)) {
		f.whole = true
		return true
	}
	f.edits = append(f.edits, edit{start, end, key + ": " + doubleQuote(v)})
	return true
}

// render returns the file's new text.
func (f *yfile) render() ([]byte, error) {
	tree, err := encode(&f.doc)
	if err != nil {
		return nil, err
	}
	if f.whole || f.src == nil {
		return tree, nil
	}
	edits := slices.Clone(f.edits)
	slices.SortFunc(edits, func(a, b edit) int { return b.start - a.start })
	out := slices.Clone(f.src)
	last := len(out) + 1
	for _, e := range edits {
		if e.end > last {
			return tree, nil // overlapping edits: let the encoder do it
		}
		out = slices.Concat(out[:e.start], []byte(e.text), out[e.end:])
		last = e.start
	}
	var a, b any
	if yaml.Unmarshal(out, &a) != nil || yaml.Unmarshal(tree, &b) != nil || !reflect.DeepEqual(a, b) {
		return tree, nil
	}
	return out, nil
}

func encode(n *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
