package layout

import (
	"fmt"
	"math"
	"net/url"
	"strings"

	"rsc.io/qr"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/typo"
)

// steps lays out the illustrated steps (the "threat" advice steps): an icon
// on the left of each step's text.
func (l *layouter) steps(b *Box, x, y, w, h float64) {
	d, e := l.job.Design, l.job.Edition
	var steps []content.Step
	for _, s := range e.Advice {
		if s.Situation == content.SituationThreat {
			steps = append(steps, s)
		}
	}
	if len(steps) == 0 {
		l.errorf(b, "no advice step with situation: threat to show")
		return
	}
	ink, accent := d.color(b.Color), d.color(b.Accent)
	role := b.Font
	if role == "" {
		role = Regular
	}
	icon := b.Icon * l.k
	gapX := icon * 0.3
	tw := w - icon - gapX
	paras := make([][]Para, len(steps))
	// A list: each step an item whose body is the icon (a figure) and the
	// text.
	list, icons := l.elem(ElemL, 0, ""), make([]int, len(steps))
	for i, s := range steps {
		spans := []Span{{Text: l.t(s.Keyword), Role: Black, Color: accent, Scale: 1.15}}
		spans = append(spans, Emphasis(" "+l.t(s.Text), role, strongOf(role), ink, 1)...)
		paras[i] = []Para{{Spans: spans, Align: Left, Leading: b.Leading}}
		body := l.elem(ElemLBody, l.elem(ElemLI, list, ""), "")
		icons[i] = l.elem(ElemFigure, body, l.alt(b, "icon_"+s.Icon))
		setSpans(spans, body)
	}
	cut := ""
	rowsHeight := func(s float64) (float64, []float64) {
		cut = ""
		st := setter{l.fonts, s}
		total := 0.0
		hs := make([]float64, len(steps))
		for i := range steps {
			var c string
			hs[i], c = st.measure(paras[i], tw)
			if c != "" {
				cut = c
			}
			total += math.Max(icon, hs[i])
		}
		return total + float64(len(steps)-1)*s*0.8, hs
	}
	maxS, minS := l.sizes(b)
	size, ok, excess := fit(maxS, minS, h, func(s float64) float64 { t, _ := rowsHeight(s); return t })
	if !ok {
		rowsHeight(size)
		l.overflow(b, excess, size*lead(b), cut)
	}
	l.pg.Fitted = append(l.pg.Fitted, Fit{b.ID, size})
	st := setter{l.fonts, size}
	total, hs := rowsHeight(size)
	// Spread the rows over the box when there is room.
	gap := size * 0.8
	if len(steps) > 1 && total < h {
		gap += (h - total) / float64(len(steps)-1)
	}
	cy := y
	for i, s := range steps {
		rowH := math.Max(icon, hs[i])
		l.pg.Shapes = append(l.pg.Shapes, tagShapes(Icon(s.Icon, x, cy+(rowH-icon)/2, icon, accent, d.color("paper"), ink), icons[i])...)
		st.emit(l.pg, st.set(paras[i], tw), x+icon+gapX, cy+(rowH-hs[i])/2, tw)
		cy += rowH + gap
	}
}

