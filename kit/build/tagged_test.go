package build_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/testkit"
)

// update (kit_test.go) also rewrites the golden structure files under testdata/struct/.

// pdfinfoStruct turns `pdfinfo -struct-text` into the form of
// layout.Page.StructText without the alternative texts (which pdfinfo
// does not print): one line per element under Document, indented by
// depth, its kind, then the text of its marked content.
func pdfinfoStruct(out string) string {
	type el struct {
		depth int
		kind  string
		text  strings.Builder
	}
	var els []*el
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		depth := (len(line) - len(trimmed)) / 2
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "Object "):
		case strings.HasPrefix(trimmed, `"`):
			// text of the element one level up
			for i := len(els) - 1; i >= 0; i-- {
				if els[i].depth == depth-1 {
					els[i].text.WriteString(strings.TrimSuffix(strings.TrimPrefix(trimmed, `"`), `"`))
					break
				}
			}
		default:
			kind, _, _ := strings.Cut(trimmed, " ")
			els = append(els, &el{depth: depth, kind: kind})
		}
	}
	var b strings.Builder
	for _, e := range els {
		if e.depth == 0 { // Document
			continue
		}
		b.WriteString(strings.Repeat("  ", e.depth-1) + e.kind)
		if t := strings.Trim(e.text.String(), " "); t != "" {
			b.WriteString(" " + t)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

var altRE = regexp.MustCompile(`(?m)^(\s*\w+) \[[^\]\n]*\]`)

// extracted is what a reader extracts of a StructText: no [alternative
// texts], and U+00A0 as a plain space: Lato draws both with one glyph,
// which the ToUnicode map gives as the space when a font subset has both
// (as the data has it before typography), as U+00A0 when it has only that.
// Everything else is the layout's text exactly.
func extracted(s string) string {
	s = strings.ReplaceAll(altRE.ReplaceAllString(s, "$1"), "\u00a0", " ")
	return regexp.MustCompile(`(?m) +$`).ReplaceAllString(s, "")
}

// qpdfObjects returns the PDF's objects as qpdf's JSON gives them.
func qpdfObjects(t *testing.T, file string) map[string]map[string]any {
	var doc struct {
		Qpdf []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(testkit.Tool(t, "qpdf", "--json=2", "--json-key=qpdf", file)), &doc); err != nil || len(doc.Qpdf) < 2 {
		t.Fatalf("qpdf --json %s: %v", file, err)
	}
	var objs map[string]struct {
		Value any `json:"value"`
	}
	if err := json.Unmarshal(doc.Qpdf[1], &objs); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]any{}
	for k, v := range objs {
		if d, ok := v.Value.(map[string]any); ok {
			out[k] = d
		}
	}
	return out
}

// TestTaggedPDF reads every poster PDF of every bundled edition, design,
// size and variant back: pdfinfo says it is tagged; its structure, read by
// pdfinfo, is the layout's in reading order, with exactly the layout's
// text; every figure has the layout's alternative text and every link
// annotation a struct parent and a description; qpdf, Ghostscript and
// MuPDF open it; an A4 poster stays under 150 KB. The structure of each
// edition's design is kept in testdata/struct/<edition>/<design>.txt
// (go test ./kit/build -run TestTaggedPDF -update rewrites them: review
// the diff).
func TestTaggedPDF(t *testing.T) {
	out := bundled(t)
	root := testkit.Root()
	set, err := build.Check(filepath.Join(root, "data"), testkit.Today)
	if err != nil {
		t.Fatal(err)
	}
	kit, err := build.LoadKit(root, set.Editions)
	if err != nil {
		t.Fatal(err)
	}
	jobs := kit.PosterJobs(set.Editions)
	pages, err := kit.LayoutAll(jobs)
	if err != nil {
		t.Fatal(err)
	}
	structs := map[string]string{} // edition/design → its structure
	var files []string
	for i, j := range jobs {
		pg := pages[i]
		name := j.Edition.Code + "/" + j.Base()
		file := filepath.Join(out, j.Edition.Code, "posters", j.Base()+".pdf")
		want := pg.StructText()
		key := j.Edition.Code + "/" + j.Design.ID
		if prev, ok := structs[key]; ok && prev != want {
			t.Errorf("%s does not read as the other sizes of its design:\n%s", name, want)
		}
		structs[key] = want

		if info := testkit.Tool(t, "pdfinfo", file); !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).MatchString(info) {
			t.Errorf("%s: pdfinfo does not say Tagged: yes", name)
		}
		if got := extracted(pdfinfoStruct(testkit.Tool(t, "pdfinfo", "-struct-text", file))); got != extracted(want) {
			t.Errorf("%s: pdfinfo -struct-text reads\n%s\nwant\n%s", name, got, extracted(want))
		}

		var alts []string
		for q := pg; q != nil; q = q.Back {
			for _, e := range q.Elems {
				if e.Kind == layout.ElemFigure {
					alts = append(alts, e.Alt)
				}
			}
		}
		var figures []string
		links := 0
		for id, o := range qpdfObjects(t, file) {
			switch {
			case o["/S"] == "/Figure":
				alt, _ := o["/Alt"].(string)
				alt = strings.TrimPrefix(alt, "u:")
				if strings.TrimSpace(alt) == "" {
					t.Errorf("%s: figure %s has no /Alt", name, id)
				}
				figures = append(figures, alt)
			case o["/Subtype"] == "/Link":
				links++
				if _, ok := o["/StructParent"].(float64); !ok {
					t.Errorf("%s: link annotation %s has no /StructParent", name, id)
				}
				if c, _ := o["/Contents"].(string); strings.TrimPrefix(c, "u:") == "" {
					t.Errorf("%s: link annotation %s has no /Contents", name, id)
				}
			}
		}
		slices.Sort(alts)
		slices.Sort(figures)
		if !slices.Equal(alts, figures) {
			t.Errorf("%s: figures' /Alt %q, want %q", name, figures, alts)
		}
		wantLinks := 0
		for q := pg; q != nil; q = q.Back {
			wantLinks += len(q.Links)
		}
		if links != wantLinks {
			t.Errorf("%s: %d link annotations, want %d", name, links, wantLinks)
		}

		// (TestPDFStructure runs qpdf --check on every file; Ghostscript
		// reads them all at once below.)
		files = append(files, file)
		testkit.Tool(t, "mutool", "info", file)
		if o := testkit.Tool(t, "mutool", "draw", "-o", "/dev/null", file); strings.Contains(o, "error") {
			t.Errorf("%s: mutool draw: %s", name, o)
		}
		if j.Size == "a4" {
			if st, err := os.Stat(file); err != nil || st.Size() > 150<<10 {
				t.Errorf("%s: %v bytes, over 150 KB", name, st.Size())
			}
		}
	}

	if o := testkit.Tool(t, "gs", append([]string{"-q", "-o", "/dev/null", "-sDEVICE=nullpage"}, files...)...); strings.Contains(o, "rror") {
		t.Errorf("Ghostscript: %s", o)
	}

	for key, got := range structs {
		golden := filepath.Join("testdata", "struct", key+".txt")
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%v (go test ./kit/build -run TestTaggedPDF -update writes it)", err)
			continue
		}
		if got != string(want) {
			t.Errorf("%s: the structure or reading order changed (go test ./kit/build -run TestTaggedPDF -update, then review the diff):\n%s", key, got)
		}
	}
}
