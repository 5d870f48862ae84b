package awarekit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoSkip: no test of the repository skips itself. A test that cannot
// run (a reader missing, a fixture gone) fails and says what is missing,
// so that a green run means every test ran (README.md, Tests).
func TestNoSkip(t *testing.T) {
	n := 0
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "node_modules", "testdata", "public", "bin":
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		n++
		for _, s := range skips(t, p) {
			t.Errorf("%s: a test skips itself (%s): make it fail with what it lacks instead", s.pos, s.call)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("found %d test files, want more (is the walk from the repository's root?)", n)
	}
}

type skip struct {
	pos  token.Position
	call string
}

// skips finds the calls of testing's Skip, Skipf and SkipNow (on a T, a B,
// an F or a TB, whatever the variable is named) in a Go file.
func skips(t *testing.T, file string) []skip {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []skip
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		switch sel.Sel.Name {
		case "Skip", "Skipf", "SkipNow":
			out = append(out, skip{fset.Position(call.Pos()), sel.Sel.Name})
		}
		return true
	})
	return out
}

// TestNoSkipCatches: the check finds a skip however it is written.
func TestNoSkipCatches(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "x_test.go")
	// The calls are written with @ for the method's first letters, so that
	// this file itself holds no skip for a line-based check to find.
	src := strings.ReplaceAll(`package x

import "testing"

func TestA(t *testing.T) { t.@("no reader") }
func TestB(tb testing.TB) { if true { tb.@f("%d", 1) } }
func BenchmarkC(b *testing.B) { defer b.@Now() }
func TestD(t *testing.T) { t.Log("runs") }
`, "@", "Sk"+"ip")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := skips(t, file)
	var calls []string
	for _, s := range got {
		calls = append(calls, s.call+"@"+string(rune('0'+s.pos.Line)))
	}
	if want := "Skip@5 Skipf@6 SkipNow@7"; strings.Join(calls, " ") != want {
		t.Errorf("found %q, want %q", strings.Join(calls, " "), want)
	}
}
