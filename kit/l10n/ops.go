package l10n

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
)

// Formats of exchange files.
const (
	FormatXLIFF = "xliff"
	FormatPO    = "po"
)

// Export writes every translatable string of edition code, with the text
// of its source edition (the one in translation.yaml, or source when the
// edition is not a translation yet), in format xliff or po.
func Export(opt Options, code, source, format string, w io.Writer) error {
	if format != FormatXLIFF && format != FormatPO {
		return fmt.Errorf("unknown format %q (xliff or po)", format)
	}
	p, err := openPair(opt, code, source)
	if err != nil {
		return err
	}
	c := &Catalog{Source: p.src.ed.Code, Target: code, Date: p.dst.ed.Date().String(), Units: p.units(loadPosters(opt.Root))}
	if format == FormatPO {
		return WritePO(w, c)
	}
	return WriteXLIFF(w, c)
}

// Read parses an exchange file, XLIFF or PO, told apart by its content.
func Read(name string, b []byte) (*Catalog, error) {
	t := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\ufeff")), " \t\r\n")
	if len(t) == 0 {
		return nil, fmt.Errorf("%s: the file is empty", name)
	}
	if t[0] == '<' {
		return ReadXLIFF(name, bytes.NewReader(b))
	}
	return ReadPO(name, bytes.NewReader(b))
}

// ImportResult counts what an import did.
type ImportResult struct {
	Edition   string
	Imported  int      // strings whose translation was taken
	Stale     []string // imported, but translated from a source text that has changed since
	Untouched int      // units without a (new) translation
	Files     []string // files written
}

// Import reads a translated exchange file and writes its translations
// into the target edition's files, with their state in translation.yaml.
// It refuses the whole file, writing nothing, when the file cannot be
// read, is for another source edition, names an unknown string, or would
// make the edition invalid.
func Import(opt Options, name string, b []byte) (*ImportResult, error) {
	c, err := Read(name, b)
	if err != nil {
		return nil, err
	}
	if !validCode(c.Target) {
		return nil, fmt.Errorf("%s: the file is for %q, which is not an edition code", name, c.Target)
	}
	p, err := openPair(opt, c.Target, "")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if c.Source != p.state.Source {
		return nil, fmt.Errorf("%s: wrong source language: the file is translated from %s, but edition %s is translated from %s", name, c.Source, c.Target, p.state.Source)
	}
	known := map[string]bool{}
	for _, sf := range p.src.files.fields {
		if p.dst.files.byID[sf.ID] != nil {
			known[sf.ID] = true
		}
	}
	var probs diag.List
	for _, u := range c.Units {
		if !known[u.ID] {
			probs.Add(name, 0, 0, u.ID, "unknown string id (not in both %s and %s): was the file exported from this kit?", c.Source, c.Target)
		}
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	res := &ImportResult{Edition: c.Target}
	for _, u := range c.Units {
		df := p.dst.files.byID[u.ID]
		target := strings.TrimSpace(u.Target)
		cur, hasState := p.state.Strings[u.ID]
		switch {
		case target == "":
			res.Untouched++
			continue
		case u.State == StateStale && target == df.Text:
			res.Untouched++ // exported as stale and left as it was
			continue
		}
		changed := df.set(target)
		st := content.TranslatedString{State: content.StateTranslated, Hash: Hash(strings.TrimSpace(u.Source))}
		if changed || !hasState || cur != st {
			res.Imported++
		} else {
			res.Untouched++
		}
		p.state.Strings[u.ID] = st
		if sf := p.src.files.byID[u.ID]; sf != nil && st.Hash != Hash(sf.Text) {
			res.Stale = append(res.Stale, u.ID)
		}
	}
	files, err := p.dst.files.rendered()
	if err != nil {
		return nil, err
	}
	files["translation.yaml"] = stateFile(p.state)
	var labels []byte
	if p.dst.lfile.changed() {
		if labels, err = p.dst.lfile.render(); err != nil {
			return nil, err
		}
	}
	if err := validate(opt, c.Target, files, labels); err != nil {
		return nil, fmt.Errorf("%s: the translations would make edition %s invalid; nothing was written:\n%w", name, c.Target, err)
	}
	out := map[string][]byte{}
	for n, b := range files {
		path := opt.editionFile(c.Target, n)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b) {
			continue
		}
		out[path] = b
	}
	if labels != nil {
		out[p.dst.lpath] = labels
	}
	if err := writeAll(out); err != nil {
		return nil, err
	}
	for n := range out {
		res.Files = append(res.Files, filepath.ToSlash(n))
	}
	slices.Sort(res.Files)
	return res, nil
}

// EditionStatus is the translation state of one edition.
type EditionStatus struct {
	Edition    string   `json:"edition"`
	Source     string   `json:"source,omitempty"` // empty: an original edition
	Strings    int      `json:"strings"`
	Translated int      `json:"translated"`
	Missing    int      `json:"missing"`
	Stale      int      `json:"stale"`
	StaleIDs   []string `json:"stale_ids,omitempty"`
	MissingIDs []string `json:"missing_ids,omitempty"`
}

// Status counts, for every edition of the data folder, its strings and,
// for a translation, how many are translated, missing or stale.
func Status(opt Options) ([]EditionStatus, error) {
	set, err := content.Load(os.DirFS(opt.Data), filepath.ToSlash(opt.Data))
	if err != nil {
		return nil, err
	}
	var out []EditionStatus
	for _, e := range set.Editions {
		if e.Translation == nil {
			pr, err := open(opt, e.Code)
			if err != nil {
				return nil, err
			}
			out = append(out, EditionStatus{Edition: e.Code, Strings: len(pr.files.fields)})
			continue
		}
		p, err := openPair(opt, e.Code, "")
		if err != nil {
			return nil, err
		}
		s := EditionStatus{Edition: e.Code, Source: p.state.Source}
		for _, u := range p.units(posters{}) {
			s.Strings++
			switch u.State {
			case StateTranslated:
				s.Translated++
			case StateStale:
				s.Stale++
				s.StaleIDs = append(s.StaleIDs, u.ID)
			default:
				s.Missing++
				s.MissingIDs = append(s.MissingIDs, u.ID)
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// WriteStatusTable prints statuses as an aligned table.
func WriteStatusTable(w io.Writer, sts []EditionStatus) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%-8s %-8s %8s %11s %8s %6s\n", "edition", "source", "strings", "translated", "missing", "stale")
	for _, s := range sts {
		if s.Source == "" {
			fmt.Fprintf(&b, "%-8s %-8s %8d %11s %8s %6s\n", s.Edition, "-", s.Strings, "original", "-", "-")
			continue
		}
		fmt.Fprintf(&b, "%-8s %-8s %8d %11d %8d %6d\n", s.Edition, s.Source, s.Strings, s.Translated, s.Missing, s.Stale)
	}
	for _, s := range sts {
		if len(s.StaleIDs) > 0 {
			fmt.Fprintf(&b, "\n%s: stale (the source changed since the translation):\n", s.Edition)
			for _, id := range s.StaleIDs {
				fmt.Fprintf(&b, "  %s\n", id)
			}
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}
