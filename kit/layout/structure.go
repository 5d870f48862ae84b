package layout

import (
	"fmt"
	"slices"
	"strings"

	"github.com/awarekit/awarekit/kit/typo"
)

// The page's logical structure (Page.Elems): what each drawn item is
// (heading, paragraph, list item, figure, link, or decoration) and the
// order in which it is read. The reading order is the design's
// (reading_order:, or the order of its boxes), never guessed from
// positions; inside a box it is the order of its content.

// titleShows are the box kinds whose text is a heading.
var titleShows = []string{"title", "slogan", "sheet_title", "label"}

// ReadingOrder returns the ids of boxes in the order they are read: the
// explicit list when there is one, else the boxes' order.
func ReadingOrder(explicit []string, boxes []Box) []string {
	if len(explicit) > 0 {
		return explicit
	}
	ids := make([]string, len(boxes))
	for i, b := range boxes {
		ids[i] = b.ID
	}
	return ids
}

// checkReadingOrder checks a side's reading_order: every id one of its
// boxes, each once, none left out.
func checkReadingOrder(where string, order []string, boxes []Box, add func(field, format string, args ...any)) {
	if len(order) == 0 {
		return
	}
	seen := map[string]bool{}
	for i, id := range order {
		f := fmt.Sprintf("%s[%d]", where, i)
		switch {
		case !slices.ContainsFunc(boxes, func(b Box) bool { return b.ID == id }):
			add(f, "%q is not a box of this side", id)
		case seen[id]:
			add(f, "%q is listed twice", id)
		}
		seen[id] = true
	}
	for _, b := range boxes {
		if !seen[b.ID] {
			add(where, "box %q is missing: list every box of the side, in the order it is read", b.ID)
		}
	}
}

// elem adds an element to the page in the current box and returns its
// number (index + 1).
func (l *layouter) elem(kind string, parent int, alt string) int {
	l.pg.Elems = append(l.pg.Elems, Elem{Kind: kind, Parent: parent, Alt: alt, rank: l.rank})
	return len(l.pg.Elems)
}

func setSpans(spans []Span, e int) {
	for i := range spans {
		spans[i].Elem = e
	}
}

func tagShapes(shapes []Shape, e int) []Shape {
	for i := range shapes {
		shapes[i].Elem = e
	}
	return shapes
}

// headingKind is H1 in the poster's title box, H2 elsewhere.
func (l *layouter) headingKind(b *Box) string {
	if !l.back && b.ID == l.h1 {
		return ElemH1
	}
	return ElemH2
}

// alt returns the alternative text of key (an i18n key such as
// icon_stop-hand), with vars replaced; a missing one is a problem of the
// box, reported by check.
func (l *layouter) alt(b *Box, key string, vars ...string) string {
	v := strings.TrimSpace(l.job.I18n[key])
	if v == "" {
		l.errorf(b, "no alternative text: add %s to i18n/%s.yaml", key, l.lang)
		return ""
	}
	return typo.Plain(l.t(strings.NewReplacer(vars...).Replace(v)))
}

// qrAlt is a QR code's alternative text: "Code QR : <what it opens>".
func (l *layouter) qrAlt(b *Box, what string) string {
	return l.alt(b, "poster_qr_alt", "{target}", what)
}

// reorder sorts the page's elements into reading order (by their box's
// place in it; inside a box, in the order they were made, parents first)
// and renumbers every reference to them.
func (l *layouter) reorder() {
	pg := l.pg
	idx := make([]int, len(pg.Elems))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return pg.Elems[a].rank - pg.Elems[b].rank })
	num := make([]int, len(pg.Elems)+1) // old number → new number
	elems := make([]Elem, len(pg.Elems))
	for n, i := range idx {
		num[i+1] = n + 1
		elems[n] = pg.Elems[i]
	}
	for i := range elems {
		elems[i].Parent = num[elems[i].Parent]
	}
	pg.Elems = elems
	for i := range pg.Texts {
		pg.Texts[i].Elem = num[pg.Texts[i].Elem]
	}
	for i := range pg.Shapes {
		pg.Shapes[i].Elem = num[pg.Shapes[i].Elem]
	}
	for i := range pg.Images {
		pg.Images[i].Elem = num[pg.Images[i].Elem]
	}
	for i := range pg.Links {
		pg.Links[i].Elem = num[pg.Links[i].Elem]
	}
}

// SpaceAfter reports whether a space separates run t from run next in the
// text: the layout draws no space at a line's end nor between two runs of
// different styles, but copied or extracted text needs it. It does when
// next belongs to the same element and starts a new line (unless t ends
// in a hyphen or a slash: a word or an address broken there) or is apart
// from it on the same line: further right, or, when either is right to
// left (a line's runs come in reading order, see emitLine), further left.
func SpaceAfter(t, next Text) bool {
	if next.Elem != t.Elem || t.Text == "" || strings.HasSuffix(t.Text, " ") || strings.HasPrefix(next.Text, " ") {
		return false
	}
	if next.Y != t.Y {
		// No space where a word or an address was broken: after a hyphen
		// or a slash, or before the dot or the "@" of an address that had
		// to break there (a line never starts with them otherwise).
		return !strings.HasSuffix(t.Text, "-") && !strings.HasSuffix(t.Text, "/") && !strings.HasSuffix(t.Text, "\u00ad") &&
			!strings.HasPrefix(next.Text, ".") && !strings.HasPrefix(next.Text, "@")
	}
	return next.X > t.X+t.Width+0.01 || (t.RTL || next.RTL) && next.X+next.Width < t.X-0.01
}

// StructText renders the page's structure in reading order: one line per
// element, indented by depth, with its kind, its alternative text in
// brackets and its text exactly as a reader extracts it (its runs, with the
// spaces SpaceAfter adds), for tests and golden files. The back page
// follows.
func (p *Page) StructText() string {
	var b strings.Builder
	for q := p; q != nil; q = q.Back {
		text := make([]strings.Builder, len(q.Elems)+1)
		for i, t := range q.Texts {
			w := &text[t.Elem]
			w.WriteString(t.Text)
			if i+1 < len(q.Texts) && SpaceAfter(t, q.Texts[i+1]) {
				w.WriteByte(' ')
			}
		}
		depth := make([]int, len(q.Elems)+1)
		for i, e := range q.Elems {
			depth[i+1] = depth[e.Parent] + 1
			fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth[i+1]-1), e.Kind)
			if e.Alt != "" {
				fmt.Fprintf(&b, " [%s]", e.Alt)
			}
			if t := strings.Trim(text[i+1].String(), " "); t != "" {
				fmt.Fprintf(&b, " %s", t)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}
