package build

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/internal/par"
	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/personalise"
)

// The personalisation engine (cmd/awarekit-wasm, docs/PERSONALISE.md):
// the files Options.Engine holds, and where they go in each edition's
// folder, beside its /<edition>/personalise/ page.
const (
	EngineWasm = "awarekit.wasm"
	EngineJS   = "wasm_exec.js" // the Go toolchain's, of the same version as the wasm
	enginePath = "personalise"
)

// readEngine reads the engine's two files from dir: regular files (no
// symbolic link), the wasm a WebAssembly module.
func readEngine(dir string) (wasm, js []byte, err error) {
	read := func(name string) ([]byte, error) {
		p := filepath.Join(dir, name)
		info, err := os.Lstat(p)
		if err != nil {
			return nil, fmt.Errorf("--engine %s: %w", dir, err)
		}
		if !info.Mode().IsRegular() {
			return nil, fmt.Errorf("--engine %s: %s is not a regular file", dir, name)
		}
		return os.ReadFile(p)
	}
	if wasm, err = read(EngineWasm); err != nil {
		return nil, nil, err
	}
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		return nil, nil, fmt.Errorf("--engine %s: %s is not a WebAssembly module", dir, EngineWasm)
	}
	if js, err = read(EngineJS); err != nil {
		return nil, nil, err
	}
	return wasm, js, nil
}

// writeEngine puts the engine into each edition's folder under tmp:
// awarekit.wasm, a gzip copy for static servers that serve precompressed
// files (awarekit.wasm.gz: nginx gzip_static, Caddy precompressed), and
// wasm_exec.js. The first edition's files are written, the others' linked
// to them (copied where links are refused): the engine is the same for
// every edition, only content.json differs.
func writeEngine(tmp, dir string, codes []string) error {
	if dir == "" || len(codes) == 0 {
		return nil
	}
	wasm, js, err := readEngine(dir)
	if err != nil {
		return err
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression) // no name, no time: the same bytes every build
	w.Write(wasm)
	if err := w.Close(); err != nil {
		return err
	}
	files := []struct {
		name string
		b    []byte
	}{{EngineWasm, wasm}, {EngineWasm + ".gz", gz.Bytes()}, {EngineJS, js}}
	first := filepath.Join(tmp, codes[0], enginePath)
	for _, f := range files {
		if err := writeFile(filepath.Join(first, f.name), f.b); err != nil {
			return err
		}
	}
	for _, c := range codes[1:] {
		to := filepath.Join(tmp, c, enginePath)
		if err := os.MkdirAll(to, 0o755); err != nil {
			return err
		}
		for _, f := range files {
			err := os.Link(filepath.Join(first, f.name), filepath.Join(to, f.name))
			if errors.Is(err, fs.ErrExist) {
				return err
			}
			if err != nil {
				if err := writeFile(filepath.Join(to, f.name), f.b); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// writeEngineKit writes beside each edition's engine the designs and
// strings the engine reads (personalise.KitFile, kit.json): the kit this
// build loaded, so that the page personalises the posters the build made.
// Nothing without an engine.
func writeEngineKit(tmp, dir string, k *kitset.Kit, baseURL string, eds []*content.Edition) error {
	if dir == "" {
		return nil
	}
	// Each edition's kit.json lays its designs out once per size (Room):
	// the editions on every core, each writing its own file.
	errs := make([]error, len(eds))
	par.Do(len(eds), func(i int) {
		e := eds[i]
		b, err := personalise.KitJSON(k, e, layout.SiteURL(baseURL, e.Code))
		if err != nil {
			errs[i] = fmt.Errorf("edition %s: %w", e.Code, err)
			return
		}
		errs[i] = writeFile(filepath.Join(tmp, e.Code, enginePath, personalise.KitFile), b)
	})
	return errors.Join(errs...)
}