// contacts lays out the contacts marked on_posters: a QR code above each
// contact's name, purpose and number, in a grid.
func (l *layouter) contacts(b *Box, x, y, w, h float64) {
	d, e := l.job.Design, l.job.Edition
	var cs []content.Contact
	if b.Show == "card_contacts" {
		cs = e.CardContacts() // the card's youth helplines, chosen in the data
	} else {
		for _, c := range e.Contacts {
			if c.OnPosters {
				cs = append(cs, c)
			}
		}
	}
	if len(cs) == 0 {
		l.errorf(b, "no contact has on_posters: true in %s", e.Code)
		return
	}
	ink, accent := d.color(b.Color), d.color(b.Accent)
	if b.Accent == "" {
		accent = ink
	}
	cols := b.Columns
	if cols <= 0 || cols > len(cs) {
		cols = min(len(cs), 4)
	}
	rows := (len(cs) + cols - 1) / cols
	gapX := w * 0.03
	cw := (w - float64(cols-1)*gapX) / float64(cols)
	qMax := math.Min(b.QR*l.k, cw)
	q := qMax
	// An unverified contact's number, address and QR code are printed only
	// on drafts, which carry the draft band; a published poster keeps its
	// name and purpose (the official poster's words) and nothing to dial.
	details := make([]bool, len(cs))
	paras := make([][]Para, len(cs))
	// A list of contacts: name and purpose, then a link holding the number
	// or address and the QR code.
	list := l.elem(ElemL, 0, "")
	links, qrs := make([]int, len(cs)), make([]int, len(cs))
	for i, c := range cs {
		details[i] = c.Unverified == "" || e.Draft()
		ps := []Para{
			{Spans: []Span{{Text: l.t(c.Name), Role: Black, Color: accent, Scale: 1.25}}, Align: Center, Leading: 1.1},
			{Spans: Emphasis(l.t(c.Purpose), Regular, Bold, ink, 1), Align: Center, SpaceBefore: 0.15, Leading: b.Leading},
		}
		reach := ""
		if !details[i] {
			// nothing to dial
		} else if c.Phone != nil {
			reach = l.t(c.Phone.Display)
			ps = append(ps, Para{Spans: []Span{{Text: reach, Role: Black, Color: ink, Scale: 1.3}}, Align: Center, SpaceBefore: 0.2, Leading: 1.1})
		} else if c.URL != "" {
			reach = ShortURL(c.URL)
			ps = append(ps, Para{Spans: []Span{{Text: reach, Role: Bold, Color: ink, Scale: 0.9}}, Align: Center, SpaceBefore: 0.2, Leading: 1.1})
		}
		paras[i] = ps
		body := l.elem(ElemLBody, l.elem(ElemLI, list, ""), "")
		setSpans(ps[0].Spans, l.elem(ElemP, body, ""))
		setSpans(ps[1].Spans, l.elem(ElemP, body, ""))
		if details[i] {
			links[i] = l.elem(ElemLink, body, linkAlt(l.t(c.Name), reach))
			if len(ps) > 2 {
				setSpans(ps[2].Spans, links[i])
			}
			qrFor := reach // what the QR code opens: the address when there is one
			if c.URL != "" {
				qrFor = ShortURL(c.URL)
			}
			qrs[i] = l.elem(ElemFigure, links[i], l.qrAlt(b, qrFor))
		}
	}
	// The QR code sits left of the text or above it, whichever lets the
	// text be set larger (left when both are equal).
	qrGap := q * 0.1
	var (
		left bool
		tw   float64
		cut  string
	)
	setMode := func(l bool) {
		left, tw = l, cw
		align := Center
		if left {
			tw, align = cw-q-qrGap, Left
		}
		for i := range paras {
			for j := range paras[i] {
				paras[i][j].Align = align
			}
		}
	}
	textW := func(i int) float64 {
		if details[i] {
			return tw
		}
		return cw
	}
	cellHeights := func(s float64) (rh, th []float64) {
		cut = ""
		st := setter{l.fonts, s}
		rh = make([]float64, rows)
		th = make([]float64, len(cs))
		for i := range cs {
			var c string
			th[i], c = st.measure(paras[i], textW(i))
			if c != "" {
				cut = c
			}
			ch := q + qrGap + th[i]
			switch {
			case !details[i]:
				ch = th[i]
			case left:
				ch = math.Max(q, th[i])
			}
			rh[i/cols] = math.Max(rh[i/cols], ch)
		}
		return rh, th
	}
	height := func(s float64) float64 {
		rh, _ := cellHeights(s)
		t := float64(rows-1) * s
		for _, v := range rh {
			t += v
		}
		return t
	}
	maxS, minS := l.sizes(b)
	// Try the QR codes at their design size, then smaller (never under 70 %,
	// still easy to scan), each beside and above the text; keep the first
	// that fits with the largest text.
	var (
		size, excess float64
		ok           bool
		best         = struct {
			q, size float64
			left    bool
		}{-1, 0, false}
	)
	for _, qs := range []float64{1, 0.85, 0.7} {
		q = qMax * qs
		for _, m := range []bool{true, false} {
			setMode(m)
			s, fits, ex := fit(maxS, minS, h, height)
			if fits && s > best.size {
				best.q, best.size, best.left = q, s, m
			}
			if qs == 1 && m {
				size, ok, excess = s, fits, ex // reported if nothing fits
			}
		}
		if best.q > 0 {
			break
		}
	}
	if best.q > 0 {
		q, size, ok = best.q, best.size, true
		setMode(best.left)
	} else {
		q = qMax
		setMode(true)
	}
	if !ok {
		cellHeights(size)
		l.overflow(b, excess, size*lead(b), cut)
	}
	l.pg.Fitted = append(l.pg.Fitted, Fit{b.ID, size})
	st := setter{l.fonts, size}
	rh, th := cellHeights(size)
	cy := y + math.Max(0, (h-height(size))/2)
	for r := 0; r < rows; r++ {
		n := min(cols, len(cs)-r*cols)
		rowW := float64(n)*cw + float64(n-1)*gapX
		cx := x + (w-rowW)/2
		for c := 0; c < n; c++ {
			i := r*cols + c
			k := cs[i]
			target := k.URL
			if target == "" && k.Phone != nil {
				target = "tel:" + strings.NewReplacer(" ", "", "\u00a0", "", ".", "", "-", "").Replace(k.Phone.Dial)
			}
			qx, qy, tx, ty := cx+(cw-q)/2, cy, cx, cy+q+qrGap
			switch {
			case !details[i]:
				tx, ty = cx, cy+(rh[r]-th[i])/2
			case left:
				qx, qy = cx, cy+(rh[r]-q)/2
				tx, ty = cx+q+qrGap, cy+(rh[r]-th[i])/2
			}
			if details[i] {
				l.pg.Shapes = append(l.pg.Shapes, tagShapes(QR(target, qx, qy, q, ink, Color{255, 255, 255}), qrs[i])...)
				l.pg.Links = append(l.pg.Links, Link{X: cx, Y: cy, W: cw, H: rh[r], URL: target, Elem: links[i]})
			}
			st.emit(l.pg, st.set(paras[i], textW(i)), tx, ty, textW(i))
			cx += cw + gapX
		}
		cy += rh[r] + size
	}
}

