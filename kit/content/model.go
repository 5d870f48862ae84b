package content

import "github.com/awarekit/awarekit/kit/diag"

// The types below mirror the YAML files of an edition folder
// (data/<edition>/). Field tags are the only key names accepted: any other
// key is reported as unknown, so a translator's typo never goes unnoticed.
// Every field that the layout or the site prints is a plain string; inline
// emphasis is written **like this** and is the only markup allowed in short
// texts.

// Edition is one region and one language, with everything printed for it.
type Edition struct {
	// From edition.yaml.
	Code         string    `yaml:"code" json:"code"`                   // fr-FR: language-REGION, same as the folder
	Language     string    `yaml:"language" json:"language"`           // fr (ISO 639-1)
	Region       string    `yaml:"region" json:"region"`               // FR (ISO 3166-1 alpha-2)
	RegionName   string    `yaml:"region_name" json:"region_name"`     // France
	LanguageName string    `yaml:"language_name" json:"language_name"` // Français
	Publisher    string    `yaml:"publisher" json:"publisher"`
	Status       string    `yaml:"status" json:"status"`   // published | draft
	Updated      Date      `yaml:"updated" json:"updated"` // the day the content was last reviewed: also the date of every PDF and zip
	Emergency    Emergency `yaml:"emergency" json:"emergency"`
	QuickExitURL string    `yaml:"quick_exit_url" json:"quick_exit_url"`
	Logo         string    `yaml:"logo" json:"logo,omitempty"`         // optional: a PNG or JPEG in the edition folder (never a government logo)
	LogoAlt      string    `yaml:"logo_alt" json:"logo_alt,omitempty"` // the logo's alternative text (required with a logo): what a screen reader says
	Sources      []Source  `yaml:"sources" json:"sources"`
	// NoHyphenation lists names (of services, programmes…) that the
	// posters never hyphenate, besides the contacts' names.
	NoHyphenation []string `yaml:"no_hyphenation" json:"no_hyphenation,omitempty"`
	Card          []string `yaml:"card" json:"card,omitempty"` // ids of the contacts on the wallet card's back (its youth helplines), in order

	// From the other files.
	Texts       Texts       `yaml:"-" json:"texts"`
	Advice      []Step      `yaml:"-" json:"advice"`
	Myths       []Myth      `yaml:"-" json:"myths"`
	Contacts    []Contact   `yaml:"-" json:"contacts"`
	Law         []LawRef    `yaml:"-" json:"law"`
	Terminology Terminology `yaml:"-" json:"terminology"`
	Sheets      Sheets      `yaml:"-" json:"sheets"`
	Pages       []Page      `yaml:"-" json:"pages"`

	// Translation is the optional translation.yaml: nil for an original
	// edition (kit/l10n reads and writes it).
	Translation *Translation `yaml:"-" json:"-"`

	// Dir is the edition's folder as given to Load (not serialised).
	Dir string `yaml:"-" json:"-"`

	// LogoData is the logo file, read and checked (not serialised).
	LogoData []byte `yaml:"-" json:"-"`
	// LogoSize is the logo's size in pixels.
	LogoSize [2]int `yaml:"-" json:"-"`

	// where records the position of dated fields, for warnings.
	where map[string]diag.Problem
	// fields is where every field of every file was written (FieldPos).
	fields *loader
	// warnings are the problems that do not stop a build (Set.Warnings).
	warnings diag.List
}

// Date is the edition's reference date: the day its content was last
// reviewed. Builds write it into every PDF, PNG and zip so that the same
// input gives the same bytes; read it here rather than from the field.
func (e *Edition) Date() Date { return e.Updated }

// Draft reports whether the edition must carry the "draft – not verified" mark.
func (e *Edition) Draft() bool { return e.Status == StatusDraft }

// Edition statuses.
const (
	StatusPublished = "published"
	StatusDraft     = "draft"
)

// Source is a document the content rests on: a seed file or an official URL.
type Source struct {
	ID        string `yaml:"id" json:"id"`
	Title     string `yaml:"title" json:"title"`
	Publisher string `yaml:"publisher" json:"publisher"`
	Short     string `yaml:"short" json:"short,omitempty"`         // optional: the name printed in "Sources : …" (guide OFMIN); the title otherwise
	Date      string `yaml:"date" json:"date,omitempty"`           // as the source gives it: 2024, 2024-03 or 2024-03-15
	Seed      string `yaml:"seed" json:"seed,omitempty"`           // file name under shared/seeds
	LegalAct  bool   `yaml:"legal_act" json:"legal_act,omitempty"` // a law or a directive: its date is its adoption, and it does not go stale by age
	URL       string `yaml:"url" json:"url,omitempty"`
	Lang      string `yaml:"lang" json:"lang,omitempty"` // the document's language when not the edition's (fr for a French source of de-LU): pages mark its title with it
}

