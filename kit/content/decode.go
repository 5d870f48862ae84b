package content

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/awarekit/awarekit/kit/diag"
)

// pos is a position in a source file.
type pos struct{ line, col int }

// decoder turns a yaml.Node tree into Go values, strictly: every unknown
// key, wrong type and duplicate key is recorded, and decoding goes on so
// that one run reports all of them. It also remembers where each field
// was written, so that later checks can point at the right line.
type decoder struct {
	file   string
	probs  *diag.List
	where  map[string]pos  // field path → position of its value
	broken map[string]bool // field paths whose value could not be decoded
	// text applies the rules of checkString to every string and key (data
	// files; see text.go).
	text bool
}

// add reports a value that cannot be decoded; later checks stay silent about
// that field and everything under it, so that one mistake gives one message.
func (d *decoder) add(n *yaml.Node, path, format string, args ...any) {
	d.probs.Add(d.file, n.Line, n.Column, path, format, args...)
	d.broken[path] = true
}

var dateType = reflect.TypeFor[Date]()

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return quote(n.Value)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// decode fills v from n. path names the field for messages.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return
		}
		n = n.Content[0]
	}
	d.where[path] = pos{n.Line, n.Column}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.add(n, path, "YAML anchors and aliases are not allowed: write the value out")
		return
	}
	if n.Style&yaml.TaggedStyle != 0 {
		// !!binary, !!str, !custom: a tag changes what a value means, and
		// nothing in the data needs one.
		d.add(n, path, "YAML tags such as %q are not allowed: write a plain value", n.Tag)
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" && v.Kind() != reflect.String {
		return // an empty value: "missing" checks report it where it matters
	}
	t := v.Type()
	switch {
	case t == dateType:
		if n.Kind != yaml.ScalarNode {
			d.add(n, path, "expected a date (YYYY-MM-DD), found %s", kindName(n))
			return
		}
		dt, err := ParseDate(n.Value)
		if err != nil {
			d.add(n, path, "%v", err)
			return
		}
		if msg := dt.CheckRange(); msg != "" {
			d.add(n, path, "%s", msg)
			return
		}
		v.Set(reflect.ValueOf(dt))
	case t.Kind() == reflect.Pointer:
		p := reflect.New(t.Elem())
		d.decode(n, p.Elem(), path)
		v.Set(p)
	case t.Kind() == reflect.Struct:
		d.decodeStruct(n, v, path)
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
		d.decodeMap(n, v, path)
	case t.Kind() == reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.add(n, path, "expected a list, found %s", kindName(n))
			return
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, item := range n.Content {
			d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		v.Set(s)
	case t.Kind() == reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.add(n, path, "expected text, found %s", kindName(n))
			return
		}
		if n.Tag == "!!null" {
			return
		}
		if d.text {
			if msg := checkString(n.Value, MaxTextLen); msg != "" {
				d.add(n, path, "%s", msg)
				return
			}
		}
		// The literal text, not its YAML interpretation: an unquoted 0800
		// stays "0800" instead of becoming an octal number.
		v.SetString(n.Value)
	case t.Kind() == reflect.Bool:
		b, ok := parseBool(n)
		if !ok {
			d.add(n, path, "expected true or false, found %s", kindName(n))
			return
		}
		v.SetBool(b)
	case t.Kind() == reflect.Int:
		i, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			d.add(n, path, "expected a whole number, found %s", kindName(n))
			return
		}
		v.SetInt(int64(i))
	case t.Kind() == reflect.Float64:
		f, err := strconv.ParseFloat(n.Value, 64)
		if n.Kind != yaml.ScalarNode || err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			d.add(n, path, "expected a number, found %s", kindName(n))
			return
		}
		v.SetFloat(f)
	default:
		panic(fmt.Sprintf("content: cannot decode into %s", t)) // a programming error
	}
}

