package content

import (
	"fmt"
	"strings"
	"time"

	"github.com/awarekit/awarekit/kit/diag"
)

// How long provenance holds. A verification is a phone call or a visit to
// a site: services change their hours and numbers, so it holds a year. A
// source is a document: an official guide is revised every year or two.
// A legal act (legal_act: true) does not go stale by age.
const (
	VerificationStaleAfter = 12 // months
	SourceStaleAfter       = 24 // months
)

// Stale lists the provenance that has grown old by now (passed in: the
// package never reads the clock): each verification older than 12 months,
// and each source older than 24 months that facts still rest on (facts
// with a fresh verification no longer rest on their source alone).
// Warnings for check and build, errors with --strict.
func (s *Set) Stale(now time.Time) diag.List {
	var out diag.List
	verLimit := now.AddDate(0, -VerificationStaleAfter, 0)
	srcLimit := now.AddDate(0, -SourceStaleAfter, 0)
	for _, e := range s.Editions {
		at := func(file, field string) diag.Problem {
			p, ok := e.where[field]
			if !ok {
				p = diag.Problem{File: e.Dir + "/" + file, Field: field}
			}
			return p
		}
		resting := map[string][]string{} // source id → facts resting on it alone
		for _, f := range e.Facts() {
			if f.Unverified != "" {
				continue
			}
			if v := f.Verification; v != nil && !v.Date.IsZero() {
				if !v.Date.Time().Before(verLimit) {
					continue // freshly verified
				}
				p := at(f.File(), f.Field()+".verification.date")
				p.Msg = fmt.Sprintf("%s was verified on %s, more than %d months ago: check it again (awarekit verify) and record the new verification", f.Name, v.Date, VerificationStaleAfter)
				out = append(out, p)
			}
			resting[f.Source] = append(resting[f.Source], f.Name)
		}
		for i, src := range e.Sources {
			names := resting[src.ID]
			if len(names) == 0 || src.Date == "" || src.LegalAct {
				continue
			}
			d, err := ParseSourceDate(src.Date)
			if err != nil || !d.Last().Before(srcLimit) {
				continue
			}
			verb := "rest"
			if len(names) == 1 {
				verb = "rests"
			}
			p := at(fileEdition, fmt.Sprintf("sources[%d].date", i))
			p.Msg = fmt.Sprintf("source %s is dated %s, more than %d months ago, and %d fact%s %s on it alone (%s): check them against the live services (awarekit verify) or a newer edition of the source",
				src.ID, src.Date, SourceStaleAfter, len(names), plural(len(names)), verb, list(names))
			out = append(out, p)
		}
	}
	return append(out, s.Warnings()...).Sort()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// list names at most five facts.
func list(names []string) string {
	if len(names) > 5 {
		return strings.Join(names[:5], ", ") + fmt.Sprintf(" and %d more", len(names)-5)
	}
	return strings.Join(names, ", ")
}
