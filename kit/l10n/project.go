package l10n

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/kitset"
)

// Options locate the kit: the data folder and the kit folder whose i18n/
// and posters/ override the built-in ones.
type Options struct {
	Data string // data/
	Root string // the kit folder (.)
	// Kit is the kit of Root already loaded (its designs and fonts give
	// the poster boxes and budgets of the strings); nil: loaded when needed.
	Kit *kitset.Kit
}

// kitRoot is the kit folder (. when not given).
func (o Options) kitRoot() string {
	if o.Root == "" {
		return "."
	}
	return o.Root
}

// userKit returns the checked files of the kit folder (awarekit.UserKit:
// regular files only, no link followed, no FIFO opened).
func (o Options) userKit() (fs.FS, error) { return awarekit.UserKit(o.kitRoot()) }

func (o Options) i18nFS() fs.FS {
	user, _ := o.userKit() // what it refuses, open reports
	sub, _ := fs.Sub(awarekit.Overlay(user, awarekit.Defaults), "i18n")
	return sub
}

func (o Options) i18nDir() string { return filepath.Join(o.Root, "i18n") }

// project is an edition opened for translation work: its content, its
// files, and its interface strings.
type project struct {
	opt    Options
	ed     *content.Edition
	files  *edition
	labels map[string]string // merged interface strings
	lfile  *yfile            // i18n/<code>.yaml of the kit folder (new when it does not exist)
	lpath  string
	lsrc   map[string]string // file each label comes from
}

// open loads and validates edition code, then parses its files for editing.
func open(opt Options, code string) (*project, error) {
	if !validCode(code) {
		return nil, fmt.Errorf("%q is not an edition code such as fr-LU", code)
	}
	dir := filepath.Join(opt.Data, code)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("no edition %s (no folder %s)", code, dir)
	}
	e, err := content.LoadEdition(os.DirFS(dir), filepath.ToSlash(dir), code)
	if err != nil {
		return nil, err
	}
	files, err := openEdition(dir, code)
	if err != nil {
		return nil, err
	}
	p := &project{opt: opt, ed: e, files: files, lpath: filepath.Join(opt.i18nDir(), code+".yaml")}
	user, err := opt.userKit()
	if err != nil {
		return nil, err
	}
	tr, _ := fs.Sub(awarekit.Overlay(user, awarekit.Defaults), "i18n")
	p.labels, err = i18n.Load(tr, "i18n", e.Language, code)
	if err != nil {
		return nil, err
	}
	p.lsrc = map[string]string{}
	for _, stem := range []string{e.Language, code} {
		b, err := fs.ReadFile(tr, stem+".yaml")
		if err != nil {
			continue
		}
		var m map[string]string
		if yaml.Unmarshal(b, &m) == nil {
			for k := range m {
				p.lsrc[k] = "i18n/" + stem + ".yaml"
			}
		}
	}
	if b, err := fs.ReadFile(user, "i18n/"+code+".yaml"); err == nil {
		if p.lfile, err = parseYAML("i18n/"+code+".yaml", b); err != nil {
			return nil, err
		}
	} else if errors.Is(err, fs.ErrNotExist) {
		p.lfile = newYAML("i18n/"+code+".yaml", fmt.Sprintf("Interface strings of the %s edition, over i18n/%s.yaml (written by awarekit i18n import).", code, e.Language))
	} else {
		return nil, err
	}
	keys := make([]string, 0, len(p.labels))
	for k := range p.labels {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		key := k
		p.files.add("i18n."+k, Entry{Text: p.labels[k], File: p.lsrc[k], Kind: "label", Page: "interface"}, func(v string) bool {
			if p.labels[key] == v {
				return false
			}
			p.labels[key] = v
			return p.lfile.set(p.lfile.root(), key, v)
		})
	}
	return p, nil
}

func validCode(code string) bool {
	if len(code) != 5 || code[2] != '-' {
		return false
	}
	for i, r := range code {
		switch {
		case i < 2 && r >= 'a' && r <= 'z', i > 2 && r >= 'A' && r <= 'Z', i == 2:
		default:
			return false
		}
	}
	return true
}

// pair is a translated edition and the edition it is translated from.
type pair struct {
	src, dst *project
	state    *content.Translation
}

func openPair(opt Options, code, source string) (*pair, error) {
	dst, err := open(opt, code)
	if err != nil {
		return nil, err
	}
	st := dst.ed.Translation
	if st == nil {
		if source == "" {
			return nil, fmt.Errorf("edition %s is an original, not a translation (no %s/translation.yaml): give --source, or scaffold it with awarekit new %s --from <edition>", code, code, code)
		}
		st = &content.Translation{Source: source, Strings: map[string]content.TranslatedString{}}
	}
	if source == "" {
		source = st.Source
	}
	if source != st.Source {
		return nil, fmt.Errorf("edition %s is translated from %s, not %s (see %s/translation.yaml)", code, st.Source, source, code)
	}
	if source == code {
		return nil, fmt.Errorf("edition %s cannot be translated from itself", code)
	}
	src, err := open(opt, source)
	if err != nil {
		return nil, fmt.Errorf("source edition %s: %w", source, err)
	}
	if st.Strings == nil {
		st.Strings = map[string]content.TranslatedString{}
	}
	return &pair{src: src, dst: dst, state: st}, nil
}

