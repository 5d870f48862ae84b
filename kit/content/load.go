// Package content loads and validates the editions of a kit: the YAML files
// and Markdown pages under data/<edition>/, described in docs/DATA.md.
//
// It reads only data/; it knows nothing of posters, PDFs or the site. Load
// returns every problem it finds in one diag.List, each with file, line,
// column and field, so that a translator fixes all of them in one pass. No
// input makes it panic.
package content

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/internal/par"
)

// MaxFileSize is the largest data file accepted. Real editions are a few
// kilobytes; the limit stops a mistaken or hostile file early.
const MaxFileSize = 1 << 20

// The files of an edition folder, other than pages/.
const (
	fileEdition     = "edition.yaml"
	fileTexts       = "texts.yaml"
	fileAdvice      = "advice.yaml"
	fileMyths       = "myths.yaml"
	fileContacts    = "contacts.yaml"
	fileLaw         = "law.yaml"
	fileTerminology = "terminology.yaml"
	fileSheets      = "sheets.yaml"
	fileTranslation = "translation.yaml" // optional
	dirPages        = "pages"
)

var editionFiles = []string{fileEdition, fileTexts, fileAdvice, fileMyths, fileContacts, fileLaw, fileTerminology, fileSheets}

// Set is every edition of a data folder, sorted by code.
type Set struct {
	Editions []*Edition
}

// Edition returns the edition with the given code, or nil.
func (s *Set) Edition(code string) *Edition {
	for _, e := range s.Editions {
		if e.Code == code {
			return e
		}
	}
	return nil
}

// Load reads and validates every edition under root, a folder whose
// subfolders are editions. name is how root is shown in messages (e.g.
// "data"). fsys is usually os.DirFS(root).
//
// The returned error is a *diag.Error listing every problem; the set is
// returned even then, for tools that want to show what could be read.
func Load(fsys fs.FS, name string) (*Set, error) {
	return LoadOptions(fsys, name, Options{})
}

// Options change what Load checks.
type Options struct {
	// Now is the time of the run: a verification date after it is an
	// error (see Date.CheckVerification). The zero time skips that check;
	// kit/content never reads the clock itself.
	Now time.Time
}

// LoadOptions is Load with options.
func LoadOptions(fsys fs.FS, name string, opt Options) (*Set, error) {
	var probs diag.List
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		probs.Add(name, 0, 0, "", "cannot read the data folder: %v", unwrapPath(err))
		return &Set{}, probs.Err()
	}
	set := &Set{}
	var dirs []string
	for _, ent := range entries {
		if strings.HasPrefix(ent.Name(), ".") {
			continue
		}
		if ent.Type()&fs.ModeSymlink != 0 {
			probs.Add(path.Join(name, ent.Name()), 0, 0, "", "a symbolic link: an edition must be a real folder inside the data folder")
			continue
		}
		if !ent.IsDir() {
			probs.Add(path.Join(name, ent.Name()), 0, 0, "", "unexpected file: the data folder holds only edition folders such as fr-FR/")
			continue
		}
		dirs = append(dirs, ent.Name())
	}
	// Editions are independent: read them on every core (YAML parsing is
	// most of a check), then report their problems in folder order.
	eds := make([]*Edition, len(dirs))
	eprobs := make([]diag.List, len(dirs))
	par.Do(len(dirs), func(i int) {
		sub, _ := fs.Sub(fsys, dirs[i])
		eds[i] = loadEdition(sub, path.Join(name, dirs[i]), dirs[i], &eprobs[i], opt)
	})
	for i := range dirs {
		probs = append(probs, eprobs[i]...)
		set.Editions = append(set.Editions, eds[i])
	}
	if len(set.Editions) == 0 && len(probs) == 0 {
		probs.Add(name, 0, 0, "", "no edition found: add a folder such as %s/fr-FR/ (see docs/DATA.md)", name)
	}
	return set, probs.Err()
}

// LoadEdition reads and validates one edition folder.
func LoadEdition(fsys fs.FS, name, folder string) (*Edition, error) {
	var probs diag.List
	e := loadEdition(fsys, name, folder, &probs, Options{})
	return e, probs.Err()
}

