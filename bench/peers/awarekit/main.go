// Command awarekit is awarekit's side of the peer benchmark (bench/peers):
// it makes the fr-FR la-sextorsion A4 office poster, once (-n 1, the cold
// run) or n times in one process with a different warning text each time
// (the warm batch), and can export the poster's content as JSON for the
// WeasyPrint, Chromium and Typst templates.
//
// Poster i of a batch (1…n) has " (i)" appended to its footer line (the
// publisher's name ends it); every peer applies the same variation. (The
// warning, the more visible choice, is set tight: " (1)" there makes the
// layout shrink the box's text, and the peers take awarekit's sizes.) Loading the data, the designs and the
// fonts happens once, before the batch clock starts.
//
// It prints one JSON line: the load time, the batch time and the time per
// poster (total and median), in milliseconds.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/pdf"
)

const (
	edition = "fr-FR"
	design  = "la-sextorsion"
	size    = "a4"
)

func main() {
	n := flag.Int("n", 1, "posters to make in this process (1: the cold run)")
	out := flag.String("out", ".", "folder for the PDFs")
	root := flag.String("root", ".", "the awarekit repository (data/, posters/, i18n/)")
	jsonOut := flag.String("json", "", "also write the poster's content as JSON to this file")
	check := flag.Int("check", 100, "with -json: check that variants 1…check fit at the base poster's sizes")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file (go tool pprof merges several)")
	memprofile := flag.String("memprofile", "", "write a profile of the whole run's allocations to this file")
	flag.Parse()
	if *memprofile != "" {
		runtime.MemProfileRate = 512
		defer func() {
			if f, err := os.Create(*memprofile); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "awarekit-bench:", err)
			os.Exit(1)
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	if err := run(*root, *out, *jsonOut, *n, *check); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "awarekit-bench:", err)
		os.Exit(1)
	}
}

// result is the line printed on stdout.
type result struct {
	Tool        string  `json:"tool"`
	N           int     `json:"n"`
	LoadMS      float64 `json:"load_ms"`
	BatchMS     float64 `json:"batch_ms"`
	PerPosterMS float64 `json:"per_poster_ms"` // batch / n
	MedianMS    float64 `json:"median_ms"`     // median of the posters' own times
	// The phases of the load and of the first poster (the cold path).
	EditionMS float64 `json:"edition_ms"` // reading and validating the edition
	KitMS     float64 `json:"kit_ms"`     // designs, strings, fonts (waiting for the preloaded fonts)
	LayoutMS  float64 `json:"layout_ms"`  // the first poster's layout
	PDFMS     float64 `json:"pdf_ms"`     // the first poster's PDF
}

// phases of the cold path, filled by load and poster.
var phases struct{ edition, kit, layout, pdf time.Duration }

func run(root, out, jsonOut string, n, check int) error {
	t0 := time.Now()
	build.Preload() // the fonts parse while the data is read, as in a build
	kit, job, err := load(root)
	if err != nil {
		return err
	}
	load := time.Since(t0)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if jsonOut != "" {
		if err := export(kit, job, jsonOut, check); err != nil {
			return err
		}
	}
	times := make([]float64, 0, n)
	t1 := time.Now()
	for i := 1; i <= n; i++ {
		ts := time.Now()
		name := "awarekit.pdf"
		v := 0 // the cold run makes the poster itself, unchanged
		if n > 1 {
			name, v = fmt.Sprintf("awarekit-%03d.pdf", i), i
		}
		b, err := poster(kit, job, v)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
		times = append(times, ms(time.Since(ts)))
	}
	batch := ms(time.Since(t1))
	slices.Sort(times)
	return json.NewEncoder(os.Stdout).Encode(result{
		Tool: "awarekit", N: n, LoadMS: ms(load), BatchMS: batch,
		PerPosterMS: batch / float64(n), MedianMS: median(times),
		EditionMS: ms(phases.edition), KitMS: ms(phases.kit), LayoutMS: ms(phases.layout), PDFMS: ms(phases.pdf),
	})
}

func ms(d time.Duration) float64 { return math.Round(float64(d.Microseconds())) / 1000 }

func median(sorted []float64) float64 {
	k := len(sorted)
	if k == 0 {
		return 0
	}
	if k%2 == 1 {
		return sorted[k/2]
	}
	return (sorted[k/2-1] + sorted[k/2]) / 2
}

// load reads and validates the fr-FR edition (as a build does, but not
// the other editions: the peers only read their one page), then the
// designs, the strings and the fonts.
func load(root string) (*build.Kit, build.PosterJob, error) {
	dir := filepath.Join(root, "data", edition)
	t0 := time.Now()
	e, err := content.LoadEdition(os.DirFS(dir), "data/"+edition, edition)
	if err != nil {
		return nil, build.PosterJob{}, err
	}
	t1 := time.Now()
	kit, err := build.LoadKit(root, []*content.Edition{e})
	phases.edition, phases.kit = t1.Sub(t0), time.Since(t1)
	if err != nil {
		return nil, build.PosterJob{}, err
	}
	if kit.SourceDate, err = build.ParseEpoch(os.Getenv("SOURCE_DATE_EPOCH")); err != nil {
		return nil, build.PosterJob{}, err
	}
	for _, j := range kit.PosterJobs([]*content.Edition{e}) {
		if j.Design.ID == design && j.Size == size && j.Variant == "office" {
			return kit, j, nil
		}
	}
	return nil, build.PosterJob{}, fmt.Errorf("no %s %s office job", design, size)
}

// variant returns the job of poster i: the footer line, which ends with
// the publisher, with " (i)" appended (i = 0: the poster itself).
func variant(job build.PosterJob, i int) build.PosterJob {
	if i == 0 {
		return job
	}
	e := *job.Edition
	e.Publisher = fmt.Sprintf("%s (%d)", strings.TrimSpace(e.Publisher), i)
	job.Edition = &e
	return job
}

func layoutPage(kit *build.Kit, job build.PosterJob, i int) (*layout.Page, build.PosterJob, error) {
	j := variant(job, i)
	pg, err := layout.Layout(kit.Fonts, layout.Job{
		Edition: j.Edition, Design: j.Design, Size: j.Size, Bleed: j.Bleed,
		I18n: kit.I18n[j.Edition.Code], Designs: kit.Designs,
	})
	return pg, j, err
}

// poster lays out poster i and writes its PDF.
func poster(kit *build.Kit, job build.PosterJob, i int) ([]byte, error) {
	t0 := time.Now()
	pg, j, err := layoutPage(kit, job, i)
	if err != nil {
		return nil, err
	}
	t1 := time.Now()
	var buf bytes.Buffer
	if err := pdf.Write(&buf, pg, kit.Fonts, kit.Date(j.Edition)); err != nil {
		return nil, err
	}
	if phases.layout == 0 {
		phases.layout, phases.pdf = t1.Sub(t0), time.Since(t1)
	}
	return buf.Bytes(), nil
}
