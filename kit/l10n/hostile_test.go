package l10n

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// poBytes reads a PO file with one entry whose msgstr has n continuation
// lines, and returns the bytes allocated doing so.
func poBytes(t *testing.T, n int) uint64 {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("msgid \"\"\nmsgstr \"\"\n\"X-Awarekit-Source: fr-LU\\n\"\n\"X-Awarekit-Target: de-LU\\n\"\n\nmsgctxt \"texts.title\"\nmsgid \"x\"\nmsgstr \"\"\n")
	for range n {
		b.WriteString("\"abcdefghijkl\"\n")
	}
	in := b.Bytes()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c, err := ReadPO("big.po", bytes.NewReader(in))
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Units) != 1 || len(c.Units[0].Target) != 12*n {
		t.Fatalf("read %d units, %d bytes", len(c.Units), len(c.Units[0].Target))
	}
	return after.TotalAlloc - before.TotalAlloc
}

// TestReadPOLinear: reading a string of continuation lines costs a bounded
// number of bytes per line, whatever the number of lines (a reader that
// concatenates strings allocates the whole string again at each line:
// about 12·n/2 bytes per line, 120 KB per line at 20 000 lines). Measured in
// bytes allocated, not in time.
func TestReadPOLinear(t *testing.T) {
	const n = 2000
	// The least of three runs: another goroutine's allocations (none are
	// expected) can only add to a run.
	least := func(n int) uint64 {
		m := poBytes(t, n)
		for range 2 {
			m = min(m, poBytes(t, n))
		}
		return m
	}
	small, large := least(n), least(10*n)
	perLine := float64(large-small) / float64(9*n)
	t.Logf("%.0f bytes allocated per continuation line (%d lines: %d bytes; %d lines: %d bytes)", perLine, n, small, 10*n, large)
	if perLine > 400 {
		t.Errorf("reading a PO string allocates %.0f bytes per continuation line of 12 bytes (%d bytes for %d lines, %d for %d): not linear", perLine, small, n, large, 10*n)
	}
}

// poEntry returns the line of the msgstr of entry id in a PO file.
func poLine(t *testing.T, po []byte, id string) int {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(po))
	line, found := 0, false
	for sc.Scan() {
		line++
		if sc.Text() == fmt.Sprintf("msgctxt %q", id) {
			found = true
		}
		if found && strings.HasPrefix(sc.Text(), "msgstr ") {
			return line
		}
	}
	t.Fatalf("no entry %s", id)
	return 0
}

// xliffLine returns the line of the unit id in an XLIFF file.
func xliffLine(t *testing.T, x []byte, id string) int {
	t.Helper()
	for i, l := range strings.Split(string(x), "\n") {
		if strings.Contains(l, fmt.Sprintf(`id=%q`, id)) && strings.Contains(l, "unit") {
			return i + 1
		}
	}
	t.Fatalf("no unit %s", id)
	return 0
}