func loadEdition(fsys fs.FS, dir, folder string, probs *diag.List, opt Options) *Edition {
	l := &loader{fsys: fsys, dir: dir, probs: probs, where: map[string]map[string]pos{}, broken: map[string]map[string]bool{}, bad: map[string]bool{}, now: opt.Now}
	e := &Edition{Dir: dir}
	l.warnings = &e.warnings

	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		probs.Add(dir, 0, 0, "", "cannot read the edition folder: %v", unwrapPath(err))
		return e
	}
	links := map[string]bool{}
	var images []string
	for _, ent := range entries {
		n := ent.Name()
		if ent.Type()&fs.ModeSymlink != 0 {
			// A link could point anywhere on the machine: refuse it.
			probs.Add(path.Join(dir, n), 0, 0, "", "a symbolic link: data files must be regular files inside the edition folder")
			links[n] = true
			continue
		}
		if strings.HasPrefix(n, ".") || n == dirPages || slices.Contains(editionFiles, n) || n == fileTranslation {
			continue
		}
		if imageRE.MatchString(n) {
			images = append(images, n) // checked once edition.yaml names its logo
			continue
		}
		probs.Add(path.Join(dir, n), 0, 0, "", "unexpected file (expected one of %s, pages/)", strings.Join(editionFiles, ", "))
	}
	for n := range links {
		l.bad[n] = true // reported once, never read
	}

	l.yamlFile(fileEdition, e)
	l.yamlFile(fileTexts, &e.Texts)
	var advice struct {
		Steps []Step `yaml:"steps"`
	}
	l.yamlFile(fileAdvice, &advice)
	e.Advice = advice.Steps
	var myths struct {
		Myths []Myth `yaml:"myths"`
	}
	l.yamlFile(fileMyths, &myths)
	e.Myths = myths.Myths
	var contacts struct {
		Contacts []Contact `yaml:"contacts"`
	}
	l.yamlFile(fileContacts, &contacts)
	e.Contacts = contacts.Contacts
	var law struct {
		References []LawRef `yaml:"references"`
	}
	l.yamlFile(fileLaw, &law)
	e.Law = law.References
	l.yamlFile(fileTerminology, &e.Terminology)
	l.yamlFile(fileSheets, &e.Sheets)
	e.Pages = l.pages(e.Region)
	if _, err := fs.Lstat(fsys, fileTranslation); err == nil {
		e.Translation = &Translation{}
		l.yamlFile(fileTranslation, e.Translation)
	}

	l.validate(e, folder)
	for _, n := range images {
		if n != e.Logo {
			probs.Add(path.Join(dir, n), 0, 0, "", "unexpected file (an image that edition.yaml does not name as its logo)")
		}
	}
	if e.Logo != "" && !l.bad[fileEdition] {
		l.logo(e)
	}
	e.fields = l
	return e
}

// loader holds what one edition's checks need: where each field was written.
type loader struct {
	fsys   fs.FS
	dir    string
	probs  *diag.List
	where  map[string]map[string]pos  // file → field path → position
	broken map[string]map[string]bool // file → field paths that could not be decoded
	bad    map[string]bool            // files that could not be read or parsed
	// now is Options.Now.
	now time.Time
	// warnings receives what is accepted but deserves a second look.
	warnings *diag.List
}

func (l *loader) file(name string) string { return path.Join(l.dir, name) }

// read returns the bytes of a file after the checks every data file passes.
func (l *loader) read(name string) ([]byte, bool) {
	if l.bad[name] {
		return nil, false
	}
	f := l.file(name)
	fail := func(format string, args ...any) ([]byte, bool) {
		l.probs.Add(f, 0, 0, "", format, args...)
		if l.bad == nil {
			l.bad = map[string]bool{}
		}
		l.bad[name] = true
		return nil, false
	}
	st, err := l.lstat(name)
	if err != nil {
		return fail("missing file (see docs/DATA.md)")
	}
	if what := notRegular(st.Mode()); what != "" {
		return fail("%s, not a regular file: data files must be regular files inside the edition folder", what)
	}
	if st.Size() > MaxFileSize {
		return fail("file too large: %d bytes (at most %d)", st.Size(), MaxFileSize)
	}
	b, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		return fail("cannot read: %v", unwrapPath(err))
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return fail("file is empty")
	}
	if !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0 {
		return fail("not UTF-8 text (a binary file, or saved in another encoding)")
	}
	return bytes.TrimPrefix(b, []byte("\ufeff")), true
}

// yamlFile decodes one YAML file into v, strictly.
func (l *loader) yamlFile(name string, v any) {
	b, ok := l.read(name)
	if !ok {
		return
	}
	l.yamlBytes(name, b, 0, v)
}