// Phone is a number as dialled inside the region and as printed.
type Phone struct {
	Dial    string `yaml:"dial" json:"dial"`       // 3018, 8002 1234, +33 1 23 45 67 89
	Display string `yaml:"display" json:"display"` // 30 18
	Source  string `yaml:"source" json:"source,omitempty"`
	// International says why a number of another country is given to the
	// edition's readers (a service abroad that answers them); required
	// for such a number, refused otherwise.
	International string `yaml:"international" json:"international,omitempty"`
}

// Emergency is the region's number for immediate danger. Like a contact,
// it is sourced (and maybe verified) or says why no source gives it; an
// unverified number is not printed on the posters of a published edition.
type Emergency struct {
	Dial         string        `yaml:"dial" json:"dial"`
	Display      string        `yaml:"display" json:"display"`
	Source       string        `yaml:"source" json:"source"`
	SourceLines  string        `yaml:"source_lines" json:"source_lines,omitempty"`
	Verification *Verification `yaml:"verification" json:"verification,omitempty"`
	Unverified   string        `yaml:"unverified" json:"unverified,omitempty"`
}

// Printable reports whether the number may be printed as fact in e.
func (em Emergency) Printable(e *Edition) bool {
	return em.Dial != "" && (em.Unverified == "" || e.Draft())
}

// Texts are the short texts of the posters (texts.yaml). Official poster
// texts are copied word for word from the source named in Source.
type Texts struct {
	Source       string `yaml:"source" json:"source"`
	Title        string `yaml:"title" json:"title"`                   // LA SEXTORSION
	Definition   string `yaml:"definition" json:"definition"`         // La sextorsion est une forme de chantage…
	Warning      string `yaml:"warning" json:"warning"`               // N'envoie jamais…
	AdviceIntro  string `yaml:"advice_intro" json:"advice_intro"`     // Si quelqu'un menace de partager…
	SharedIntro  string `yaml:"shared_intro" json:"shared_intro"`     // Si quelqu'un a partagé…
	Slogan       string `yaml:"slogan" json:"slogan"`                 // SEXTORSION C'EST NON !
	Question     string `yaml:"question" json:"question"`             // DES PERSONNES CHERCHENT…
	CallToAction string `yaml:"call_to_action" json:"call_to_action"` // DEMANDE DE L'AIDE…
}

// Situations an advice step answers.
const (
	SituationThreat = "threat" // someone threatens to share images
	SituationShared = "shared" // images have been shared
)

// Step is one of the "conseils avisés".
type Step struct {
	ID        string   `yaml:"id" json:"id"`
	Situation string   `yaml:"situation" json:"situation"` // threat | shared
	Keyword   string   `yaml:"keyword" json:"keyword"`     // ARRÊTE
	Text      string   `yaml:"text" json:"text"`           // what follows the keyword
	Note      string   `yaml:"note" json:"note,omitempty"` // a sentence printed after the step
	Icon      string   `yaml:"icon" json:"icon"`
	Audiences []string `yaml:"audiences" json:"audiences"`
	Contacts  []string `yaml:"contacts" json:"contacts,omitempty"` // contact ids
	Source    string   `yaml:"source" json:"source"`
}

// Myth pairs a belief with the reality.
type Myth struct {
	ID      string `yaml:"id" json:"id"`
	Myth    string `yaml:"myth" json:"myth"`
	Reality string `yaml:"reality" json:"reality"`
	Source  string `yaml:"source" json:"source"`
}

// Contact is a service a victim, a parent or a professional can reach.
type Contact struct {
	ID           string        `yaml:"id" json:"id"`
	Name         string        `yaml:"name" json:"name"`
	Purpose      string        `yaml:"purpose" json:"purpose"` // one line: what it is for
	Description  string        `yaml:"description" json:"description,omitempty"`
	Phone        *Phone        `yaml:"phone" json:"phone,omitempty"`
	URL          string        `yaml:"url" json:"url,omitempty"`
	Hours        string        `yaml:"hours" json:"hours,omitempty"`
	Cost         string        `yaml:"cost" json:"cost,omitempty"`
	Anonymous    *bool         `yaml:"anonymous" json:"anonymous,omitempty"` // absent: the source does not say
	Audiences    []string      `yaml:"audiences" json:"audiences"`
	Needs        []string      `yaml:"needs" json:"needs"` // urgent, remove, report, talk
	OnPosters    bool          `yaml:"on_posters" json:"on_posters"`
	Confidential bool          `yaml:"confidential" json:"confidential,omitempty"` // true only when the source says so
	Source       string        `yaml:"source" json:"source"`
	SourceLines  string        `yaml:"source_lines" json:"source_lines,omitempty"` // lines of the seed: 342 or 244-249
	Verification *Verification `yaml:"verification" json:"verification,omitempty"` // a person checked the live service
	Unverified   string        `yaml:"unverified" json:"unverified,omitempty"`     // why no source gives it
}

