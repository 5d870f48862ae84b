package site

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/manifest"
	"github.com/fsnotify/fsnotify"
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
	// Posters and kits an edit did not change are reused from the last
	// build, and an edit inside one edition's data folder rebuilds only
	// that edition: the others' files stay in the output and the project.
	cache := build.NewCache()
	copied := map[string]string{}
	files := map[string][]manifest.File{}
	out := filepath.Join(work, "out")
	rebuild := func(editions []string) error {
		start := time.Now()
		if len(editions) == 0 {
			clear(files) // an edition may have gone
		}
		_, err := build.Run(build.Options{
			Root: opt.Root, Data: opt.Data, Out: out, Cache: cache, Editions: editions,
			Site: func(job build.SiteJob) error {
				for code, fs := range job.Files {
					files[code] = fs
				}
				job.Files = files
				p := &project{Dir: proj, Serve: true, Job: job, Opt: Options{Root: opt.Root}, Copied: copied, Previous: out}
				return p.write()
			},
		})
		if err == nil {
			what := "every edition"
			if len(editions) > 0 {
				what = strings.Join(editions, ", ")
			}
			reused, made := cache.Stats()
			fmt.Fprintf(opt.Log, "awarekit: rebuilt %s in %s (%d posters and kits made, %d unchanged)\n", what, time.Since(start).Round(time.Millisecond), made, reused)
		}
		return err
	}
	if err := rebuild(nil); err != nil {
		return err
	}
	go watch(ctx, opt, rebuild)
	fmt.Fprintf(opt.Log, "awarekit: serving on http://127.0.0.1:%d/ (Ctrl-C to stop)\n", opt.Port)
	return commands.Execute([]string{
		"server", "--source", proj, "--bind", "127.0.0.1", "--port", strconv.Itoa(opt.Port),
		"--noBuildLock", "--disableFastRender", "--logLevel", "warn",
	})
}

// watch rebuilds when a file under data/, posters/, i18n/, layouts/ or
// assets/ changes: on the file system's notice (fsnotify), once the
// changes have been quiet for debounce (an editor's save is several
// events). Without notices (too many folders, an unsupported file system)
// it polls once a second. A failed rebuild is reported and the last good
// preview stays.
func watch(ctx context.Context, opt ServeOptions, rebuild func(editions []string) error) {
	dirs := []string{opt.Data}
	for _, d := range []string{"posters", "i18n", "layouts", "assets"} {
		dirs = append(dirs, filepath.Join(opt.Root, d))
	}
	changed := make(chan struct{}, 1)
	var (
		mu    sync.Mutex
		paths []string // changed since the last rebuild; nil entry: unknown
	)
	notify := func(p string) {
		mu.Lock()
		paths = append(paths, p)
		mu.Unlock()
		select {
		case changed <- struct{}{}:
		default:
		}
	}
	if w, err := fsnotify.NewWatcher(); err == nil && addTree(w, dirs) == nil {
		defer w.Close()
		go func() {
			for {
				select {
				case ev, ok := <-w.Events:
					if !ok {
						return
					}
					if ev.Has(fsnotify.Create) {
						if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
							addTree(w, []string{ev.Name})
						}
					}
					notify(ev.Name)
				case _, ok := <-w.Errors:
					if !ok {
						return
					}
					notify("") // events may have been lost: rebuild all
				}
			}
		}()
	} else {
		if err == nil {
			w.Close()
		}
		go poll(ctx, dirs, notify)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-changed:
		}
		// Wait until the changes are quiet.
		for quiet := false; !quiet; {
			select {
			case <-ctx.Done():
				return
			case <-changed:
			case <-time.After(debounce):
				quiet = true
			}
		}
		mu.Lock()
		eds := editionsOf(opt.Data, paths)
		paths = nil
		mu.Unlock()
		if err := rebuild(eds); err != nil {
			fmt.Fprintf(opt.Log, "awarekit: rebuild failed, the preview shows the last good build:\n%v\n", err)
		}
	}
}

// debounce is how long the watched folders must be quiet before a rebuild.
const debounce = 30 * time.Millisecond

// addTree watches every folder under dirs (missing ones are skipped).
func addTree(w *fsnotify.Watcher, dirs []string) error {
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				if p == d && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if e.IsDir() {
				return w.Add(p)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// editionsOf returns the editions whose data folders hold every changed
// path, or nil (rebuild all) when a path is elsewhere or unknown.
func editionsOf(data string, paths []string) []string {
	seen := map[string]bool{}
	var codes []string
	for _, p := range paths {
		rel, err := filepath.Rel(data, p)
		if p == "" || err != nil {
			return nil
		}
		code, rest, ok := strings.Cut(filepath.ToSlash(rel), "/")
		if !ok || rest == "" || code == ".." || code == "." {
			return nil // the data folder itself, or outside it
		}
		if info, err := os.Stat(filepath.Join(data, code)); err != nil || !info.IsDir() {
			return nil // an edition added or removed: the picker changes
		}
		if !seen[code] {
			seen[code] = true
			codes = append(codes, code)
		}
	}
	return codes
}

// poll notices changes of the folders' state once a second.
func poll(ctx context.Context, dirs []string, notify func(string)) {
	last := state(dirs)
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if now := state(dirs); now != last {
			last = now
			notify("")
		}
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
