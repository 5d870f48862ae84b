package build_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/png"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/bundle"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/testkit"
)

// needTool returns the path of a command-line tool the test reads PDFs
// with. `make test` installs them; a missing tool is a failure, never a
// skipped test.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed (make test-deps installs poppler-utils and qpdf)", name)
	}
	return p
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(needTool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

var (
	bundledOnce sync.Once
	bundledOut  string
	bundledErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if bundledOut != "" {
		os.RemoveAll(filepath.Dir(bundledOut))
	}
	os.Exit(code)
}

// bundled builds the repository's own data once for all tests of the
// package.
func bundled(t *testing.T) string {
	t.Helper()
	bundledOnce.Do(func() {
		dir, err := os.MkdirTemp("", "awarekit-bundled-")
		if err != nil {
			bundledErr = err
			return
		}
		root := testkit.Root()
		bundledOut = filepath.Join(dir, "public")
		_, bundledErr = build.Run(build.Options{Root: root, Data: filepath.Join(root, "data"), Out: bundledOut})
	})
	if bundledErr != nil {
		t.Fatalf("building the bundled data: %v", bundledErr)
	}
	return bundledOut
}

// normalise keeps letters and digits only, after undoing typography, so
// that line breaks, no-break spaces and apostrophe styles do not matter.
func normalise(s string) string {
	s = strings.NewReplacer("’", "'", "\u00a0", " ", "\u202f", " ").Replace(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("'(),.:;!?–-/", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func officialLines(t *testing.T, design string) []string {
	f, err := os.Open(filepath.Join(testkit.Root(), "testdata", "official", design+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestOfficialPosterText reads the fr-FR posters back with pdftotext and
// finds every sentence of the official posters, word for word.
func TestOfficialPosterText(t *testing.T) {
	out := bundled(t)
	for _, design := range []string{"la-sextorsion", "c-est-non"} {
		want := officialLines(t, design)
		for _, size := range []string{"a4", "a3", "a4-bleed", "a3-bleed"} {
			file := filepath.Join(out, "fr-FR", "posters", design+"-"+size+".pdf")
			got := normalise(tool(t, "pdftotext", file, "-"))
			for _, l := range want {
				if !strings.Contains(got, normalise(l)) {
					t.Errorf("%s-%s.pdf lacks the official text %q", design, size, l)
				}
			}
		}
	}
}

var boxRE = regexp.MustCompile(`(?m)^(MediaBox|TrimBox):\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)`)

// TestPDFStructure checks every poster PDF of every edition: page boxes,
// embedded subset fonts, and qpdf's structural check.
func TestPDFStructure(t *testing.T) {
	out := bundled(t)
	pdfs, _ := filepath.Glob(filepath.Join(out, "*", "posters", "*.pdf"))
	if len(pdfs) < 16 {
		t.Fatalf("only %d poster PDFs built", len(pdfs))
	}
	sizes := map[string][2]float64{"a4": {595.28, 841.89}, "a3": {841.89, 1190.55}, "a5": {419.53, 595.28}, "card": {240.94, 155.91}}
	for _, p := range pdfs {
		name := filepath.Base(p)
		bleed := strings.HasSuffix(name, "-bleed.pdf")
		var want [2]float64
		for s, v := range sizes {
			if strings.Contains(name, "-"+s) {
				want = v
			}
		}
		boxes := map[string][4]float64{}
		for _, m := range boxRE.FindAllStringSubmatch(tool(t, "pdfinfo", "-box", p), -1) {
			var v [4]float64
			for i := range v {
				v[i], _ = strconv.ParseFloat(m[i+2], 64)
			}
			boxes[m[1]] = v
		}
		media, trim := boxes["MediaBox"], boxes["TrimBox"]
		extra := 0.0
		if bleed {
			extra = 17 // 2 × 3 mm = 2 × 8.5 pt
		}
		near := func(a, b float64) bool { return a-b < 0.02 && b-a < 0.02 }
		if !near(media[2]-media[0], want[0]+extra) || !near(media[3]-media[1], want[1]+extra) {
			t.Errorf("%s: MediaBox %v, want %.2f × %.2f", name, media, want[0]+extra, want[1]+extra)
		}
		if !near(trim[2]-trim[0], want[0]) || !near(trim[3]-trim[1], want[1]) || bleed && !near(trim[0], 8.5) {
			t.Errorf("%s: TrimBox %v, want the page %.2f × %.2f", name, trim, want[0], want[1])
		}
		fonts := strings.Split(strings.TrimSpace(tool(t, "pdffonts", p)), "\n")
		if len(fonts) < 3 {
			t.Errorf("%s: no font", name)
		}
		for _, l := range fonts[2:] {
			f := strings.Fields(l)
			// name type… encoding emb sub uni object ID
			if n := len(f); n < 6 || f[n-5] != "yes" || f[n-4] != "yes" || !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(f[0]) {
				t.Errorf("%s: font not embedded as a subset: %s", name, l)
			}
		}
		tool(t, "qpdf", "--check", p)
	}
}

// TestReproducible builds a small kit twice from scratch
// (testdata/kits/he-FR.txtar: a left-to-right and a mirrored right-to-left
// edition, each with a logo): once from memory, once from a folder whose
// files were written in the opposite order, into different folders, with
// different time zones, and compares every output file.
func TestReproducible(t *testing.T) {
	k := testkit.NewKit(t, testkit.Archive(t, "testdata/kits/he-FR.txtar"))
	img := image.NewNRGBA(image.Rect(0, 0, 60, 20))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	for _, code := range []string{"fr-FR", "he-FR"} {
		k.Files["data/"+code+"/logo.png"] = &fstest.MapFile{Data: buf.Bytes()}
		ed := k.Files["data/"+code+"/edition.yaml"]
		ed.Data = append(ed.Data, "logo: logo.png\nlogo_alt: Association Exemple\n"...)
	}
	// The same files on disk, written in the opposite order.
	dir := t.TempDir()
	names := slices.Sorted(maps.Keys(k.Files))
	slices.Reverse(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if k.Files[name].Mode.IsDir() {
			os.MkdirAll(p, 0o755)
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, k.Files[name].Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	hashes := func(tz string, opt build.Options) map[string]string {
		t.Setenv("TZ", tz)
		out := filepath.Join(t.TempDir(), "public")
		opt.Out = out
		if _, err := build.Run(opt); err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(out, p)
				m[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
			}
			return err
		})
		return m
	}
	a := hashes("UTC", kitOptions(k))
	b := hashes("Pacific/Auckland", build.Options{Root: dir, Data: filepath.Join(dir, "data"), Now: testkit.Today})
	if len(a) < 50 || len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for f, h := range a {
		if b[f] != h {
			t.Errorf("%s differs between two builds", f)
		}
	}
}

// TestOverflow: a too-long advice text fails with the box and the amount,
// for every size, at once.
func TestOverflow(t *testing.T) {
	k := testkit.NewKit(t, `copy testdata/valid/fr-FR data/fr-FR
copy testdata/overflow/advice.yaml data/fr-FR/advice.yaml`)
	want, _ := os.ReadFile(filepath.Join(testkit.Root(), "testdata", "overflow", "want.txt"))
	o := k.TryBuild(t, buildKit)
	if o.Err == nil {
		t.Fatal("the build succeeded")
	}
	if got := o.Err.Error() + "\n"; got != string(want) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if _, err := os.Stat(k.Out); !os.IsNotExist(err) {
		t.Errorf("a failed build wrote public/")
	}
	if bytes.Contains(want, []byte("c-est-non/a4/steps")) == false {
		t.Errorf("want.txt should list the steps box of c-est-non too")
	}
}

// TestKitZip: the edition's zip holds every poster file and the README,
// and every file matches the manifest.
func TestKitZip(t *testing.T) {
	k := testkit.NewKit(t, "copy testdata/valid/fr-FR data/fr-FR")
	opt := kitOptions(k)
	opt.Version = "test"
	if _, err := build.Run(opt); err != nil {
		t.Fatal(err)
	}
	out := k.Out
	b, err := os.ReadFile(filepath.Join(out, "fr-FR", "kit-fr-FR.zip"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := bundle.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	posters, _ := filepath.Glob(filepath.Join(out, "fr-FR", "posters", "*"))
	if len(m.Files) != len(posters)+1 || m.Edition != "fr-FR" || m.BuildDate != "2026-11-24" || m.Version != "test" {
		t.Errorf("manifest: %d files for %d posters; %+v", len(m.Files), len(posters), m)
	}
}

// TestDesignTexts: every new design of every edition prints its texts, read
// back with pdftotext: the sheets' items and titles, every verified contact
// on the contacts poster, and the wallet card's two sides.
func TestDesignTexts(t *testing.T) {
	out := bundled(t)
	set, err := build.Check(filepath.Join(testkit.Root(), "data"), testkit.Today)
	if err != nil {
		t.Fatal(err)
	}
	plain := func(s string) string { return normalise(strings.ReplaceAll(s, "**", "")) }
	for _, e := range set.Editions {
		text := func(file string) string {
			return normalise(tool(t, "pdftotext", filepath.Join(out, e.Code, "posters", file), "-"))
		}
		for file, sheet := range map[string]content.Sheet{
			"bons-reflexes-a5.pdf":         e.Sheets.Reflexes,
			"bons-reflexes-carte-card.pdf": e.Sheets.Reflexes,
			"parents-a4.pdf":               e.Sheets.Parents,
			"accueil-a4.pdf":               e.Sheets.Reception,
		} {
			got := text(file)
			want := append([]string{sheet.Title, sheet.Intro}, sheet.Items...)
			for _, sec := range sheet.Sections {
				want = append(append(want, sec.Heading), sec.Items...)
			}
			// Right to left, pdftotext is no exact reader: it sorts a
			// page's glyphs by position and runs its own bidi on them,
			// whatever the order of the text in the PDF, which moves a
			// neutral character at a change of direction to the wrong side
			// ("3018: لحذف" comes out as ":3018 لحذف", "23:00، مجاني" as
			// "،23:00 مجاني", "(commissariat de police)" as "(
			// )commissariat de police"), and it puts a vowel mark before
			// its letter or cuts a word at it ("قدّموا" as "ق ّ" and
			// "دموا" on two lines; third_party/gopdf/CHANGES.md, known
			// limit). So a line of a right-to-left edition must give its
			// letters and digits in order in pdftotext (marks, spaces and
			// punctuation aside), and the whole line, punctuation included,
			// both in MuPDF's text (the runs in the order they are written)
			// and in the structure's text (pdfinfo -struct-text: what a
			// screen reader gets).
			rtl := i18n.DefaultLocale(e.Language).RightToLeft()
			var gotLetters, mupdf, structText string
			if rtl {
				pdf := filepath.Join(out, e.Code, "posters", file)
				gotLetters = letters(got)
				mupdf = normalise(tool(t, "mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf))
				structText = normalise(tool(t, "pdfinfo", "-struct-text", pdf))
			}
			for _, w := range want {
				switch {
				case w == "":
				case !rtl && !strings.Contains(got, plain(w)):
					t.Errorf("%s/%s lacks %q", e.Code, file, w)
				case rtl && !strings.Contains(gotLetters, letters(plain(w))):
					t.Errorf("%s/%s: pdftotext lacks the letters of %q in order", e.Code, file, w)
				case rtl && !strings.Contains(mupdf, plain(w)):
					t.Errorf("%s/%s: MuPDF's text lacks %q", e.Code, file, w)
				case rtl && !strings.Contains(structText, plain(w)):
					t.Errorf("%s/%s: the structure's text lacks %q", e.Code, file, w)
				}
			}
		}
		got := text("contacts-a4.pdf")
		for _, c := range e.Contacts {
			if c.Unverified == "" && !strings.Contains(got, plain(c.Name)) {
				t.Errorf("%s/contacts-a4.pdf lacks %s", e.Code, c.Name)
			}
		}
		card := filepath.Join(out, e.Code, "posters", "bons-reflexes-carte-card.pdf")
		if info := tool(t, "pdfinfo", card); !regexp.MustCompile(`(?m)^Pages:\s+2$`).MatchString(info) {
			t.Errorf("%s: the wallet card is not two-sided:\n%s", e.Code, info)
		}
		back := normalise(tool(t, "pdftotext", "-f", "2", "-l", "2", card, "-"))
		// The back carries the contacts edition.yaml lists under card:.
		for _, c := range e.CardContacts() {
			if c.Unverified == "" && c.Phone != nil && !strings.Contains(back, plain(c.Phone.Display)) {
				t.Errorf("%s: the card's back lacks %s's number", e.Code, c.Name)
			}
		}
		if e.Code == "fr-FR" && !strings.Contains(back, "3018") {
			t.Errorf("fr-FR: the card's back lacks the 3018 its front tells to call:\n%s", back)
		}
	}
}

// letters keeps the letters and digits of a text.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// TestLogo: an edition's own logo is printed in the footer of its posters,
// as an image pdfimages finds, and the PDF stays valid.
func TestLogo(t *testing.T) {
	k := testkit.NewKit(t, "copy testdata/valid/fr-FR data/fr-FR")
	img := image.NewNRGBA(image.Rect(0, 0, 120, 40))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 31)
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	k.Files["data/fr-FR/ngo-logo.png"] = &fstest.MapFile{Data: buf.Bytes()}
	ed := k.Files["data/fr-FR/edition.yaml"]
	ed.Data = append(ed.Data, "logo: ngo-logo.png\nlogo_alt: Association Exemple\n"...)
	out := k.Build(t, buildKit).Dir
	p := filepath.Join(out, "fr-FR", "posters", "la-sextorsion-a4.pdf")
	if list := tool(t, "pdfimages", "-list", p); !strings.Contains(list, " 120    40 ") {
		t.Errorf("no 120 × 40 logo in the PDF:\n%s", list)
	}
	tool(t, "qpdf", "--check", p)
}
