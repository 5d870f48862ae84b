package layout

import (
	"slices"
	"strconv"
	"strings"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/i18n"
)

// The provenance a poster prints says exactly what was done: the facts on
// it were copied from sources ("Sources : guide OFMIN (mars 2024)"); they
// were checked against the live services only where a verification record
// exists ("vérifié le …"); a draft says "non vérifié".

// posterFacts are the facts the poster prints as fact (number, address or
// QR code), front and back: the contacts of its contact boxes whose
// details are printed, and the emergency number of its footer.
func (l *layouter) posterFacts() []content.Fact {
	e, d := l.job.Edition, l.job.Design
	boxes := slices.Clone(d.Boxes)
	if d.Back != nil {
		boxes = append(boxes, d.Back.Boxes...)
	}
	show := map[string]bool{}
	for _, b := range boxes {
		show[b.Show] = true
	}
	var out []content.Fact
	for _, f := range e.Facts() {
		printed := f.Unverified == "" || e.Draft()
		switch f.Kind {
		case "emergency":
			printed = printed && show["footer"]
		case "contact":
			c := e.Contacts[f.Index]
			printed = printed && (show["contacts_list"] || show["contacts"] && c.OnPosters)
		default:
			printed = false
		}
		if printed {
			out = append(out, f)
		}
	}
	return out
}

// editionFacts are every fact the edition prints as fact, for the guide.
func editionFacts(e *content.Edition) []content.Fact {
	var out []content.Fact
	for _, f := range e.Facts() {
		if f.Unverified == "" || e.Draft() {
			out = append(out, f)
		}
	}
	return out
}

// sourcesOf names the sources of the facts, once each, in the order of
// edition.yaml, each with its date: "guide OFMIN (mars 2024)".
func (l *layouter) sourcesOf(facts []content.Fact) string {
	used := map[string]bool{}
	for _, f := range facts {
		used[f.Source] = true
	}
	var names []string
	for _, s := range l.job.Edition.Sources {
		if !used[s.ID] {
			continue
		}
		n := l.t(s.Name())
		if d := l.sourceDate(s.Date); d != "" {
			n += " (" + d + ")"
		}
		names = append(names, n)
	}
	return l.loc.List(names)
}

// sourceDate writes a source's date at its own precision, in the
// edition's language (i18n/locale/<lang>.yaml): 2017, mars 2024,
// 17 décembre 2025.
func (l *layouter) sourceDate(s string) string {
	d, err := content.ParseSourceDate(s)
	if err != nil {
		return ""
	}
	if d.Month == 0 {
		return strconv.Itoa(d.Year)
	}
	return l.t(l.loc.Date(d.Year, d.Month, d.Day))
}

// oldestVerification returns the date of the oldest verification when
// every fact has one, and "" otherwise: "vérifié le" is printed only when
// it is true of every fact on the page.
func oldestVerification(facts []content.Fact) content.Date {
	var oldest content.Date
	for _, f := range facts {
		v := f.Verification
		if v == nil || f.Unverified != "" {
			return content.Date{}
		}
		if oldest.IsZero() || v.Date.Time().Before(oldest.Time()) {
			oldest = v.Date
		}
	}
	return oldest
}

// provenanceLine is the footer's text: "Sources : … · vérifié le … ·
// publisher", and "Non vérifié" first on a draft.
func (l *layouter) provenanceLine() string {
	e := l.job.Edition
	facts := l.posterFacts()
	var parts []string
	if e.Draft() {
		parts = append(parts, l.i18n("not_verified"))
	}
	if src := l.sourcesOf(facts); src != "" {
		parts = append(parts, l.i18n("sources_label")+" "+src)
	}
	if d := oldestVerification(facts); !d.IsZero() && len(facts) > 0 && !e.Draft() {
		parts = append(parts, l.i18n("verified_on")+" "+formatDate(l.loc, d))
	}
	parts = append(parts, l.t(e.Publisher))
	return strings.Join(parts, " · ")
}

// guideProvenance is the guide's paragraph on where the numbers come from,
// and on the verifications when there are any.
func (l *layouter) guideProvenance() []string {
	e := l.job.Edition
	facts := editionFacts(e)
	out := []string{strings.ReplaceAll(l.i18n("guide_sources"), "{sources}", l.sourcesOf(facts))}
	n := 0
	var oldest content.Date
	for _, f := range facts {
		if v := f.Verification; v != nil {
			n++
			if oldest.IsZero() || v.Date.Time().Before(oldest.Time()) {
				oldest = v.Date
			}
		}
	}
	if n > 0 && !e.Draft() {
		out = append(out, strings.NewReplacer("{count}", strconv.Itoa(n), "{total}", strconv.Itoa(len(facts)), "{date}", formatDate(l.loc, oldest)).Replace(l.i18n("guide_verified")))
	}
	return out
}

// FooterLine is the provenance line the footer of the job's poster prints
// (for tools that reproduce a poster, such as the benchmark's exporter).
func FooterLine(j Job) string {
	loc := j.Locale
	if loc == nil {
		loc = i18n.DefaultLocale(j.Edition.Language)
	}
	l := &layouter{job: j, lang: j.Edition.Language, loc: loc}
	return l.provenanceLine()
}
