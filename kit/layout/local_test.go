package layout

import (
	"cmp"
	"io/fs"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/local"
	"github.com/nyaruka/phonenumbers"
)

// The designs every edition can personalise (issue 17).
var personalisable = []string{"la-sextorsion", "c-est-non", "contacts", "bons-reflexes-carte"}

func fullBlock(t *testing.T, region string) *local.Block {
	t.Helper()
	phone := phonenumbers.Format(phonenumbers.GetExampleNumberForType(region, phonenumbers.FIXED_LINE), phonenumbers.NATIONAL)
	b, errs := local.Parse(map[string]string{
		local.FieldName:    "Collège Jean Moulin – Vie scolaire",
		local.FieldRole:    "CPE, infirmière : salle 12",
		local.FieldPhone:   phone,
		local.FieldHours:   "lun.–ven. 8 h–17 h",
		local.FieldAddress: "3 rue des Écoles, 69001 Lyon",
		local.FieldURL:     "https://college-moulin.example.fr/aide",
	}, nil, region)
	if errs != nil {
		t.Fatal(errs)
	}
	return b
}

// TestLocalNothingMoves: without a local block, a design with a local:
// section is laid out exactly as without it.
func TestLocalNothingMoves(t *testing.T) {
	e, ds, tr := loadFixture(t)
	f := fonts(t)
	for _, id := range personalisable {
		d := design(t, ds, id)
		if !d.Personalisable() {
			t.Fatalf("%s declares no local block", id)
		}
		plain := *d
		plain.Local = nil
		for _, size := range d.Sizes {
			a, errA := Layout(f, Job{Edition: e, Design: d, Size: size, I18n: tr, Designs: ds})
			b, errB := Layout(f, Job{Edition: e, Design: &plain, Size: size, I18n: tr, Designs: ds})
			if errA != nil || errB != nil {
				t.Fatal(errA, errB)
			}
			if a.Snapshot() != b.Snapshot() {
				t.Errorf("%s/%s: the local: section changes the poster without a local block", id, size)
			}
		}
	}
}

// TestLocalBlock lays out every personalisable design of the bundled fr-FR
// edition with a full local block (on the card: name, phone and hours): it
// fits, its texts are printed with the line saying who added it, and the
// official texts are all still there, character for character. (Editions
// with longer official texts, fr-LU and the drafts squeezed under their
// band, leave no room on la-sextorsion and c-est-non: personalising them
// fails naming the official box that overflows.)
func TestLocalBlock(t *testing.T) {
	set, ds, _ := loadKit(t, "data")
	f := fonts(t)
	published := 0
	for _, e := range set.Editions {
		if e.Code != "fr-FR" {
			continue
		}
		published++
		tr := i18nFor(t, e)
		for _, id := range personalisable {
			d := design(t, ds, id)
			blk := fullBlock(t, e.Region)
			if id == "bons-reflexes-carte" {
				blk.Role, blk.Address, blk.URL = "", "", ""
			}
			for _, size := range d.Sizes {
				name := e.Code + "/" + id + "/" + size
				plain, err := Layout(f, Job{Edition: e, Design: d, Size: size, I18n: tr, Designs: ds})
				if err != nil {
					t.Fatal(err)
				}
				pg, err := Layout(f, Job{Edition: e, Design: d, Size: size, I18n: tr, Designs: ds, Local: blk})
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				text := flat(pg.PlainText())
				for _, fl := range local.Fields {
					want := blk.Get(fl)
					if fl != local.FieldPhone && fl != local.FieldURL {
						want = flat(strings.ReplaceAll(want, ":", "\u202f:")) // typography: a narrow space before the colon
					}
					if want != "" && !strings.Contains(text, want) {
						t.Errorf("%s: %s %q not printed in\n%s", name, fl, want, text)
					}
				}
				if added := flat(tr["local_added"]); !strings.Contains(text, strings.ReplaceAll(added, "'", "’")) {
					t.Errorf("%s: the line saying who added the block is missing", name)
				}
				// Every official word is still printed, in the same order.
				if got, want := words(official(pg, d, e, size)), words(unbroken(plain)); got != want {
					t.Errorf("%s: the official text changed:\n got %s\nwant %s", name, got, want)
				}
			}
		}
	}
	if published == 0 {
		t.Fatal("no fr-FR edition in data/")
	}
}

