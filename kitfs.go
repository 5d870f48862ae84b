package awarekit

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/awarekit/awarekit/kit/diag"
)

// KitFolders are the folders of a kit folder that override the embedded
// defaults. Nothing else of the kit folder is read through KitFS.
var KitFolders = []string{"posters", "i18n", "layouts", "assets"}

// MaxKitFileSize bounds every file of a kit folder (a font or a picture of
// the site's assets is the largest expected).
const MaxKitFileSize = 32 << 20

// KitFS returns the kit folder root (its posters/, i18n/, layouts/ and
// assets/) over the embedded defaults (Defaults, then Site). An empty root
// means the embedded defaults alone.
//
// The folder is walked once, with Lstat: only regular files and folders
// are taken. Symbolic links, named pipes, sockets and devices are refused,
// each named in the returned error (a *diag.Error listing every problem),
// and never opened, so that a link to a system file is neither published
// nor printed, and a FIFO cannot hang a build. A root that does not exist,
// or is not a folder, is an error. On error, the returned file system is
// still usable and holds only the files that passed.
func KitFS(root string) (fs.FS, error) {
	user, err := UserKit(root)
	return Overlay(user, Defaults, Site), err
}

// UserKit returns the checked files of the kit folder root alone, without
// the defaults (see KitFS); nil when root is empty.
func UserKit(root string) (fs.FS, error) {
	if root == "" {
		return nil, nil
	}
	shown := filepath.ToSlash(root)
	var probs diag.List
	st, err := os.Stat(root) // the kit folder itself may be a link the user made
	switch {
	case errors.Is(err, fs.ErrNotExist):
		probs.Add(shown, 0, 0, "", "the kit folder does not exist")
		return nil, probs.Err()
	case err != nil:
		probs.Add(shown, 0, 0, "", "cannot read the kit folder: %v", unwrapPath(err))
		return nil, probs.Err()
	case !st.IsDir():
		probs.Add(shown, 0, 0, "", "the kit folder is not a folder")
		return nil, probs.Err()
	}
	return checkKit(os.DirFS(root), root, shown)
}

// CheckKit is UserKit for a kit folder given as a file system (a test's
// kit built in memory, testkit.NewKit; an os.Root's FS): the same walk
// of posters/, i18n/, layouts/ and assets/, the same refusals (links,
// FIFOs, sockets, devices, files too large), each named with shown (how
// the folder is named in messages) before it. The result holds only the
// files that passed and opens them through fsys, again only if they are
// still regular files. A nil fsys gives nil.
func CheckKit(fsys fs.FS, shown string) (fs.FS, error) {
	if fsys == nil {
		return nil, nil
	}
	return checkKit(fsys, "", shown)
}

