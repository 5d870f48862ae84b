package build

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The output folder (docs/OUTPUT.md): a build writes into a temporary
// folder and swaps it in only on success, and never deletes a file it did
// not make. Every output folder holds a marker listing the files a build
// wrote; a folder that is neither empty nor marked, or that holds files the
// marker does not list, is refused before anything is written.

// MarkerName is the marker file at the root of every output folder.
const MarkerName = ".awarekit-output.json"

// tempPrefix names the temporary folders of a build (and the previous
// output moved aside during a swap).
const tempPrefix = ".awarekit-build-"

// markerPart is the file a marker is written through before its rename.
const markerPart = MarkerName + ".part"

// marker is the content of MarkerName.
type marker struct {
	// Awarekit is "output" in a finished output folder and "building" in
	// a build's temporary folder.
	Awarekit string   `json:"awarekit"`
	Version  string   `json:"version,omitempty"`
	PID      int      `json:"pid,omitempty"` // the building process, in a temporary folder only
	Files    []string `json:"files,omitempty"`
}

// output is the checked, locked output folder of one build.
type output struct {
	shown   string // --out as given, for messages
	dir     string // absolute, symlinks resolved
	parent  string
	exists  bool
	inPlace bool     // the folder cannot be renamed: its contents are swapped
	files   []string // the files the previous build wrote (its marker)
	unlock  func()
}

// Refusal is the error of an output folder the build may not write into.
type Refusal struct{ Msg string }

func (r *Refusal) Error() string { return r.Msg + "; nothing was written" }

func refuse(format string, args ...any) error {
	return &Refusal{fmt.Sprintf(format, args...)}
}

// resolve returns the absolute form of p with every symlink resolved, for
// a path that may not exist yet (its longest existing prefix is resolved).
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if _, lerr := os.Lstat(cur); lerr == nil {
			return "", fmt.Errorf("%s is a symbolic link to a missing file", cur)
		}
		up := filepath.Dir(cur)
		if up == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = up
	}
}

// within reports whether p is dir or inside it (both resolved).
func within(p, dir string) bool {
	if p == dir {
		return true
	}
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// kitSources are the folders of a kit folder that a build reads.
var kitSources = []string{"posters", "i18n", "layouts", "assets"}

// openOutput checks that the build may write into opt.Out, takes the lock
// of its parent folder, removes the temporary folders of killed builds,
// and reads the previous output's marker. codes, for a build of some
// editions only, limits the check of unknown files to their folders.
func openOutput(ctx context.Context, opt Options, codes []string) (*output, error) {
	o := &output{shown: opt.Out}
	if opt.Out == "" {
		return nil, errors.New("no output folder")
	}
	if fi, err := os.Lstat(opt.Out); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if _, err := os.Stat(opt.Out); err != nil {
			return nil, refuse("--out %s is a symbolic link to a missing folder", opt.Out)
		}
	}
	dir, err := resolve(opt.Out)
	if err != nil {
		return nil, fmt.Errorf("--out %s: %w", opt.Out, err)
	}
	o.dir, o.parent = dir, filepath.Dir(dir)
	if o.parent == dir {
		return nil, refuse("--out %s is the root of the file system", opt.Out)
	}
	if err := o.stat(); err != nil {
		return nil, err
	}
	if err := o.checkSources(opt); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(o.parent, 0o755); err != nil {
		return nil, fmt.Errorf("--out %s: %w", opt.Out, err)
	}
	if o.unlock, err = lockDir(ctx, o.parent, opt.Waiting); err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			o.unlock()
		}
	}()
	// Again under the lock: a build that held it may have made the folder.
	if err := o.stat(); err != nil {
		return nil, err
	}
	removeStale(o.parent)
	if o.exists {
		removeStale(dir)
		if err := o.readMarker(codes); err != nil {
			return nil, err
		}
		o.inPlace = opt.inPlace || cannotRename(dir)
	}
	ok = true
	return o, nil
}

// stat refuses a file and tells whether the folder exists.
func (o *output) stat() error {
	fi, err := os.Stat(o.dir)
	switch {
	case err == nil && !fi.IsDir():
		return refuse("--out %s is a file, not a folder", o.shown)
	case err == nil:
		o.exists = true
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("--out %s: %w", o.shown, err)
	}
	return nil
}

