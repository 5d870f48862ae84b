package verify

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/pdf"
)

// Files writes the checklist of edition e into dir as
// verify-<code>.md and verify-<code>.pdf (the PDF dated by the edition, so
// the same data gives the same bytes) and returns their paths. Each file
// is written beside its final name and renamed into place: an interrupted
// run leaves the previous file whole. dir is created when missing.
func Files(dir string, e *content.Edition, fonts layout.Fonts) ([]string, error) {
	gs := Checklist(e)
	doc := layout.Document(fonts, "Verification checklist – "+e.Code, e.Publisher, Paras(e, gs), 10)
	var pb bytes.Buffer
	if err := pdf.Write(&pb, doc, fonts, e.Date().Time().UTC()); err != nil {
		return nil, fmt.Errorf("verify: the PDF checklist: %w", err)
	}
	base := filepath.Join(dir, "verify-"+e.Code)
	out := []string{base + ".md", base + ".pdf"}
	for i, b := range [][]byte{Markdown(e, gs), pb.Bytes()} {
		if err := WriteFile(out[i], b); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// WriteFile writes b to path through a temporary file in the same folder,
// renamed into place; it never follows a symbolic link at path.
func WriteFile(path string, b []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("verify: %s exists and is not a regular file: not replaced", path)
	}
	f, err := os.CreateTemp(dir, ".verify-*")
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("verify: %w", err)
	}
	return nil
}