// linkAlt describes a contact's link: its name and what it opens.
func linkAlt(name, reach string) string {
	name = typo.Plain(name)
	if reach == "" || name == reach {
		return name
	}
	return name + " – " + typo.Plain(reach)
}

// ShortURL prints a URL as its host, without scheme and www.
func ShortURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return s
	}
	return strings.TrimPrefix(u.Host, "www.")
}

// QR draws a QR code (error correction M) for text as vector modules on a
// white square with a quiet zone of two modules, side points wide.
func QR(text string, x, y, side float64, ink, paper Color) []Shape {
	n, runs, err := QRRuns(text)
	if err != nil {
		panic(fmt.Sprintf("layout: QR of %q: %v", text, err)) // URLs are short: cannot happen
	}
	m := side / float64(n+4)
	shapes := []Shape{Rect(x, y, side, side, paper)}
	modules := Shape{Fill: ink}
	for _, r := range runs {
		x0, y0 := x+float64(r.Col+2)*m, y+float64(r.Row+2)*m
		modules.Contours = append(modules.Contours, []Point{{x0, y0}, {x0 + float64(r.Len)*m, y0}, {x0 + float64(r.Len)*m, y0 + m}, {x0, y0 + m}})
	}
	return append(shapes, modules)
}

// QRRun is a horizontal run of dark modules of a QR code.
type QRRun struct{ Row, Col, Len int }

// QRRuns encodes text as a QR code (error correction M) and returns its
// size in modules (without the quiet zone) and its dark modules, one run
// per horizontal stretch, row by row.
func QRRuns(text string) (int, []QRRun, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return 0, nil, err
	}
	n := code.Size
	var runs []QRRun
	for row := 0; row < n; row++ {
		for col := 0; col < n; {
			if !code.Black(col, row) {
				col++
				continue
			}
			start := col
			for col < n && code.Black(col, row) {
				col++
			}
			runs = append(runs, QRRun{row, start, col - start})
		}
	}
	return n, runs, nil
}