// checkSources refuses an output folder that is, holds, or lies inside
// the data folder or the kit's sources.
func (o *output) checkSources(opt Options) error {
	type src struct{ flag, path string }
	var srcs []src
	if opt.Data != "" && opt.DataFS == nil { // a file system given is not a folder --out could hit
		srcs = append(srcs, src{"--data", opt.Data})
	}
	if opt.Root != "" && opt.KitFS == nil {
		srcs = append(srcs, src{"--kit", opt.Root})
	}
	for _, s := range srcs {
		p, err := resolve(s.path)
		if err != nil {
			continue // reported by the loading of the data or the kit
		}
		switch {
		case p == o.dir:
			return refuse("--out %s is the %s folder", o.shown, s.flag)
		case within(p, o.dir):
			return refuse("--out %s holds the %s folder %s", o.shown, s.flag, s.path)
		case s.flag == "--data" && within(o.dir, p):
			return refuse("--out %s is inside the --data folder %s", o.shown, s.path)
		case s.flag == "--kit":
			for _, sub := range kitSources {
				if within(o.dir, filepath.Join(p, sub)) {
					return refuse("--out %s is inside the --kit folder's %s/", o.shown, sub)
				}
			}
		}
	}
	return nil
}

// readMarker reads the previous output's marker and refuses a folder that
// is neither empty nor marked, or that holds files the marker does not
// list (in the folders the build replaces).
func (o *output) readMarker(codes []string) error {
	ents, err := os.ReadDir(o.dir)
	if err != nil {
		return fmt.Errorf("--out %s: %w", o.shown, err)
	}
	if len(ents) == 0 {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(o.dir, MarkerName))
	if errors.Is(err, fs.ErrNotExist) {
		return refuse("--out %s is not empty and was not written by awarekit (it has no %s): give a new or empty folder", o.shown, MarkerName)
	}
	if err != nil {
		return fmt.Errorf("--out %s: %w", o.shown, err)
	}
	var m marker
	if err := json.Unmarshal(b, &m); err != nil || m.Awarekit != "output" {
		return refuse("--out %s: %s is not an awarekit output marker", o.shown, MarkerName)
	}
	o.files = m.Files
	listed := map[string]bool{MarkerName: true}
	for _, f := range m.Files {
		listed[f] = true
	}
	var roots []string
	if len(codes) == 0 {
		roots = []string{o.dir}
	}
	for _, c := range codes {
		roots = append(roots, filepath.Join(o.dir, c))
	}
	var stray []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) && p == root {
				return nil
			}
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(o.dir, p)
			if rel = filepath.ToSlash(rel); !listed[rel] {
				stray = append(stray, rel)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("--out %s: %w", o.shown, err)
		}
	}
	if len(stray) > 0 {
		slices.Sort(stray)
		more := ""
		if len(stray) > 5 {
			more = fmt.Sprintf(" and %d more", len(stray)-5)
			stray = stray[:5]
		}
		return refuse("--out %s holds files awarekit did not write (%s%s): move them out of it, or choose another folder", o.shown, strings.Join(stray, ", "), more)
	}
	return nil
}

// cannotRename reports whether dir is a folder that must not be renamed:
// a mount point (its contents are swapped instead), or the working folder
// or one of its parents.
func cannotRename(dir string) bool {
	var a, b syscall.Stat_t
	if syscall.Stat(dir, &a) == nil && syscall.Stat(filepath.Dir(dir), &b) == nil && a.Dev != b.Dev {
		return true
	}
	if wd, err := os.Getwd(); err == nil {
		if wd, err := filepath.EvalSymlinks(wd); err == nil && within(wd, dir) {
			return true
		}
	}
	return isMountPoint(dir)
}

// isMountPoint reads /proc/self/mountinfo (bind mounts share their
// device number with their parent).
func isMountPoint(dir string) bool {
	b, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) > 4 && unescapeMount(f[4]) == dir {
			return true
		}
	}
	return false
}

func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// removeStale removes the temporary folders that killed builds left in
// dir: only folders named .awarekit-build-* holding an awarekit marker,
// whose building process is gone. The caller holds the lock of the
// output's parent, so no live build is writing them.
func removeStale(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(filepath.Join(p, MarkerName))
		var m marker
		if err != nil || json.Unmarshal(b, &m) != nil {
			// A build killed between making its folder and finishing its
			// marker leaves the folder empty, or holding only a partial
			// marker. Only then is it removed, and only if the pid its
			// name carries is gone: anything else in it may be somebody's.
			if pid := tempPID(e.Name()); pid != 0 && pid != os.Getpid() && !alive(pid) && onlyMarker(p) {
				os.Remove(filepath.Join(p, MarkerName))
				os.Remove(filepath.Join(p, markerPart))
				os.Remove(p)
			}
			continue
		}
		if m.Awarekit != "building" && m.Awarekit != "output" {
			continue
		}
		if m.PID != 0 && m.PID != os.Getpid() && alive(m.PID) {
			continue
		}
		os.RemoveAll(p)
	}
}

