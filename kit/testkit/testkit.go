// Package testkit helps tests build small kits from text: the malformed
// corpus under testdata/bad, inline txtar archives of data files, the
// valid fixture edition under testdata/valid they start from, and whole
// kits (data, designs, strings, locales, layouts) from one txtar archive
// (Kit, kit.go), built by the caller's build and asserted on.
package testkit

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// Root returns the repository root (the folder holding go.mod).
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Case is one malformed input: the valid fixture changed by Files, and
// the exact problems check must print (Want, one per line).
type Case struct {
	Name  string
	Path  string                 // the .txtar file, or "" for a generated case
	Files map[string][]byte      // path under data/ → content; nil content deletes
	Want  string                 // expected problem lines
	Apply func(dir string) error // optional extra change (generated cases)
	arc   *txtar.Archive
}

// BadCases returns the malformed corpus: testdata/bad/*.txtar, plus the
// cases that cannot be written as text (binary garbage, invalid UTF-8, a
// huge file).
func BadCases() ([]Case, error) {
	dir := filepath.Join(Root(), "testdata", "bad")
	names, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var cases []Case
	for _, n := range names {
		arc, err := txtar.ParseFile(n)
		if err != nil {
			return nil, err
		}
		c := Case{Name: strings.TrimSuffix(filepath.Base(n), ".txtar"), Path: n, Files: map[string][]byte{}, arc: arc}
		for _, f := range arc.Files {
			switch {
			case f.Name == "want":
				c.Want = string(f.Data)
			case strings.HasPrefix(f.Name, "delete "):
				c.Files[strings.TrimPrefix(f.Name, "delete ")] = nil
			default:
				c.Files[f.Name] = f.Data
			}
		}
		cases = append(cases, c)
	}
	garbage := make([]byte, 512)
	for i := range garbage {
		garbage[i] = byte(i * 7919 % 256)
	}
	huge := bytes.Repeat([]byte("# padding padding padding padding padding padding padding\n"), 20000)
	huge = append([]byte("myths:\n"), huge...)
	tenMB := append([]byte("myths:\n  - id: x\n    myth: \""), bytes.Repeat([]byte("a"), 10<<20)...)
	tenMB = append(tenMB, "\"\n"...)
	cases = append(cases,
		Case{Name: "gen-binary-garbage", Files: map[string][]byte{"fr-FR/myths.yaml": garbage},
			Want: "data/fr-FR/myths.yaml: not UTF-8 text (a binary file, or saved in another encoding)\n"},
		Case{Name: "gen-latin1", Files: map[string][]byte{"fr-FR/myths.yaml": []byte("myths:\n  - id: ma-faute\n    myth: C'est ma faute \xe0 moi.\n")},
			Want: "data/fr-FR/myths.yaml: not UTF-8 text (a binary file, or saved in another encoding)\n"},
		Case{Name: "gen-huge-file", Files: map[string][]byte{"fr-FR/myths.yaml": huge},
			Want: fmt.Sprintf("data/fr-FR/myths.yaml: file too large: %d bytes (at most 1048576)\n", len(huge))},
		Case{Name: "gen-10mb-field", Files: map[string][]byte{"fr-FR/myths.yaml": tenMB},
			Want: fmt.Sprintf("data/fr-FR/myths.yaml: file too large: %d bytes (at most 1048576)\n", len(tenMB))},
		Case{Name: "gen-symlink-file", Apply: symlink("data/fr-FR/contacts.yaml", "/etc/passwd"),
			Want: "data/fr-FR/contacts.yaml: a symbolic link: data files must be regular files inside the edition folder\n"},
		Case{Name: "gen-symlink-page", Apply: symlink("data/fr-FR/pages/law.md", "../../../../../etc/hostname"),
			Want: "data/fr-FR/pages/law.md: a symbolic link: pages must be regular files inside the edition folder\n"},
		Case{Name: "gen-logo-bomb", Apply: withLogo("logo.png", pngHeader(100000, 100000)),
			Want: "data/fr-FR/edition.yaml:22:7: logo: logo.png is 100000 × 100000 pixels: at most 4000 on a side and 12000000 pixels in all\n"},
		Case{Name: "gen-logo-20000px", Apply: withLogo("logo.png", pngHeader(20000, 20000)),
			Want: "data/fr-FR/edition.yaml:22:7: logo: logo.png is 20000 × 20000 pixels: at most 4000 on a side and 12000000 pixels in all\n"},
		Case{Name: "gen-logo-not-an-image", Apply: withLogo("logo.png", []byte("#!/bin/sh\nrm -rf /\n")),
			Want: "data/fr-FR/edition.yaml:22:7: logo: logo.png is not a readable PNG or JPEG image\n"},
		Case{Name: "gen-logo-path-traversal", Apply: withLogo("../../etc/passwd", nil),
			Want: "data/fr-FR/edition.yaml:22:7: logo: \"../../etc/passwd\" is not a PNG or JPEG file name in the edition folder (no folders, no ..)\n"},
		Case{Name: "gen-logo-absolute-path", Apply: withLogo("/etc/passwd", nil),
			Want: "data/fr-FR/edition.yaml:22:7: logo: \"/etc/passwd\" is not a PNG or JPEG file name in the edition folder (no folders, no ..)\n"},
		Case{Name: "gen-logo-no-alt", Apply: func(dir string) error {
			ed := filepath.Join(dir, "data", "fr-FR", "edition.yaml")
			b, err := os.ReadFile(ed)
			if err != nil {
				return err
			}
			os.WriteFile(filepath.Join(dir, "data", "fr-FR", "logo.png"), pngHeader(1, 1), 0o644)
			return os.WriteFile(ed, append(b, "logo: logo.png\n"...), 0o644)
		},
			Want: "data/fr-FR/edition.yaml:2:1: logo_alt: missing: the logo's alternative text (what a screen reader says instead of the image, e.g. the organisation's name)\n"},
		Case{Name: "gen-symlink-edition", Apply: symlink("data/de-AT", "/etc"),
			Want: "data/de-AT: a symbolic link: an edition must be a real folder inside the data folder\n"},
		Case{Name: "gen-long-text", Files: map[string][]byte{"fr-FR/myths.yaml": []byte("myths:\n  - id: ma-faute\n    myth: " + strings.Repeat("é", 2001) + "\n    reality: Non.\n    source: seed-002\n")},
			Want: "data/fr-FR/myths.yaml:3:11: myths[0].myth: text too long: 2001 characters (at most 2000)\n"},
		Case{Name: "gen-long-page", Files: map[string][]byte{"fr-FR/pages/law.md": []byte("---\ntitle: Loi\ndescription: La loi.\nweight: 7\nsources: [seed-002]\n---\n" + strings.Repeat("Un texte très long. ", 5001))},
			Want: "data/fr-FR/pages/law.md: page too long: 100020 characters (at most 100000)\n"},
		Case{Name: "gen-logo-16-bit", Apply: withLogo("logo.png", png16()),
			Want: "data/fr-FR/edition.yaml:22:7: logo: logo.png is a 16-bit PNG: the PDF writer cannot embed it; save it as an 8-bit, non-interlaced PNG or a baseline JPEG\n"},
		Case{Name: "gen-logo-interlaced", Apply: withLogo("logo.png", interlaced()),
			Want: "data/fr-FR/edition.yaml:22:7: logo: logo.png is an interlaced PNG: the PDF writer cannot embed it; save it as an 8-bit, non-interlaced PNG or a baseline JPEG\n"},
		Case{Name: "gen-fifo-file", Apply: fifo("data/fr-FR/contacts.yaml"),
			Want: "data/fr-FR/contacts.yaml: a named pipe (FIFO), not a regular file: data files must be regular files inside the edition folder\n"},
		Case{Name: "gen-fifo-page", Apply: fifo("data/fr-FR/pages/law.md"),
			Want: "data/fr-FR/pages/law.md: a named pipe (FIFO), not a regular file: data files must be regular files inside the edition folder\n"},
		Case{Name: "gen-fifo-translation", Apply: fifo("data/fr-FR/translation.yaml"),
			Want: "data/fr-FR/translation.yaml: a named pipe (FIFO), not a regular file: data files must be regular files inside the edition folder\n"},
		Case{Name: "gen-fifo-logo", Apply: both(withLogo("logo.png", nil), fifo("data/fr-FR/logo.png")),
			Want: "data/fr-FR/edition.yaml:22:7: logo: logo.png is a named pipe (FIFO), not a regular file\n"},
		Case{Name: "gen-symlink-pages-folder", Apply: both(mkdir("elsewhere"), symlink("data/fr-FR/pages", "../../elsewhere")),
			Want: "data/fr-FR/pages: a symbolic link: data files must be regular files inside the edition folder\n"},
		Case{Name: "gen-symlink-inside-folder", Apply: symlink("data/fr-FR/texts.yaml", "myths.yaml"),
			Want: "data/fr-FR/texts.yaml: a symbolic link: data files must be regular files inside the edition folder\n"},
		Case{Name: "gen-pages-is-a-file", Files: map[string][]byte{"fr-FR/pages": nil}, Apply: write("data/fr-FR/pages", "# not a folder\n"),
			Want: "data/fr-FR/pages: a file, not a folder: the pages what-is, how-it-happens, victims, what-to-do, parents, professionals, law, terminology are required in a pages/ folder\n"},
	)
	return cases, nil
}

