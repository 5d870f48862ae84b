package site

import (
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/typo"
)

// provOf is the provenance of one fact, for the templates.
func provOf(loc *typo.Locale, e *content.Edition, source string, v *content.Verification, unverified string) prov {
	p := prov{State: "sourced", Verified: verifiedOn(v)}
	switch {
	case unverified != "":
		p.State = "unverified"
	case v != nil:
		p.State = "verified"
	}
	if e.Draft() {
		p.Verified = "" // nothing on a draft says verified: its band says it is not
	}
	if s, ok := e.SourceByID(source); ok {
		p.Source = loc.Apply(s.Name())
		if d, err := content.ParseSourceDate(s.Date); err == nil {
			p.Year, p.Month, p.Day = d.Year, d.Month, d.Day
			p.Date = loc.Apply(loc.Date(d.Year, d.Month, d.Day))
		}
	}
	return p
}

func verifiedOn(v *content.Verification) string {
	if v == nil {
		return ""
	}
	return v.Date.String()
}

// factSources are the sources of the facts the edition's site shows as
// fact (the emergency number and the contacts, sourced or verified), once
// each, in the order of edition.yaml.
func factSources(loc *typo.Locale, e *content.Edition) []prov {
	used := map[string]bool{}
	for _, f := range e.Facts() {
		if f.Unverified == "" || e.Draft() {
			used[f.Source] = true
		}
	}
	ps := []prov{}
	for _, s := range e.Sources {
		if used[s.ID] {
			ps = append(ps, provOf(loc, e, s.ID, nil, ""))
		}
	}
	return ps
}

// draftless is the verification date the site may print: none on a draft.
func draftless(e *content.Edition, v *content.Verification) string {
	if e.Draft() {
		return ""
	}
	return verifiedOn(v)
}