// onlyMarker reports whether dir holds nothing but, at most, regular
// files named like the marker or the file it is written through.
func onlyMarker(dir string) bool {
	ents, err := os.ReadDir(dir)
	if err != nil || len(ents) > 2 {
		return false
	}
	for _, e := range ents {
		if (e.Name() != MarkerName && e.Name() != markerPart) || !e.Type().IsRegular() {
			return false
		}
	}
	return true
}

// tempPID is the process id in a temporary folder's name
// (.awarekit-build-PID-N), or 0.
func tempPID(name string) int {
	pid, _, ok := strings.Cut(strings.TrimPrefix(name, tempPrefix), "-")
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(pid)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// lockDir takes an exclusive flock on dir, waiting (and calling waiting
// once) while another build holds it, until ctx is done.
func lockDir(ctx context.Context, dir string, waiting func(dir string)) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", dir, err)
	}
	told := false
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { f.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", dir, err)
		}
		if !told && waiting != nil {
			waiting(dir)
			told = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("waiting for another build into %s: %w", dir, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// temp makes the build's temporary folder (mode 0755 less the umask,
// unlike os.MkdirTemp's 0700): beside the output folder, or inside it
// when its contents are swapped.
func (o *output) temp() (string, error) {
	where := o.parent
	if o.inPlace {
		where = o.dir
	}
	return makeTemp(where, "")
}

func makeTemp(where, suffix string) (string, error) {
	for i := 0; ; i++ {
		p := filepath.Join(where, fmt.Sprintf("%s%d-%d%s", tempPrefix, os.Getpid(), time.Now().UnixNano()%1e9+int64(i), suffix))
		err := os.Mkdir(p, 0o755)
		if errors.Is(err, fs.ErrExist) && i < 100 {
			continue
		}
		if err != nil {
			return "", err
		}
		return p, writeMarker(p, marker{Awarekit: "building", PID: os.Getpid()})
	}
}

func writeMarker(dir string, m marker) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	// Through a file beside it and a rename: a build killed while
	// writing leaves the old marker or the new one, never half of one.
	part := filepath.Join(dir, markerPart)
	if err := os.WriteFile(part, append(b, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(part, filepath.Join(dir, MarkerName))
}

// listFiles lists the files under dir, slash-separated and relative to it,
// without the marker.
func listFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel = filepath.ToSlash(rel); rel != MarkerName {
			files = append(files, rel)
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}

// replace puts the finished build in tmp in place of the output folder:
// the whole folder, or, with codes, only those editions' folders (the
// marker then lists the files kept and the files written).
func (o *output) replace(tmp string, codes []string, version string) error {
	files, err := listFiles(tmp)
	if err != nil {
		return err
	}
	if len(codes) > 0 {
		return o.replaceEditions(tmp, codes, files, version)
	}
	if err := writeMarker(tmp, marker{Awarekit: "output", Version: version, Files: files}); err != nil {
		return err
	}
	if !o.exists {
		return os.Rename(tmp, o.dir)
	}
	if !o.inPlace {
		err := o.swapFolder(tmp)
		if err == nil || !canSwapContents(err) {
			return err
		}
		// The folder itself cannot be renamed: move the build into it.
		in, err := makeTempName(o.dir)
		if err != nil {
			return err
		}
		if err := os.Rename(tmp, in); err != nil {
			return fmt.Errorf("moving the new build into %s: %w", o.shown, err)
		}
		tmp = in
	}
	return o.swapContents(tmp, files, version)
}

// canSwapContents: the errors of renaming a mount point or a busy folder.
func canSwapContents(err error) bool {
	return errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV) || errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EACCES)
}

func makeTempName(where string) (string, error) {
	p, err := makeTemp(where, "")
	if err != nil {
		return "", err
	}
	return p, os.RemoveAll(p)
}

// swapFolder renames the previous output aside (beside it, where a killed
// build leaves it recognisable by its marker), the new one into place, and
// removes the previous one. If the second rename fails, the previous
// output is put back.
func (o *output) swapFolder(tmp string) error {
	if len(o.files) == 0 {
		// Empty: removing it is enough (it stays if a file appeared since).
		if err := os.Remove(o.dir); err != nil {
			return fmt.Errorf("replacing the empty %s: %w", o.shown, err)
		}
		if err := os.Rename(tmp, o.dir); err != nil {
			os.Mkdir(o.dir, 0o755)
			return fmt.Errorf("moving the new build into %s: %w", o.shown, err)
		}
		return nil
	}
	old := tmp + ".old"
	if err := os.Rename(o.dir, old); err != nil {
		return fmt.Errorf("moving the previous %s aside: %w", o.shown, err)
	}
	if err := os.Rename(tmp, o.dir); err != nil {
		os.Rename(old, o.dir)
		return fmt.Errorf("moving the new build into %s: %w", o.shown, err)
	}
	return os.RemoveAll(old)
}

// swapContents replaces the contents of the output folder by those of
// tmp (a folder inside it), for a folder that cannot be renamed. It is not
// atomic: while it runs, the marker lists both the previous and the new
// files, so that a killed swap leaves nothing the next build would refuse.
func (o *output) swapContents(tmp string, files []string, version string) error {
	defer os.RemoveAll(tmp)
	union := slices.Concat(o.files, files)
	slices.Sort(union)
	union = slices.Compact(union)
	if err := o.writeMarkerAtomic(tmp, marker{Awarekit: "output", Version: version, Files: union}); err != nil {
		return err
	}
	old, err := makeTemp(o.dir, ".old")
	if err != nil {
		return err
	}
	defer os.RemoveAll(old)
	for _, name := range topLevel(o.files) {
		if err := os.Rename(filepath.Join(o.dir, name), filepath.Join(old, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("moving the previous %s aside: %w", filepath.Join(o.shown, name), err)
		}
	}
	for _, name := range topLevel(files) {
		if err := os.Rename(filepath.Join(tmp, name), filepath.Join(o.dir, name)); err != nil {
			return fmt.Errorf("moving the new build into %s: %w", o.shown, err)
		}
	}
	return o.writeMarkerAtomic(tmp, marker{Awarekit: "output", Version: version, Files: files})
}

// topLevel lists the first path elements of files.
func topLevel(files []string) []string {
	var names []string
	for _, f := range files {
		name, _, _ := strings.Cut(f, "/")
		names = append(names, name)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// writeMarkerAtomic writes the output's marker through a file in tmp
// (same file system) renamed into place.
func (o *output) writeMarkerAtomic(tmp string, m marker) error {
	dir, err := os.MkdirTemp(tmp, ".marker-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := writeMarker(dir, m); err != nil {
		return err
	}
	return os.Rename(filepath.Join(dir, MarkerName), filepath.Join(o.dir, MarkerName))
}

// replaceEditions swaps in the given editions' folders and updates the
// marker: the files of the other editions are kept.
func (o *output) replaceEditions(tmp string, codes, built []string, version string) error {
	if !o.exists {
		if err := os.Mkdir(o.dir, 0o755); err != nil {
			return err
		}
		o.exists = true
	}
	var files []string
	for _, f := range o.files {
		if !slices.ContainsFunc(codes, func(c string) bool { return strings.HasPrefix(f, c+"/") }) {
			files = append(files, f)
		}
	}
	for _, f := range built {
		if slices.ContainsFunc(codes, func(c string) bool { return strings.HasPrefix(f, c+"/") }) {
			files = append(files, f)
		}
	}
	slices.Sort(files)
	// While the folders are swapped, the marker lists the old and the new.
	union := slices.Concat(o.files, files)
	slices.Sort(union)
	if err := o.writeMarkerAtomic(tmp, marker{Awarekit: "output", Version: version, Files: slices.Compact(union)}); err != nil {
		return err
	}
	for _, c := range codes {
		if err := swapDir(filepath.Join(tmp, c), filepath.Join(o.dir, c)); err != nil {
			return err
		}
	}
	return o.writeMarkerAtomic(tmp, marker{Awarekit: "output", Version: version, Files: files})
}

// swapDir replaces out with tmp (both on the same file system): out is
// moved aside, tmp renamed into place, and the old one removed. If the
// second rename fails, the old one is put back.
func swapDir(tmp, out string) error {
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