// withLogo returns an Apply step that names a logo in edition.yaml and,
// when data is not nil, writes it.
func withLogo(name string, data []byte) func(dir string) error {
	return func(dir string) error {
		ed := filepath.Join(dir, "data", "fr-FR", "edition.yaml")
		b, err := os.ReadFile(ed)
		if err != nil {
			return err
		}
		b = append(b, fmt.Sprintf("logo: %q\nlogo_alt: Association Exemple\n", name)...)
		if err := os.WriteFile(ed, b, 0o644); err != nil {
			return err
		}
		if data == nil {
			return nil
		}
		return os.WriteFile(filepath.Join(dir, "data", "fr-FR", name), data, 0o644)
	}
}

// pngHeader returns a tiny PNG file whose header claims w × h pixels: a
// decompression bomb's signature, refused before any pixel is decoded.
func pngHeader(w, h uint32) []byte {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
	b := buf.Bytes()
	// IHDR data starts at byte 16: width, height, then 5 bytes; CRC after.
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// fifo returns an Apply step replacing a path of the kit by a named pipe:
// opening it for reading would block until someone writes to it.
func fifo(name string) func(dir string) error {
	return func(dir string) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.RemoveAll(p); err != nil {
			return err
		}
		return syscall.Mkfifo(p, 0o644)
	}
}

