// Package build orchestrates a whole kit build: it loads and validates the
// data, then writes every output of every edition into a temporary folder
// next to the output folder, and moves it into place only when everything
// succeeded. A failed or interrupted build leaves an existing output folder
// untouched, and a build never deletes a file it did not write: the output
// folder's marker lists the files it wrote (output.go, docs/OUTPUT.md).
//
// It owns the order of the steps and the file layout of public/; what each
// file holds is the business of the packages it calls.
package build

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/internal/par"
	"github.com/awarekit/awarekit/kit/kitset"
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
	Strict   bool      // the data's warnings (old verifications and sources, deceptive hosts, no site URL) are errors
	Cache    *Cache    // reuse the unchanged posters and kits of the previous build (live preview); nil: none
	BaseURL  string    // where the site is published; an absolute https://… URL puts the site's address and QR code on the posters

	// DataFS, when set, is the data folder as a file system (a test's kit
	// in memory, testkit.NewKit): read instead of the folder Data, which
	// then only names it in messages and may be empty. Nil: the folder
	// Data, opened as an os.Root (Check).
	DataFS fs.FS
	// KitFS, when set, is the kit folder as a file system (posters/,
	// i18n/, layouts/, assets/; checked as a folder is, by
	// awarekit.CheckKit): read instead of the folder Root, which then only
	// names it in messages. Nil: the folder Root.
	KitFS fs.FS

	// Kit is the kit of Root loaded before (the live preview keeps it
	// while only the data change); nil: loaded from Root (or KitFS).
	Kit *kitset.Kit
	// Context stops the build (a signal): it returns ctx.Err() at the
	// next step and removes its temporary folder; the output is untouched.
	// Nil: never stopped.
	Context context.Context
	// Now is today for the stale check. Zero: the wall clock (the command
	// reads it once; tests fix it).
	Now time.Time
	// SourceDate, when set, dates the files a build writes instead of the
	// editions' updated dates (SOURCE_DATE_EPOCH, which the command reads:
	// no library code reads the environment). The files inside a kit's zip
	// keep their edition's date.
	SourceDate time.Time
	// Waiting is called once if another build holds the lock of the
	// output's parent folder and this one waits for it.
	Waiting func(dir string)

	inPlace bool // tests: swap the output's contents as for a mount point

	// Site, when set, builds the microsite into the temporary output after
	// the posters. It is a hook so that only the command links Hugo: the
	// build package and its tests compile without it.
	Site func(SiteJob) error

	// Engine is the folder holding the personalisation engine built by
	// `make kit` (awarekit.wasm and the Go toolchain's wasm_exec.js); it
	// is copied beside each edition's personalise page. Empty: no engine,
	// the page offers the normal downloads.
	Engine string
}

// SiteJob is what the site builder gets (kitset.SiteJob: the site does
// not import build).
type SiteJob = kitset.SiteJob

// Summary is what a build produced.
type Summary struct {
	Warnings diag.List // old verifications and sources, deceptive hosts, no absolute site URL
	Editions []string
	Files    int
	Bytes    int64
	Elapsed  time.Duration
}

// Check loads and validates the data folder and returns every problem.
// now is today, for the checks of dates (a verification cannot be in the
// future): the command reads the clock once, tests fix it.
func Check(data string, now time.Time) (*content.Set, error) {
	fsys, done := openData(data)
	defer done()
	return CheckFS(fsys, data, now)
}

// CheckFS is Check for a data folder given as a file system, shown as
// data in messages.
func CheckFS(fsys fs.FS, data string, now time.Time) (*content.Set, error) {
	return content.LoadOptions(fsys, filepath.ToSlash(data), content.Options{Now: now})
}

// openData opens the data folder dir as an os.Root, closed by done once
// the data are read (content reads everything while it loads): no path
// leaves the folder, not even through a link put inside it meanwhile
// (content refuses links anyway, and reads only regular files). A folder
// that cannot be opened gives os.DirFS(dir), whose first read reports
// why, in the words of every other unreadable data folder.
func openData(dir string) (fs.FS, func()) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return os.DirFS(dir), func() {}
	}
	return r.FS(), func() { r.Close() }
}

// check loads the options' data: DataFS, else the folder Data.
func (opt Options) check(now time.Time) (*content.Set, error) {
	if opt.DataFS != nil {
		return CheckFS(opt.DataFS, opt.Data, now)
	}
	return Check(opt.Data, now)
}

