package layout

// Mirrored designs. In a right-to-left edition (its locale's direction: rtl) a
// design is laid out as written and the page is then mirrored about its
// vertical axis, so that every design mirrors from its own data, with no
// code of its own: boxes and columns change sides (the advice on the
// right, the myths on the left), a left-aligned line ends at the right
// edge of its box (its start, in Arabic), the icon of a step and the QR
// code of a contact go to the right of their text, and the step arrows
// point left (arrow). What must read as it was moves whole, unflipped: a
// line of text (its runs keep the visual order the bidi algorithm gave
// them), an icon or a QR code (the shapes of one structure element: a
// mirrored QR code would not scan), a logo, a link area.

// mirror flips a laid-out page side for a right-to-left edition.
func mirror(pg *Page) {
	w := pg.MediaWidth()
	for i := 0; i < len(pg.Texts); {
		j := i + 1
		for j < len(pg.Texts) && pg.Texts[i].line != 0 && pg.Texts[j].line == pg.Texts[i].line {
			j++
		}
		x0, x1 := pg.Texts[i].X, pg.Texts[i].X+pg.Texts[i].Width
		for _, t := range pg.Texts[i:j] {
			x0, x1 = min(x0, t.X), max(x1, t.X+t.Width)
		}
		d := w - x1 - x0
		for k := i; k < j; k++ {
			pg.Texts[k].X += d
		}
		i = j
	}
	for i := 0; i < len(pg.Shapes); {
		j := i + 1
		if pg.Shapes[i].Elem == 0 {
			// Decoration (bands, fills): mirrored.
			for _, c := range pg.Shapes[i].Contours {
				for k := range c {
					c[k].X = w - c[k].X
				}
			}
			i = j
			continue
		}
		for j < len(pg.Shapes) && pg.Shapes[j].Elem == pg.Shapes[i].Elem {
			j++
		}
		first := true
		var x0, x1 float64
		for _, s := range pg.Shapes[i:j] {
			for _, c := range s.Contours {
				for _, p := range c {
					if first {
						x0, x1, first = p.X, p.X, false
					}
					x0, x1 = min(x0, p.X), max(x1, p.X)
				}
			}
		}
		d := w - x1 - x0
		for _, s := range pg.Shapes[i:j] {
			for _, c := range s.Contours {
				for k := range c {
					c[k].X += d
				}
			}
		}
		i = j
	}
	for k := range pg.Images {
		pg.Images[k].X = w - pg.Images[k].X - pg.Images[k].W
	}
	for k := range pg.Links {
		pg.Links[k].X = w - pg.Links[k].X - pg.Links[k].W
	}
}

// arrow is the marker of an advice step: it points along the reading.
func (l *layouter) arrow() string {
	if l.loc.RightToLeft() {
		return "← "
	}
	return "→ "
}
