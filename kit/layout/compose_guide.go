package layout

import "strings"

// The distributing organisation's guide (the "guide" box): what to print
// and where (one paragraph per design of the kit), how to print at the
// office and at a print shop, and when the contacts were last verified;
// headings and paragraphs in one stack.

func init() { compose(composeGuide, "guide") }

func composeGuide(l *layouter, b *Box, r rect) *composition {
	e, st := l.job.Edition, l.style(b)
	ink, role := st.ink, st.role
	fill := func(s string) string {
		return strings.NewReplacer("{edition}", e.RegionName+" ("+e.LanguageName+")", "{date}", formatDate(l.loc, e.Date())).Replace(s)
	}
	head := func(key string) Block {
		return heading(0, Para{Spans: []Span{{Text: l.i18n(key), Role: Black, Color: st.accent, Scale: 1.25}}, Align: Left, SpaceBefore: 0.9, Leading: 1.15})
	}
	text := func(key string, before float64) Block {
		return paragraph(st.para(b, st.body(fill(l.i18n(key))), before))
	}
	bs := []Block{text("guide_intro", 0)}
	if e.Draft() {
		bs = append(bs, paragraph(st.para(b, []Span{{Text: fill(l.i18n("guide_draft")), Role: Black, Color: Color{180, 20, 20}, Scale: 1}}, 0.5)))
	}
	bs = append(bs, head("guide_what"))
	for _, d := range l.job.Designs {
		if d.Kind == "document" {
			continue
		}
		sizes := make([]string, len(d.Sizes))
		for i, s := range d.Sizes {
			sizes[i] = strings.ToUpper(s)
			if s == "card" {
				sizes[i] = "85 × 55 mm"
			}
		}
		spans := []Span{{Text: l.i18n("design_" + d.ID), Role: Bold, Color: ink, Scale: 1}, {Text: " (" + strings.Join(sizes, ", ") + ") – ", Role: role, Color: ink, Scale: 1}}
		spans = append(spans, st.body(l.i18n("where_"+d.ID))...)
		bs = append(bs, paragraph(st.para(b, spans, 0.35)))
	}
	bs = append(bs, head("guide_how"), text("guide_office", 0), text("guide_print_shop", 0.35))
	bs = append(bs, head("guide_check"))
	for i, p := range l.guideProvenance() {
		bs = append(bs, paragraph(st.para(b, st.body(fill(p)), 0.35*float64(min(i, 1)))))
	}
	bs = append(bs, text("guide_files", 0.35))
	if u := l.job.SiteURL; u != "" {
		dl := ShortSite(u + "downloads/")
		bs = append(bs, paragraph(st.para(b, []Span{{Text: l.i18n("guide_download") + " ", Role: role, Color: ink, Scale: 1}, {Text: dl, Role: Bold, Color: ink, Scale: 1}}, 0.35)))
	}
	return stacked(bs, r, false)
}