func parseBool(n *yaml.Node) (bool, bool) {
	if n.Kind != yaml.ScalarNode {
		return false, false
	}
	switch strings.ToLower(n.Value) {
	case "true", "yes":
		return true, true
	case "false", "no":
		return false, true
	}
	return false, false
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.add(n, path, "expected a mapping (key: value), found %s", kindName(n))
		return
	}
	fields := yamlFields(v.Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.add(k, path, "a key must be a plain word, found %s", kindName(k))
			continue
		}
		name := k.Value
		if name == "<<" {
			d.add(k, path, "YAML merge keys (<<) are not allowed: write the keys out")
			continue
		}
		fi, ok := fields[name]
		if !ok {
			msg := fmt.Sprintf("unknown key %s", quote(name))
			if h, ok := retired[name]; ok {
				msg += ": " + h
			} else if s := suggest(name, fields); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			d.probs.Add(d.file, k.Line, k.Column, path, "%s", msg)
			continue
		}
		if seen[name] {
			d.add(k, join(path, name), "key written twice")
			continue
		}
		seen[name] = true
		d.decode(val, v.Field(fi), join(path, name))
	}
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.add(n, path, "expected a mapping (key: value), found %s", kindName(n))
		return
	}
	m := reflect.MakeMap(v.Type())
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.add(k, path, "a key must be a plain word, found %s", kindName(k))
			continue
		}
		if d.text {
			if msg := checkString(k.Value, 200); msg != "" {
				d.add(k, path, "key %s", msg)
				continue
			}
		}
		key := reflect.ValueOf(k.Value).Convert(v.Type().Key())
		if m.MapIndex(key).IsValid() {
			d.add(k, join(path, k.Value), "key written twice")
			continue
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		d.decode(val, elem, join(path, k.Value))
		m.SetMapIndex(key, elem)
	}
	v.Set(m)
}

// yamlFields maps YAML key names to struct field indexes.
func yamlFields(t reflect.Type) map[string]int {
	m := map[string]int{}
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		m[tag] = i
	}
	return m
}

// suggest returns the field name closest to name, if it is close enough to
// be a typo.
func suggest(name string, fields map[string]int) string {
	return Suggest(name, slices.Collect(maps.Keys(fields)))
}

// Suggest returns the key of known closest to name when name looks like a
// typo of it (at most two edits, and less than half of name), the first in
// sort order on a tie; "" otherwise. The data, the designs and the
// interface strings give their "did you mean" hints with it.
func Suggest(name string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := levenshtein(name, k); d < bestD || d == bestD && best != "" && k < best {
			best, bestD = k, d
		}
	}
	if bestD > len(name)/2 {
		return ""
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxProblem turns a yaml.v3 syntax error into a positioned problem.
func syntaxProblem(file string, err error) diag.Problem {
	msg := strings.TrimSpace(err.Error())
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return diag.Problem{File: file, Line: line, Msg: "YAML syntax: " + m[2]}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return diag.Problem{File: file, Msg: "YAML syntax: " + msg}
}

// DecodeStrict decodes one YAML document into v (a pointer to a struct)
// with the same strict rules as the data files: unknown keys, wrong types,
// duplicate keys, aliases, YAML tags and a second document are all
// reported, with file:line:col, and decoding goes on to report every
// problem. Designs and i18n files use it.
func DecodeStrict(file string, b []byte, v any) diag.List {
	_, probs := DecodeStrictNode(file, b, v)
	return probs
}

// DecodeStrictNode is DecodeStrict that also returns the document's node
// (nil when the file is empty, not text or not YAML), for a caller that
// checks the positions of its keys without parsing the file again.
func DecodeStrictNode(file string, b []byte, v any) (*yaml.Node, diag.List) {
	var probs diag.List
	if len(bytes.TrimSpace(b)) == 0 {
		probs.Add(file, 0, 0, "", "file is empty")
		return nil, probs
	}
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		probs.Add(file, 0, 0, "", "not UTF-8 text (a binary file, or saved in another encoding)")
		return nil, probs
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil {
		return nil, append(probs, syntaxProblem(file, err))
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		probs.Add(file, extra.Line, 0, "", "more than one YAML document (remove the second ---)")
	case err != io.EOF:
		probs = append(probs, syntaxProblem(file, err))
	}
	d := &decoder{file: file, probs: &probs, where: map[string]pos{}, broken: map[string]bool{}}
	d.decode(&doc, reflectValue(v), "")
	return &doc, probs
}
