package site

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/manifest"
	"github.com/awarekit/awarekit/kit/typo"
	"github.com/awarekit/awarekit/kit/vocab"
)

// The view model is what the templates read, one JSON data file per
// edition (hugo.Data.editions.<key>). Every text is ready to print:
// typography applied, and short texts parsed into spans (plain or strong,
// from **bold**) that the partial spans.html renders. Nothing in the model
// is HTML or a trusted URL: the templates escape every value (Go's
// html/template), and a phone number is given as the digits to dial, which
// the templates write after a literal "tel:".

type edition struct {
	Key          string            `json:"key"`  // the Hugo language key: fr-fr
	Code         string            `json:"code"` // fr-FR
	Language     string            `json:"language"`
	Region       string            `json:"region"`
	RegionName   string            `json:"region_name"`
	LanguageName string            `json:"language_name"`
	Publisher    string            `json:"publisher"`
	Draft        bool              `json:"draft"`
	Updated      string            `json:"updated"`      // 2026-11-24: the day the content was last reviewed
	FactSources  []prov            `json:"fact_sources"` // the sources of the facts the site shows
	Emergency    phone             `json:"emergency"`
	QuickExitURL string            `json:"quick_exit_url"`
	Texts        map[string][]span `json:"texts"`
	Advice       []step            `json:"advice"`
	Myths        []myth            `json:"myths"`
	Contacts     []contact         `json:"contacts"`
	Hotlines     []string          `json:"hotlines"` // contact ids with a phone, most urgent first
	Law          []lawRef          `json:"law"`
	Replace      []termPair        `json:"replace"`
	Glossary     []term            `json:"glossary"`
	TermSource   string            `json:"term_source"`
	Pages        []page            `json:"pages"`
	Sources      map[string]source `json:"sources"`
	Downloads    []download        `json:"downloads"`
	Thumbnails   []download        `json:"thumbnails"`
	Groups       []group           `json:"groups"` // the downloads page: designs by audience
}

// group is one audience's designs on the downloads page.
type group struct {
	Audience string       `json:"audience"` // young, everyone, parents, professionals, organisers
	Designs  []designFile `json:"designs"`
}

// designFile is one design on the downloads page: its one name (the
// interface string design_<id>, as in the guide), where it goes, its
// thumbnail and its files.
type designFile struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Where    string     `json:"where,omitempty"`
	Internal bool       `json:"internal"` // for the offices of professionals, not for public display
	Card     bool       `json:"card"`     // the wallet card: for a print shop
	Thumb    *thumb     `json:"thumb,omitempty"`
	Files    []download `json:"files"`
}

