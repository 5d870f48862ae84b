package layout

import (
	"io/fs"
	"testing/fstest"
)

// fstestMap is a small in-memory folder of text files.
type fstestMap map[string]string

func (m fstestMap) Open(name string) (fs.File, error) {
	f := fstest.MapFS{}
	for k, v := range m {
		f[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return f.Open(name)
}