// contactsList lays out every contact of the edition grouped by need
// (urgent danger, remove content, report, talk to someone), each with a QR
// code, its number or address, and its hours and cost when the box asks
// for details. Unverified contacts appear only on drafts. Columns: 1 or 2.
func (l *layouter) contactsList(b *Box, x, y, w, h float64) {
	d, e := l.job.Design, l.job.Edition
	ink, accent := d.color(b.Color), d.color(b.Accent)
	if b.Accent == "" {
		accent = ink
	}
	// One group per need, each contact in the group of its first need.
	groups := map[string][]content.Contact{}
	for _, c := range e.Contacts {
		if c.Unverified != "" && !e.Draft() {
			continue
		}
		need := "other"
		if len(c.Needs) > 0 {
			need = c.Needs[0]
		}
		groups[need] = append(groups[need], c)
	}
	type item struct {
		heading bool
		paras   []Para
		target  string
		link    int // its Link element
		qr      int // its QR code's Figure element
	}
	var items []item
	for _, need := range append(append([]string{}, content.Needs...), "other") {
		cs := groups[need]
		if len(cs) == 0 {
			continue
		}
		items = append(items, item{heading: true, paras: []Para{{Spans: []Span{{Text: l.i18n("need_" + need), Role: Black, Color: accent, Scale: 1.25}}, Align: Left, Leading: 1.15}}})
		// Each group: its heading, then a list of its contacts.
		setSpans(items[len(items)-1].paras[0].Spans, l.elem(ElemH2, 0, ""))
		list := l.elem(ElemL, 0, "")
		for _, c := range cs {
			ps := []Para{
				{Spans: []Span{{Text: l.t(c.Name), Role: Black, Color: ink, Scale: 1.1}}, Align: Left, Leading: 1.1},
				{Spans: Emphasis(l.t(c.Purpose), Regular, Bold, ink, 1), Align: Left, Leading: b.Leading},
			}
			target := c.URL
			var reach []string
			if c.Phone != nil {
				reach = append(reach, l.t(c.Phone.Display))
				if target == "" {
					target = "tel:" + strings.NewReplacer(" ", "", "\u00a0", "", ".", "", "-", "").Replace(c.Phone.Dial)
				}
			}
			if c.URL != "" {
				reach = append(reach, ShortURL(c.URL))
			}
			ps = append(ps, Para{Spans: []Span{{Text: strings.Join(reach, " · "), Role: Bold, Color: ink, Scale: 1.1}}, Align: Left, Leading: 1.15})
			if b.Details {
				var det []string
				for _, v := range []string{c.Hours, c.Cost} {
					if v != "" {
						det = append(det, l.t(v))
					}
				}
				if len(det) > 0 {
					ps = append(ps, Para{Spans: []Span{{Text: strings.Join(det, " · "), Role: Regular, Color: ink, Scale: 0.9}}, Align: Left, Leading: b.Leading})
				}
			}
			body := l.elem(ElemLBody, l.elem(ElemLI, list, ""), "")
			setSpans(ps[0].Spans, l.elem(ElemP, body, ""))
			setSpans(ps[1].Spans, l.elem(ElemP, body, ""))
			shown := strings.Join(reach, " · ")
			link := l.elem(ElemLink, body, linkAlt(l.t(c.Name), shown))
			setSpans(ps[2].Spans, link)
			qrFor := shown
			if len(reach) > 0 {
				qrFor = reach[len(reach)-1] // the address when there is one: the QR code opens it
			}
			qr := l.elem(ElemFigure, link, l.qrAlt(b, qrFor))
			for _, p := range ps[3:] {
				setSpans(p.Spans, l.elem(ElemP, body, ""))
			}
			items = append(items, item{paras: ps, target: target, link: link, qr: qr})
		}
	}
	if len(items) == 0 {
		l.errorf(b, "no verified contact in %s", e.Code)
		return
	}
	var (
		cols      int
		cw, q, tw float64
		cut       string
	)
	gapX := w * 0.04
	setCols := func(n int) {
		cols = n
		cw = (w - float64(cols-1)*gapX) / float64(cols)
	}
	// The QR codes keep their design size, and grow with the type when
	// few contacts let it grow (never over a third of the column).
	qrAt := func(s float64) {
		q = math.Min(math.Max(b.QR*l.k, 3.2*s), cw/3)
		tw = cw - q - q*0.15
	}
	// heights of each item at size s, and where the second column starts.
	measure := func(s float64) ([]float64, int, float64) {
		cut = ""
		qrAt(s)
		st := setter{l.fonts, s}
		hs := make([]float64, len(items))
		total := 0.0
		for i, it := range items {
			if it.heading {
				hh, _ := st.measure(it.paras, cw)
				hs[i] = hh + s*0.3
			} else {
				hh, c := st.measure(it.paras, tw)
				if c != "" {
					cut = c
				}
				hs[i] = math.Max(q, hh) + s*0.5
			}
			if i > 0 && it.heading {
				hs[i] += s * 0.5
			}
			total += hs[i]
		}
		split := len(items)
		if cols == 2 {
			acc := 0.0
			for i := range items {
				if acc+hs[i]/2 > total/2 && i > 0 {
					split = i
					break
				}
				acc += hs[i]
			}
			// A column never starts under its group heading's last entry
			// without the heading: move the heading along with it.
			if split > 0 && items[split-1].heading {
				split--
			}
			if split == 0 {
				split = len(items) // a single group stays in the first column
			}
			c1, c2 := 0.0, 0.0
			for i := range items {
				if i < split {
					c1 += hs[i]
				} else {
					c2 += hs[i]
				}
			}
			return hs, split, math.Max(c1, c2)
		}
		return hs, split, total
	}
	maxS, minS := l.sizes(b)
	height := func(s float64) float64 { _, _, t := measure(s); return t }
	// The design's columns, or one column when that lets the type grow
	// larger (an edition with few contacts fills the page instead of
	// leaving it empty).
	setCols(1)
	size, ok, excess := fit(maxS, minS, h, height)
	if b.Columns == 2 {
		one, okOne := size, ok
		setCols(2)
		size, ok, excess = fit(maxS, minS, h, height)
		if okOne && one >= size {
			setCols(1)
			size, ok = one, true
		}
	}
	if !ok {
		measure(size)
		l.overflow(b, excess, size*lead(b), cut)
	}
	l.pg.Fitted = append(l.pg.Fitted, Fit{b.ID, size})
	st := setter{l.fonts, size}
	hs, split, used := measure(size)
	// What room is left is spread between the groups, up to a line each,
	// and the rest centres the list in the box.
	spread, heads := 0.0, 0
	for i, it := range items {
		if it.heading && i != 0 && i != split {
			heads++
		}
	}
	if heads > 0 && used < h {
		spread = math.Min((h-used)/float64(heads), size*1.2)
	}
	cx, cy := x, y+math.Max(0, (h-used-spread*float64(heads))/2)
	top0 := cy
	for i, it := range items {
		if i == split {
			cx, cy = x+cw+gapX, top0
		}
		if it.heading && i != 0 && i != split {
			cy += spread
		}
		top := cy
		if it.heading && i != 0 && i != split {
			top += size * 0.5
		}
		if it.heading {
			st.emit(l.pg, st.set(it.paras, cw), cx, top, cw)
		} else {
			blk := st.set(it.paras, tw)
			rowH := math.Max(q, blk.height)
			l.pg.Shapes = append(l.pg.Shapes, tagShapes(QR(it.target, cx, top+(rowH-q)/2, q, ink, Color{255, 255, 255}), it.qr)...)
			st.emit(l.pg, blk, cx+q*1.15, top+(rowH-blk.height)/2, tw)
			l.pg.Links = append(l.pg.Links, Link{X: cx, Y: top, W: cw, H: rowH, URL: it.target, Elem: it.link})
		}
		cy += hs[i]
	}
}
