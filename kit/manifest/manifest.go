// Package manifest describes the files a build produced for an edition:
// path, kind, size and SHA-256. The site lists them on its downloads page
// and the bundle writes them into the kit's manifest.json.
//
// It only describes and hashes files; it does not decide what is built.
package manifest

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
)

// File is one produced file.
type File struct {
	Path    string `json:"path"`              // slash-separated, relative to the output root (fr-FR/posters/la-sextorsion-a4.pdf)
	Kind    string `json:"kind"`              // poster-pdf, poster-png, thumbnail, content, kit…
	Design  string `json:"design,omitempty"`  // la-sextorsion
	Size    string `json:"size,omitempty"`    // a4, a3
	Variant string `json:"variant,omitempty"` // office, bleed
	Bytes   int64  `json:"bytes"`
	SHA256  string `json:"sha256"`
}

// Describe hashes the file at root/f.Path and fills Bytes and SHA256.
func Describe(root string, f File) (File, error) {
	r, err := os.Open(filepath.Join(root, filepath.FromSlash(f.Path)))
	if err != nil {
		return f, err
	}
	defer r.Close()
	return DescribeReader(r, f)
}

// DescribeReader fills Bytes and SHA256 from the content read from r.
func DescribeReader(r io.Reader, f File) (File, error) {
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		return f, err
	}
	f.Bytes = n
	f.SHA256 = hex.EncodeToString(h.Sum(nil))
	return f, nil
}
