package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/awarekit/awarekit/kit/bundle"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/manifest"
)

// writeKit packs an edition's files into out/<code>/kit-<code>.zip, with
// the README and the guide at the kit's root, every entry dated from the
// edition (EditionDate). A cache gives back the zip of the previous build
// when the manifest (every file's path, size and SHA-256) is the same.
func (k *Kit) writeKit(out string, e *content.Edition, files []manifest.File, version string) (manifest.File, error) {
	cache := k.Cache
	if version == "" {
		version = "dev"
	}
	name := path.Join(e.Code, "kit-"+e.Code+".zip")
	m := bundle.Manifest{
		Edition: e.Code, Region: e.RegionName, Language: e.LanguageName, Status: e.Status,
		Version: version, BuildDate: k.Date(e).Format("2006-01-02"),
	}
	extra, files, err := k.kitEntries(out, e, files)
	if err != nil {
		return manifest.File{}, err
	}
	date := EditionDate(e)
	js, err := json.Marshal(struct {
		M     bundle.Manifest
		Files []manifest.File
		Extra []bundle.Entry
		Date  string
	}{m, files, extra, date.Format(time.RFC3339)})
	if err != nil {
		return manifest.File{}, err
	}
	key := sha256.Sum256(js)
	var zip []byte
	if bs, ok := cache.get(e.Code, key); ok {
		zip = bs[0]
	} else {
		var buf bytes.Buffer
		if err := bundle.Write(&buf, out, "kit-"+e.Code, m, files, date, extra...); err != nil {
			return manifest.File{}, err
		}
		zip = buf.Bytes()
		cache.put(e.Code, key, [][]byte{zip})
	}
	if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(name)), zip, 0o644); err != nil {
		return manifest.File{}, err
	}
	return manifest.DescribeReader(bytes.NewReader(zip), manifest.File{Path: name, Kind: "kit"})
}
