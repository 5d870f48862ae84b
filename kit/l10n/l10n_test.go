package l10n

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/testkit"
)

// kit copies data/fr-LU (the source of the de-LU translation) into a
// temporary data folder, or the test fixture testdata/valid (fr-FR) when
// the repository has no fr-LU yet. It returns the options and the source
// edition's code.
func kit(t *testing.T) (Options, string) {
	t.Helper()
	dir := t.TempDir()
	src, code := filepath.Join(testkit.Root(), "data", "fr-LU"), "fr-LU"
	if _, err := os.Stat(src); err != nil {
		src, code = filepath.Join(testkit.Root(), "testdata", "valid", "fr-FR"), "fr-FR"
	}
	if err := testkit.CopyDir(src, filepath.Join(dir, "data", code)); err != nil {
		t.Fatal(err)
	}
	return Options{Data: filepath.Join(dir, "data"), Root: dir}, code
}

func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed (make test-deps installs it)", name)
	}
	return p
}

// snapshot is every file under dir with its contents.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		data, _ := os.ReadFile(p)
		fmt.Fprintf(&b, "%s %x\n", rel, data)
		return nil
	})
	return b.String()
}

func export(t *testing.T, opt Options, code, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Export(opt, code, "", format, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func write(t *testing.T, format string, c *Catalog) []byte {
	t.Helper()
	var buf bytes.Buffer
	var err error
	switch format {
	case FormatPO:
		err = WritePO(&buf, c)
	case FormatXLIFF12:
		err = WriteXLIFF12(&buf, c)
	default:
		err = WriteXLIFF(&buf, c)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// translate stands for a translator: the poster texts keep their length
// (so that they still fit), the others get a marker.
func translate(u Unit) string {
	if strings.HasPrefix(u.ID, "i18n.") {
		return u.Source
	}
	if strings.HasPrefix(u.ID, "pages.") && strings.HasSuffix(u.ID, ".body") {
		return "Übersetzt:\n\n" + u.Source
	}
	if strings.HasPrefix(u.ID, "texts.") || strings.HasPrefix(u.ID, "advice.") || strings.HasPrefix(u.ID, "myths.") || strings.HasPrefix(u.ID, "sheets.") {
		return strings.ReplaceAll(u.Source, "e", "ë")
	}
	return "[de] " + u.Source
}

func scaffold(t *testing.T) (Options, string) {
	t.Helper()
	opt, src := kit(t)
	if _, err := New(opt, "de-LU", src); err != nil {
		t.Fatal(err)
	}
	return opt, src
}

func TestNew(t *testing.T) {
	opt, src := kit(t)
	res, err := New(opt, "de-LU", src)
	if err != nil {
		t.Fatal(err)
	}
	if res.Strings == 0 || len(res.Files) < 17 {
		t.Errorf("result: %+v", res)
	}
	e, err := content.LoadEdition(os.DirFS(filepath.Join(opt.Data, "de-LU")), "data/de-LU", "de-LU")
	if err != nil {
		t.Fatal(err)
	}
	if e.Code != "de-LU" || e.Language != "de" || e.LanguageName != "Deutsch" || e.RegionName != "Luxemburg" || !e.Draft() {
		t.Errorf("edition: %s %s %s %s %s", e.Code, e.Language, e.LanguageName, e.RegionName, e.Status)
	}
	for _, c := range e.Contacts {
		if c.Verification != nil || c.Unverified == "" {
			t.Errorf("contact %s is not marked unverified", c.ID)
		}
	}
	for _, r := range e.Law {
		if r.Verification != nil || r.Unverified == "" {
			t.Errorf("law %s is not marked unverified", r.ID)
		}
	}
	if e.Emergency.Verification != nil || e.Emergency.Unverified == "" {
		t.Errorf("emergency is not marked unverified")
	}
	if e.Translation == nil || e.Translation.Source != src {
		t.Fatalf("translation: %+v", e.Translation)
	}
	for id, st := range e.Translation.Strings {
		want := content.StateNeedsTranslation
		if strings.HasPrefix(id, "i18n.") { // the kit has German interface strings
			want = content.StateTranslated
		}
		if st.State != want {
			t.Errorf("%s: %s, want %s", id, st.State, want)
		}
	}
	// Texts are copied byte for byte: only the edition's identity and the
	// verification marks change.
	for _, f := range []string{"texts.yaml", "advice.yaml", "myths.yaml", "terminology.yaml", "sheets.yaml", "pages/what-is.md"} {
		a, _ := os.ReadFile(filepath.Join(opt.Data, src, f))
		b, _ := os.ReadFile(filepath.Join(opt.Data, "de-LU", f))
		if !bytes.Equal(a, b) {
			t.Errorf("%s changed", f)
		}
	}
	if _, err := New(opt, "de-LU", src); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second new: %v", err)
	}
	if _, err := New(opt, "deLU", src); err == nil {
		t.Errorf("bad code accepted")
	}
}

// TestNewOtherRegion: a new region keeps national numbers in
// international form and drops short numbers it cannot dial.
func TestNewOtherRegion(t *testing.T) {
	opt, src := kit(t)
	if _, err := New(opt, "fr-BE", src); err != nil {
		t.Fatal(err)
	}
	e, err := content.LoadEdition(os.DirFS(filepath.Join(opt.Data, "fr-BE")), "data/fr-BE", "fr-BE")
	if err != nil {
		t.Fatal(err)
	}
	if e.RegionName != "Belgique" || e.Region != "BE" {
		t.Errorf("region: %s %s", e.Region, e.RegionName)
	}
	// Where 112 is not an emergency number (Morocco), the region's own one
	// is taken, still unverified.
	if _, err := New(opt, "fr-MA", src); err != nil {
		t.Fatal(err)
	}
	ma, err := content.LoadEdition(os.DirFS(filepath.Join(opt.Data, "fr-MA")), "data/fr-MA", "fr-MA")
	if err != nil {
		t.Fatal(err)
	}
	if ma.Emergency.Dial == "112" || ma.Emergency.Unverified == "" {
		t.Errorf("fr-MA emergency: %+v", ma.Emergency)
	}
}

// TestRoundTrip: export, translate, import, export again gives the same
// file; the edition is valid and every string is translated.
func TestRoundTrip(t *testing.T) {
	for _, format := range []string{FormatPO, FormatXLIFF, FormatXLIFF12} {
		t.Run(format, func(t *testing.T) {
			opt, _ := scaffold(t)
			first := export(t, opt, "de-LU", format)
			c, err := Read("first", first)
			if err != nil {
				t.Fatal(err)
			}
			for i := range c.Units {
				if c.Units[i].Target != "" && !strings.HasPrefix(c.Units[i].ID, "i18n.") {
					t.Errorf("%s: a fresh edition offers a translation", c.Units[i].ID)
				}
				c.Units[i].Target = translate(c.Units[i])
				c.Units[i].State = StateTranslated
			}
			translated := write(t, format, c)
			if format == FormatPO {
				msgfmt(t, translated)
			}
			res, err := Import(opt, "de-LU."+format, translated)
			if err != nil {
				t.Fatal(err)
			}
			if res.Imported == 0 || len(res.Stale) > 0 {
				t.Errorf("import: %+v", res)
			}
			again := export(t, opt, "de-LU", format)
			if !bytes.Equal(again, translated) {
				t.Errorf("export after import differs from the imported file:\n%s", firstDiff(translated, again))
			}
			// Importing the same file again changes nothing.
			before := snapshot(t, opt.Data)
			if _, err := Import(opt, "de-LU."+format, translated); err != nil {
				t.Fatal(err)
			}
			if snapshot(t, opt.Data) != before {
				t.Errorf("a second import changed files")
			}
			sts, err := Status(opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range sts {
				if s.Edition == "de-LU" && (s.Missing != 0 || s.Stale != 0 || s.Translated != s.Strings || s.Strings == 0) {
					t.Errorf("status: %+v", s)
				}
			}
			e, err := content.LoadEdition(os.DirFS(filepath.Join(opt.Data, "de-LU")), "data/de-LU", "de-LU")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(e.Texts.Title, "ë") && !strings.Contains(e.Texts.Definition, "ë") {
				t.Errorf("texts not translated: %q", e.Texts.Definition)
			}
		})
	}
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d, %d lines", len(al), len(bl))
}

func msgfmt(t *testing.T, po []byte) {
	t.Helper()
	bin := tool(t, "msgfmt")
	f := filepath.Join(t.TempDir(), "x.po")
	os.WriteFile(f, po, 0o644)
	out, err := exec.Command(bin, "--check", "--statistics", "-o", os.DevNull, f).CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("warning")) {
		t.Errorf("msgfmt --check: %v\n%s", err, out)
	}
}

func TestExportValid(t *testing.T) {
	opt, _ := scaffold(t)
	msgfmt(t, export(t, opt, "de-LU", FormatPO))
	x := export(t, opt, "de-LU", FormatXLIFF)
	if _, err := Read("x.xlf", x); err != nil {
		t.Fatal(err)
	}
	bin := tool(t, "xmllint") // libxml2-utils: well-formedness only, no schema offline
	f := filepath.Join(t.TempDir(), "x.xlf")
	os.WriteFile(f, x, 0o644)
	if out, err := exec.Command(bin, "--noout", f).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}

// TestStale: a source text changed after its translation makes the
// translation stale: status counts it, export marks it fuzzy / initial.
func TestStale(t *testing.T) {
	opt, src := scaffold(t)
	c, err := Read("x", export(t, opt, "de-LU", FormatPO))
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Units {
		c.Units[i].Target = translate(c.Units[i])
		c.Units[i].State = StateTranslated
	}
	if _, err := Import(opt, "x.po", write(t, FormatPO, c)); err != nil {
		t.Fatal(err)
	}
	// The source's warning is rewritten.
	p, err := open(opt, src)
	if err != nil {
		t.Fatal(err)
	}
	p.files.byID["texts.warning"].set("N'envoie JAMAIS d'images intimes.")
	files, err := p.files.rendered()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(opt.Data, src, "texts.yaml"), files["texts.yaml"], 0o644)

	sts, err := Status(opt)
	if err != nil {
		t.Fatal(err)
	}
	var de EditionStatus
	for _, s := range sts {
		if s.Edition == "de-LU" {
			de = s
		}
	}
	if de.Stale != 1 || len(de.StaleIDs) != 1 || de.StaleIDs[0] != "texts.warning" || de.Missing != 0 {
		t.Errorf("status: %+v", de)
	}
	po := string(export(t, opt, "de-LU", FormatPO))
	if !strings.Contains(po, "#, fuzzy\nmsgctxt \"texts.warning\"\nmsgid \"N'envoie JAMAIS d'images intimes.\"\nmsgstr \"N'ënvoië") {
		t.Errorf("the stale string is not fuzzy in the PO:\n%s", po[strings.Index(po, "texts.warning")-200:][:600])
	}
	x := string(export(t, opt, "de-LU", FormatXLIFF))
	if i := strings.Index(x, `<unit id="texts.warning">`); i < 0 || !strings.Contains(x[i:i+800], `<segment state="initial">`) {
		t.Errorf("the stale string is not initial in the XLIFF")
	}
	// Importing the file back as it was exported leaves it stale;
	// translating it again makes it current.
	if _, err := Import(opt, "again.po", []byte(po)); err != nil {
		t.Fatal(err)
	}
	if sts, _ := Status(opt); sts[0].Stale != 1 {
		t.Errorf("an untouched fuzzy entry was taken as translated: %+v", sts[0])
	}
	po = strings.Replace(po, "#, fuzzy\nmsgctxt \"texts.warning\"", "msgctxt \"texts.warning\"", 1)
	if _, err := Import(opt, "again.po", []byte(po)); err != nil {
		t.Fatal(err)
	}
	if sts, _ := Status(opt); sts[0].Stale != 0 || sts[0].Translated != sts[0].Strings {
		t.Errorf("after translating again: %+v", sts[0])
	}
}

// TestRefused: malformed or foreign files are refused with a clear error,
// and nothing is written.
func TestRefused(t *testing.T) {
	opt, _ := scaffold(t)
	po := string(export(t, opt, "de-LU", FormatPO))
	xl := string(export(t, opt, "de-LU", FormatXLIFF))
	fixture := func(name string) string {
		b, err := os.ReadFile(filepath.Join(testkit.Root(), "testdata", "l10n", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, tc := range []struct {
		name, file, want string
	}{
		{"empty", "", "the file is empty"},
		{"unterminated string", strings.Replace(po, `msgid "`, `msgid "unterminated`+"\n", 2), "expected a string in double quotes"},
		{"plural", strings.Replace(po, "msgstr \"\"\n\n#.", "msgid_plural \"x\"\nmsgstr \"\"\n\n#.", 1), "plural forms are not used"},
		{"unknown id", strings.Replace(po, `msgctxt "texts.title"`, `msgctxt "texts.tilte"`, 1), `texts.tilte: unknown string id`},
		{"wrong source language", strings.Replace(po, "X-Awarekit-Source: ", "X-Awarekit-Source: en-", 1), "wrong source language"},
		{"wrong language", strings.Replace(po, "Language: de_LU", "Language: pt_BR", 1), "the header's Language does not match edition de-LU"},
		{"no header", po[strings.Index(po, "\n#.")+1:], "no PO header"},
		{"duplicate", po + "\nmsgctxt \"texts.title\"\nmsgid \"x\"\nmsgstr \"y\"\n", "is given twice"},
		{"script in a translation", strings.Replace(po, "msgctxt \"texts.title\"\nmsgid \"LA SEXTORSION\"\nmsgstr \"\"", "msgctxt \"texts.title\"\nmsgid \"LA SEXTORSION\"\nmsgstr \"<script>alert(1)</script>\"", 1), ": texts.title: HTML markup is not allowed"},
		{"xliff not well-formed", strings.Replace(xl, "</unit>", "</unti>", 1), "not well-formed XML"},
		{"xliff 1.2 namespace, version 2.0", strings.Replace(xl, `document:2.0`, `document:1.2`, 1), "not an XLIFF 1.2 or 2.0 document"},
		{"xliff 1.1", strings.Replace(xl, `version="2.0"`, `version="1.1"`, 1), "not an XLIFF 1.2 or 2.0 document"},
		{"xliff wrong source", strings.Replace(xl, `srcLang="fr-`, `srcLang="it-`, 1), "wrong source language"},
		{"xliff inline markup", strings.Replace(xl, "<source>", "<source><ph id=\"1\"/>", 1), "inline markup"},
		{"xliff other edition", strings.Replace(xl, `trgLang="de-LU"`, `trgLang="de-AT"`, 1), "no edition de-AT"},
		{"malformed.po fixture", fixture("malformed.po"), "malformed.po fixture:5: unknown escape"},
		{"malformed.xlf fixture", fixture("malformed.xlf"), "not well-formed XML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, filepath.Dir(opt.Data))
			_, err := Import(opt, tc.name, []byte(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
			if snapshot(t, filepath.Dir(opt.Data)) != before {
				t.Errorf("a refused import wrote files")
			}
		})
	}
}

// TestGermanFixture imports the German translation of fr-LU's poster texts
// (testdata/l10n/de-LU.po, the one data/de-LU was made with) into a fresh
// scaffold: the export afterwards is the same file.
func TestGermanFixture(t *testing.T) {
	opt, src := kit(t)
	if src != "fr-LU" {
		t.Fatal("no data/fr-LU: the fixture translates it")
	}
	if _, err := New(opt, "de-LU", src); err != nil {
		t.Fatal(err)
	}
	po, err := os.ReadFile(filepath.Join(testkit.Root(), "testdata", "l10n", "de-LU.po"))
	if err != nil {
		t.Fatal(err)
	}
	msgfmt(t, po)
	res, err := Import(opt, "de-LU.po", po)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Stale) > 0 {
		t.Fatalf("fr-LU changed since the fixture was translated: %v (translate testdata/l10n/de-LU.po again)", res.Stale)
	}
	if got := export(t, opt, "de-LU", FormatPO); !bytes.Equal(got, po) {
		t.Errorf("export after import differs:\n%s", firstDiff(po, got))
	}
	e, err := content.LoadEdition(os.DirFS(filepath.Join(opt.Data, "de-LU")), "data/de-LU", "de-LU")
	if err != nil {
		t.Fatal(err)
	}
	if e.Texts.Title != "SEXTORTION" || e.Advice[0].Keyword != "BRICH" {
		t.Errorf("texts: %q %q", e.Texts.Title, e.Advice[0].Keyword)
	}
}