// checkKit walks fsys (on disk: the folder root, opened again without
// following a link) and records what passed.
func checkKit(fsys fs.FS, root, shown string) (fs.FS, error) {
	var probs diag.List
	k := &checkedFS{fsys: fsys, root: root, files: map[string]*checkedFile{}, dirs: map[string][]fs.DirEntry{".": nil}}
	for _, top := range KitFolders {
		k.walk(top, shown, &probs)
	}
	for _, es := range k.dirs {
		slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	return k, probs.Err()
}

// walk records the regular files and folders under top (a slash path
// relative to the root).
func (k *checkedFS) walk(top, shown string, probs *diag.List) {
	err := fs.WalkDir(k.fsys, top, func(name string, d fs.DirEntry, err error) error {
		file := path.Join(shown, name)
		if err != nil {
			if name == top && errors.Is(err, fs.ErrNotExist) {
				return nil // the folder is optional: the defaults stand in
			}
			probs.Add(file, 0, 0, "", "cannot read: %v", unwrapPath(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !fs.ValidPath(name) {
			probs.Add(file, 0, 0, "", "a name that cannot be used in a kit folder")
			return nil
		}
		info, err := d.Info() // Lstat: a link is seen as a link
		if err != nil {
			probs.Add(file, 0, 0, "", "cannot read: %v", unwrapPath(err))
			return nil
		}
		if what := notRegular(info.Mode()); what != "" {
			probs.Add(file, 0, 0, "", "%s: kit files must be regular files (copy the file itself into the kit folder)", what)
			if info.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !info.IsDir() && info.Size() > MaxKitFileSize {
			probs.Add(file, 0, 0, "", "file too large: %d bytes (at most %d)", info.Size(), MaxKitFileSize)
			return nil
		}
		parent := path.Dir(name)
		k.dirs[parent] = append(k.dirs[parent], fs.FileInfoToDirEntry(info))
		if info.IsDir() {
			if _, ok := k.dirs[name]; !ok {
				k.dirs[name] = nil
			}
			return nil
		}
		f := &checkedFile{shown: file, info: info}
		if k.root != "" {
			f.path = filepath.Join(k.root, filepath.FromSlash(name))
		}
		k.files[name] = f
		return nil
	})
	if err != nil {
		probs.Add(path.Join(shown, top), 0, 0, "", "cannot read: %v", unwrapPath(err))
	}
}

// notRegular says what a file is when it is neither a regular file nor a
// folder ("" when it is one of these).
func notRegular(m fs.FileMode) string {
	switch {
	case m.IsRegular(), m.IsDir():
		return ""
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// unwrapPath drops the path of an *fs.PathError (the message names the
// file already).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkedFS is a kit folder as walked by UserKit or CheckKit: the regular
// files found, opened again only if they are still the same regular file.
type checkedFS struct {
	fsys  fs.FS  // what was walked
	root  string // the folder on disk ("": fsys is not a folder of the disk)
	files map[string]*checkedFile
	dirs  map[string][]fs.DirEntry // slash path → sorted entries
}

type checkedFile struct {
	path  string // on disk; "": opened through the checkedFS's fsys
	shown string // as named in messages
	info  fs.FileInfo
}

func (k *checkedFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f := k.files[name]; f != nil {
		if f.path == "" {
			return f.openFS(k.fsys, name)
		}
		return f.open(name)
	}
	if es, ok := k.dirs[name]; ok {
		return &checkedDir{name: name, entries: es}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (k *checkedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	es, ok := k.dirs[name]
	if !ok {
		if k.files[name] != nil {
			return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
		}
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	return slices.Clone(es), nil
}

func (k *checkedFS) Stat(name string) (fs.FileInfo, error) {
	if f := k.files[name]; f != nil {
		return f.info, nil
	}
	if _, ok := k.dirs[name]; ok {
		return dirInfo(path.Base(name)), nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

// open opens the file without following a link and without blocking (a
// FIFO put in its place since the walk), then checks it is still the
// regular file the walk found.
func (f *checkedFile) open(name string) (fs.File, error) {
	h, err := openNoFollow(f.path)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%s: changed since the kit folder was read", f.shown)}
	}
	st, err := h.Stat()
	if err != nil || !st.Mode().IsRegular() || !os.SameFile(st, f.info) {
		h.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%s: changed since the kit folder was read", f.shown)}
	}
	return &limitedFile{File: h, r: io.LimitReader(h, MaxKitFileSize)}, nil
}

// openFS opens the file through fsys (a kit that is not a folder of the
// disk) and checks it is still a regular file of the size the walk found.
func (f *checkedFile) openFS(fsys fs.FS, name string) (fs.File, error) {
	changed := &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%s: changed since the kit folder was read", f.shown)}
	if st, err := fs.Lstat(fsys, name); err != nil || !st.Mode().IsRegular() {
		return nil, changed
	}
	h, err := fsys.Open(name)
	if err != nil {
		return nil, changed
	}
	st, err := h.Stat()
	if err != nil || !st.Mode().IsRegular() {
		h.Close()
		return nil, changed
	}
	return &limitedFSFile{File: h, r: io.LimitReader(h, MaxKitFileSize)}, nil
}

// limitedFSFile is limitedFile for a file of any file system.
type limitedFSFile struct {
	fs.File
	r io.Reader
}

func (l *limitedFSFile) Read(b []byte) (int, error) { return l.r.Read(b) }

// limitedFile reads at most MaxKitFileSize bytes (a file that grew since
// the walk).
type limitedFile struct {
	*os.File
	r io.Reader
}

func (l *limitedFile) Read(b []byte) (int, error) { return l.r.Read(b) }

// checkedDir is an open folder of a checkedFS.
type checkedDir struct {
	name    string
	entries []fs.DirEntry
	off     int
}

func (d *checkedDir) Stat() (fs.FileInfo, error) { return dirInfo(path.Base(d.name)), nil }
func (d *checkedDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errors.New("is a folder")}
}
func (d *checkedDir) Close() error { return nil }

func (d *checkedDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.off += n
	return slices.Clone(rest[:n]), nil
}

// dirInfo describes a folder of a checkedFS.
type dirInfo string

func (d dirInfo) Name() string       { return string(d) }
func (d dirInfo) Size() int64        { return 0 }
func (d dirInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o755 }
func (d dirInfo) ModTime() time.Time { return time.Time{} }
func (d dirInfo) IsDir() bool        { return true }
func (d dirInfo) Sys() any           { return nil }

// ReadRegularFile reads the file at name only if it is a regular file:
// Lstat first, so a symbolic link is refused and not followed, a FIFO or a
// device is refused and not opened; then opened without following a link
// and checked again (the file may have been replaced meanwhile). Files
// over max bytes are refused. Errors name the file and never hold its
// contents.
func ReadRegularFile(name string, max int64) ([]byte, error) {
	st, err := os.Lstat(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.ToSlash(name), unwrapPath(err))
	}
	if what := notRegular(st.Mode()); what != "" || st.IsDir() {
		if st.IsDir() {
			what = "a folder"
		}
		return nil, fmt.Errorf("%s: %s, not a regular file", filepath.ToSlash(name), what)
	}
	if st.Size() > max {
		return nil, fmt.Errorf("%s: file too large: %d bytes (at most %d)", filepath.ToSlash(name), st.Size(), max)
	}
	f, err := openNoFollow(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.ToSlash(name), unwrapPath(err))
	}
	defer f.Close()
	if st2, err := f.Stat(); err != nil || !st2.Mode().IsRegular() || !os.SameFile(st, st2) {
		return nil, fmt.Errorf("%s: changed while it was read", filepath.ToSlash(name))
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.ToSlash(name), unwrapPath(err))
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s: file too large (at most %d bytes)", filepath.ToSlash(name), max)
	}
	return b, nil
}
