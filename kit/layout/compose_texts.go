package layout

import "slices"

// The boxes that show one text of the edition (texts.yaml, a sheet's
// title) or one interface string (label): a title-like box's text is its
// heading (H1 for the poster's title), the others a paragraph; title-like
// boxes and the short calls are centred in the box's height.

func init() {
	compose(composeText, "title", "definition", "warning", "slogan", "question", "call_to_action", "sheet_title", "label")
}

// centred are the kinds whose text is centred vertically when it leaves
// room.
var centred = []string{"title", "slogan", "question", "call_to_action", "warning", "sheet_title", "label"}

func composeText(l *layouter, b *Box, r rect) *composition {
	e, st := l.job.Edition, l.style(b)
	var text []Span
	switch b.Show {
	case "title", "definition", "warning", "slogan", "question", "call_to_action":
		// One text of texts.yaml, named as the kind.
		text = st.body(l.t(e.Texts.Text(b.Show)))
	case "sheet_title":
		text = st.body(l.t(l.sheet(b).Title))
	case "label":
		text = []Span{{Text: l.i18n(b.Key), Role: st.role, Color: st.ink, Scale: 1}}
	}
	blk := paragraph(st.para(b, text, 0))
	if slices.Contains(titleShows, b.Show) {
		blk.Kind = BlockHeading // the box's own level
	}
	return stacked([]Block{blk}, r, slices.Contains(centred, b.Show))
}
