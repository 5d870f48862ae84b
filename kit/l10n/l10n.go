// Package l10n is the translators' side of awarekit: it scaffolds a new
// edition from an existing one (New), exports every translatable string of
// an edition to gettext PO, XLIFF 1.2 or XLIFF 2.0 (Export), imports a translated file
// back into the edition's YAML and Markdown (Import), and counts translated,
// missing and stale strings (Status). docs/TRANSLATING.md describes the
// workflow, the string ids and the state file.
//
// It reads and writes data/<edition>/ and i18n/<edition>.yaml, editing
// values in place so that comments and layout of the files survive; it
// validates with kit/content and kit/i18n before writing anything, and
// writes nothing when a file is refused. It does not build posters or the
// site: it only asks kit/layout how much room a poster box has.
package l10n

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/vocab"
)

// Hash is what translation.yaml stores of the source text a string was
// translated from: the first 12 hex digits of its SHA-256.
func Hash(source string) string {
	h := sha256.Sum256([]byte(source))
	return hex.EncodeToString(h[:])[:12]
}

// Entry is one translatable string of an edition.
type Entry struct {
	ID   string // stable: texts.title, advice.arrete.keyword, i18n.menu…
	Text string
	File string // where it is written, relative to the data folder's parent: fr-LU/texts.yaml, i18n/fr.yaml
	Line int
	Kind string // what kind of text it is (for the notes): title, keyword, body…
	Page string // the site page or section it belongs to
}

// field is an entry of an edition being edited: it knows how to change
// its own value.
type field struct {
	Entry
	set func(v string) bool
}

// edition is one edition folder parsed for editing.
type edition struct {
	code   string
	dir    string // the folder on disk
	files  map[string]*yfile
	pages  map[string]*page
	fields []*field
	byID   map[string]*field
}

// page is a Markdown page: YAML front matter, then the body.
type page struct {
	front *yfile
	body  string // as written, after the closing ---
	newB  string // the new body, when changed
}

var yamlFiles = []string{"edition.yaml", "texts.yaml", "advice.yaml", "myths.yaml", "contacts.yaml", "law.yaml", "terminology.yaml", "sheets.yaml"}

// openEdition parses the YAML and Markdown files of dir (data/<code>).
// The edition should have passed content.LoadEdition first: files that
// cannot be parsed are reported, not skipped.
func openEdition(dir, code string) (*edition, error) {
	ed := &edition{code: code, dir: dir, files: map[string]*yfile{}, pages: map[string]*page{}, byID: map[string]*field{}}
	for _, name := range yamlFiles {
		b, err := awarekit.ReadRegularFile(filepath.Join(dir, name), content.MaxFileSize)
		if err != nil {
			return nil, err
		}
		f, err := parseYAML(path.Join(code, name), b)
		if err != nil {
			return nil, err
		}
		ed.files[name] = f
	}
	for _, slug := range content.RequiredPages {
		name := path.Join("pages", slug+".md")
		b, err := awarekit.ReadRegularFile(filepath.Join(dir, filepath.FromSlash(name)), content.MaxFileSize)
		if err != nil {
			return nil, err
		}
		b = bytes.TrimPrefix(b, []byte("\ufeff"))
		rest, ok := bytes.CutPrefix(b, []byte("---\n"))
		front, body, ok2 := bytes.Cut(rest, []byte("\n---\n"))
		if !ok || !ok2 {
			return nil, fmt.Errorf("%s/%s: no front matter between --- lines", code, name)
		}
		f, err := parseYAML(path.Join(code, name), append(front, '\n'))
		if err != nil {
			return nil, err
		}
		ed.pages[slug] = &page{front: f, body: string(body)}
	}
	ed.collect()
	return ed, nil
}

func (ed *edition) add(id string, e Entry, set func(string) bool) {
	if e.Text == "" || ed.byID[id] != nil {
		return
	}
	e.ID = id
	f := &field{Entry: e, set: set}
	ed.fields = append(ed.fields, f)
	ed.byID[id] = f
}

// scalar adds the text under key of mapping m of file name.
func (ed *edition) scalar(id, name string, m *yaml.Node, key, kind, pg string) {
	f := ed.files[name]
	_, v := get(m, key)
	if v == nil || v.Kind != yaml.ScalarNode {
		return
	}
	ed.add(id, Entry{Text: strings.TrimSpace(v.Value), File: path.Join(ed.code, name), Line: v.Line, Kind: kind, Page: pg},
		func(s string) bool { return f.set(m, key, s) })
}

// list returns the items of the sequence under key of mapping m.
func list(m *yaml.Node, key string) []*yaml.Node {
	_, v := get(m, key)
	if v == nil || v.Kind != yaml.SequenceNode {
		return nil
	}
	return v.Content
}

func idOf(m *yaml.Node) string {
	_, v := get(m, "id")
	if v == nil {
		return ""
	}
	return v.Value
}

