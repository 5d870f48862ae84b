package l10n

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/i18n"
)

// Formats of exchange files.
const (
	FormatXLIFF   = "xliff"   // XLIFF 2.0 (the first format awarekit wrote)
	FormatXLIFF20 = "xliff20" // XLIFF 2.0, by its version
	FormatXLIFF12 = "xliff12" // XLIFF 1.2: what translate-toolkit, Weblate, Pootle and OmegaT read
	FormatPO      = "po"
)

// Formats lists the format names Export takes.
var Formats = []string{FormatPO, FormatXLIFF12, FormatXLIFF, FormatXLIFF20}

// Export writes every translatable string of edition code, with the text
// of its source edition (the one in translation.yaml, or source when the
// edition is not a translation yet), in format po, xliff12 (XLIFF 1.2) or
// xliff (XLIFF 2.0, also named xliff20).
func Export(opt Options, code, source, format string, w io.Writer) error {
	if !slices.Contains(Formats, format) {
		return fmt.Errorf("unknown format %q (%s)", format, strings.Join(Formats, ", "))
	}
	p, err := openPair(opt, code, source)
	if err != nil {
		return err
	}
	c := &Catalog{Source: p.src.ed.Code, Target: code, Date: p.dst.ed.Date().String(), Units: p.units(loadPosters(opt))}
	if format == FormatPO {
		return WritePO(w, c)
	}
	if format == FormatXLIFF12 {
		return WriteXLIFF12(w, c)
	}
	return WriteXLIFF(w, c)
}

// MaxImportSize bounds an exchange file.
const MaxImportSize = 32 << 20

// Read parses an exchange file, XLIFF (1.2 or 2.0) or PO, told apart by
// its content. Its errors give the file and line, never a line of the
// file's content.
func Read(name string, b []byte) (*Catalog, error) {
	t := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\ufeff")), " \t\r\n")
	if len(t) == 0 {
		return nil, fmt.Errorf("%s: the file is empty", name)
	}
	var (
		c   *Catalog
		err error
	)
	if t[0] == '<' {
		c, err = ReadXLIFF(name, bytes.NewReader(b))
	} else {
		c, err = ReadPO(name, bytes.NewReader(b))
	}
	if err != nil {
		return nil, err
	}
	if !validCode(c.Source) || !validCode(c.Target) {
		return nil, fmt.Errorf("%s: the source and target languages must be edition codes such as fr-LU", name)
	}
	return c, nil
}

// ImportFile imports the exchange file at file (see Import). The file is
// read only if it is a regular file: a symbolic link is refused, not
// followed; a FIFO or a device is refused, not opened.
func ImportFile(opt Options, file string) (*ImportResult, error) {
	b, err := awarekit.ReadRegularFile(file, MaxImportSize)
	if err != nil {
		return nil, err
	}
	return Import(opt, filepath.ToSlash(file), b)
}

// checkUnits returns what is wrong with the translations of c, each at its
// line: characters that have no place in a text (every string), HTML
// (every string but page bodies, which are Markdown checked with the
// pages), and the limits of interface strings.
func checkUnits(name string, c *Catalog) diag.List {
	var probs diag.List
	for _, u := range c.Units {
		t := strings.TrimSpace(u.Target)
		if t == "" {
			continue
		}
		var ps []string
		switch {
		case strings.HasPrefix(u.ID, "i18n."):
			ps = i18n.CheckString(t)
		case strings.HasPrefix(u.ID, "pages.") && strings.HasSuffix(u.ID, ".body"):
			ps = i18n.CheckChars(t)
		default:
			ps = append(i18n.CheckChars(t), i18n.CheckMarkup(t)...)
		}
		for _, p := range ps {
			probs.Add(name, u.Line, 0, u.ID, "%s", p)
		}
	}
	return probs
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
			if idRE.MatchString(u.ID) {
				probs.Add(name, u.Line, 0, u.ID, "unknown string id (not in both %s and %s): was the file exported from this kit?", c.Source, c.Target)
			} else {
				probs.Add(name, u.Line, 0, "", "%s (not in both %s and %s): was the file exported from this kit?", showID(u.ID), c.Source, c.Target)
			}
		}
	}
	probs = append(probs, checkUnits(name, c)...)
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
		if old, err := awarekit.ReadRegularFile(path, content.MaxFileSize); err == nil && bytes.Equal(old, b) {
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
