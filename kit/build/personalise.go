package build

import (
	"time"

	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/local"
	"github.com/awarekit/awarekit/kit/personalise"
)

// PersonaliseOptions is one run of `awarekit personalise`: a design of an
// edition at one size, personalised once per row of a CSV file.
type PersonaliseOptions struct {
	Data, Root string // as for Run
	Edition    string
	CSV        string // the local blocks, one a row
	Design     string
	Size       string
	Bleed      bool      // print-shop variant: bleed and crop marks
	Out        string    // the folder the PDFs go to (created if missing)
	BaseURL    string    // where the site is published, as for Run: an absolute https:// URL puts the site band on the posters
	Now        time.Time // today, for the data's date checks (the command reads the clock)
	SourceDate time.Time // SOURCE_DATE_EPOCH as the command read it; zero: the edition's date
}

// MaxCSVBytes bounds the CSV file read.
const MaxCSVBytes = 8 << 20

// Personalise writes one PDF per CSV row into opt.Out and returns their
// paths. Every row is checked and laid out before anything is written:
// any problem (reported all at once, as csv:line: field: what) means no
// file is written. The PDFs are written to a temporary folder inside
// opt.Out, then moved; a file of the same name already there is an error,
// never overwritten.
func Personalise(opt PersonaliseOptions) ([]string, error) {
	Preload()
	set, err := Check(opt.Data, opt.Now)
	if err != nil {
		return nil, err
	}
	eds, err := selectEditions(set, []string{opt.Edition})
	if err != nil {
		return nil, err
	}
	e := eds[0]
	kit, err := LoadKit(opt.Root, eds)
	if err != nil {
		return nil, err
	}
	var d *layout.Design
	var names []string
	for _, x := range kit.Designs {
		if x.Personalisable() {
			names = append(names, x.ID)
		}
		if x.ID == opt.Design {
			d = x
		}
	}
	var probs diag.List
	switch {
	case d == nil || !d.Personalisable():
		probs.Add("--design", 0, 0, "", "%q is not a design with a local block (have %s)", opt.Design, strings.Join(names, ", "))
	case !slices.Contains(d.Sizes, opt.Size):
		probs.Add("--size", 0, 0, "", "%s comes in %s, not %q", d.ID, strings.Join(d.Sizes, ", "), opt.Size)
	}
	if opt.BaseURL != "" && layout.SiteURL(opt.BaseURL, e.Code) == "" {
		probs.Add("--base-url", 0, 0, "", "%q is not an absolute https:// address (no query, no fragment): the posters could not lead to the site", opt.BaseURL)
	}
	if len(probs) > 0 {
		return nil, probs.Err()
	}

	shown := filepath.ToSlash(opt.CSV)
	b, err := readRegular(opt.CSV, MaxCSVBytes)
	if err != nil {
		probs.Add(shown, 0, 0, "", "%v", err)
		return nil, probs.Err()
	}
	rows, p := personalise.ReadCSV(shown, strings.NewReader(string(b)))
	if len(p) > 0 {
		return nil, p.Err()
	}
	bleed := 0.0
	if opt.Bleed {
		bleed = BleedMM
	}
	type file struct {
		name string
		data []byte
	}
	var files []file
	taken := map[string]int{}
	date := Date(e, opt.SourceDate)
	for _, r := range rows {
		var logo []byte
		var fe local.Errors
		if r.Logo != "" {
			var err error
			logo, err = readLogo(filepath.Dir(opt.CSV), r.Logo)
			if err != nil {
				fe = append(fe, local.FieldError{Field: local.FieldLogo, Msg: err.Error()})
			}
		}
		blk, errs := local.Parse(r.Values, logo, e.Region)
		fe = append(fe, errs...)
		if len(fe) > 0 {
			probs = append(probs, personalise.Problems(shown, r.Line, fe, nil)...)
			continue
		}
		pg, err := personalise.Poster(kit.Fonts, layout.Job{Edition: e, Design: d, Size: opt.Size, Bleed: bleed, I18n: kit.I18n[e.Code], Designs: kit.Designs, Local: blk, Locale: kit.locale(e), SiteURL: layout.SiteURL(opt.BaseURL, e.Code)})
		if err != nil {
			probs = append(probs, personalise.Problems(shown, r.Line, nil, err)...)
			continue
		}
		pdf, err := personalise.PDF(pg, kit.Fonts, date)
		if err != nil {
			return nil, err
		}
		name := personalise.FileName(d.ID, opt.Size, opt.Bleed, blk.Name)
		if n := taken[name]; n > 0 {
			// Two rows with the same name: the second gets -2, and so on.
			taken[name]++
			name = strings.TrimSuffix(name, ".pdf") + fmt.Sprintf("-%d.pdf", n+1)
		} else {
			taken[name] = 1
		}
		files = append(files, file{name, pdf})
	}
	if len(probs) > 0 {
		return nil, probs.Err()
	}

	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return nil, fmt.Errorf("creating the output folder: %w", err)
	}
	if st, err := os.Lstat(opt.Out); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", opt.Out)
	}
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(opt.Out, f.name)); err == nil {
			probs.Add(filepath.ToSlash(filepath.Join(opt.Out, f.name)), 0, 0, "", "already exists: remove it or choose another --out (it is never overwritten)")
		}
	}
	if len(probs) > 0 {
		return nil, probs.Err()
	}
	tmp, err := os.MkdirTemp(opt.Out, ".awarekit-personalise-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(tmp, f.name), f.data, 0o644); err != nil {
			return nil, fmt.Errorf("writing %s: %w", f.name, err)
		}
	}
	var out []string
	for _, f := range files {
		dst := filepath.Join(opt.Out, f.name)
		if err := os.Rename(filepath.Join(tmp, f.name), dst); err != nil {
			return out, fmt.Errorf("moving %s into place: %w", f.name, err)
		}
		out = append(out, dst)
	}
	return out, nil
}

// readRegular reads a regular file (no symbolic link, no FIFO or device)
// of at most max bytes.
func readRegular(name string, max int64) ([]byte, error) {
	st, err := os.Lstat(name)
	switch {
	case err != nil:
		return nil, fmt.Errorf("cannot read: %w", unwrap(err))
	case st.Mode()&os.ModeSymlink != 0:
		return nil, fmt.Errorf("a symbolic link: give the file itself")
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("not a regular file")
	case st.Size() > max:
		return nil, fmt.Errorf("too large: %d bytes (at most %d)", st.Size(), max)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrap(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrap(err))
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("too large: more than %d bytes", max)
	}
	return b, nil
}

// readLogo reads a logo named in the CSV, relative to the CSV's folder and
// inside it (no absolute path, no ..).
func readLogo(dir, rel string) ([]byte, error) {
	clean := filepath.Clean(filepath.FromSlash(rel))
	if filepath.IsAbs(clean) || !filepath.IsLocal(clean) {
		return nil, fmt.Errorf("%q: give a path relative to the CSV file, inside its folder", rel)
	}
	// No component may be a symbolic link.
	p := dir
	for _, part := range strings.Split(clean, string(filepath.Separator)) {
		p = filepath.Join(p, part)
		if st, err := os.Lstat(p); err == nil && st.Mode()&os.ModeSymlink != 0 {
			return nil, fmt.Errorf("%s: a symbolic link: give the file itself", rel)
		}
	}
	b, err := readRegular(p, local.MaxLogoBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", rel, err)
	}
	return b, nil
}

func unwrap(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
