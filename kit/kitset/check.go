package kitset

import (
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/vocab"
)

// checkStrings reports, for every design, the interface strings it needs
// (vocab: design_<id>, where_<id>, the keys its boxes print) that an
// edition's language lacks, one problem per design, field and language
// file, at the line of the field in the design file.
func (k *Kit) checkStrings(eds []*content.Edition) diag.List {
	var probs diag.List
	for _, d := range k.Designs {
		type need struct {
			field string
			keys  []string
		}
		needs := []need{{"id", vocab.DesignKeys(d.ID, d.Kind == "document")}}
		for _, side := range []struct {
			where string
			boxes []layout.Box
		}{{"boxes", d.Boxes}, {"back.boxes", backBoxes(d)}} {
			for _, b := range side.boxes {
				if kind, ok := vocab.Lookup(b.Show); ok {
					if keys := kind.Keys(b.Sheet, b.Key); len(keys) > 0 {
						field := side.where + "." + b.ID + ".show"
						if kind.Key {
							field = side.where + "." + b.ID + ".key"
						}
						needs = append(needs, need{field, keys})
					}
				}
			}
		}
		for _, n := range needs {
			// The editions lacking each key, by the language file to add it to.
			type gap struct {
				keys, codes []string
			}
			gaps := map[string]*gap{}
			var files []string
			for _, e := range eds {
				strs, ok := k.I18n[e.Code]
				if !ok {
					continue
				}
				file := path.Join(Shown(k.Root), "i18n", e.Language+".yaml")
				for _, key := range n.keys {
					if strings.TrimSpace(strs[key]) != "" {
						continue
					}
					g := gaps[file]
					if g == nil {
						g = &gap{}
						gaps[file] = g
						files = append(files, file)
					}
					if !slices.Contains(g.keys, key) {
						g.keys = append(g.keys, key)
					}
					if !slices.Contains(g.codes, e.Code) {
						g.codes = append(g.codes, e.Code)
					}
				}
			}
			for _, file := range files {
				g := gaps[file]
				line, col := k.position(d, n.field)
				probs.Add(d.File, line, col, n.field, "missing the interface string%s %s for %s: add %s to %s",
					plural(len(g.keys)), strings.Join(g.keys, ", "), strings.Join(g.codes, ", "), them(len(g.keys)), file)
			}
		}
	}
	return probs
}

func backBoxes(d *layout.Design) []layout.Box {
	if d.Back == nil {
		return nil
	}
	return d.Back.Boxes
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// position finds the line and column of a field of a design
// (boxes.title.show, sizes[1], back.boxes.x.key) in its file; 0, 0 when
// the file or the field cannot be found.
func (k *Kit) position(d *layout.Design, field string) (int, int) {
	b, err := fs.ReadFile(k.FS, "posters/"+path.Base(d.File))
	if err != nil {
		return 0, 0
	}
	var doc yaml.Node
	if yaml.Unmarshal(b, &doc) != nil || len(doc.Content) == 0 {
		return 0, 0
	}
	return fieldPosition(doc.Content[0], field)
}

// fieldPosition walks a dotted field path (a segment may end in [i]; in a
// list of mappings, a segment may name an item by its id) and returns the
// position of its last key.
func fieldPosition(n *yaml.Node, field string) (line, col int) {
	for _, seg := range strings.Split(field, ".") {
		name, idx := seg, -1
		if i := strings.IndexByte(seg, '['); i >= 0 && strings.HasSuffix(seg, "]") {
			v, err := strconv.Atoi(seg[i+1 : len(seg)-1])
			if err != nil {
				return 0, 0
			}
			name, idx = seg[:i], v
		}
		switch n.Kind {
		case yaml.MappingNode:
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == name {
					line, col = n.Content[i].Line, n.Content[i].Column
					n, found = n.Content[i+1], true
					break
				}
			}
			if !found {
				return 0, 0
			}
		case yaml.SequenceNode:
			found := false
			for _, it := range n.Content {
				if id := mapValue(it, "id"); id != nil && id.Value == name {
					line, col = it.Line, it.Column
					n, found = it, true
					break
				}
			}
			if !found {
				return 0, 0
			}
		default:
			return 0, 0
		}
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return 0, 0
			}
			n = n.Content[idx]
			line, col = n.Line, n.Column
		}
	}
	return line, col
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// placeDesignProblems gives the design problems that have a field but no
// line (the layout's checks of a decoded design) the field's position in
// its file.
func (k *Kit) placeDesignProblems(probs diag.List) diag.List {
	prefix := path.Join(Shown(k.Root), "posters") + "/"
	for i, p := range probs {
		if p.Line != 0 || p.Field == "" || !strings.HasPrefix(p.File, prefix) {
			continue
		}
		d := &layout.Design{File: p.File}
		probs[i].Line, probs[i].Col = k.position(d, p.Field)
	}
	return probs
}
