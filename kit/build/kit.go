package build

import (
	"bytes"
	"os"
	"path"
	"path/filepath"

	"github.com/awarekit/awarekit/kit/bundle"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/manifest"
)

// writeKit packs an edition's files into out/<code>/kit-<code>.zip.
func writeKit(out string, e *content.Edition, files []manifest.File, version string) (manifest.File, error) {
	if version == "" {
		version = "dev"
	}
	name := path.Join(e.Code, "kit-"+e.Code+".zip")
	var buf bytes.Buffer
	m := bundle.Manifest{
		Edition: e.Code, Region: e.RegionName, Language: e.LanguageName, Status: e.Status,
		Version: version, BuildDate: Date(e).Format("2006-01-02"),
	}
	if err := bundle.Write(&buf, out, "kit-"+e.Code, m, files, Date(e)); err != nil {
		return manifest.File{}, err
	}
	if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(name)), buf.Bytes(), 0o644); err != nil {
		return manifest.File{}, err
	}
	return manifest.Describe(out, manifest.File{Path: name, Kind: "kit"})
}
