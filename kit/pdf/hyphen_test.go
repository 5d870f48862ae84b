package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/layout"
)

// TestHyphenJoined: a word the layout hyphenated at a line end (the
// hyphen drawn in the same run as the start of the word, the rest at the
// start of the next line) comes out of pdftotext whole: poppler joins a
// line ending in a hyphen with the next line of its block. (pdftotext
// -raw and -layout keep "dan-" / "ger": the structure tree's /ActualText
// is for those.)
func TestHyphenJoined(t *testing.T) {
	f, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	// As the layout draws them: the hyphen a run of its own, outside the
	// structure (Elem 0).
	reg := f[layout.Regular]
	line := func(y float64, s string, hyphen bool) []layout.Text {
		w := reg.Width(s, 13)
		ts := []layout.Text{{X: 105.73, Y: y, Role: layout.Regular, Size: 13, Text: s, Width: w}}
		if hyphen {
			ts = append(ts, layout.Text{X: 105.73 + w, Y: y, Role: layout.Regular, Size: 13, Text: "-", Width: reg.Width("-", 13)})
		}
		return ts
	}
	var texts []layout.Text
	texts = append(texts, line(171.2, "Pour un enfant en dan", true)...)
	texts = append(texts, line(186.8, "ger, appelle le 119 ; ton signa", true)...)
	texts = append(texts, line(202.4, "lement est anonyme.", false)...)
	pg := &layout.Page{Width: 595.28, Height: 841.89, Title: "T", Author: "A", Texts: texts}
	var buf bytes.Buffer
	if err := Write(&buf, pg, f, time.Unix(0, 0).UTC()); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "h.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	got := strings.Join(strings.Fields(string(out)), " ")
	if want := "Pour un enfant en danger, appelle le 119 ; ton signalement est anonyme."; got != want {
		t.Errorf("pdftotext gives %q, want %q", got, want)
	}
}