// loadKit loads the options' kit for the editions: KitFS, else the
// folder Root.
func (opt Options) loadKit(eds []*content.Edition) (*Kit, error) {
	if opt.KitFS != nil {
		return LoadKitFS(opt.KitFS, opt.Root, eds)
	}
	return LoadKit(opt.Root, eds)
}

// CheckAll validates the data, the designs and the interface strings, and
// lays out every poster of every edition, reporting every problem and
// every overflow at once. It writes nothing.
func CheckAll(root, data string, now time.Time) (*content.Set, error) {
	return CheckSite(root, data, "", now)
}

// CheckSite is CheckAll for a site published at baseURL: the posters are
// laid out with the site's address and QR code when it is absolute.
func CheckSite(root, data, baseURL string, now time.Time) (*content.Set, error) {
	return CheckOptions(Options{Root: root, Data: data, BaseURL: baseURL, Now: now})
}

// CheckOptions is CheckSite for the inputs of a build's options (Root or
// KitFS, Data or DataFS, BaseURL, Now): what Run would refuse, without
// writing anything.
func CheckOptions(opt Options) (*content.Set, error) {
	set, err := opt.check(opt.Now)
	if err != nil {
		return set, err
	}
	kit, err := opt.loadKit(set.Editions)
	if err != nil {
		return set, err
	}
	kit.BaseURL = opt.BaseURL
	_, err = kit.LayoutAll(kit.PosterJobs(set.Editions))
	return set, err
}

// Preload starts parsing the fonts (for measuring and for the PDFs) in
// the background, so that it overlaps reading the data; whoever needs them
// next waits for the end of the parse, errors included. It also sets the
// process's garbage collector for a build (TuneGC).
func Preload() {
	TuneGC()
	go func() {
		if f, err := layout.LoadFonts(); err == nil {
			pdf.Prepare(f)
		}
	}()
}

// Run builds the kit into a temporary folder, then puts it in place of
// opt.Out (see output.go for what --out may be).
func Run(opt Options) (*Summary, error) {
	start := time.Now()
	ctx := opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	Preload()
	set, err := opt.check(now)
	if err != nil {
		return nil, err
	}
	stale := set.Stale(now)
	if opt.Strict && len(stale) > 0 {
		return nil, stale.Err()
	}
	eds, err := selectEditions(set, opt.Editions)
	if err != nil {
		return nil, err
	}
	var codes []string
	for _, e := range eds {
		codes = append(codes, e.Code)
	}
	var partial []string
	if len(opt.Editions) > 0 {
		partial = codes
	}
	out, err := openOutput(ctx, opt, partial)
	if err != nil {
		return nil, err
	}
	defer out.unlock()
	// The kit holds the strings of every edition, not only of those built:
	// the site renders them all (the links between editions).
	var kit *Kit
	if opt.Kit != nil {
		kit = &Kit{Kit: opt.Kit}
		err = opt.Kit.Add(set.Editions)
	} else {
		kit, err = opt.loadKit(set.Editions)
	}
	if err != nil {
		return nil, err
	}
	kit.Cache, kit.BaseURL, kit.SourceDate = opt.Cache, opt.BaseURL, opt.SourceDate
	stale = append(stale, SiteWarnings(opt.BaseURL)...)
	opt.Cache.rotate(codes, len(opt.Editions) == 0)
	jobs := kit.PosterJobs(eds)

	tmp, err := out.temp()
	if err != nil {
		return nil, fmt.Errorf("--out %s: %w", opt.Out, err)
	}
	defer os.RemoveAll(tmp)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	files, err := kit.writePosters(tmp, jobs)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
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
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if opt.Site != nil {
		job := SiteJob{Out: tmp, Editions: eds, All: set.Editions, Files: files, Kit: kit.Kit}
		if err := opt.Site(job); err != nil {
			return nil, fmt.Errorf("site: %w", err)
		}
	}
	if opt.Site != nil {
		if err := writeEngine(tmp, opt.Engine, sum.Editions); err != nil {
			return nil, err
		}
		if err := writeEngineKit(tmp, opt.Engine, kit.Kit, kit.BaseURL, eds); err != nil {
			return nil, err
		}
	}
	if err := countFiles(tmp, sum); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := out.replace(tmp, partial, opt.Version); err != nil {
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
		if err != nil || d.IsDir() || p == filepath.Join(dir, MarkerName) {
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
