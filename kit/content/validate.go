package content

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/vocab"
)

var (
	codeRE = regexp.MustCompile(`^([a-z]{2})-([A-Z]{2})$`)
	idRE   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seedRE = regexp.MustCompile(`^[0-9A-Za-z_-]+\.txt$`)
	hashRE = regexp.MustCompile(`^[0-9a-f]{12}$`)
)

func reflectValue(v any) reflect.Value { return reflect.ValueOf(v).Elem() }

// at reports a problem on a field of a file, at the position where the field
// (or, when it is missing, its closest written parent) was written.
func (l *loader) at(file, field, format string, args ...any) {
	if l.isBroken(file, field) {
		return
	}
	line, col := l.position(file, field)
	l.probs.Add(l.file(file), line, col, field, format, args...)
}

// position returns where field, or its closest written parent, was written.
func (l *loader) position(file, field string) (line, col int) {
	w := l.where[file]
	for p := field; ; {
		if ps, ok := w[p]; ok {
			line, col = ps.line, ps.col
			break
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			if ps, ok := w[""]; ok {
				line, col = ps.line, ps.col
			}
			break
		}
		p = p[:i]
	}
	return line, col
}

// remember keeps the position of a field for later warnings.
func (e *Edition) remember(l *loader, file, field string) {
	if e.where == nil {
		e.where = map[string]diag.Problem{}
	}
	p := diag.Problem{File: l.file(file), Field: field}
	if ps, ok := l.where[file][field]; ok {
		p.Line, p.Col = ps.line, ps.col
	}
	e.where[field] = p
}

// isBroken reports whether field, or a field that holds it, could not be
// decoded (and so was already reported).
func (l *loader) isBroken(file, field string) bool {
	b := l.broken[file]
	for p := field; ; {
		if b[p] {
			return true
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return b[""]
		}
		p = p[:i]
	}
}

// checker runs the checks of one file.
type checker struct {
	l       *loader
	file    string
	sources map[string]bool
	seeds   map[string]bool // the sources that are seed files
	region  string
}

func (c checker) add(field, format string, args ...any) { c.l.at(c.file, field, format, args...) }

func (c checker) required(field, v string) bool {
	if strings.TrimSpace(v) == "" {
		c.add(field, "missing (required)")
		return false
	}
	if Blank(v) {
		c.add(field, "missing (required): it holds only invisible characters")
		return false
	}
	c.text(field, v)
	return true
}

// text checks what every printed string must satisfy beyond the rules
// the decoder applies to every string (characters and length, text.go).
func (c checker) text(field, v string) {
	low := strings.ToLower(v)
	if strings.Contains(low, "<script") || strings.Contains(low, "javascript:") {
		c.add(field, "contains HTML or script: write plain text")
	}
}

func (c checker) source(field, id string) {
	if !c.required(field, id) {
		return
	}
	if !c.sources[id] {
		c.add(field, "unknown source %q (declare it under sources: in edition.yaml)", id)
	}
}

func (c checker) oneOf(field, v string, allowed []string) {
	if v != "" && !slices.Contains(allowed, v) {
		c.add(field, "%s is not one of %s", quote(v), strings.Join(allowed, ", "))
	}
}

func (c checker) list(field string, vs []string, allowed []string, needed bool) {
	if needed && len(vs) == 0 {
		c.add(field, "missing (at least one of %s)", strings.Join(allowed, ", "))
	}
	for i, v := range vs {
		c.oneOf(fmt.Sprintf("%s[%d]", field, i), v, allowed)
	}
}

func (c checker) id(field, v string, seen map[string]string) {
	if !c.required(field, v) {
		return
	}
	if !idRE.MatchString(v) {
		c.add(field, "id %q must be lowercase letters, digits and single hyphens", v)
	}
	if first, dup := seen[v]; dup {
		c.add(field, "duplicate id %q (first used at %s)", v, first)
		return
	}
	seen[v] = field
}

