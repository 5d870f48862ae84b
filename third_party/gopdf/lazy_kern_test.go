package gopdf

import (
	"bytes"
	"os"
	"reflect"
	"sync"
	"testing"

	"github.com/signintech/gopdf/fontmaker/core"
)

// TestLazyKern: the kern table read at its first use (CHANGES.md) is the
// table the parser used to read with the font, shared by the parser's
// copies and read once under concurrent use; and a document with kerning
// is the same bytes as before.
func TestLazyKern(t *testing.T) {
	data, err := os.ReadFile(testFontPath)
	if err != nil {
		t.Fatal(err)
	}
	var eager core.TTFParser
	eager.SetUseKerning(true)
	if err := eager.ParseFontData(data); err != nil {
		t.Fatal(err)
	}
	if err := eager.Parsekern(bytes.NewReader(data)); err != nil { // as ParseFontData did
		t.Fatal(err)
	}
	want := eager.Kern()
	if want == nil || len(want.Kerning) == 0 {
		t.Fatal("Lato's kern table read empty")
	}

	var lazy core.TTFParser
	lazy.SetUseKerning(true)
	if err := lazy.ParseFontData(data); err != nil {
		t.Fatal(err)
	}
	copies := make([]core.TTFParser, 8)
	for i := range copies {
		copies[i] = lazy
	}
	got := make([]*core.KernTable, len(copies))
	var wg sync.WaitGroup
	for i := range copies {
		wg.Go(func() { got[i] = copies[i].Kern() })
	}
	wg.Wait()
	for i, k := range got {
		if k != got[0] {
			t.Fatalf("copy %d read a kern table of its own", i)
		}
	}
	if !reflect.DeepEqual(got[0], want) {
		t.Fatal("the lazily read kern table differs from the eager one")
	}
	if lazy.Kern() != got[0] {
		t.Fatal("the parser and its copies do not share the table")
	}

	var off core.TTFParser // kerning off: no table
	if err := off.ParseFontData(data); err != nil {
		t.Fatal(err)
	}
	if off.Kern() != nil {
		t.Fatal("a kern table without UseKerning")
	}
}

// TestKernedText: "AV" is kerned in Lato; the text drawn with kerning
// differs from the text drawn without (the lazy table is looked up).
func TestKernedText(t *testing.T) {
	doc := func(kern bool) []byte {
		fc := &FontContainer{}
		if err := fc.AddTTFFontWithOption("Lato", testFontPath, TtfOption{UseKerning: kern}); err != nil {
			t.Fatal(err)
		}
		gp := &GoPdf{}
		gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
		gp.SetCompressLevel(0)
		if err := gp.AddTTFFontFromFontContainer("Lato", fc); err != nil {
			t.Fatal(err)
		}
		gp.AddPage()
		if err := gp.SetFont("Lato", "", 20); err != nil {
			t.Fatal(err)
		}
		if err := gp.Text("AVATAR"); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := gp.Write(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if bytes.Equal(doc(true), doc(false)) {
		t.Fatal("kerning changed nothing in AVATAR")
	}
}