// collect lists every translatable string, in a fixed order: the files in
// the order of docs/DATA.md, each in document order.
func (ed *edition) collect() {
	root := func(name string) *yaml.Node { return ed.files[name].root() }

	t := root("texts.yaml")
	for _, k := range vocab.Texts {
		ed.scalar("texts."+k, "texts.yaml", t, k, k, "posters")
	}
	for _, s := range list(root("advice.yaml"), "steps") {
		id := idOf(s)
		for _, k := range []string{"keyword", "text", "note"} {
			ed.scalar("advice."+id+"."+k, "advice.yaml", s, k, "advice_"+k, "advice")
		}
	}
	for _, s := range list(root("myths.yaml"), "myths") {
		id := idOf(s)
		for _, k := range []string{"myth", "reality"} {
			ed.scalar("myths."+id+"."+k, "myths.yaml", s, k, k, "myths")
		}
	}
	for _, s := range list(root("contacts.yaml"), "contacts") {
		id := idOf(s)
		for _, k := range []string{"name", "purpose", "description", "hours", "cost"} {
			ed.scalar("contacts."+id+"."+k, "contacts.yaml", s, k, "contact_"+k, "contacts")
		}
	}
	for _, s := range list(root("law.yaml"), "references") {
		id := idOf(s)
		for _, k := range []string{"title", "summary"} {
			ed.scalar("law."+id+"."+k, "law.yaml", s, k, "law_"+k, "law")
		}
	}
	tm := root("terminology.yaml")
	for i, s := range list(tm, "replace") {
		for _, k := range []string{"avoid", "use"} {
			ed.scalar("terminology.replace."+strconv.Itoa(i+1)+"."+k, "terminology.yaml", s, k, "term_"+k, "terminology")
		}
	}
	for i, s := range list(tm, "glossary") {
		for _, k := range []string{"term", "definition"} {
			ed.scalar("terminology.glossary."+strconv.Itoa(i+1)+"."+k, "terminology.yaml", s, k, "glossary_"+k, "terminology")
		}
	}
	sh := root("sheets.yaml")
	for _, name := range vocab.Sheets {
		_, s := get(sh, name)
		p := "sheets." + name
		ed.scalar(p+".title", "sheets.yaml", s, "title", "sheet_title", p)
		ed.scalar(p+".intro", "sheets.yaml", s, "intro", "sheet_intro", p)
		ed.items(p+".items", list(s, "items"), p)
		for i, sec := range list(s, "sections") {
			sp := p + ".sections." + strconv.Itoa(i+1)
			ed.scalar(sp+".heading", "sheets.yaml", sec, "heading", "sheet_heading", p)
			ed.items(sp+".items", list(sec, "items"), p)
		}
	}
	for _, slug := range content.RequiredPages {
		pg := ed.pages[slug]
		if pg == nil {
			continue
		}
		m := pg.front.root()
		name := "pages/" + slug + ".md"
		for _, k := range []string{"title", "description"} {
			_, v := get(m, k)
			if v == nil {
				continue
			}
			key := k
			ed.add("pages."+slug+"."+k, Entry{Text: strings.TrimSpace(v.Value), File: path.Join(ed.code, name), Line: v.Line + 1, Kind: "page_" + k, Page: "pages." + slug},
				func(s string) bool { return pg.front.set(m, key, s) })
		}
		line := 2 + strings.Count(string(pg.front.src), "\n") + 1
		ed.add("pages."+slug+".body", Entry{Text: strings.TrimSpace(pg.body), File: path.Join(ed.code, name), Line: line, Kind: "page_body", Page: "pages." + slug},
			func(s string) bool {
				if strings.TrimSpace(pg.body) == strings.TrimSpace(s) && pg.newB == "" {
					return false
				}
				pg.newB = strings.TrimSpace(s) + "\n"
				return true
			})
	}
}

// items adds a sheet's items (sequence of texts), numbered from 1.
func (ed *edition) items(prefix string, items []*yaml.Node, pg string) {
	f := ed.files["sheets.yaml"]
	for i, it := range items {
		if it.Kind != yaml.ScalarNode {
			continue
		}
		n := it
		ed.add(prefix+"."+strconv.Itoa(i+1), Entry{Text: strings.TrimSpace(it.Value), File: path.Join(ed.code, "sheets.yaml"), Line: it.Line, Kind: "sheet_item", Page: pg},
			func(s string) bool { return f.setItem(n, s) })
	}
}

// setItem changes a list item (no key).
func (f *yfile) setItem(n *yaml.Node, v string) bool {
	seq := f.parentOf(n)
	if seq == nil {
		seq = &yaml.Node{Kind: yaml.SequenceNode}
		f.whole = true
	}
	return f.setNode(seq, nil, n, "", v)
}

// parentOf finds the node holding n.
func (f *yfile) parentOf(n *yaml.Node) *yaml.Node {
	var find func(p *yaml.Node) *yaml.Node
	find = func(p *yaml.Node) *yaml.Node {
		for _, c := range p.Content {
			if c == n {
				return p
			}
			if r := find(c); r != nil {
				return r
			}
		}
		return nil
	}
	return find(&f.doc)
}

// rendered returns the new contents of every changed file, by path
// relative to the edition folder.
func (ed *edition) rendered() (map[string][]byte, error) {
	out := map[string][]byte{}
	for name, f := range ed.files {
		if !f.changed() {
			continue
		}
		b, err := f.render()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f.name, err)
		}
		out[name] = b
	}
	for slug, pg := range ed.pages {
		if !pg.front.changed() && pg.newB == "" {
			continue
		}
		front := pg.front.src
		if pg.front.changed() {
			b, err := pg.front.render()
			if err != nil {
				return nil, fmt.Errorf("%s: %v", pg.front.name, err)
			}
			front = b
		}
		body := pg.body
		if pg.newB != "" {
			body = pg.newB
		}
		out[path.Join("pages", slug+".md")] = slices.Concat([]byte("---\n"), bytes.TrimSuffix(front, []byte("\n")), []byte("\n---\n"), []byte(body))
	}
	return out, nil
}