// TestImportPlanted: an exchange file that plants HTML, a bidi override or
// a control character in a translation is refused, every problem at the
// file:line of its entry, and nothing is written.
func TestImportPlanted(t *testing.T) {
	meta := `<meta http-equiv=refresh content="0;url=https://evil.example/">`
	plant := func(u *Unit) {
		switch u.ID {
		case "i18n.call":
			u.Target = meta + "Appeler"
		case "texts.title":
			u.Target = "LA SEXTORSION\u202E"
		case "contacts.police-lu.name":
			u.Target = "30\u009b18"
		case "i18n.quick_exit":
			u.Target = strings.Repeat("x", 1001)
		default:
			return
		}
		u.State = StateTranslated
	}
	for _, format := range []string{FormatPO, FormatXLIFF12, FormatXLIFF} {
		t.Run(format, func(t *testing.T) {
			opt, _ := scaffold(t)
			c, err := Read("x", export(t, opt, "de-LU", format))
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for i := range c.Units {
				plant(&c.Units[i])
				if c.Units[i].State == StateTranslated && c.Units[i].Target != "" && (c.Units[i].ID == "i18n.call" || c.Units[i].ID == "texts.title" || c.Units[i].ID == "contacts.police-lu.name" || c.Units[i].ID == "i18n.quick_exit") {
					ids = append(ids, c.Units[i].ID)
				}
			}
			if !slices.Contains(ids, "i18n.call") || !slices.Contains(ids, "texts.title") {
				t.Fatalf("the export has no i18n.call or texts.title: %v", ids)
			}
			b := write(t, format, c)
			line := func(id string) int {
				if format == FormatPO {
					return poLine(t, b, id)
				}
				return xliffLine(t, b, id)
			}
			want := []string{
				fmt.Sprintf("planted:%d: i18n.call: HTML markup is not allowed (the site shows text, not HTML): write plain text, **emphasis** where the text allows it", line("i18n.call")),
				fmt.Sprintf("planted:%d: texts.title: a bidirectional override (it can reverse the text a reader sees) (U+202E) is not allowed", line("texts.title")),
			}
			if slices.Contains(ids, "contacts.police-lu.name") {
				want = append(want, fmt.Sprintf("planted:%d: contacts.police-lu.name: a control character (U+009B) is not allowed", line("contacts.police-lu.name")))
			}
			if slices.Contains(ids, "i18n.quick_exit") {
				want = append(want, fmt.Sprintf("planted:%d: i18n.quick_exit: too long: 1001 characters (at most 1000)", line("i18n.quick_exit")))
			}
			before := snapshot(t, filepath.Dir(opt.Data))
			_, err = Import(opt, "planted", b)
			if err == nil {
				t.Fatal("the planted file was imported")
			}
			for _, w := range want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error:\n%v\nwant a line:\n%s", err, w)
				}
			}
			if snapshot(t, filepath.Dir(opt.Data)) != before {
				t.Error("a refused import wrote files")
			}
		})
	}
}

// TestImportFile: i18n import reads only a regular file: a link is refused
// (not followed), a FIFO refused (not opened: no hang); no error shows a
// line of the file.
func TestImportFile(t *testing.T) {
	opt, _ := scaffold(t)
	dir := t.TempDir()
	secret := filepath.Join(dir, "passwd")
	if err := os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/bin/false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "de-LU.po")
	if err := os.Symlink(secret, link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.po")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	xml := filepath.Join(dir, "x.xlf")
	os.WriteFile(xml, []byte("<?xml version=\"1.0\"?>\n<secret-root-element password=\"hunter2\">\n"), 0o644)
	for _, c := range []struct{ file, want string }{
		{link, filepath.ToSlash(link) + ": a symbolic link, not a regular file"},
		{fifo, filepath.ToSlash(fifo) + ": a named pipe (FIFO), not a regular file"},
		{dir, filepath.ToSlash(dir) + ": a folder, not a regular file"},
		{secret, filepath.ToSlash(secret) + ":1: unexpected text (a PO file has msgctxt, msgid, msgstr and # comments)"},
		{xml, filepath.ToSlash(xml) + ": not an XLIFF 1.2 or 2.0 document"},
	} {
		done := make(chan error, 1)
		go func() { _, err := ImportFile(opt, c.file); done <- err }()
		var err error
		select {
		case err = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: ImportFile hangs", c.file)
		}
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.file, err, c.want)
		}
		if err != nil && (strings.Contains(err.Error(), "root:") || strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), "secret-root")) {
			t.Errorf("the error shows the file's content: %v", err)
		}
	}
	// A file of another kind is refused with its line, its text not shown.
	po := string(export(t, opt, "de-LU", FormatPO))
	for _, bad := range []string{
		strings.Replace(po, `msgctxt "texts.title"`, `msgctxt "root:x:0:0:root:/root:/bin/bash"`, 1),
		strings.Replace(po, `msgid "LA SEXTORSION"`, `msgid root:x:0:0:root`, 1),
		strings.Replace(po, "X-Awarekit-Target: de-LU", "X-Awarekit-Target: root:x:0:0", 1),
	} {
		_, err := Import(opt, "bad.po", []byte(bad))
		if err == nil || strings.Contains(err.Error(), "root:") {
			t.Errorf("error %v", err)
		}
	}
}

