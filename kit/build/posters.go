package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
	"time"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/internal/par"
	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/manifest"
	"github.com/awarekit/awarekit/kit/pdf"
	"github.com/awarekit/awarekit/kit/preview"
)

// BleedMM is the print-shop bleed on each side.
const BleedMM = 3

// Variants of each poster size.
var Variants = []struct {
	Name   string
	Suffix string
	Bleed  float64
}{
	{"office", "", 0},
	{"bleed", "-bleed", BleedMM},
}

// Kit is what a build reads besides the data (kitset.Kit: designs,
// strings and fonts, loaded once), with what this build adds to it.
type Kit struct {
	*kitset.Kit
	Cache   *Cache // posters of the previous build, or nil
	BaseURL string // where the site is published (see Options.BaseURL)
	// SourceDate dates the files instead of the editions' dates when set
	// (see Options.SourceDate).
	SourceDate time.Time
	shared     sharedPreviews
}

// LoadKit reads the designs (posters/) and interface strings (i18n/) of
// root, falling back on the embedded defaults, for the given editions
// (kitset.Load). The kit folder is read through awarekit.KitFS: every
// file that is not a regular file, and a root that does not exist, are
// errors.
func LoadKit(root string, eds []*content.Edition) (*Kit, error) {
	k, err := kitset.Load(root, eds)
	if k == nil {
		return nil, err
	}
	return &Kit{Kit: k}, err
}

// LoadKitFS is LoadKit for a kit folder given as a file system, shown as
// root in messages (kitset.LoadFS).
func LoadKitFS(fsys fs.FS, root string, eds []*content.Edition) (*Kit, error) {
	k, err := kitset.LoadFS(fsys, root, eds)
	if k == nil {
		return nil, err
	}
	return &Kit{Kit: k}, err
}

// PosterJob is one poster file set to produce: a design at a size in a
// variant, for an edition.
type PosterJob struct {
	Edition *content.Edition
	Design  *layout.Design
	Size    string
	Variant string
	Bleed   float64
}

// Base returns the file name without extension: <design>-<size>[-bleed].
func (j PosterJob) Base() string {
	s := j.Design.ID + "-" + j.Size
	if j.Variant == "bleed" {
		s += "-bleed"
	}
	return s
}

// PosterJobs lists every poster of the editions, in a fixed order.
func (k *Kit) PosterJobs(eds []*content.Edition) []PosterJob {
	var jobs []PosterJob
	for _, e := range eds {
		for _, d := range k.Designs {
			for _, s := range d.Sizes {
				for _, v := range Variants {
					if d.Kind == "document" && v.Bleed > 0 {
						continue // documents are printed at the office
					}
					jobs = append(jobs, PosterJob{Edition: e, Design: d, Size: s, Variant: v.Name, Bleed: v.Bleed})
				}
			}
		}
	}
	return jobs
}

// LayoutAll lays out every poster and returns every overflow at once.
func (k *Kit) LayoutAll(jobs []PosterJob) ([]*layout.Page, error) {
	pages := make([]*layout.Page, len(jobs))
	errs := make([]error, len(jobs))
	par.Do(len(jobs), func(i int) {
		pages[i], errs[i] = k.layout(jobs[i])
	})
	return pages, layoutErr(jobs, errs)
}

func (k *Kit) layout(j PosterJob) (*layout.Page, error) {
	return layout.Layout(k.Fonts, layout.Job{
		Edition: j.Edition, Design: j.Design, Size: j.Size, Bleed: j.Bleed, I18n: k.I18n[j.Edition.Code], Designs: k.Designs,
		SiteURL: layout.SiteURL(k.BaseURL, j.Edition.Code), Locale: k.locale(j.Edition),
	})
}

// layoutErr lists every overflow of the jobs, once per edition, design and
// size (the bleed variant has the same boxes as the office one).
func layoutErr(jobs []PosterJob, errs []error) error {
	var probs diag.List
	seen := map[string]bool{}
	for i, err := range errs {
		key := jobs[i].Edition.Code + jobs[i].Design.ID + jobs[i].Size
		if err != nil && !seen[key] {
			probs = appendErr(probs, err)
			seen[key] = true
		}
	}
	return probs.Err()
}

func appendErr(l diag.List, err error) diag.List {
	if err == nil {
		return l
	}
	if d, ok := err.(*diag.Error); ok {
		return append(l, d.Problems...)
	}
	return append(l, diag.Problem{Msg: err.Error()})
}

// writePosters lays out every poster and writes its PDF, and a PNG preview
// and a thumbnail of each office variant, under out/<edition>/posters/.
// Each page is written as soon as it is laid out and then dropped, so that
// memory does not grow with the number of editions. Overflows are all
// reported at once, before any write error; out is a temporary folder that
// the caller throws away on error.
func (k *Kit) writePosters(out string, jobs []PosterJob) (map[string][]manifest.File, error) {
	files := make([][]manifest.File, len(jobs))
	lerrs := make([]error, len(jobs))
	werrs := make([]error, len(jobs))
	par.Do(len(jobs), func(i int) {
		pg, err := k.layout(jobs[i])
		if err != nil {
			lerrs[i] = err
			return
		}
		files[i], werrs[i] = k.writePoster(out, jobs[i], pg)
	})
	if err := layoutErr(jobs, lerrs); err != nil {
		return nil, err
	}
	byEd := map[string][]manifest.File{}
	for i, err := range werrs {
		if err != nil {
			return nil, fmt.Errorf("poster %s/%s: %w", jobs[i].Edition.Code, jobs[i].Base(), err)
		}
		byEd[jobs[i].Edition.Code] = append(byEd[jobs[i].Edition.Code], files[i]...)
	}
	return byEd, nil
}