// LawRef is one legal reference of the region.
type LawRef struct {
	ID           string        `yaml:"id" json:"id"`
	Reference    string        `yaml:"reference" json:"reference"` // Article 312-10 du Code pénal
	Title        string        `yaml:"title" json:"title"`
	Summary      string        `yaml:"summary" json:"summary"`
	URL          string        `yaml:"url" json:"url,omitempty"`
	Source       string        `yaml:"source" json:"source"`
	SourceLines  string        `yaml:"source_lines" json:"source_lines,omitempty"`
	Verification *Verification `yaml:"verification" json:"verification,omitempty"`
	Unverified   string        `yaml:"unverified" json:"unverified,omitempty"`
}

// Terminology is the « on ne dit plus / on dit » table and the glossary.
type Terminology struct {
	Source   string     `yaml:"source" json:"source"`
	Replace  []TermPair `yaml:"replace" json:"replace"`
	Glossary []Term     `yaml:"glossary" json:"glossary"`
}

// TermPair is a term to avoid and the one to use instead.
type TermPair struct {
	Avoid string `yaml:"avoid" json:"avoid"`
	Use   string `yaml:"use" json:"use"`
}

// Term is a glossary entry.
type Term struct {
	Term       string `yaml:"term" json:"term"`
	Definition string `yaml:"definition" json:"definition"`
}

// Sheets are the texts of the flyer, the parents' poster and the officers'
// checklist (sheets.yaml).
type Sheets struct {
	Reflexes  Sheet `yaml:"reflexes" json:"reflexes"`   // the five "bons réflexes" (flyer, wallet card)
	Parents   Sheet `yaml:"parents" json:"parents"`     // for parents: talk, signs, what not to do, help
	Reception Sheet `yaml:"reception" json:"reception"` // for officers receiving a minor victim
}

// Sheet is a titled text of short items, optionally in sections.
type Sheet struct {
	Source   string    `yaml:"source" json:"source"`
	Title    string    `yaml:"title" json:"title"`
	Intro    string    `yaml:"intro" json:"intro,omitempty"`
	Items    []string  `yaml:"items" json:"items,omitempty"`
	Sections []Section `yaml:"sections" json:"sections,omitempty"`
}

// Section is a heading and its items.
type Section struct {
	Heading string   `yaml:"heading" json:"heading"`
	Source  string   `yaml:"source" json:"source,omitempty"` // when it differs from the sheet's
	Items   []string `yaml:"items" json:"items"`
}

// Page is a long-form text (pages/<slug>.md): YAML front matter, then Markdown.
type Page struct {
	Slug        string   `yaml:"-" json:"slug"`
	Title       string   `yaml:"title" json:"title"`
	Description string   `yaml:"description" json:"description"`
	Weight      int      `yaml:"weight" json:"weight"`
	Sources     []string `yaml:"sources" json:"sources"`
	Body        string   `yaml:"-" json:"body"`
}

// Translation records, for an edition translated from another one, which
// source text each string was translated from (translation.yaml).
type Translation struct {
	Source  string                      `yaml:"source" json:"source"` // the edition translated from: fr-LU
	Note    string                      `yaml:"note" json:"note,omitempty"`
	Strings map[string]TranslatedString `yaml:"strings" json:"strings"` // string id → state
}

// TranslatedString is the state of one string of a translated edition.
type TranslatedString struct {
	State string `yaml:"state" json:"state"`         // translated | needs-translation
	Hash  string `yaml:"hash" json:"hash,omitempty"` // first 12 hex digits of the SHA-256 of the source text
}

// Translation states.
const (
	StateTranslated       = "translated"
	StateNeedsTranslation = "needs-translation"
)

// RequiredPages are the page slugs every edition must provide.
var RequiredPages = []string{
	"what-is", "how-it-happens", "victims", "what-to-do",
	"parents", "professionals", "law", "terminology",
}

// Audiences and needs accepted in data files.
var (
	Audiences = []string{"young", "parents", "professionals", "everyone"}
	Needs     = []string{"urgent", "remove", "report", "talk"}
	Icons     = []string{"stop-hand", "no-money", "keep-copy", "trusted-adult", "report", "phone", "web"}
)
