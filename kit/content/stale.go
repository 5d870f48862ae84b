package content

import (
	"fmt"
	"time"

	"github.com/awarekit/awarekit/kit/diag"
)

// StaleAfter is how long a contact's verification holds.
const StaleAfter = 12 // months

// Stale lists the contacts whose verified date is more than 12 months
// before now, and the other warnings of the data (Warnings): warnings for
// check and build, errors with --strict.
func (s *Set) Stale(now time.Time) diag.List {
	var out diag.List
	limit := now.AddDate(0, -StaleAfter, 0)
	for _, e := range s.Editions {
		for i, c := range e.Contacts {
			if c.Verified.IsZero() || !c.Verified.Time().Before(limit) {
				continue
			}
			field := fmt.Sprintf("contacts[%d].verified", i)
			p := e.where[field]
			if p.File == "" {
				p = diag.Problem{File: e.Dir + "/" + fileContacts, Field: field}
			}
			p.Msg = fmt.Sprintf("%s was last verified on %s, more than %d months ago: check it against its source again", c.Name, c.Verified, StaleAfter)
			out = append(out, p)
		}
	}
	return append(out, s.Warnings()...).Sort()
}