// yamlBytes decodes YAML that starts at line offset+1 of file name.
func (l *loader) yamlBytes(name string, b []byte, offset int, v any) {
	f := l.file(name)
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil {
		p := syntaxProblem(f, err)
		if p.Line > 0 {
			p.Line += offset
		}
		*l.probs = append(*l.probs, p)
		l.markBad(name)
		return
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		l.probs.Add(f, extra.Line+offset, 0, "", "more than one YAML document (remove the second ---)")
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		shift(doc.Content[0], offset)
	}
	d := &decoder{file: f, probs: l.probs, where: map[string]pos{}, broken: map[string]bool{}, text: true}
	d.decode(&doc, reflectValue(v), "")
	l.where[name] = d.where
	l.broken[name] = d.broken
}

func (l *loader) markBad(name string) {
	if l.bad == nil {
		l.bad = map[string]bool{}
	}
	l.bad[name] = true
}

func shift(n *yaml.Node, offset int) {
	if offset == 0 {
		return
	}
	n.Line += offset
	for _, c := range n.Content {
		shift(c, offset)
	}
}

// pages reads pages/*.md: YAML front matter between --- lines, then Markdown.
func (l *loader) pages(region string) []Page {
	if l.bad[dirPages] {
		return nil // a symbolic link, already reported: never followed
	}
	if st, err := l.lstat(dirPages); err == nil && !st.IsDir() {
		l.probs.Add(l.file(dirPages), 0, 0, "", "%s, not a folder: the pages %s are required in a pages/ folder", cmp.Or(notRegular(st.Mode()), "a file"), strings.Join(RequiredPages, ", "))
		return nil
	}
	entries, err := fs.ReadDir(l.fsys, dirPages)
	if err != nil {
		l.probs.Add(l.file(dirPages), 0, 0, "", "missing folder: the pages %s are required", strings.Join(RequiredPages, ", "))
		return nil
	}
	var pages []Page
	found := map[string]bool{}
	for _, ent := range entries {
		n := ent.Name()
		if strings.HasPrefix(n, ".") {
			continue
		}
		slug, isMD := strings.CutSuffix(n, ".md")
		name := path.Join(dirPages, n)
		if ent.Type()&fs.ModeSymlink != 0 {
			l.probs.Add(l.file(name), 0, 0, "", "a symbolic link: pages must be regular files inside the edition folder")
			found[slug] = true
			continue
		}
		if ent.IsDir() || !isMD || !slices.Contains(RequiredPages, slug) {
			l.probs.Add(l.file(name), 0, 0, "", "unexpected file (pages are %s, each .md)", strings.Join(RequiredPages, ", "))
			continue
		}
		found[slug] = true
		b, ok := l.read(name)
		if !ok {
			continue
		}
		p := Page{Slug: slug}
		front, body, ok := splitFrontMatter(b)
		if !ok {
			l.probs.Add(l.file(name), 1, 1, "", "a page starts with front matter between two --- lines (title, description, weight, sources)")
			continue
		}
		l.yamlBytes(name, front, 1, &p)
		p.Body = strings.TrimSpace(string(body))
		if Blank(p.Body) {
			l.probs.Add(l.file(name), 0, 0, "", "the page has no text after its front matter")
		} else {
			// body is the end of b with its line ends normalised.
			nb := bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
			l.markdown(name, body, 1+bytes.Count(nb[:len(nb)-len(body)], []byte("\n")), region)
		}
		pages = append(pages, p)
	}
	for _, slug := range RequiredPages {
		if !found[slug] {
			l.probs.Add(l.file(path.Join(dirPages, slug+".md")), 0, 0, "", "missing page")
		}
	}
	slices.SortStableFunc(pages, func(a, b Page) int {
		if a.Weight != b.Weight {
			return a.Weight - b.Weight
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	return pages
}

func splitFrontMatter(b []byte) (front, body []byte, ok bool) {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(b, []byte("---\n"))
	if !ok {
		return nil, nil, false
	}
	if bytes.HasPrefix(rest, []byte("---\n")) {
		return nil, nil, false
	}
	front, body, ok = bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		front, ok = bytes.CutSuffix(rest, []byte("\n---"))
	}
	return front, body, ok
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Errorf("%s", pe.Err)
	}
	return err
}
