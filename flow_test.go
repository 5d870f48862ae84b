package awarekit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// module is this module's path.
const module = "github.com/awarekit/awarekit"

// flowTiers place every package of the module in the one-way flow of the
// data (docs/ARCHITECTURE.md):
//
//	content → layout → kit → pdf/preview → bundle/site → build → serve → cmd
//
// A package may depend on packages of its own tier or of earlier ones,
// never on a later one. The foundations (tier 0) are used everywhere. A
// new package must be placed here: the test fails until it is.
var flowTiers = map[string]int{
	// 0: foundations: diagnostics, the embedded defaults, text rules.
	"":                     0, // the root package: embedded defaults, KitFS
	"kit/diag":             0,
	"kit/internal/par":     0,
	"kit/typo":             0,
	"kit/hyphen":           0,
	"kit/local":            0,
	"kit/manifest":         0,
	"kit/testkit":          0,
	"kit/vocab":            0, // the registry of box kinds, sheets and texts
	"kit/content":          1,
	"kit/i18n":             1,
	"kit/layout":           2,
	"kit/kitset":           3,
	"kit/pdf":              4,
	"kit/preview":          4,
	"kit/personalise":      5, // personalised PDFs: an output, as bundle and site are
	"kit/bundle":           5,
	"kit/site":             5,
	"kit/l10n":             5, // translation files: an output of the kit
	"kit/verify":           5,
	"kit/build":            6,
	"kit/serve":            7,
	"cmd/awarekit":         8,
	"cmd/awarekit-wasm":    8,
	"bench/peers/awarekit": 8,
	"bench/quality":        8,
}

var tierNames = []string{"foundations", "content", "layout", "kit", "pdf/preview", "bundle/site", "build", "serve", "cmd"}

type listed struct {
	ImportPath string
	Deps       []string
	Error      *struct{ Err string }
}

// goList runs `go list -deps -json` on the module's packages and returns
// the module's own packages with their dependencies (transitive).
func goList(t *testing.T) []listed {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-json", "./...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps -json ./...: %v\n%s", err, stderr.Bytes())
	}
	var pkgs []listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if p.ImportPath == module || strings.HasPrefix(p.ImportPath, module+"/") {
			pkgs = append(pkgs, p)
		}
	}
	return pkgs
}

// flowProblems lists every dependency of a package on a package of a later
// tier, and every package not placed in flowTiers.
func flowProblems(pkgs []listed, tiers map[string]int) []string {
	rel := func(p string) string { return strings.TrimPrefix(strings.TrimPrefix(p, module), "/") }
	name := func(p string) string {
		if p == "" {
			return "awarekit (root)"
		}
		return p
	}
	var probs []string
	for _, p := range pkgs {
		r := rel(p.ImportPath)
		if strings.HasPrefix(r, "third_party/") {
			continue // vendored libraries: they import nothing of ours
		}
		if p.Error != nil {
			probs = append(probs, fmt.Sprintf("%s: %s", name(r), p.Error.Err))
			continue
		}
		tier, ok := tiers[r]
		if !ok {
			probs = append(probs, fmt.Sprintf("%s: not placed in the flow: add it to flowTiers (flow_test.go) and docs/ARCHITECTURE.md", name(r)))
			continue
		}
		for _, d := range p.Deps {
			if d != module && !strings.HasPrefix(d, module+"/") {
				continue
			}
			dr := rel(d)
			if dt, ok := tiers[dr]; ok && dt > tier {
				probs = append(probs, fmt.Sprintf("%s (%s) depends on %s (%s), which comes later in the flow", name(r), tierNames[tier], name(dr), tierNames[dt]))
			}
		}
	}
	slices.Sort(probs)
	return probs
}

// TestFlow: no package depends on one that comes later in the flow
// content → layout → kit → pdf/preview → bundle/site → build → serve → cmd;
// in particular the site does not depend on build (the command joins them
// through build.Options.Site), so that kit/site links no poster code it
// does not call and build compiles without Hugo.
func TestFlow(t *testing.T) {
	pkgs := goList(t)
	if len(pkgs) < len(flowTiers)-1 {
		t.Fatalf("go list found %d packages of the module, want at least %d", len(pkgs), len(flowTiers)-1)
	}
	for _, p := range flowProblems(pkgs, flowTiers) {
		t.Error(p)
	}
	for _, p := range pkgs {
		if p.ImportPath == module+"/kit/site" && slices.Contains(p.Deps, module+"/kit/build") {
			t.Error("go list -deps ./kit/site contains kit/build")
		}
	}
}

// TestFlowCatches: the check itself finds a later import and a package
// that has no place, so that TestFlow cannot pass by finding nothing.
func TestFlowCatches(t *testing.T) {
	pkgs := []listed{
		{ImportPath: module + "/kit/site", Deps: []string{module + "/kit/content", module + "/kit/build"}},
		{ImportPath: module + "/kit/layout", Deps: []string{module + "/kit/content", "fmt"}},
		{ImportPath: module + "/kit/newthing"},
	}
	got := flowProblems(pkgs, flowTiers)
	want := []string{
		"kit/newthing: not placed in the flow: add it to flowTiers (flow_test.go) and docs/ARCHITECTURE.md",
		"kit/site (bundle/site) depends on kit/build (build), which comes later in the flow",
	}
	if !slices.Equal(got, want) {
		t.Errorf("flowProblems = %q\nwant %q", got, want)
	}
}

// TestNoEnv: no library code reads environment variables; the command
// reads them (SOURCE_DATE_EPOCH, AWAREKIT_NOW, AWAREKIT_KEEP_SITE, CI) and
// passes the values in, so that a library's behaviour is all in its
// arguments.
func TestNoEnv(t *testing.T) {
	reads := []string{"os.Getenv(", "os.LookupEnv(", "os.Environ(", "os.ExpandEnv(", "syscall.Getenv("}
	var files []string
	for _, pattern := range []string{"*.go", "kit/*/*.go", "kit/*/*/*.go"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("found %d Go files under kit/, want more", len(files))
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, r := range reads {
				if strings.Contains(line, r) {
					t.Errorf("%s:%d: %s: library code reads the environment (read it in cmd/awarekit and pass the value in)", f, i+1, strings.TrimSuffix(r, "("))
				}
			}
		}
	}
}
