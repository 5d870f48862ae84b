package verify

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/testkit"
)

func fixture(t *testing.T) *content.Edition {
	set, err := content.Load(os.DirFS(filepath.Join(testkit.Root(), "testdata", "valid")), "data")
	if err != nil {
		t.Fatal(err)
	}
	return set.Edition("fr-FR")
}

func TestChecklist(t *testing.T) {
	e := fixture(t)
	gs := Checklist(e)
	var got []string
	for _, g := range gs {
		for _, it := range g.Items {
			got = append(got, g.Fact.ID+" "+it.What+" "+it.Value)
		}
	}
	want := []string{"emergency phone 112", "pharos url https://www.internet-signalement.gouv.fr/PharosS1/",
		"num-3018 phone 3018", "num-3018 hours 7 j/7 de 9 h à 23 h", "num-3018 cost Gratuit"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if u := URLs(gs); len(u) != 1 || u[0] != "https://www.internet-signalement.gouv.fr/PharosS1/" {
		t.Errorf("URLs: %v", u)
	}
	// Markup in the data stays text in the Markdown.
	e.Contacts[1].Name = "3018 **[click](https://evil.example)**"
	md := string(Markdown(e, Checklist(e)))
	if !strings.Contains(md, `## 3018 \*\*\[click\](https://evil.example)\*\*`) {
		t.Errorf("the name is not escaped:\n%s", md)
	}
}

// TestDocumentPages: a long checklist flows over several pages, each line
// inside the margins, each page numbered.
func TestDocumentPages(t *testing.T) {
	e := fixture(t)
	for i := 0; i < 40; i++ {
		c := e.Contacts[1]
		c.ID = c.ID + "-" + string(rune('a'+i%26))
		e.Contacts = append(e.Contacts, c)
	}
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	doc := layout.Document(fonts, "t", "a", Paras(e, Checklist(e)), 10)
	n := 0
	for p := doc; p != nil; p = p.Back {
		n++
	}
	if n < 3 {
		t.Fatalf("%d pages for 42 contacts", n)
	}
	i := 0
	for p := doc; p != nil; p = p.Back {
		i++
		last := p.Texts[len(p.Texts)-1].Text
		if want := strconv.Itoa(i) + " / " + strconv.Itoa(n); last != want {
			t.Errorf("page %d ends with %q, want its number %q", i, last, want)
		}
		for _, tx := range p.Texts {
			if tx.Y > p.Height-20 || tx.Y < 40 || tx.X+tx.Width > p.Width-50 {
				t.Errorf("page %d: %q at (%.0f, %.0f) is outside the margins", i, tx.Text, tx.X, tx.Y)
			}
		}
	}
}