// TestRoundTripUnchanged: exporting, then importing the file untouched,
// leaves every file byte for byte, in every format.
func TestRoundTripUnchanged(t *testing.T) {
	for _, format := range []string{FormatPO, FormatXLIFF12, FormatXLIFF} {
		t.Run(format, func(t *testing.T) {
			opt, src := scaffold(t)
			same := func(stage string) {
				t.Helper()
				before := snapshot(t, filepath.Dir(opt.Data))
				x := export(t, opt, "de-LU", format)
				if _, err := Import(opt, "again", x); err != nil {
					t.Fatal(err)
				}
				if snapshot(t, filepath.Dir(opt.Data)) != before {
					t.Errorf("%s: importing the export unchanged changed files", stage)
				}
				if again := export(t, opt, "de-LU", format); !bytes.Equal(again, x) {
					t.Errorf("%s: the export changed:\n%s", stage, firstDiff(x, again))
				}
			}
			same("fresh scaffold")
			// Half translated, then one string stale.
			c, err := Read("x", export(t, opt, "de-LU", FormatPO))
			if err != nil {
				t.Fatal(err)
			}
			for i := range c.Units {
				if i%2 == 0 {
					c.Units[i].Target, c.Units[i].State = translate(c.Units[i]), StateTranslated
				}
			}
			if _, err := Import(opt, "de-LU.po", write(t, FormatPO, c)); err != nil {
				t.Fatal(err)
			}
			same("half translated")
			makeStale(t, opt, src)
			same("one string stale")
		})
	}
}

// makeStale rewrites the source text of texts.warning in edition src.
func makeStale(t *testing.T, opt Options, src string) {
	t.Helper()
	p, err := open(opt, src)
	if err != nil {
		t.Fatal(err)
	}
	p.files.byID["texts.warning"].set("N'envoie JAMAIS d'images intimes.")
	files, err := p.files.rendered()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(opt.Data, src, "texts.yaml"), files["texts.yaml"], 0o644); err != nil {
		t.Fatal(err)
	}
}

// poUnit is what a PO reader sees of an entry.
type poUnit struct {
	ctxt, id, str, loc string
	notes              []string
	fuzzy              bool
}

// parseLoosePO reads the entries of a PO file written by any tool (msgctxt
// optional), for comparisons.
func parseLoosePO(t *testing.T, b []byte) []poUnit {
	t.Helper()
	var out []poUnit
	var cur *poUnit
	var last *string
	unq := func(s string) string {
		var sb strings.Builder
		if err := poUnquote(&sb, strings.TrimSpace(s)); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		return sb.String()
	}
	flush := func() {
		if cur != nil && cur.id != "" {
			out = append(out, *cur)
		}
		cur, last = nil, nil
	}
	start := func() *poUnit {
		if cur == nil {
			cur = &poUnit{}
		}
		return cur
	}
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case l == "":
			flush()
		case strings.HasPrefix(l, "#."):
			start().notes = append(start().notes, strings.TrimPrefix(strings.TrimPrefix(l, "#."), " "))
		case strings.HasPrefix(l, "#:"):
			start().loc = strings.TrimSpace(l[2:])
		case strings.HasPrefix(l, "#,"):
			start().fuzzy = strings.Contains(l, "fuzzy")
		case strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "msgctxt "):
			start().ctxt = unq(l[8:])
			last = &cur.ctxt
		case strings.HasPrefix(l, "msgid "):
			start().id = unq(l[6:])
			last = &cur.id
		case strings.HasPrefix(l, "msgstr "):
			start().str = unq(l[7:])
			last = &cur.str
		case strings.HasPrefix(l, `"`):
			*last += unq(l)
		}
	}
	flush()
	return out
}