func (k *Kit) writePoster(out string, j PosterJob, pg *layout.Page) ([]manifest.File, error) {
	dir := path.Join(j.Edition.Code, "posters")
	if err := os.MkdirAll(filepath.Join(out, filepath.FromSlash(dir)), 0o755); err != nil {
		return nil, err
	}
	previews := j.Variant == "office"
	names := []struct{ name, kind string }{{j.Base() + ".pdf", "poster-pdf"}, {j.Base() + ".png", "poster-png"}, {j.Base() + "-thumb.png", "thumbnail"}}
	var files []manifest.File
	put := func(i int, b []byte) (string, error) {
		p := path.Join(dir, names[i].name)
		full := filepath.Join(out, filepath.FromSlash(p))
		if err := os.WriteFile(full, b, 0o644); err != nil {
			return "", err
		}
		f, err := manifest.DescribeReader(bytes.NewReader(b), manifest.File{Path: p, Kind: names[i].kind, Design: j.Design.ID, Size: j.Size, Variant: j.Variant})
		files = append(files, f)
		return full, err
	}
	date := k.Date(j.Edition)
	var key [32]byte
	if k.Cache != nil {
		var err error
		if key, err = pageKey(pg, date.Format(time.RFC3339), previews); err != nil {
			return nil, err
		}
	}
	if bs, hit := k.Cache.get(j.Edition.Code, key); hit {
		for i, b := range bs {
			if _, err := put(i, b); err != nil {
				return nil, err
			}
		}
		return files, nil
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, pg, k.Fonts, date); err != nil {
		return nil, err
	}
	if _, err := put(0, buf.Bytes()); err != nil {
		return nil, err
	}
	bs := [][]byte{buf.Bytes()}
	if previews {
		full, thumb, err := k.shared.previews(pg, k.Fonts, func(full, thumb []byte) (string, string, error) {
			a, err := put(1, full)
			if err != nil {
				return "", "", err
			}
			b, err := put(2, thumb)
			return a, b, err
		})
		if err != nil {
			return nil, err
		}
		bs = append(bs, full, thumb)
	}
	k.Cache.put(j.Edition.Code, key, bs)
	return files, nil
}

// sharedPreviews makes each different preview of a build once. Editions
// often have the same picture (a design without contacts, editions copied
// from another: 100 scaffolded editions have 234 different previews out of
// 1100). The first poster with a picture renders and writes it; the others
// wait for it and copy its files, so nothing is held in memory.
type sharedPreviews struct {
	mu sync.Mutex
	m  map[[32]byte]*sharedPreview
}

type sharedPreview struct {
	done        chan struct{}
	full, thumb string // the first poster's files
	err         error
}

// previews returns the preview and thumbnail of pg, made once per build
// for a given picture, and has write write them (returning their paths).
func (s *sharedPreviews) previews(pg *layout.Page, fonts layout.Fonts, write func(full, thumb []byte) (string, string, error)) ([]byte, []byte, error) {
	key, err := previewKey(pg)
	if err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	if s.m == nil {
		s.m = map[[32]byte]*sharedPreview{}
	}
	e, seen := s.m[key]
	if !seen {
		e = &sharedPreview{done: make(chan struct{})}
		s.m[key] = e
	}
	s.mu.Unlock()
	if seen {
		<-e.done
		if e.err == nil {
			full, err1 := os.ReadFile(e.full)
			thumb, err2 := os.ReadFile(e.thumb)
			if err1 == nil && err2 == nil {
				_, _, err := write(full, thumb)
				return full, thumb, err
			}
		}
		// The first one failed: try on our own.
		full, thumb, err := preview.Render(pg, fonts)
		if err != nil {
			return nil, nil, err
		}
		_, _, err = write(full, thumb)
		return full, thumb, err
	}
	defer close(e.done)
	full, thumb, err := preview.Render(pg, fonts)
	if err == nil {
		e.full, e.thumb, err = write(full, thumb)
	}
	e.err = err
	return full, thumb, err
}

// Date is the fixed date written into an edition's files: its
// updated date, or the kit's SourceDate (SOURCE_DATE_EPOCH) when set.
func (k *Kit) Date(e *content.Edition) time.Time {
	return Date(e, k.SourceDate)
}

// Date is the fixed date written into an edition's files: epoch when set
// (SOURCE_DATE_EPOCH, see ParseEpoch), else its updated date.
func Date(e *content.Edition, epoch time.Time) time.Time {
	if !epoch.IsZero() {
		return epoch.UTC()
	}
	return EditionDate(e)
}

// EditionDate is the edition's own date (Edition.Date: its updated date),
// which dates the files inside its kit whatever SOURCE_DATE_EPOCH says: a
// kit's files tell how current their content is, not when they were built.
func EditionDate(e *content.Edition) time.Time {
	return e.Date().Time().UTC()
}
