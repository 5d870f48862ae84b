package layout

import (
	"fmt"

	"github.com/awarekit/awarekit/kit/content"
)

// The boxes that list: the advice (its heading, then for each situation
// its intro and the list of its steps), the myths and realities (a list of
// myths, each reality continuing its item) and a sheet (an intro, a list,
// then sections: a heading and a list each).

func init() {
	compose(composeAdvice, "advice")
	compose(composeMyths, "myths")
	compose(composeSheet, "sheet")
}

// boxHeading is a box's heading from an interface string.
func (l *layouter) boxHeading(st style, key string, before float64) Block {
	return heading(0, Para{Spans: []Span{{Text: l.i18n(key), Role: Black, Color: st.accent, Scale: 1.3}}, Align: st.align, SpaceBefore: before, Leading: 1.15})
}

func composeAdvice(l *layouter, b *Box, r rect) *composition {
	e, st := l.job.Edition, l.style(b)
	bs := []Block{l.boxHeading(st, "advice_heading", 0)}
	for _, sit := range []struct{ kind, intro string }{
		{content.SituationThreat, e.Texts.AdviceIntro},
		{content.SituationShared, e.Texts.SharedIntro},
	} {
		bs = append(bs, paragraph(st.para(b, []Span{{Text: l.t(sit.intro), Role: Bold, Color: st.ink, Scale: 1}}, 0.6)))
		var items []Block
		for _, s := range e.Advice {
			if s.Situation != sit.kind {
				continue
			}
			spans := []Span{{Text: l.arrow(), Role: Bold, Color: st.accent, Scale: 1}, {Text: l.t(s.Keyword), Role: Black, Color: st.accent, Scale: 1}}
			spans = append(spans, st.body(" "+l.t(s.Text))...)
			ps := []Para{st.para(b, spans, 0.35)}
			if s.Note != "" {
				ps = append(ps, st.para(b, st.body(l.t(s.Note)), 0.2)) // continues the step
			}
			items = append(items, listItem(1, ps...))
		}
		if len(items) > 0 {
			bs = append(bs, list(items...))
		}
	}
	return stacked(bs, r, false)
}

func composeMyths(l *layouter, b *Box, r rect) *composition {
	e, st := l.job.Edition, l.style(b)
	bs := []Block{l.boxHeading(st, "myths_heading", 0)}
	var items []Block
	for i, m := range e.Myths {
		before := 0.6
		if i == 0 {
			before = 0.5
		}
		items = append(items, listItem(1,
			st.para(b, append([]Span{{Text: l.i18n("myth_label") + " ", Role: Black, Color: st.accent, Scale: 1}}, Emphasis(l.t(m.Myth), Bold, Black, st.ink, 1)...), before),
			// the reality continues the myth's item
			st.para(b, append([]Span{{Text: l.i18n("reality_label") + " ", Role: Black, Color: st.ink, Scale: 1}}, st.body(l.t(m.Reality))...), 0.25),
		))
	}
	if len(items) > 0 {
		bs = append(bs, list(items...))
	}
	return stacked(bs, r, false)
}

func composeSheet(l *layouter, b *Box, r rect) *composition {
	sh, st := l.sheet(b), l.style(b)
	var bs []Block
	if sh.Intro != "" {
		bs = append(bs, paragraph(st.para(b, Emphasis(l.t(sh.Intro), Bold, Black, st.ink, 1), 0)))
	}
	items := func(its []string, before float64) {
		if len(its) == 0 {
			return
		}
		var out []Block
		for i, it := range its {
			mark := "•\u00a0"
			if b.Numbered {
				mark = fmt.Sprintf("%d.\u00a0", i+1)
			}
			spans := append([]Span{{Text: mark, Role: Black, Color: st.accent, Scale: 1}}, st.body(l.t(it))...)
			out = append(out, listItem(1, st.para(b, spans, before)))
		}
		bs = append(bs, list(out...))
	}
	items(sh.Items, 0.45)
	for _, sec := range sh.Sections {
		bs = append(bs, heading(0, Para{Spans: []Span{{Text: l.t(sec.Heading), Role: Black, Color: st.accent, Scale: 1.2}}, Align: st.align, SpaceBefore: 0.8, Leading: 1.15}))
		items(sec.Items, 0.3)
	}
	if p := firstPara(bs); p != nil {
		p.SpaceBefore = 0
	}
	return stacked(bs, r, false)
}
