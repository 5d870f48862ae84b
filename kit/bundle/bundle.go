// Package bundle packs an edition's kit: one zip holding every poster in
// every size and variant, the previews, and manifest.json (edition, version,
// build date, each file with size and SHA-256), with the entries the caller
// puts at the kit's root (the README, the guide). The zip is reproducible:
// entries sorted by path, fixed timestamps from the edition's date, fixed
// compression.
//
// It packs files that other packages wrote, and lays out the README from
// texts it is given (readme.go); it writes no text of its own.
package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/awarekit/awarekit/kit/manifest"
)

// Manifest is manifest.json.
type Manifest struct {
	Edition   string          `json:"edition"`
	Region    string          `json:"region"`
	Language  string          `json:"language"`
	Status    string          `json:"status"`
	Version   string          `json:"version"`
	BuildDate string          `json:"build_date"` // the edition's last_verified date (or SOURCE_DATE_EPOCH)
	Files     []manifest.File `json:"files"`
}

// Entry is a file put into the kit from memory: File.Path is its path
// inside the kit (README.txt, guide-a4.pdf); size and SHA-256 are filled
// in by Write.
type Entry struct {
	File manifest.File
	Data []byte
}

// Write packs files (paths relative to root) into w under the folder name
// prefix/, with manifest.json and the extra entries at the top of that
// folder. Every entry is dated date (the edition's date): a kit's files say
// how current their content is, not when or where they were built.
func Write(w io.Writer, root, prefix string, m Manifest, files []manifest.File, date time.Time, extra ...Entry) error {
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b manifest.File) int { return strings.Compare(a.Path, b.Path) })
	extra = slices.Clone(extra)
	slices.SortFunc(extra, func(a, b Entry) int { return strings.Compare(a.File.Path, b.File.Path) })
	m.Files = nil
	for _, e := range extra {
		f, err := manifest.DescribeReader(bytes.NewReader(e.Data), e.File)
		if err != nil {
			return err
		}
		m.Files = append(m.Files, f)
	}
	for _, f := range files {
		f.Path = zipName(f.Path)
		m.Files = append(m.Files, f)
	}
	seen := map[string]bool{"manifest.json": true}
	for _, f := range m.Files {
		if seen[f.Path] {
			return errorf("%s is in the kit twice", f.Path)
		}
		seen[f.Path] = true
	}
	mj, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestCompression)
	})
	add := func(name string, b []byte) error {
		// PDFs and PNGs are compressed already: stored as they are.
		method := zip.Deflate
		if ext := path.Ext(name); ext == ".pdf" || ext == ".png" {
			method = zip.Store
		}
		h := &zip.FileHeader{Name: path.Join(prefix, name), Method: method, Modified: date}
		h.SetMode(0o644)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = fw.Write(b)
		return err
	}
	if err := add("manifest.json", append(mj, '\n')); err != nil {
		return err
	}
	for _, e := range extra {
		if err := add(e.File.Path, e.Data); err != nil {
			return err
		}
	}
	for i, f := range files {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil {
			return err
		}
		if err := add(m.Files[len(extra)+i].Path, b); err != nil {
			return err
		}
	}
	return zw.Close()
}

// zipName is the path of a file inside the kit: without the edition folder.
func zipName(p string) string {
	if _, rest, ok := strings.Cut(p, "/"); ok {
		return rest
	}
	return p
}

// Read returns the manifest of a kit zip and checks every file against it:
// presence, size and SHA-256. It is what a distributing organisation (and
// the tests) can run to trust a kit.
func Read(b []byte) (*Manifest, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var m Manifest
	entries := map[string]*zip.File{}
	for _, f := range zr.File {
		_, name, _ := strings.Cut(f.Name, "/")
		entries[name] = f
	}
	mf, ok := entries["manifest.json"]
	if !ok {
		return nil, errorf("no manifest.json in the kit")
	}
	if err := readJSON(mf, &m); err != nil {
		return nil, err
	}
	if len(entries) != len(m.Files)+1 {
		return nil, errorf("the kit holds %d files, the manifest lists %d", len(entries)-1, len(m.Files))
	}
	for _, f := range m.Files {
		e, ok := entries[f.Path]
		if !ok {
			return nil, errorf("%s is in the manifest but not in the kit", f.Path)
		}
		rc, err := e.Open()
		if err != nil {
			return nil, err
		}
		d, err := manifest.DescribeReader(rc, f)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if d.Bytes != f.Bytes || d.SHA256 != f.SHA256 {
			return nil, errorf("%s does not match the manifest (size %d, sha256 %s)", f.Path, d.Bytes, d.SHA256)
		}
	}
	return &m, nil
}

func readJSON(f *zip.File, v any) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return json.NewDecoder(rc).Decode(v)
}

func errorf(format string, args ...any) error { return fmt.Errorf("kit: "+format, args...) }
