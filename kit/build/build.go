// Package build orchestrates a whole kit build: it loads and validates the
// data, then writes every output of every edition into a temporary folder
// next to the output folder, and moves it into place only when everything
// succeeded. A failed build leaves an existing output folder untouched.
//
// It owns the order of the steps and the file layout of public/; what each
// file holds is the business of the packages it calls.
package build

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/internal/par"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/manifest"
	"github.com/awarekit/awarekit/kit/pdf"
)

// Options say what to build and where.
type Options struct {
	Root     string    // the kit folder: posters/ and i18n/ here override the embedded defaults
	Data     string    // the data folder (editions as subfolders)
	Out      string    // the output folder, replaced on success
	Editions []string  // build only these edition codes; all when empty
	Log      io.Writer // progress, one line per edition; nil for quiet
	Version  string    // the kit version written into manifests
	Strict   bool      // contacts verified more than 12 months ago are errors, not warnings
	Cache    *Cache    // reuse the unchanged posters and kits of the previous build (live preview); nil: none
	BaseURL  string    // where the site is published; an absolute https://… URL puts the site's address and QR code on the posters

	// Site, when set, builds the microsite into the temporary output after
	// the posters. It is a hook so that only the command links Hugo: the
	// build package and its tests compile without it.
	Site func(SiteJob) error
}

// SiteJob is what the site builder gets.
type SiteJob struct {
	Out      string                       // the temporary output root: write the site here
	Editions []*content.Edition           // the editions being built
	All      []*content.Edition           // every edition of the data (for the language picker)
	Files    map[string][]manifest.File   // produced files per edition code, paths relative to Out
	I18n     map[string]map[string]string // merged interface strings per edition code
}

// Summary is what a build produced.
type Summary struct {
	Warnings diag.List // contacts verified more than 12 months ago
	Editions []string
	Files    int
	Bytes    int64
	Elapsed  time.Duration
}

// Check loads and validates the data and returns every problem.
func Check(data string) (*content.Set, error) {
	return content.LoadOptions(os.DirFS(data), filepath.ToSlash(data), content.Options{Now: time.Now()})
}

// CheckAll validates the data, the designs and the interface strings, and
// lays out every poster of every edition, reporting every problem and
// every overflow at once. It writes nothing.
func CheckAll(root, data string) (*content.Set, error) { return CheckSite(root, data, "") }

// CheckSite is CheckAll for a site published at baseURL: the posters are
// laid out with the site's address and QR code when it is absolute.
func CheckSite(root, data, baseURL string) (*content.Set, error) {
	set, err := Check(data)
	if err != nil {
		return set, err
	}
	kit, err := LoadKit(root, set.Editions)
	if err != nil {
		return set, err
	}
	kit.BaseURL = baseURL
	_, err = kit.LayoutAll(kit.PosterJobs(set.Editions))
	return set, err
}

// Preload starts parsing the fonts (for measuring and for the PDFs) in
// the background, so that it overlaps reading the data; whoever needs them
// next waits for the end of the parse, errors included.
func Preload() {
	go func() {
		if f, err := layout.LoadFonts(); err == nil {
			pdf.Prepare(f)
		}
	}()
}

// Run builds the kit.
func Run(opt Options) (*Summary, error) {
	start := time.Now()
	Preload()
	set, err := Check(opt.Data)
	if err != nil {
		return nil, err
	}
	stale := set.Stale(time.Now())
	if opt.Strict && len(stale) > 0 {
		return nil, stale.Err()
	}
	eds, err := selectEditions(set, opt.Editions)
	if err != nil {
		return nil, err
	}
	kit, err := LoadKit(opt.Root, eds)
	if err != nil {
		return nil, err
	}
	kit.Cache, kit.BaseURL = opt.Cache, opt.BaseURL
	stale = append(stale, SiteWarnings(opt.BaseURL)...)
	var codes []string
	for _, e := range eds {
		codes = append(codes, e.Code)
	}
	opt.Cache.rotate(codes, len(opt.Editions) == 0)
	jobs := kit.PosterJobs(eds)

	parent := filepath.Dir(filepath.Clean(opt.Out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, ".awarekit-build-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)

	files, err := kit.writePosters(tmp, jobs)
	if err != nil {
		return nil, err
	}
	kits := make([]manifest.File, len(eds))
	errs := make([]error, len(eds))
	par.Do(len(eds), func(i int) {
		kits[i], errs[i] = kit.writeKit(tmp, eds[i], files[eds[i].Code], opt.Version)
	})
	for i, e := range eds {
		f, err := kits[i], errs[i]
		if err != nil {
			return nil, fmt.Errorf("edition %s: kit: %w", e.Code, err)
		}
		files[e.Code] = append(files[e.Code], f)
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "%s: %d files, kit %.1f MB\n", e.Code, len(files[e.Code]), float64(f.Bytes)/(1<<20))
		}
	}
	sum := &Summary{Warnings: stale}
	for _, e := range eds {
		dir := filepath.Join(tmp, e.Code)
		if err := writeJSON(filepath.Join(dir, "content.json"), e); err != nil {
			return nil, fmt.Errorf("edition %s: %w", e.Code, err)
		}
		sum.Editions = append(sum.Editions, e.Code)
	}
	if opt.Site != nil {
		job := SiteJob{Out: tmp, Editions: eds, All: set.Editions, Files: files, I18n: kit.I18n}
		if err := opt.Site(job); err != nil {
			return nil, fmt.Errorf("site: %w", err)
		}
	}
	if err := countFiles(tmp, sum); err != nil {
		return nil, err
	}
	if len(opt.Editions) > 0 {
		err = swapEditions(tmp, opt.Out, sum.Editions)
	} else {
		err = swap(tmp, opt.Out)
	}
	if err != nil {
		return nil, err
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

func selectEditions(set *content.Set, codes []string) ([]*content.Edition, error) {
	if len(codes) == 0 {
		return set.Editions, nil
	}
	var eds []*content.Edition
	var probs diag.List
	for _, c := range codes {
		e := set.Edition(c)
		if e == nil {
			var have []string
			for _, e := range set.Editions {
				have = append(have, e.Code)
			}
			probs.Add("--edition", 0, 0, "", "no edition %q (have %s)", c, strings.Join(have, ", "))
			continue
		}
		if !slices.Contains(eds, e) {
			eds = append(eds, e)
		}
	}
	return eds, probs.Err()
}

func writeJSON(name string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeFile(name, append(b, '\n'))
}

func writeFile(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}

func countFiles(dir string, sum *Summary) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		sum.Files++
		sum.Bytes += info.Size()
		return nil
	})
}

// swap replaces out with tmp: out is moved aside, tmp renamed into place,
// and the old output removed. If the second rename fails, the old output
// is put back.
func swap(tmp, out string) error {
	old := ""
	if _, err := os.Lstat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("moving the previous %s aside: %w", out, err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		return fmt.Errorf("moving the new build into %s: %w", out, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// swapEditions replaces only the given editions' folders under out,
// keeping the rest of an existing output.
func swapEditions(tmp, out string, codes []string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, c := range codes {
		if err := swap(filepath.Join(tmp, c), filepath.Join(out, c)); err != nil {
			return err
		}
	}
	return nil
}