// mkdir returns an Apply step creating an empty folder.
func mkdir(name string) func(dir string) error {
	return func(dir string) error { return os.MkdirAll(filepath.Join(dir, filepath.FromSlash(name)), 0o755) }
}

// write returns an Apply step writing a file.
func write(name, content string) func(dir string) error {
	return func(dir string) error {
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(content), 0o644)
	}
}

// both returns an Apply step running the steps in order.
func both(steps ...func(dir string) error) func(dir string) error {
	return func(dir string) error {
		for _, s := range steps {
			if err := s(dir); err != nil {
				return err
			}
		}
		return nil
	}
}

// png16 returns a 16-bit greyscale PNG, which Go reads and gopdf refuses.
func png16() []byte {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray16(image.Rect(0, 0, 4, 4)))
	return buf.Bytes()
}

// interlaced returns a PNG whose header says it is interlaced (Adam7),
// which gopdf refuses.
func interlaced() []byte {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
	b := buf.Bytes()
	b[28] = 1
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// symlink returns an Apply step replacing a path of the kit by a link.
func symlink(name, target string) func(dir string) error {
	return func(dir string) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.RemoveAll(p); err != nil {
			return err
		}
		return os.Symlink(target, p)
	}
}

// Materialise writes the valid fixture, changed by the case, into dir/data.
func (c Case) Materialise(dir string) error {
	data := filepath.Join(dir, "data")
	if err := CopyDir(filepath.Join(Root(), "testdata", "valid"), data); err != nil {
		return err
	}
	for name, b := range c.Files {
		p := filepath.Join(data, filepath.FromSlash(name))
		if b == nil {
			if err := os.RemoveAll(p); err != nil {
				return err
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	if c.Apply != nil {
		return c.Apply(dir)
	}
	return nil
}

// UpdateWant rewrites the case's want section (for go test -update).
func (c Case) UpdateWant(got string) error {
	if c.arc == nil {
		return fmt.Errorf("%s is generated: edit its Want in testkit.go", c.Name)
	}
	found := false
	for i, f := range c.arc.Files {
		if f.Name == "want" {
			c.arc.Files[i].Data = []byte(got)
			found = true
		}
	}
	if !found {
		c.arc.Files = append([]txtar.File{{Name: "want", Data: []byte(got)}}, c.arc.Files...)
	}
	return os.WriteFile(c.Path, txtar.Format(c.arc), 0o644)
}

// CopyDir copies a folder tree.
func CopyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		t := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(t, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(t, b, 0o644)
	})
}

// Snapshot describes a folder tree byte for byte, for comparing it before
// and after a run: each regular file with its content, each link with its
// target, anything else (a FIFO…) by its type, never opened.
func Snapshot(dir string) (string, error) {
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch t := d.Type(); {
		case d.IsDir():
			fmt.Fprintf(&b, "%s/\n", rel)
		case t&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, "%s -> %s\n", rel, target)
		case t.IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, "%s %x\n", rel, data)
		default:
			fmt.Fprintf(&b, "%s %s\n", rel, t)
		}
		return nil
	})
	return b.String(), err
}

// Today is the fixed date the tests run on (the clock is injected, never
// read by a test); the command-line tests give the same date through
// AWAREKIT_NOW.
var Today = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// Tool runs a reader the tests check outputs with (pdfinfo, qpdf, gs,
// mutool…) and returns what it printed; a tool that is missing or fails
// fails the test, never skips it.
func Tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed (make test-deps)", name)
	}
	out, err := exec.Command(p, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}