// TestLocalTooLong: a text that does not fit at the smallest size is
// reported on its field.
func TestLocalTooLong(t *testing.T) {
	e, ds, tr := loadFixture(t)
	blk := fullBlock(t, "FR")
	blk.Address = strings.Repeat("Bâtiment administratif ", 6)
	_, err := Layout(fonts(t), Job{Edition: e, Design: design(t, ds, "la-sextorsion"), Size: "a4", I18n: tr, Local: blk})
	d, ok := err.(*diag.Error)
	if !ok || len(d.Problems) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	// On the card, the full block is too long.
	_, err = Layout(fonts(t), Job{Edition: e, Design: design(t, ds, "bons-reflexes-carte"), Size: "card", I18n: tr, Local: fullBlock(t, "FR")})
	if err == nil || !strings.Contains(err.Error(), "fr-FR/bons-reflexes-carte/card/local: local_") || !strings.Contains(err.Error(), " at the smallest size") {
		t.Fatalf("the card takes a full block: %v", err)
	}
	p := d.Problems[0]
	if p.Field != local.FieldAddress || !strings.HasPrefix(p.Msg, "too long by ") || !strings.HasSuffix(p.Msg, " at the smallest size") || p.File != "fr-FR/la-sextorsion/a4/local" {
		t.Fatalf("got %+v", p)
	}
}