func (l *loader) validate(e *Edition, folder string) {
	ed := checker{l: l, file: fileEdition, sources: map[string]bool{}, seeds: map[string]bool{}}
	if !l.bad[fileEdition] {
		seen := map[string]string{}
		if len(e.Sources) == 0 {
			ed.add("sources", "missing: name at least one source (a seed file or an official URL)")
		}
		for i, s := range e.Sources {
			f := fmt.Sprintf("sources[%d]", i)
			ed.id(f+".id", s.ID, seen)
			ed.sources[s.ID] = true
			ed.required(f+".title", s.Title)
			if (s.Seed == "") == (s.URL == "") {
				ed.add(f, "give exactly one of seed: or url:")
			}
			if s.Seed != "" && !seedRE.MatchString(s.Seed) {
				ed.add(f+".seed", "%q is not a seed file name (such as 002_48fcdbe930d9825c.txt): no folders, no ..", s.Seed)
			}
			ed.https(f+".url", s.URL)
			if s.Seed != "" {
				ed.seeds[s.ID] = true
			}
			if s.Date != "" {
				if _, err := ParseSourceDate(s.Date); err != nil {
					ed.add(f+".date", "%v", err)
				} else {
					e.remember(l, fileEdition, f+".date")
				}
			}
		}
		if m := codeRE.FindStringSubmatch(e.Code); ed.required("code", e.Code) {
			switch {
			case m == nil:
				ed.add("code", "%q is not language-REGION such as fr-FR", e.Code)
			case e.Code != folder:
				ed.add("code", "%q does not match its folder %q", e.Code, folder)
			default:
				if e.Language != m[1] {
					ed.add("language", "%q does not match the code %s", e.Language, e.Code)
				}
				if e.Region != m[2] {
					ed.add("region", "%q does not match the code %s", e.Region, e.Code)
				}
			}
		}
		ed.region = e.Region
		ed.required("region_name", e.RegionName)
		ed.required("language_name", e.LanguageName)
		ed.required("publisher", e.Publisher)
		if ed.required("status", e.Status) {
			ed.oneOf("status", e.Status, []string{StatusPublished, StatusDraft})
		}
		if e.Updated.IsZero() {
			ed.add("updated", "missing (required): the day the edition's content was last reviewed")
		}
		em := e.Emergency
		if ed.required("emergency.dial", em.Dial) {
			ed.phone("emergency", &Phone{Dial: em.Dial, Display: em.Display}, false)
		}
		if em.Unverified == "" || em.Source != "" {
			ed.source("emergency.source", em.Source)
		}
		ed.provenance("emergency", e.emergencyFact(), ed.seeds)
		e.rememberProvenance(l, fileEdition, "emergency", em.Verification)
		if ed.required("quick_exit_url", e.QuickExitURL) {
			ed.https("quick_exit_url", e.QuickExitURL)
		}
		ed.noHyphenation(e.NoHyphenation)
	}
	// Without a readable edition.yaml, references cannot be checked; the
	// other files are still checked for everything else.
	known := func(c checker) checker {
		c.region = e.Region
		if l.bad[fileEdition] {
			c.sources = nil
		}
		return c
	}
	srcCheck := func(c checker, field, id string) {
		if c.sources == nil {
			c.required(field, id)
			return
		}
		c.source(field, id)
	}

	contactIDs := map[string]string{}
	if c := known(checker{l: l, file: fileContacts, sources: ed.sources}); !l.bad[fileContacts] {
		if len(e.Contacts) == 0 {
			c.add("contacts", "missing: an edition needs at least one contact")
		}
		for i, k := range e.Contacts {
			f := fmt.Sprintf("contacts[%d]", i)
			c.id(f+".id", k.ID, contactIDs)
			c.required(f+".name", k.Name)
			c.required(f+".purpose", k.Purpose)
			c.text(f+".description", k.Description)
			c.text(f+".hours", k.Hours)
			c.text(f+".cost", k.Cost)
			if k.Phone == nil && k.URL == "" {
				c.add(f, "give a phone or a url (or both)")
			}
			if c.region != "" {
				c.phone(f+".phone", k.Phone, true)
			}
			c.https(f+".url", k.URL)
			c.nameShowsURL(f+".name", k.Name, k.URL)
			c.list(f+".audiences", k.Audiences, Audiences, true)
			c.list(f+".needs", k.Needs, Needs, false)
			srcCheck(c, f+".source", k.Source)
			c.provenance(f, e.contactFact(i), ed.seeds)
			c.claims(f, k)
			e.rememberProvenance(l, fileContacts, f, k.Verification)
		}
	}

	l.validateCard(e, contactIDs)
	l.validateSourceLangs(e)
	l.checkPlaceholders(e)

	if c := known(checker{l: l, file: fileTexts, sources: ed.sources}); !l.bad[fileTexts] {
		t := e.Texts
		srcCheck(c, "source", t.Source)
		for _, k := range vocab.Texts {
			c.required(k, t.Text(k))
		}
	}

	if c := known(checker{l: l, file: fileAdvice, sources: ed.sources}); !l.bad[fileAdvice] {
		if len(e.Advice) == 0 {
			c.add("steps", "missing: an edition needs its advice steps")
		}
		seen := map[string]string{}
		for i, s := range e.Advice {
			f := fmt.Sprintf("steps[%d]", i)
			c.id(f+".id", s.ID, seen)
			if c.required(f+".situation", s.Situation) {
				c.oneOf(f+".situation", s.Situation, []string{SituationThreat, SituationShared})
			}
			c.required(f+".keyword", s.Keyword)
			c.required(f+".text", s.Text)
			c.text(f+".note", s.Note)
			if c.required(f+".icon", s.Icon) {
				c.oneOf(f+".icon", s.Icon, Icons)
			}
			c.list(f+".audiences", s.Audiences, Audiences, true)
			for j, id := range s.Contacts {
				if _, ok := contactIDs[id]; !ok && !l.bad[fileContacts] {
					c.add(fmt.Sprintf("%s.contacts[%d]", f, j), "unknown contact %q (not in contacts.yaml)", id)
				}
			}
			srcCheck(c, f+".source", s.Source)
		}
	}

	if c := known(checker{l: l, file: fileMyths, sources: ed.sources}); !l.bad[fileMyths] {
		if len(e.Myths) == 0 {
			c.add("myths", "missing: an edition needs at least one myth and its reality")
		}
		seen := map[string]string{}
		for i, m := range e.Myths {
			f := fmt.Sprintf("myths[%d]", i)
			c.id(f+".id", m.ID, seen)
			c.required(f+".myth", m.Myth)
			c.required(f+".reality", m.Reality)
			srcCheck(c, f+".source", m.Source)
		}
	}

	if c := known(checker{l: l, file: fileLaw, sources: ed.sources}); !l.bad[fileLaw] {
		seen := map[string]string{}
		for i, r := range e.Law {
			f := fmt.Sprintf("references[%d]", i)
			c.id(f+".id", r.ID, seen)
			c.required(f+".reference", r.Reference)
			c.required(f+".title", r.Title)
			c.required(f+".summary", r.Summary)
			c.https(f+".url", r.URL)
			srcCheck(c, f+".source", r.Source)
			c.provenance(f, e.lawFact(i), ed.seeds)
			e.rememberProvenance(l, fileLaw, f, r.Verification)
		}
	}

	if c := known(checker{l: l, file: fileTerminology, sources: ed.sources}); !l.bad[fileTerminology] {
		t := e.Terminology
		srcCheck(c, "source", t.Source)
		for i, p := range t.Replace {
			c.required(fmt.Sprintf("replace[%d].avoid", i), p.Avoid)
			c.required(fmt.Sprintf("replace[%d].use", i), p.Use)
		}
		for i, g := range t.Glossary {
			c.required(fmt.Sprintf("glossary[%d].term", i), g.Term)
			c.required(fmt.Sprintf("glossary[%d].definition", i), g.Definition)
		}
	}

	if c := known(checker{l: l, file: fileSheets, sources: ed.sources}); !l.bad[fileSheets] {
		for _, sh := range []struct {
			name  string
			sheet Sheet
			items bool // the items are the content (no sections)
		}{{"reflexes", e.Sheets.Reflexes, true}, {"parents", e.Sheets.Parents, false}, {"reception", e.Sheets.Reception, false}} {
			f, s := sh.name, sh.sheet
			if s.Title == "" && s.Source == "" && len(s.Items) == 0 && len(s.Sections) == 0 {
				c.add(f, "missing (required)")
				continue
			}
			srcCheck(c, f+".source", s.Source)
			c.required(f+".title", s.Title)
			c.text(f+".intro", s.Intro)
			if sh.items && len(s.Items) == 0 {
				c.add(f+".items", "missing: list the items")
			}
			if !sh.items && len(s.Sections) == 0 {
				c.add(f+".sections", "missing: list the sections")
			}
			for i, it := range s.Items {
				c.required(fmt.Sprintf("%s.items[%d]", f, i), it)
			}
			for i, sec := range s.Sections {
				sf := fmt.Sprintf("%s.sections[%d]", f, i)
				c.required(sf+".heading", sec.Heading)
				if sec.Source != "" {
					srcCheck(c, sf+".source", sec.Source)
				}
				if len(sec.Items) == 0 {
					c.add(sf+".items", "missing: list the items")
				}
				for j, it := range sec.Items {
					c.required(fmt.Sprintf("%s.items[%d]", sf, j), it)
					e.sheetClaims(c, fmt.Sprintf("%s.items[%d]", sf, j), it)
				}
			}
		}
	}

	for _, p := range e.Pages {
		name := dirPages + "/" + p.Slug + ".md"
		if l.bad[name] {
			continue
		}
		c := known(checker{l: l, file: name, sources: ed.sources})
		c.required("title", p.Title)
		c.required("description", p.Description)
		if len(p.Sources) == 0 {
			c.add("sources", "missing: name the sources of this page")
		}
		for i, s := range p.Sources {
			srcCheck(c, fmt.Sprintf("sources[%d]", i), s)
		}
		for _, line := range strings.Split(p.Body, "\n") {
			e.sheetClaims(c, "body", line)
		}
	}

	if t := e.Translation; t != nil && !l.bad[fileTranslation] {
		c := checker{l: l, file: fileTranslation}
		if c.required("source", t.Source) {
			switch {
			case !codeRE.MatchString(t.Source):
				c.add("source", "%q is not an edition code such as fr-LU", t.Source)
			case t.Source == e.Code:
				c.add("source", "an edition cannot be translated from itself")
			}
		}
		c.text("note", t.Note)
		ids := make([]string, 0, len(t.Strings))
		for id := range t.Strings {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			st, f := t.Strings[id], "strings."+id
			if c.required(f+".state", st.State) {
				c.oneOf(f+".state", st.State, []string{StateTranslated, StateNeedsTranslation})
			}
			switch {
			case st.State == StateTranslated && !hashRE.MatchString(st.Hash):
				c.add(f+".hash", "a translated string needs the hash of its source text (12 hex digits)")
			case st.State != StateTranslated && st.Hash != "":
				c.add(f+".hash", "only a translated string has a hash")
			}
		}
	}
}
