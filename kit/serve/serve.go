// Package serve is the live preview (awarekit serve): it builds the kit
// with build and site into a temporary folder, serves it on 127.0.0.1
// (HTTP, server-sent events for the reload), and rebuilds when the data
// or the kit folder change (fsnotify, else a poller). It comes last in the
// flow before the command: it depends on build and site, nothing depends
// on it.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/site"
	"github.com/fsnotify/fsnotify"
)

// Options configure the live preview.
type Options struct {
	Data string // the data folder
	Root string // the kit folder (posters/, i18n/, layouts/, assets/)
	Port int    // on 127.0.0.1; 0: 1313
	Log  io.Writer
	// SourceDate dates the files as build.Options.SourceDate does
	// (SOURCE_DATE_EPOCH, read by the command); zero: the editions' dates.
	SourceDate time.Time
}

// Serve runs the live preview: it builds every edition as `awarekit build`
// does (posters, kits, the site by Hugo in-process) into a temporary
// folder, serves that folder on 127.0.0.1 at the published paths
// (/fr-FR/…), and rebuilds whenever data/, posters/, i18n/, layouts/ or
// assets/ change. Open pages then reload themselves. It returns when ctx
// is done.
//
// A rebuild after an edit inside one edition's data folder builds that
// edition only (Hugo still renders every edition, for the links between
// them) and reuses the posters and kits that did not change; a failed
// rebuild is reported and the last good build stays.
//
// What is served is the build itself, byte for byte, but for two changes
// to HTML pages: a script that reloads the page after a rebuild
// (/_awarekit/reload.js, listening to /_awarekit/reload), and the page's
// Content-Security-Policy allowing that connection to the preview itself.
func Serve(ctx context.Context, opt Options) error {
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
	out := filepath.Join(work, "public")
	// Posters and kits an edit did not change are reused from the last
	// build (build.Cache).
	cache := build.NewCache()
	reload := newBroadcast()
	hook := site.Hook(site.Options{Root: opt.Root, Log: opt.Log})
	// The kit (designs, strings, fonts) is loaded once and kept while only
	// editions' data change; anything else (the kit folder, an edition
	// added) reloads it.
	var kit *kitset.Kit
	rebuild := func(editions []string) error {
		start := time.Now()
		if kit == nil || editions == nil {
			k, err := kitset.Load(opt.Root, nil)
			if err != nil {
				return err
			}
			kit = k
		}
		_, err := build.Run(build.Options{
			Root: opt.Root, Kit: kit, Data: opt.Data, Out: out, Cache: cache, Editions: editions, Site: hook, SourceDate: opt.SourceDate,
		})
		if err != nil {
			kit = nil // its strings may hold what failed: read it again
			return err
		}
		what := "every edition"
		if len(editions) > 0 {
			what = strings.Join(editions, ", ")
		}
		reused, made := cache.Stats()
		fmt.Fprintf(opt.Log, "awarekit: rebuilt %s in %s (%d posters and kits made, %d unchanged)\n", what, time.Since(start).Round(time.Millisecond), made, reused)
		reload.send()
		return nil
	}
	if err := rebuild(nil); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(opt.Port)))
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: previewHandler(out, reload), ReadHeaderTimeout: 10 * time.Second}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go watch(ctx, opt, rebuild)
	go func() {
		<-ctx.Done()
		reload.close()
		srv.Close()
	}()
	fmt.Fprintf(opt.Log, "awarekit: serving on http://127.0.0.1:%d/ (Ctrl-C to stop)\n", opt.Port)
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// reloadJS reloads the page when the preview says it rebuilt.
const reloadJS = `new EventSource("/_awarekit/reload").onmessage = function () { location.reload(); };
`

// previewHandler serves the build in dir, never cached by the browser,
// with the reload script in every HTML page. A missing path gets its
// edition's 404 page (or the root's), with status 404.
func previewHandler(dir string, reload *broadcast) http.Handler {
	files := http.FileServer(http.Dir(dir))
	mux := http.NewServeMux()
	mux.HandleFunc("/_awarekit/reload.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadJS)
	})
	mux.HandleFunc("/_awarekit/reload", reload.serve)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		name := path.Clean("/" + r.URL.Path)
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); errors.Is(err, fs.ErrNotExist) {
			serveNotFound(w, r, dir, name)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		if path.Ext(name) != ".html" {
			files.ServeHTTP(w, r)
			return
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			files.ServeHTTP(w, r) // redirects, 404
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(withReload(b))
	})
	return mux
}

// serveNotFound answers a missing path with the 404 page of the edition
// it is under (/fr-FR/…), else the root's.
func serveNotFound(w http.ResponseWriter, r *http.Request, dir, name string) {
	code, _, _ := strings.Cut(strings.TrimPrefix(name, "/"), "/")
	for _, p := range []string{path.Join("/", code, "404.html"), "/404.html"} {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			continue
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(withReload(b))
		return
	}
	http.NotFound(w, r)
}

// withReload adds the reload script to an HTML page and lets its
// Content-Security-Policy connect to the preview.
func withReload(page []byte) []byte {
	page = bytes.Replace(page, []byte("connect-src 'none'"), []byte("connect-src 'self'"), 1)
	return bytes.Replace(page, []byte("</head>"), []byte(`<script src="/_awarekit/reload.js" defer></script>
</head>`), 1)
}

// broadcast tells every open page that the preview rebuilt
// (server-sent events).
type broadcast struct {
	mu      sync.Mutex
	clients map[chan struct{}]bool
	closed  bool
}

func newBroadcast() *broadcast { return &broadcast{clients: map[chan struct{}]bool{}} }

func (b *broadcast) send() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for c := range b.clients {
		select {
		case c <- struct{}{}:
		default: // one reload pending is enough
		}
	}
}

func (b *broadcast) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for c := range b.clients {
		close(c)
		delete(b.clients, c)
	}
}

func (b *broadcast) serve(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan struct{}, 1)
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	b.clients[c] = true
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		if b.clients[c] {
			delete(b.clients, c)
		}
		b.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	io.WriteString(w, ": awarekit preview\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case _, open := <-c:
			if !open {
				return
			}
			io.WriteString(w, "data: rebuilt\n\n")
			fl.Flush()
		}
	}
}

// watch rebuilds when a file under data/, posters/, i18n/, layouts/ or
// assets/ changes: on the file system's notice (fsnotify), once the
// changes have been quiet for debounce (an editor's save is several
// events). Without notices (too many folders, an unsupported file system)
// it polls once a second. A failed rebuild is reported and the last good
// preview stays.
func watch(ctx context.Context, opt Options, rebuild func(editions []string) error) {
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
		if rest == "edition.yaml" {
			return nil // its region and language names are in every edition's picker
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
