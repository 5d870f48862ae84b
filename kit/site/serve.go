package site

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/gohugoio/hugo/commands"
)

// ServeOptions configure the live preview.
type ServeOptions struct {
	Data string // the data folder
	Root string // the kit folder (posters/, i18n/, layouts/, assets/)
	Port int    // on 127.0.0.1; 0: 1313
	Log  io.Writer
}

// Serve runs the live preview: it builds the posters and the Hugo project
// of every edition into a temporary folder, runs Hugo's own server on it
// (127.0.0.1, with live reload), and rebuilds the posters and the project
// whenever data/, posters/, i18n/, layouts/ or assets/ change; Hugo then
// reloads the pages that changed. It returns when Hugo's server stops
// (Ctrl-C).
//
// Pages are served at Hugo's own language paths (/fr-fr/…), not at the
// published /fr-FR/: the templates take every link from the edition's base
// (see docs/SITE.md).
func Serve(ctx context.Context, opt ServeOptions) error {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Port == 0 {
		opt.Port = 1313
	}
	work, err := os.MkdirTemp("", "awarekit-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	proj := filepath.Join(work, "project")
	rebuild := func() error {
		_, err := build.Run(build.Options{
			Root: opt.Root, Data: opt.Data, Out: filepath.Join(work, "out"),
			Site: func(job build.SiteJob) error {
				p := &project{Dir: proj, Serve: true, Job: job, Opt: Options{Root: opt.Root}}
				return p.write()
			},
		})
		return err
	}
	if err := rebuild(); err != nil {
		return err
	}
	go watch(ctx, opt, rebuild)
	fmt.Fprintf(opt.Log, "awarekit: serving on http://127.0.0.1:%d/ (Ctrl-C to stop)\n", opt.Port)
	return commands.Execute([]string{
		"server", "--source", proj, "--bind", "127.0.0.1", "--port", strconv.Itoa(opt.Port),
		"--noBuildLock", "--disableFastRender", "--logLevel", "warn",
	})
}

// watch polls the kit's source folders once a second and rebuilds when
// their state (names, sizes, times) changes. A failed rebuild is reported
// and the last good preview stays.
func watch(ctx context.Context, opt ServeOptions, rebuild func() error) {
	dirs := []string{opt.Data}
	for _, d := range []string{"posters", "i18n", "layouts", "assets"} {
		dirs = append(dirs, filepath.Join(opt.Root, d))
	}
	last := state(dirs)
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		now := state(dirs)
		if now == last {
			continue
		}
		last = now
		start := time.Now()
		if err := rebuild(); err != nil {
			fmt.Fprintf(opt.Log, "awarekit: rebuild failed, the preview shows the last good build:\n%v\n", err)
			continue
		}
		fmt.Fprintf(opt.Log, "awarekit: rebuilt in %s\n", time.Since(start).Round(time.Millisecond))
	}
}

// state hashes the names, sizes and modification times of the files
// under dirs.
func state(dirs []string) uint64 {
	h := fnv.New64a()
	for _, d := range dirs {
		filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if info, err := e.Info(); err == nil {
				fmt.Fprintf(h, "%s\x00%d\x00%d\x00", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return h.Sum64()
}