func TestLocalDesignChecks(t *testing.T) {
	base := "id: x\nsizes: [a4]\nboxes:\n  - {id: a, show: title, x: 10, y: 10, w: 100, h: 20, size: [20, 12]}\n  - {id: b, show: footer, x: 10, y: 280, w: 100, h: 10, size: [8, 7]}\n"
	lbox := "local:\n  box: {id: l, show: local, x: 120, y: 280, w: 80, h: 10, size: [12, 11]}\n"
	for _, c := range []struct{ name, yaml, want string }{
		{"ok", base + "local:\n  box: {id: l, show: local, x: 120, y: 280, w: 80, h: 10, size: [12, 11]}\n", ""},
		{"overlap", base + "local:\n  box: {id: l, show: local, x: 50, y: 280, w: 80, h: 10, size: [12, 11]}\n", "posters/x.yaml: local.l: overlaps box b"},
		{"duplicate id", base + "local:\n  box: {id: a, show: local, x: 120, y: 280, w: 80, h: 10, size: [12, 11]}\n", `posters/x.yaml: local.box.id: duplicate box id "a"`},
		{"replacement overlaps", base + "local:\n  box: {id: l, show: local, x: 120, y: 280, w: 80, h: 10, size: [12, 11]}\n  replace:\n    - {id: b, show: footer, x: 10, y: 5, w: 100, h: 10, size: [8, 7]}\n", "posters/x.yaml: local.b: overlaps box a"},
		{"replace makes room", base + "local:\n  box: {id: l, show: local, x: 50, y: 280, w: 80, h: 10, size: [12, 11]}\n  replace:\n    - {id: b, show: footer, x: 10, y: 280, w: 30, h: 10, size: [8, 7]}\n", ""},
		{"unknown replace", base + "local:\n  box: {id: l, show: local, x: 120, y: 280, w: 80, h: 10, size: [12, 11]}\n  replace:\n    - {id: z, show: footer, x: 10, y: 200, w: 30, h: 10, size: [8, 7]}\n", `posters/x.yaml: local.replace[0].id: "z" is not a box of the front`},
		{"too small", base + "local:\n  box: {id: l, show: local, x: 120, y: 280, w: 80, h: 10, size: [9, 8]}\n", "posters/x.yaml: local.l.size: the minimum 8.0 pt on a4 is under the 11.0 pt readable there"},
		{"not local", base + "local:\n  box: {id: l, show: title, x: 120, y: 280, w: 80, h: 10, size: [12, 11]}\n", "posters/x.yaml: local.box.show: must be local"},
		{"no back", base + "local:\n  side: back\n  box: {id: l, show: local, x: 120, y: 280, w: 80, h: 10, size: [12, 11]}\n", "posters/x.yaml: local.side: back: the design has no back"},
		{"fallback drops what it covers", base + lbox + "  fallback:\n    box: {id: l, show: local, x: 10, y: 280, w: 100, h: 10, size: [12, 11]}\n    drop: [b]\n", ""},
		{"fallback overlaps", base + lbox + "  fallback:\n    box: {id: l, show: local, x: 10, y: 280, w: 100, h: 10, size: [12, 11]}\n", "posters/x.yaml: local.fallback.l: overlaps box b"},
		{"unknown drop", base + lbox + "  drop: [z]\n", `posters/x.yaml: local.drop[0]: "z" is not a box of the front`},
		{"fallback of a fallback", base + lbox + "  fallback:\n    box: {id: l, show: local, x: 120, y: 100, w: 80, h: 10, size: [12, 11]}\n    fallback:\n      box: {id: l, show: local, x: 120, y: 120, w: 80, h: 10, size: [12, 11]}\n", "posters/x.yaml: local.fallback.fallback: a fallback has no fallback of its own"},
		{"fallback too small", base + lbox + "  fallback:\n    box: {id: l, show: local, x: 120, y: 100, w: 80, h: 10, size: [9, 8]}\n", "posters/x.yaml: local.fallback.l.size: the minimum 8.0 pt on a4 is under the 11.0 pt readable there"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := LoadDesigns(fstestMap{"x.yaml": c.yaml}, "posters")
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != c.want {
				t.Fatalf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// official is the page's text without the local block's lines.
func official(pg *Page, d *Design, e *content.Edition, size string) string {
	k := d.Scale(size) * mm
	band := 0.0
	if e.Draft() {
		band = pg.Height * draftBand
	}
	ky := k * (pg.Height - band) / pg.Height
	b := d.Local.Box
	x0, y0, x1, y1 := b.X*k, band+b.Y*ky, (b.X+b.W)*k, band+(b.Y+b.H)*ky
	side := pg
	if d.Local.Side == "back" {
		side = pg.Back
	}
	var kept []Text
	for _, t := range side.Texts {
		if t.X >= x0-1e-6 && t.X <= x1 && t.Y >= y0 && t.Y <= y1 || breakHyphen(t) {
			continue
		}
		kept = append(kept, t)
	}
	cp := *side
	cp.Texts = kept
	if side == pg {
		return flat(unbroken(&cp))
	}
	front := *pg
	front.Back = &cp
	return flat(unbroken(&front))
}

func i18nFor(t *testing.T, e *content.Edition) map[string]string {
	t.Helper()
	tr, _ := fs.Sub(awarekit.Defaults, "i18n")
	m, err := i18n.Load(tr, "i18n", e.Language, e.Code)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// breakHyphen reports whether t is the hyphen drawn where a word was
// broken at a line end (a run outside the structure): not a character of
// the text, and where it falls depends on the box's width.
func breakHyphen(t Text) bool { return t.Elem == 0 && t.Text == "-" }

// unbroken is the page's text without the hyphens of words broken at
// line ends.
func unbroken(p *Page) string {
	cp := *p
	cp.Texts = nil
	for _, t := range p.Texts {
		if !breakHyphen(t) {
			cp.Texts = append(cp.Texts, t)
		}
	}
	if p.Back != nil {
		b := *p.Back
		b.Texts = nil
		for _, t := range p.Back.Texts {
			if !breakHyphen(t) {
				b.Texts = append(b.Texts, t)
			}
		}
		cp.Back = &b
	}
	return cp.PlainText()
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// words is the text without any space: line breaks fall elsewhere when a
// box is narrower, the characters must stay the same.
func words(s string) string { return strings.Join(strings.Fields(s), "") }

// TestLocalStructure: the local block is read after the side's official
// boxes: its logo a figure named after the organisation, each printed
// paragraph a paragraph, the ones holding the phone and the URL links
// described by the name and what they open, their areas the links'.
func TestLocalStructure(t *testing.T) {
	e, ds, tr := loadFixture(t)
	blk := fullBlock(t, "FR")
	blk.Logo, blk.LogoSize = []byte("logo"), [2]int{200, 100}
	for _, c := range []struct{ design, size, want string }{
		{"contacts", "a4", "Figure [Collège Jean Moulin – Vie scolaire]\n" +
			"P Collège Jean Moulin – Vie scolaire\n" +
			"P CPE, infirmière\u00a0: salle 12\n" +
			"Link [Collège Jean Moulin – Vie scolaire – 01 23 45 67 89] 01 23 45 67 89\u00a0· lun.–ven. 8\u00a0h–17\u00a0h\n" +
			"Link [Collège Jean Moulin – Vie scolaire – https://college-moulin.example.fr/aide] 3 rue des Écoles, 69001 Lyon\u00a0· https://college-moulin.example.fr/aide\n" +
			"P Contact ajouté par l’organisme diffuseur, non vérifié par l’éditeur.\n"},
	} {
		pg, err := Layout(fonts(t), Job{Edition: e, Design: design(t, ds, c.design), Size: c.size, I18n: tr, Designs: ds, Local: blk})
		if err != nil {
			t.Fatal(err)
		}
		got := pg.StructText()
		if !strings.HasSuffix(got, c.want) {
			t.Errorf("%s/%s: the structure does not end with the local block:\n%s", c.design, c.size, got)
		}
		for _, im := range pg.Images {
			if im.Elem == 0 || pg.Elems[im.Elem-1].Kind != ElemFigure {
				t.Errorf("%s: the logo is not a figure", c.design)
			}
		}
		links := 0
		for _, k := range pg.Links {
			if k.URL == "tel:"+blk.Dial || k.URL == blk.URL {
				links++
				if k.Elem == 0 || pg.Elems[k.Elem-1].Kind != ElemLink || !strings.HasPrefix(pg.Elems[k.Elem-1].Alt, "Collège") {
					t.Errorf("%s: the local link to %s is not its Link element", c.design, k.URL)
				}
			}
		}
		if links != 2 {
			t.Errorf("%s: %d local links, want 2", c.design, links)
		}
	}
}

// TestLocalTakesWhatItNeeds: a local block takes the height its text
// needs, from the bottom of its box up, and the official box it replaces
// grows down by as much. So an advice column long enough that a six-line
// block leaves it no room still fits beside a block of a name alone; a
// block with a logo stays at least localLogoFloor high.
func TestLocalTakesWhatItNeeds(t *testing.T) {
	e, ds, tr := loadFixture(t)
	f := fonts(t)
	d := design(t, ds, "la-sextorsion")
	// The place beside the advice only: no fallback (TestLocalFallback).
	cp, spec := *d, *d.Local
	spec.Fallback = nil
	cp.Local = &spec
	d = &cp
	if e.Draft() {
		t.Fatal("the fixture edition is a draft: its page is squeezed under the band")
	}
	short, errs := local.Parse(map[string]string{local.FieldName: "Collège Jean Moulin"}, nil, e.Region)
	if errs != nil {
		t.Fatal(errs)
	}
	full := fullBlock(t, e.Region)
	// The local block's frame: the shape of its fill colour in its column.
	frame := func(pg *Page) (top, bottom float64) {
		t.Helper()
		soft := d.color(d.Local.Box.Fill)
		for _, s := range pg.Shapes {
			c := s.Contours[0]
			if s.Fill == soft && math.Abs(c[0].X-d.Local.Box.X*mm) < 0.01 && math.Abs(c[1].X-c[0].X-d.Local.Box.W*mm) < 0.01 {
				return c[0].Y, c[2].Y
			}
		}
		t.Fatal("no local block frame")
		return 0, 0
	}
	lay := func(e *content.Edition, b *local.Block) (*Page, error) {
		return Layout(f, Job{Edition: e, Design: d, Size: "a4", I18n: tr, Designs: ds, Local: b})
	}
	pgShort, err := lay(e, short)
	if err != nil {
		t.Fatal(err)
	}
	pgFull, err := lay(e, full)
	if err != nil {
		t.Fatal(err)
	}
	sTop, sBottom := frame(pgShort)
	fTop, fBottom := frame(pgFull)
	want := (d.Local.Box.Y + d.Local.Box.H) * mm
	if math.Abs(sBottom-want) > 0.01 || math.Abs(fBottom-want) > 0.01 {
		t.Errorf("the block's bottom moved: %.2f, %.2f pt, want %.2f", sBottom, fBottom, want)
	}
	t.Logf("the block is %.1f mm high with a name, %.1f mm with six fields (declared %.0f mm)", (sBottom-sTop)/mm, (fBottom-fTop)/mm, d.Local.Box.H)
	if d.Local.Box.Y*mm-0.01 > fTop || fTop >= sTop-10*mm {
		t.Errorf("a name alone (top at %.1f mm) should take at least 10 mm less than six fields (%.1f mm), within the box (from %.1f mm)", sTop/mm, fTop/mm, d.Local.Box.Y)
	}
	// A logo: at least localLogoFloor high (the frame holds the padding).
	logo := *short
	logo.Logo, logo.LogoSize = []byte("logo"), [2]int{200, 100} // layout only places it
	pgLogo, err := lay(e, &logo)
	if err != nil {
		t.Fatal(err)
	}
	if lTop, lBottom := frame(pgLogo); lBottom-lTop < (localLogoFloor+2*d.Local.Box.Padding)*mm-0.01 {
		t.Errorf("with a logo the block is %.1f mm high, under %d mm", (lBottom-lTop)/mm, localLogoFloor)
	}
	// Lengthen the advice until six fields no longer leave it room: a name
	// alone still does.
	long := *e
	long.Advice = slices.Clone(e.Advice)
	for i := 0; ; i++ {
		if i == 200 {
			t.Fatal("the advice never overflowed")
		}
		last := &long.Advice[len(long.Advice)-1]
		last.Text += " Gardez les preuves."
		if _, err := lay(&long, full); err != nil {
			if !strings.Contains(err.Error(), "/advice: overflows by") {
				t.Fatalf("want the advice to overflow: %v", err)
			}
			break
		}
	}
	if _, err := lay(&long, short); err != nil {
		t.Errorf("a name alone leaves the advice no room either: %v", err)
	}
}

// TestLocalFallback: when the official text has no room beside even the
// smallest block, the block goes to the design's fallback place (on
// la-sextorsion the site band's, which a personalised poster leaves
// empty), the official text as without a block, word for word; a block
// too long for that place is reported on its own field, not as the
// official text's overflow.
func TestLocalFallback(t *testing.T) {
	e, ds, tr := loadFixture(t)
	f := fonts(t)
	d := design(t, ds, "la-sextorsion")
	fb := d.Local.Fallback
	if fb == nil {
		t.Fatal("la-sextorsion has no fallback place")
	}
	short, errs := local.Parse(map[string]string{local.FieldName: "Collège Jean Moulin", local.FieldRole: "CPE, salle 12"}, nil, e.Region)
	if errs != nil {
		t.Fatal(errs)
	}
	lay := func(e *content.Edition, b *local.Block) (*Page, error) {
		return Layout(f, Job{Edition: e, Design: d, Size: "a4", I18n: tr, Designs: ds, Local: b})
	}
	// Lengthen the advice until a name and a role leave it no room beside
	// them (the poster without a block still fits).
	long := *e
	long.Advice = slices.Clone(e.Advice)
	primary, spec := *d, *d.Local
	spec.Fallback = nil
	primary.Local = &spec
	for i := 0; ; i++ {
		if i == 200 {
			t.Fatal("the advice never overflowed beside the block")
		}
		long.Advice[len(long.Advice)-1].Text += " Gardez les preuves."
		if _, err := Layout(f, Job{Edition: &long, Design: &primary, Size: "a4", I18n: tr, Designs: ds, Local: short}); err != nil {
			break
		}
	}
	plain, err := Layout(f, Job{Edition: &long, Design: d, Size: "a4", I18n: tr, Designs: ds})
	if err != nil {
		t.Fatalf("the lengthened advice does not fit without a block either: %v", err)
	}
	pg, err := lay(&long, short)
	if err != nil {
		t.Fatalf("the fallback place was not taken: %v", err)
	}
	// The block's text is in the fallback place.
	found := false
	for _, tx := range pg.Texts {
		if strings.Contains(tx.Text, "Moulin") {
			found = true
			if tx.Y < fb.Box.Y*mm || tx.Y > (fb.Box.Y+fb.Box.H)*mm || tx.X < fb.Box.X*mm-0.01 || tx.X > (fb.Box.X+fb.Box.W)*mm {
				t.Errorf("the name at (%.1f, %.1f) mm, outside the fallback box", tx.X/mm, tx.Y/mm)
			}
		}
	}
	if !found {
		t.Fatal("the block's name is not printed")
	}
	at := *d
	at.Local = fb
	if got, want := words(official(pg, &at, &long, "a4")), words(unbroken(plain)); got != want {
		t.Errorf("the official text changed:\n got %s\nwant %s", got, want)
	}
	// The place is compact: a name, then the role, the phone and the
	// hours on one line, fit.
	four := fullBlock(t, e.Region)
	four.Address, four.URL = "", ""
	if pg, err := lay(&long, four); err != nil {
		t.Errorf("a name, a role, a phone and hours in the fallback place: %v", err)
	} else {
		var line string
		for _, tx := range pg.Texts {
			if strings.Contains(tx.Text, four.Phone) {
				for _, o := range pg.Texts {
					if math.Abs(o.Y-tx.Y) < 0.5 {
						line += o.Text
					}
				}
			}
		}
		if !strings.Contains(line, "CPE") || !strings.Contains(line, "lun.") {
			t.Errorf("the role, the phone and the hours are not on one line: %q", line)
		}
		// Only the number is the tel: link, not the role beside it.
		for _, ln := range pg.Links {
			if strings.HasPrefix(ln.URL, "tel:") && ln.W > fb.Box.W*mm/2 {
				t.Errorf("the tel: link is %.1f mm wide, the whole line", ln.W/mm)
			}
		}
	}
	// Too long there, with a long role and short hours: the role is named.
	longRole := *four
	longRole.Role, longRole.Hours = "Conseillère principale d'éducation, salle 12", "lun."
	if _, err := lay(&long, &longRole); err == nil || !strings.Contains(err.Error(), "local_role: too long by") {
		t.Errorf("a long role in the fallback place: %v", err)
	}
	// Six fields do not fit there: the problem is the block's.
	_, err = lay(&long, fullBlock(t, e.Region))
	if err == nil || officialOverflow(err) || !strings.Contains(err.Error(), "at the smallest size") {
		t.Errorf("a full block in the fallback place: %v", err)
	}
}

// TestLocalArabic: on an Arabic poster what the organisation typed reads
// as written: a French address keeps its number first ("3 rue des
// Écoles…", not "rue des Écoles… 3"), an Arabic role reads right to left.
func TestLocalArabic(t *testing.T) {
	set, ds, _ := loadKit(t, "data")
	e := set.Edition("ar-FR")
	if e == nil {
		t.Fatal("no ar-FR edition in data/")
	}
	blk, errs := local.Parse(map[string]string{
		local.FieldName:    "Collège Jean Moulin",
		local.FieldRole:    "مستشار التربية",
		local.FieldAddress: "3 rue des Écoles, 69001 Lyon",
	}, nil, e.Region)
	if errs != nil {
		t.Fatal(errs)
	}
	pg, err := Layout(fonts(t), Job{Edition: e, Design: design(t, ds, "la-sextorsion"), Size: "a4", I18n: i18nFor(t, e), Designs: ds, Local: blk})
	if err != nil {
		t.Fatal(err)
	}
	// The runs of the address's line, from the left.
	var line []Text
	for _, tx := range pg.Texts {
		if strings.Contains(tx.Text, "Écoles") {
			for _, o := range pg.Texts {
				if math.Abs(o.Y-tx.Y) < 0.5 {
					line = append(line, o)
				}
			}
		}
	}
	slices.SortFunc(line, func(a, b Text) int { return cmp.Compare(a.X, b.X) })
	var got strings.Builder
	for _, tx := range line {
		got.WriteString(tx.Text)
	}
	if s := strings.Join(strings.Fields(got.String()), " "); !strings.HasPrefix(s, "3 rue des Écoles") {
		t.Errorf("the address reads %q from the left", s)
	}
}