// TestXLIFF12Toolkit: translate-toolkit's xliff2po (what Weblate and Pootle
// are built on) reads from the XLIFF 1.2 export the same units as the PO
// export: same source texts, translations, notes and fuzzy marks, the id
// (PO msgctxt) as its location.
func TestXLIFF12Toolkit(t *testing.T) {
	bin, err := exec.LookPath("xliff2po")
	if err != nil {
		t.Fatal("xliff2po is not installed (Debian package translate-toolkit)")
	}
	opt, src := scaffold(t)
	// Some translated, one stale, the rest new.
	c, err := Read("x", export(t, opt, "de-LU", FormatPO))
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Units {
		if i%3 == 0 || c.Units[i].ID == "texts.warning" {
			c.Units[i].Target, c.Units[i].State = translate(c.Units[i]), StateTranslated
		}
	}
	if _, err := Import(opt, "de-LU.po", write(t, FormatPO, c)); err != nil {
		t.Fatal(err)
	}
	makeStale(t, opt, src)
	dir := t.TempDir()
	xlf := filepath.Join(dir, "de-LU.xlf")
	if err := os.WriteFile(xlf, export(t, opt, "de-LU", FormatXLIFF12), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "de-LU.po")
	cmd := exec.Command(bin, "--progress=none", "-i", xlf, "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xliff2po: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	tk := parseLoosePO(t, got)
	ours := parseLoosePO(t, export(t, opt, "de-LU", FormatPO))
	if len(ours) < 50 || len(tk) != len(ours) {
		t.Fatalf("xliff2po read %d units, the PO export has %d", len(tk), len(ours))
	}
	translated, fuzzy := 0, 0
	for i, o := range ours {
		k := tk[i]
		if k.loc != o.ctxt || k.id != o.id || k.str != o.str || k.fuzzy != o.fuzzy || !slices.Equal(k.notes, o.notes) {
			t.Errorf("unit %d:\nxliff2po: %+v\nPO:       %+v", i, k, o)
			break
		}
		if k.str != "" {
			translated++
		}
		if k.fuzzy {
			fuzzy++
		}
	}
	if translated == 0 || fuzzy != 1 {
		t.Errorf("compared %d translated units, %d fuzzy (want some, and 1)", translated, fuzzy)
	}
}

// TestRefusedXLIFF12: malformed XLIFF 1.2 files are refused with their
// line, and nothing is written.
func TestRefusedXLIFF12(t *testing.T) {
	opt, _ := scaffold(t)
	x := string(export(t, opt, "de-LU", FormatXLIFF12))
	first := `<trans-unit id="texts.title"`
	for _, tc := range []struct{ name, file, want string }{
		{"inline markup", strings.Replace(x, "<source>", `<source><g id="1">x</g>`, 1), "de-LU.xlf:5: unit \"texts.title\": inline markup (<ph/>, <pc>, <g>…) is not supported"},
		{"no target-language", strings.Replace(x, ` target-language="de-LU"`, "", 1), "de-LU.xlf:3: <file> needs source-language and target-language"},
		{"twice", strings.Replace(x, `<trans-unit id="texts.definition"`, first, 1), `unit "texts.title" is given twice`},
		{"not well-formed", strings.Replace(x, "</trans-unit>", "</trans-unti>", 1), "not well-formed XML"},
		{"other edition", strings.Replace(x, `target-language="de-LU"`, `target-language="de-AT"`, 1), "no edition de-AT"},
		{"unknown id", strings.Replace(x, first, `<trans-unit id="texts.tilte"`, 1), "de-LU.xlf:5: texts.tilte: unknown string id"},
		{"id not an id", strings.Replace(x, first, `<trans-unit id="root:x:0:0:root:/root"`, 1), "de-LU.xlf:5: a string id that is not one (not shown)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, filepath.Dir(opt.Data))
			_, err := Import(opt, "de-LU.xlf", []byte(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "root:") {
				t.Errorf("error %v, want %q", err, tc.want)
			}
			if snapshot(t, filepath.Dir(opt.Data)) != before {
				t.Error("a refused import wrote files")
			}
		})
	}
}
