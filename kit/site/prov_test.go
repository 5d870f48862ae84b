package site

import (
	"testing"

	"github.com/awarekit/awarekit/kit/content"
)

// TestProvenanceModel: the view model carries each fact's source with its
// date, a verification date only with a record and never on a draft, the
// claims from the contact's own fields, and leaves out of a published site
// a number for immediate danger that no source gives.
func TestProvenanceModel(t *testing.T) {
	yes := true
	e := &content.Edition{Code: "fr-FR", Language: "fr", Status: content.StatusPublished,
		Sources:   []content.Source{{ID: "s", Title: "Guide", Short: "guide OFMIN", Date: "2024-03"}, {ID: "d", Title: "Directive", Date: "2018-12-11"}},
		Emergency: content.Emergency{Dial: "112", Display: "112", Source: "d"},
		Contacts: []content.Contact{
			{ID: "a", Name: "A", Source: "s", Anonymous: &yes, Confidential: true,
				Verification: &content.Verification{Date: content.MustDate("2026-11-24"), By: "x", How: "y"}},
			{ID: "b", Name: "B", Source: "s"},
			{ID: "police", Name: "Police", Source: "s", Needs: []string{"urgent"}, Unverified: "no source", Phone: &content.Phone{Dial: "113", Display: "113"}},
			{ID: "c", Name: "C", Source: "s", Unverified: "no source"},
		}}
	v := newEdition(e, nil, nil, map[string]string{}, nil, nil)
	ids := ""
	for _, c := range v.Contacts {
		ids += c.ID + " "
	}
	if ids != "a b c " {
		t.Errorf("contacts %q: the unverified urgent number must be left out of a published site", ids)
	}
	a, b, c := v.Contacts[0], v.Contacts[1], v.Contacts[2]
	if a.Prov != (prov{State: "verified", Source: "guide OFMIN", Year: 2024, Month: 3, Date: "mars 2024", Verified: "2026-11-24"}) || a.Verified != "2026-11-24" {
		t.Errorf("verified contact: %+v", a.Prov)
	}
	if b.Prov != (prov{State: "sourced", Source: "guide OFMIN", Year: 2024, Month: 3, Date: "mars 2024"}) || b.Verified != "" {
		t.Errorf("sourced contact: %+v", b.Prov)
	}
	if c.Prov.State != "unverified" {
		t.Errorf("unverified contact: %+v", c.Prov)
	}
	if len(a.Claims) != 2 || a.Claims[0] != "anonymous" || a.Claims[1] != "confidential" || len(b.Claims) != 0 {
		t.Errorf("claims: %v, %v", a.Claims, b.Claims)
	}
	if p := v.Emergency.Prov; p == nil || *p != (prov{State: "sourced", Source: "Directive", Year: 2018, Month: 12, Day: 11, Date: "11 décembre 2018"}) {
		t.Errorf("emergency: %+v", p)
	}
	if len(v.FactSources) != 2 || v.FactSources[0].Source != "guide OFMIN" {
		t.Errorf("fact sources: %+v", v.FactSources)
	}

	e.Status = content.StatusDraft
	v = newEdition(e, nil, nil, map[string]string{}, nil, nil)
	if len(v.Contacts) != 4 || v.Contacts[0].Verified != "" || v.Contacts[0].Prov.Verified != "" {
		t.Errorf("draft: %d contacts, verified %q %q: nothing on a draft says verified", len(v.Contacts), v.Contacts[0].Verified, v.Contacts[0].Prov.Verified)
	}
}