type thumb struct {
	Path   string `json:"path"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// designInfo is what the site reads of a poster design (posters/*.yaml).
type designInfo struct {
	ID       string `yaml:"id"`
	Name     string `yaml:"name"`
	Kind     string `yaml:"kind"` // poster (default) | document
	Audience string `yaml:"audience"`
}

// span is a run of text, strong or not; a text is a list of spans.
type span struct {
	Text   string `json:"text"`
	Strong bool   `json:"strong,omitempty"`
	// LTR: an address (https://…, www.…) in a right-to-left page, which
	// spans.html isolates left to right (<bdi dir="ltr">), as the posters
	// set it, so that the bidi algorithm does not move its slashes and dots.
	LTR bool `json:"ltr,omitempty"`
}

type phone struct {
	Dial       string `json:"dial"`    // 3018, +33123456789: digits and a leading + only
	Display    string `json:"display"` // 30 18, with no-break spaces
	Source     string `json:"source,omitempty"`
	Unverified string `json:"unverified,omitempty"` // why no source gives it
	Printable  bool   `json:"printable"`            // may be shown as fact (sourced, or a draft)
	Prov       *prov  `json:"prov,omitempty"`       // the emergency number's provenance
}

// prov is the provenance of a fact as the templates print it: "Source :
// guide OFMIN (mars 2024)", and "Vérifié le …" only with a verification.
type prov struct {
	State    string `json:"state"`              // sourced | verified | unverified
	Source   string `json:"source,omitempty"`   // the source's short name: guide OFMIN
	Year     int    `json:"year,omitempty"`     // the source's date, as precise as it is given
	Month    int    `json:"month,omitempty"`    // 1–12, 0 when not given
	Day      int    `json:"day,omitempty"`      // 0 when not given
	Date     string `json:"date,omitempty"`     // the same in the page's language (i18n/locale): mars 2024, 1er avril 2026
	Verified string `json:"verified,omitempty"` // YYYY-MM-DD of the verification record
}

type step struct {
	ID        string   `json:"id"`
	Situation string   `json:"situation"`
	Keyword   string   `json:"keyword"`
	Text      []span   `json:"text"`
	Note      []span   `json:"note,omitempty"`
	Icon      string   `json:"icon"`
	Audiences []string `json:"audiences"`
	Contacts  []string `json:"contacts,omitempty"`
	Source    string   `json:"source"`
}

type myth struct {
	ID      string `json:"id"`
	Myth    []span `json:"myth"`
	Reality []span `json:"reality"`
	Source  string `json:"source"`
}

type contact struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Purpose     []span   `json:"purpose"`
	Description []span   `json:"description,omitempty"`
	Phone       *phone   `json:"phone,omitempty"`
	URL         string   `json:"url,omitempty"`
	Host        string   `json:"host,omitempty"` // www.e-enfance.org, shown as the link text
	Hours       string   `json:"hours,omitempty"`
	Cost        string   `json:"cost,omitempty"`
	Anonymous   string   `json:"anonymous,omitempty"` // yes | no | "" (the source does not say)
	Audiences   []string `json:"audiences"`
	Needs       []string `json:"needs"`
	Source      string   `json:"source"`
	Verified    string   `json:"verified,omitempty"` // the date of a verification record, never of a source
	Unverified  string   `json:"unverified,omitempty"`
	Prov        prov     `json:"prov"`
	Claims      []string `json:"claims,omitempty"` // free, anonymous, confidential, 24h: only from the contact's fields
}

type lawRef struct {
	ID         string `json:"id"`
	Reference  string `json:"reference"`
	Title      string `json:"title"`
	Summary    []span `json:"summary"`
	URL        string `json:"url,omitempty"`
	Source     string `json:"source"`
	Verified   string `json:"verified,omitempty"`
	Unverified string `json:"unverified,omitempty"`
	Prov       prov   `json:"prov"`
}

type termPair struct {
	Avoid string `json:"avoid"`
	Use   string `json:"use"`
}

type term struct {
	Term       string `json:"term"`
	Definition []span `json:"definition"`
}

type page struct {
	Slug        string   `json:"slug"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Weight      int      `json:"weight"`
	Sources     []string `json:"sources"`
	Body        string   `json:"body"` // Markdown
}

type source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Date      string `json:"date,omitempty"`
	URL       string `json:"url,omitempty"`
	Seed      string `json:"seed,omitempty"`
	Lang      string `json:"lang,omitempty"` // the document's language, when not the edition's
}

type download struct {
	Path    string `json:"path"` // relative to the output root: fr-FR/posters/x.pdf
	Kind    string `json:"kind"`
	Design  string `json:"design,omitempty"`
	Size    string `json:"size,omitempty"`
	Variant string `json:"variant,omitempty"`
	Bytes   int64  `json:"bytes"`
	Human   string `json:"human"` // 1,2 Mo
	SHA256  string `json:"sha256"`
	Thumb   string `json:"thumb,omitempty"` // path of the matching thumbnail
}

// key is the Hugo language key of an edition: Hugo lowercases it.
func key(code string) string { return strings.ToLower(code) }

