package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Provenance: every fact a reader may act on (a contact, the emergency
// number, a legal reference) is in one of three states.
//
//   - sourced: copied from a document named by source: (a seed file or an
//     official page), whose date is the source's date; for a seed, the
//     lines it was copied from may be given in source_lines:;
//   - verified: sourced, and a person checked it against the live service
//     (called the number, opened the page): verification: {date, by, how};
//   - unverified: no source gives it (unverified: "why"); never printed as
//     fact on a published poster.
//
// Only a verification record lets a poster or a page say "verified".

// Verification records that a person checked a fact against the live
// service.
type Verification struct {
	Date Date   `yaml:"date" json:"date"` // the day of the check
	By   string `yaml:"by" json:"by"`     // who checked: a name or a role and an organisation
	How  string `yaml:"how" json:"how"`   // how: "called the number, reached the service"
}

// Fact is one fact of an edition with its provenance, for the checks, the
// stale rules, the posters' footers and the verification checklist.
type Fact struct {
	Kind         string // contact | emergency | law
	Index        int    // position in its list (0 for the emergency)
	ID           string // the contact's or the reference's id; "emergency"
	Name         string
	Phone        *Phone
	URL          string
	Hours, Cost  string
	Source       string
	SourceLines  string
	Verification *Verification
	Unverified   string
}

// State returns "verified", "sourced" or "unverified".
func (f Fact) State() string {
	switch {
	case f.Unverified != "":
		return "unverified"
	case f.Verification != nil:
		return "verified"
	}
	return "sourced"
}

// File is the data file the fact is written in, Field its path there.
func (f Fact) File() string {
	switch f.Kind {
	case "contact":
		return fileContacts
	case "law":
		return fileLaw
	}
	return fileEdition
}

// Field is the fact's path in its file: contacts[2], emergency…
func (f Fact) Field() string {
	switch f.Kind {
	case "contact":
		return fmt.Sprintf("contacts[%d]", f.Index)
	case "law":
		return fmt.Sprintf("references[%d]", f.Index)
	}
	return "emergency"
}

// Facts lists the edition's facts: the emergency number (when given), the
// contacts, the legal references, in that order.
func (e *Edition) Facts() []Fact {
	var fs []Fact
	if e.Emergency.Dial != "" {
		fs = append(fs, e.emergencyFact())
	}
	for i := range e.Contacts {
		fs = append(fs, e.contactFact(i))
	}
	for i := range e.Law {
		fs = append(fs, e.lawFact(i))
	}
	return fs
}

func (e *Edition) emergencyFact() Fact {
	em := e.Emergency
	return Fact{Kind: "emergency", ID: "emergency", Name: em.Display, Phone: &Phone{Dial: em.Dial, Display: em.Display},
		Source: em.Source, SourceLines: em.SourceLines, Verification: em.Verification, Unverified: em.Unverified}
}

func (e *Edition) contactFact(i int) Fact {
	c := e.Contacts[i]
	return Fact{Kind: "contact", Index: i, ID: c.ID, Name: c.Name, Phone: c.Phone, URL: c.URL, Hours: c.Hours, Cost: c.Cost,
		Source: c.Source, SourceLines: c.SourceLines, Verification: c.Verification, Unverified: c.Unverified}
}

func (e *Edition) lawFact(i int) Fact {
	r := e.Law[i]
	return Fact{Kind: "law", Index: i, ID: r.ID, Name: r.Reference, URL: r.URL,
		Source: r.Source, SourceLines: r.SourceLines, Verification: r.Verification, Unverified: r.Unverified}
}

// SourceByID returns the edition's source with that id.
func (e *Edition) SourceByID(id string) (Source, bool) {
	for _, s := range e.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// Name is what a footer prints for the source: its short name, or its title.
func (s Source) Name() string {
	if s.Short != "" {
		return s.Short
	}
	return s.Title
}

// SourceDate is a source's date at the precision the source gives it.
type SourceDate struct {
	Year, Month, Day int // Month and Day are 0 when not given
}

var sourceDateRE = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)

// ParseSourceDate reads 2024, 2024-03 or 2024-03-15.
func ParseSourceDate(s string) (SourceDate, error) {
	m := sourceDateRE.FindStringSubmatch(s)
	if m == nil {
		return SourceDate{}, fmt.Errorf("%q is not a date such as 2024, 2024-03 or 2024-03-15", s)
	}
	var d SourceDate
	d.Year, _ = strconv.Atoi(m[1])
	if m[2] != "" {
		d.Month, _ = strconv.Atoi(m[2])
	}
	if m[3] != "" {
		d.Day, _ = strconv.Atoi(m[3])
	}
	if d.Month > 12 || m[2] != "" && d.Month == 0 {
		return SourceDate{}, fmt.Errorf("%q has no month %s", s, m[2])
	}
	if d.Day != 0 || m[3] != "" {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if t.Day() != d.Day {
			return SourceDate{}, fmt.Errorf("%q is not a day of the calendar", s)
		}
	}
	return d, nil
}

// Last is the last day the date may mean (2024-03 → 2024-03-31): a source
// is only as old as that, so the stale rule never fires early.
func (d SourceDate) Last() time.Time {
	switch {
	case d.Day != 0:
		return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	case d.Month != 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
}

// retired are keys of earlier versions of the format, refused with a hint.
var retired = map[string]string{
	"verified":      `"verified:" is no longer accepted: a fact copied from a source is sourced (source:, optionally source_lines:); only a person who checked the live service records verification: {date: YYYY-MM-DD, by: "who", how: "how"} (see docs/DATA.md)`,
	"last_verified": `"last_verified:" is renamed "updated:" (the day the edition's content was last reviewed); verifying a fact is recorded on the fact itself with verification: (see docs/DATA.md)`,
}

var linesRE = regexp.MustCompile(`^\d+(-\d+)?(, ?\d+(-\d+)?)*$`)

// provenance checks the provenance fields of the fact at field: the three
// states, a complete verification record, source lines only for a seed.
func (c checker) provenance(field string, f Fact, seeds map[string]bool) {
	if f.Unverified != "" && f.Verification != nil {
		c.add(field, "give verification: or unverified:, not both (a verified fact is no longer unverified)")
	}
	if f.Unverified != "" {
		c.text(field+".unverified", f.Unverified)
		if strings.TrimSpace(f.Unverified) == "" {
			c.add(field+".unverified", "missing: say why no source gives it")
		}
	}
	if v := f.Verification; v != nil && !c.l.isBroken(c.file, field+".verification") {
		vf := field + ".verification"
		if v.Date.IsZero() {
			c.add(vf+".date", "missing (required): the day the live service was checked")
		} else if msg := v.Date.CheckVerification(c.l.now); msg != "" {
			c.add(vf+".date", "%s", msg)
		}
		c.required(vf+".by", v.By)
		c.required(vf+".how", v.How)
	}
	if f.SourceLines != "" {
		switch {
		case !linesRE.MatchString(f.SourceLines):
			c.add(field+".source_lines", "%q is not a line or a range of lines such as 342 or 244-249", f.SourceLines)
		case seeds != nil && f.Source != "" && !seeds[f.Source]:
			c.add(field+".source_lines", "source %q is not a seed file: source_lines: is for seeds only", f.Source)
		default:
			for _, r := range strings.Split(strings.ReplaceAll(f.SourceLines, " ", ""), ",") {
				a, b, ok := strings.Cut(r, "-")
				x, _ := strconv.Atoi(a)
				y, _ := strconv.Atoi(b)
				if x == 0 || ok && y < x {
					c.add(field+".source_lines", "%q is not a range of lines (the first line is 1, ranges go upwards)", f.SourceLines)
					break
				}
			}
		}
	}
}

// rememberProvenance keeps the position of a fact and of its verification
// date, for the stale warnings.
func (e *Edition) rememberProvenance(l *loader, file, field string, v *Verification) {
	e.remember(l, file, field)
	if v != nil {
		e.remember(l, file, field+".verification.date")
	}
}
