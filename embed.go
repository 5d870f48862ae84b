// Package awarekit carries the defaults the binary embeds: poster designs
// and interface strings (the site adds its layouts). A kit folder that
// holds only data/ still builds; a file of the same path in the user's
// folder overrides the embedded one (see Overlay).
package awarekit

import (
	"embed"
	"errors"
	"io/fs"
	"slices"
)

//go:embed posters/*.yaml i18n/*.yaml i18n/locale/*.yaml
var Defaults embed.FS

// Overlay returns a file system where each path is looked up in the layers
// in order, the first that has it winning. Directory listings merge the
// layers. A nil layer is skipped.
func Overlay(layers ...fs.FS) fs.FS {
	return overlay(slices.DeleteFunc(layers, func(f fs.FS) bool { return f == nil }))
}

type overlay []fs.FS

func (o overlay) Open(name string) (fs.File, error) {
	var first error
	for _, l := range o {
		f, err := l.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err // a file of the kit folder that cannot be read is not replaced by the default
		}
		if first == nil {
			first = err
		}
	}
	if first == nil {
		first = &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return nil, first
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, l := range o {
		es, err := fs.ReadDir(l, name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		found = true
		for _, e := range es {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int {
		switch {
		case a.Name() < b.Name():
			return -1
		case a.Name() > b.Name():
			return 1
		}
		return 0
	})
	return out, nil
}