// newEdition returns the view model of an edition. strs are its interface
// strings (typography applied), dims the pixel sizes of its thumbnails,
// loc the typography and formats of its language (nil: the built-in ones).
func newEdition(e *content.Edition, files []manifest.File, designs []designInfo, strs map[string]string, dims map[string][2]int, loc *typo.Locale) *edition {
	lang := e.Language
	if loc == nil {
		loc = i18n.DefaultLocale(lang)
	}
	t := loc.Apply
	h := func(s string) []span { return spans(loc, s) }
	v := &edition{
		Key: key(e.Code), Code: e.Code, Language: lang, Region: e.Region,
		RegionName: t(e.RegionName), LanguageName: t(e.LanguageName), Publisher: t(e.Publisher),
		Draft: e.Draft(), Updated: e.Date().String(),
		Emergency: phone{Dial: dial(e.Emergency.Dial), Display: t(e.Emergency.Display), Source: e.Emergency.Source,
			Unverified: t(e.Emergency.Unverified), Printable: e.Emergency.Printable(e)},
		QuickExitURL: e.QuickExitURL,
		Texts: map[string][]span{
			"title": h(e.Texts.Title), "definition": h(e.Texts.Definition), "warning": h(e.Texts.Warning),
			"advice_intro": h(e.Texts.AdviceIntro), "shared_intro": h(e.Texts.SharedIntro),
			"slogan": h(e.Texts.Slogan), "question": h(e.Texts.Question), "call_to_action": h(e.Texts.CallToAction),
			"source": {{Text: t(e.Texts.Source)}},
		},
		TermSource: e.Terminology.Source,
		Sources:    map[string]source{},
		// Empty lists, not null: the templates range and filter them.
		Advice: []step{}, Myths: []myth{}, Contacts: []contact{}, Law: []lawRef{},
		Replace: []termPair{}, Glossary: []term{}, Pages: []page{},
	}
	for _, s := range e.Advice {
		v.Advice = append(v.Advice, step{ID: s.ID, Situation: s.Situation, Keyword: t(s.Keyword), Text: h(s.Text),
			Note: h(s.Note), Icon: s.Icon, Audiences: nonNil(s.Audiences), Contacts: s.Contacts, Source: s.Source})
	}
	for _, m := range e.Myths {
		v.Myths = append(v.Myths, myth{ID: m.ID, Myth: h(m.Myth), Reality: h(m.Reality), Source: m.Source})
	}
	for _, c := range e.Contacts {
		if c.Unverified != "" && !e.Draft() && slices.Contains(c.Needs, "urgent") {
			// A number for immediate danger that no source gives is not
			// shown beside a warning that makes a frightened reader
			// hesitate: it is left out (the sourced emergency number is
			// shown as such).
			continue
		}
		vc := contact{ID: c.ID, Name: t(c.Name), Purpose: h(c.Purpose), Description: h(c.Description), URL: c.URL,
			Hours: t(c.Hours), Cost: t(c.Cost), Audiences: nonNil(c.Audiences), Needs: nonNil(c.Needs), Source: c.Source,
			Verified: draftless(e, c.Verification), Unverified: t(c.Unverified),
			Prov: provOf(loc, e, c.Source, c.Verification, c.Unverified), Claims: nonNil(content.Claims(c))}
		if c.Phone != nil {
			vc.Phone = &phone{Dial: dial(c.Phone.Dial), Display: t(c.Phone.Display), Source: c.Phone.Source}
		}
		if c.URL != "" {
			vc.Host = host(c.URL)
		}
		if c.Anonymous != nil {
			vc.Anonymous = map[bool]string{true: "yes", false: "no"}[*c.Anonymous]
		}
		v.Contacts = append(v.Contacts, vc)
	}
	v.Hotlines = hotlines(e.Contacts, e.Draft())
	if e.Emergency.Dial != "" {
		p := provOf(loc, e, e.Emergency.Source, e.Emergency.Verification, e.Emergency.Unverified)
		v.Emergency.Prov = &p
	}
	v.FactSources = factSources(loc, e)
	for _, l := range e.Law {
		v.Law = append(v.Law, lawRef{ID: l.ID, Reference: t(l.Reference), Title: t(l.Title), Summary: h(l.Summary), URL: l.URL,
			Source: l.Source, Verified: draftless(e, l.Verification), Unverified: t(l.Unverified),
			Prov: provOf(loc, e, l.Source, l.Verification, l.Unverified)})
	}
	for _, r := range e.Terminology.Replace {
		v.Replace = append(v.Replace, termPair{Avoid: t(r.Avoid), Use: t(r.Use)})
	}
	for _, g := range e.Terminology.Glossary {
		v.Glossary = append(v.Glossary, term{Term: t(g.Term), Definition: h(g.Definition)})
	}
	for _, p := range e.Pages {
		v.Pages = append(v.Pages, page{Slug: p.Slug, Title: t(p.Title), Description: t(p.Description), Weight: p.Weight,
			Sources: nonNil(p.Sources), Body: callable(loc.ApplyMarkdown(p.Body), v)})
	}
	for _, s := range e.Sources {
		v.Sources[s.ID] = source{ID: s.ID, Title: t(s.Title), Publisher: t(s.Publisher), Date: s.Date, URL: s.URL, Seed: s.Seed, Lang: s.Lang}
	}
	v.Downloads, v.Thumbnails = downloads(loc, files)
	if v.Downloads == nil {
		v.Downloads = []download{}
	}
	if v.Thumbnails == nil {
		v.Thumbnails = []download{}
	}
	v.Groups = groups(v.Downloads, designs, strs, dims)
	return v
}

