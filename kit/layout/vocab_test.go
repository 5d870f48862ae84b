package layout

import (
	"fmt"
	"testing"

	"github.com/awarekit/awarekit/kit/vocab"
)

// TestEveryKindComposed: every box kind of the registry (vocab.Kinds) is
// accepted by the design checks and laid out: a box of that kind alone on
// an A4 page prints text inside the box. A kind added to the registry
// without its composer fails here.
func TestEveryKindComposed(t *testing.T) {
	e, ds, tr := loadFixture(t)
	for _, k := range vocab.Kinds {
		t.Run(k.Name, func(t *testing.T) {
			box := fmt.Sprintf("  - id: b\n    show: %s\n    x: 10\n    y: 10\n    w: 190\n    h: 277\n    size: [16, 11]\n", k.Name)
			if k.QR {
				box += "    qr: 20\n"
			}
			if k.Icon {
				box += "    icon: 12\n"
			}
			if k.Sheet {
				box += "    sheet: " + vocab.Sheets[0] + "\n"
			}
			if k.Key {
				box += "    key: advice_heading\n"
			}
			src := "id: one\nsizes: [a4]\ncolors:\n  ink: \"#000000\"\nbackground: white\nboxes:\n" + box
			got, err := LoadDesigns(fstestMap{"one.yaml": src}, "posters")
			if err != nil {
				t.Fatalf("design checks: %v\n%s", err, src)
			}
			pg, err := Layout(fonts(t), Job{Edition: e, Design: got[0], Size: "a4", I18n: tr, Designs: ds, SiteURL: "https://exemple.org/fr-FR/"})
			if pg == nil {
				t.Fatalf("no page: %v", err)
			}
			const mm = 72 / 25.4
			in := 0
			for _, x := range pg.Texts {
				if x.X >= 10*mm-1 && x.X <= 200*mm && x.Y >= 10*mm && x.Y <= 287*mm+1 && x.Text != "" {
					in++
				}
			}
			if in == 0 {
				t.Errorf("a %s box printed no text (%d texts on the page, error %v)", k.Name, len(pg.Texts), err)
			}
		})
	}
}
