package layout

import (
	"testing"

	"github.com/awarekit/awarekit/kit/content"
)

// TestIcons: every icon name of the data format has a drawing that stays in
// its square.
func TestIcons(t *testing.T) {
	for _, name := range content.Icons {
		shapes := Icon(name, 10, 20, 100, Color{200, 0, 0}, Color{255, 255, 255}, Color{0, 0, 0})
		if len(shapes) == 0 {
			t.Errorf("no drawing for icon %q", name)
		}
		for _, s := range shapes {
			for _, c := range s.Contours {
				for _, p := range c {
					if p.X < 10-1e-9 || p.X > 110+1e-9 || p.Y < 20-1e-9 || p.Y > 120+1e-9 {
						t.Errorf("icon %q leaves its square: %v", name, p)
					}
				}
			}
		}
	}
}