// audiences is the order of the groups of the downloads page.
var audiences = []string{"young", "everyone", "parents", "professionals", "organisers"}

// groups sorts the downloadable files by design, and the designs by
// audience: a document (the distribution guide) is for the organisers,
// a poster for professionals is for their offices (internal use). Each
// design's files: the print files first (for the card, the print shop's),
// then the PNG preview.
func groups(docs []download, designs []designInfo, strs map[string]string, dims map[string][2]int) []group {
	byAudience := map[string][]designFile{}
	for _, d := range designs {
		var fs []download
		for _, f := range docs {
			if f.Design == d.ID {
				fs = append(fs, f)
			}
		}
		if len(fs) == 0 {
			continue
		}
		df := designFile{ID: d.ID, Name: strs[vocab.DesignPrefix+d.ID], Where: strs[vocab.WherePrefix+d.ID]}
		if df.Name == "" {
			df.Name = d.Name
		}
		aud := d.Audience
		switch {
		case d.Kind == "document":
			aud = "organisers"
		case !slices.Contains(audiences, aud):
			aud = "everyone"
		}
		df.Internal = aud == "professionals"
		for _, f := range fs {
			if f.Size == "card" {
				df.Card = true
			}
		}
		rank := func(f download) int {
			switch {
			case f.Kind == "poster-png":
				return 2
			case df.Card && f.Variant == "bleed", !df.Card && f.Variant != "bleed":
				return 0
			}
			return 1
		}
		slices.SortStableFunc(fs, func(a, b download) int { return rank(a) - rank(b) })
		df.Files = fs
		if p := fs[0].Thumb; p != "" {
			wh := dims[p]
			df.Thumb = &thumb{Path: p, Width: wh[0], Height: wh[1]}
		}
		byAudience[aud] = append(byAudience[aud], df)
	}
	gs := []group{}
	for _, a := range audiences {
		if ds := byAudience[a]; len(ds) > 0 {
			slices.SortStableFunc(ds, func(x, y designFile) int { return strings.Compare(x.ID, y.ID) })
			gs = append(gs, group{Audience: a, Designs: ds})
		}
	}
	return gs
}

// callable turns the bold phone numbers of a page (**0805 805 817**) that
// are the numbers of the edition's contacts into tel: links, so that a
// number read in a text is one tap away too. Numbers not in the contacts
// stay text: a page cannot make up a link.
func callable(md string, v *edition) string {
	phones := map[string]string{}
	for _, c := range v.Contacts {
		if c.Phone != nil && c.Phone.Dial != "" {
			phones[c.Phone.Display] = "tel:" + c.Phone.Dial
		}
	}
	if len(phones) == 0 {
		return md
	}
	return strings.NewReplacer(orderPairs(phones)...).Replace(md)
}

// orderPairs returns replacer pairs that leave an already linked number
// ([**3018**](…)) alone and link a bare bold one, longest numbers first.
func orderPairs(phones map[string]string) []string {
	var ds []string
	for d := range phones {
		ds = append(ds, d)
	}
	slices.SortFunc(ds, func(a, b string) int { return len(b) - len(a) })
	var pairs []string
	for _, d := range ds {
		bold := "**" + d + "**"
		pairs = append(pairs, "["+bold+"]", "["+bold+"]")
	}
	for _, d := range ds {
		bold := "**" + d + "**"
		pairs = append(pairs, bold, "["+bold+"]("+phones[d]+")")
	}
	return pairs
}

// hotlines orders the contacts that have a phone number: urgent needs
// first, then those for young people, keeping the data's order otherwise.
// Unverified contacts are left out of a published edition: the home page
// prints them as fact (a draft shows them, under its draft banner).
func hotlines(cs []content.Contact, draft bool) []string {
	type ranked struct {
		id   string
		rank int
		i    int
	}
	var rs []ranked
	for i, c := range cs {
		if c.Phone == nil || c.Unverified != "" && !draft {
			continue
		}
		r := 3
		switch {
		case slices.Contains(c.Needs, "urgent"):
			r = 0
		case slices.Contains(c.Audiences, "young") || slices.Contains(c.Audiences, "everyone"):
			r = 1
		case slices.Contains(c.Audiences, "parents"):
			r = 2
		}
		rs = append(rs, ranked{c.ID, r, i})
	}
	slices.SortStableFunc(rs, func(a, b ranked) int { return a.rank - b.rank })
	ids := []string{}
	for _, r := range rs {
		ids = append(ids, r.id)
	}
	return ids
}

