package content

import (
	"fmt"
	"regexp"
)

var langRE = regexp.MustCompile(`^[a-z]{2}$`)

// validateSourceLangs checks the lang: of each source: an ISO 639-1 code
// (fr), which pages put on the source's title and publisher.
func (l *loader) validateSourceLangs(e *Edition) {
	if l.bad[fileEdition] {
		return
	}
	c := checker{l: l, file: fileEdition}
	for i, s := range e.Sources {
		if s.Lang != "" && !langRE.MatchString(s.Lang) {
			c.add(fmt.Sprintf("sources[%d].lang", i), "%q is not a language code such as fr (ISO 639-1)", s.Lang)
		}
	}
}