// units lists, in the source's order, the strings both editions have.
func (p *pair) units(po posters) []Unit {
	var out []Unit
	for _, sf := range p.src.files.fields {
		df := p.dst.files.byID[sf.ID]
		if df == nil {
			continue
		}
		u := Unit{ID: sf.ID, Source: sf.Text, State: StateNew}
		u.Context, u.Budget = po.context(sf.Entry)
		u.Ref = sf.File
		if sf.Line > 0 {
			u.Ref = fmt.Sprintf("%s:%d", sf.File, sf.Line)
		}
		u.Notes = notes(sf.Entry, p.dst.ed.Language)
		if st, ok := p.state.Strings[sf.ID]; ok && st.State == content.StateTranslated {
			u.Target = df.Text
			u.State = StateTranslated
			if st.Hash != Hash(sf.Text) {
				u.State = StateStale
			}
		}
		out = append(out, u)
	}
	return out
}

// stateFile renders translation.yaml.
func stateFile(t *content.Translation) []byte {
	var b strings.Builder
	b.WriteString("# Translation state of this edition, kept by awarekit (new, i18n import):\n")
	b.WriteString("# for each string, whether it is translated and the hash of the source text\n")
	b.WriteString("# it was translated from (a changed source makes it stale). See docs/TRANSLATING.md.\n")
	fmt.Fprintf(&b, "source: %s\n", t.Source)
	if t.Note != "" {
		fmt.Fprintf(&b, "note: %s\n", doubleQuote(t.Note))
	}
	ids := make([]string, 0, len(t.Strings))
	for id := range t.Strings {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if len(ids) == 0 {
		b.WriteString("strings: {}\n")
		return []byte(b.String())
	}
	b.WriteString("strings:\n")
	for _, id := range ids {
		s := t.Strings[id]
		if s.Hash != "" {
			fmt.Fprintf(&b, "  %s: {state: %s, hash: %s}\n", id, s.State, quoteHash(s.Hash))
		} else {
			fmt.Fprintf(&b, "  %s: {state: %s}\n", id, s.State)
		}
	}
	return []byte(b.String())
}

// quoteHash quotes a hash that YAML would read as a number (all digits, 1e5…).
func quoteHash(h string) string {
	if plainSafe(h, true) {
		return h
	}
	return `"` + h + `"`
}

// writeAll writes files (path → contents) after validating the edition
// they belong to in a scratch copy: all or nothing. Each file is written to
// a temporary name beside it, then renamed.
func writeAll(files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	var tmps []string
	cleanup := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for _, n := range names {
		if err := os.MkdirAll(filepath.Dir(n), 0o755); err != nil {
			cleanup()
			return err
		}
		f, err := os.CreateTemp(filepath.Dir(n), "."+filepath.Base(n)+".awarekit-*")
		if err != nil {
			cleanup()
			return err
		}
		tmps = append(tmps, f.Name())
		_, err = f.Write(files[n])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(f.Name(), 0o644)
		}
		if err != nil {
			cleanup()
			return err
		}
	}
	for i, n := range names {
		if err := os.Rename(tmps[i], n); err != nil {
			cleanup()
			return err
		}
	}
	return nil
}

// validate loads edition code as it would be with the changed files
// (paths relative to the edition folder; "../../i18n/…" style paths are
// given separately as labels).
func validate(opt Options, code string, files map[string][]byte, labels []byte) error {
	dir := filepath.Join(opt.Data, code)
	scratch, err := os.MkdirTemp("", "awarekit-l10n-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	if err := copyDir(dir, scratch); err != nil {
		return err
	}
	if err := writeUnder(scratch, files); err != nil {
		return err
	}
	var probs diag.List
	e, err := content.LoadEdition(os.DirFS(scratch), filepath.ToSlash(dir), code)
	if d, ok := err.(*diag.Error); ok {
		probs = append(probs, d.Problems...)
	} else if err != nil {
		return err
	}
	if labels != nil && e != nil {
		var m map[string]string
		if p := content.DecodeStrict("i18n/"+code+".yaml", labels, &m); len(p) > 0 {
			probs = append(probs, p...)
		}
	}
	return probs.Err()
}

// writeUnder writes files (slash paths relative to dir) into dir, making
// folders as needed: the scratch copy an edition is validated in.
func writeUnder(dir string, files map[string][]byte) error {
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := awarekit.ReadRegularFile(p, content.MaxFileSize)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}

// editionFile joins an edition-relative name to the data folder.
func (o Options) editionFile(code, name string) string {
	return filepath.Join(o.Data, code, filepath.FromSlash(name))
}