// downloads splits the produced files into the documents offered for
// download (PDFs, PNGs) and the thumbnails, pairing each document with
// the thumbnail of its design and size when there is one.
func downloads(loc *typo.Locale, files []manifest.File) (docs, thumbs []download) {
	thumbOf := map[string]string{}
	for _, f := range files {
		if f.Kind == "thumbnail" {
			thumbOf[f.Design+"/"+f.Size] = f.Path
			thumbOf[f.Design] = f.Path
		}
	}
	for _, f := range files {
		d := download{Path: f.Path, Kind: f.Kind, Design: f.Design, Size: f.Size, Variant: f.Variant,
			Bytes: f.Bytes, Human: loc.Apply(loc.Bytes(f.Bytes)), SHA256: f.SHA256}
		switch {
		case f.Kind == "thumbnail":
			thumbs = append(thumbs, d)
			continue
		case f.Kind == "content":
			continue
		}
		if t, ok := thumbOf[f.Design+"/"+f.Size]; ok {
			d.Thumb = t
		} else if t, ok := thumbOf[f.Design]; ok {
			d.Thumb = t
		} else if f.Kind == "poster-png" {
			d.Thumb = f.Path
		}
		docs = append(docs, d)
	}
	return docs, thumbs
}

// dial keeps of a number as dialled the digits and a leading +: the
// templates write it after a literal "tel:", so nothing else may reach
// the link.
func dial(number string) string {
	var b strings.Builder
	for i, r := range number {
		if r >= '0' && r <= '9' || r == '+' && i == 0 {
			b.WriteRune(r)
		}
	}
	if strings.Trim(b.String(), "+") == "" {
		return ""
	}
	return b.String()
}

func host(u string) string {
	u = strings.TrimPrefix(u, "https://")
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	return u
}

// spans parses s into runs of text, typography applied, with **bold**
// as strong runs. An unpaired ** is printed as is. The text stays text:
// the partial spans.html writes <strong> itself and escapes the rest.
func spans(loc *typo.Locale, s string) []span {
	if s == "" {
		return nil
	}
	s = loc.Apply(s)
	parts := strings.Split(s, "**")
	if len(parts)%2 == 0 { // odd number of markers: leave them alone
		return []span{{Text: s}}
	}
	var out []span
	for i, p := range parts {
		if p != "" {
			out = append(out, span{Text: p, Strong: i%2 == 1})
		}
	}
	if loc.RightToLeft() {
		out = isolateAddresses(out)
	}
	return out
}

// addressRE finds a web address in a text: https://…, http://… or www.…,
// up to the next space.
var addressRE = regexp.MustCompile(`(?:https?://|www\.)\S+`)

// sentenceEnd is the punctuation that may follow an address in a sentence
// (Latin and Arabic, closing brackets and quotes): not part of it.
const sentenceEnd = ".,;:!?)]»”’،؛؟"

// isolateAddresses splits the spans at each web address, which becomes a
// span of its own marked LTR; punctuation that ends the sentence after it
// (sentenceEnd) stays outside.
func isolateAddresses(in []span) []span {
	var out []span
	for _, sp := range in {
		rest := sp.Text
		for {
			loc := addressRE.FindStringIndex(rest)
			if loc == nil {
				break
			}
			a, b := loc[0], loc[1]
			for b > a {
				r, n := utf8.DecodeLastRuneInString(rest[a:b])
				if !strings.ContainsRune(sentenceEnd, r) {
					break
				}
				b -= n
			}
			if a > 0 {
				out = append(out, span{Text: rest[:a], Strong: sp.Strong})
			}
			out = append(out, span{Text: rest[a:b], Strong: sp.Strong, LTR: true})
			rest = rest[b:]
		}
		if rest != "" {
			out = append(out, span{Text: rest, Strong: sp.Strong})
		}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// slugPath returns the path of a page of an edition below the site root.
func slugPath(code, slug string) string { return path.Join(code, slug) + "/" }
