package main_test

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const stationsCSV = `local_name,local_role,local_phone,local_hours,local_address,local_url,local_logo
"Collège Jean Moulin – Vie scolaire",CPE salle 12,01 45 67 89 10,lun.–ven. 8 h–17 h,"3 rue des Écoles, 69001 Lyon",https://college-moulin.example.fr/aide,
Commissariat de Lyon 1er,Brigade de protection des familles,04 78 12 34 56,,,,
Lycée Ampère,,,,,https://ampere.example.fr/,logo.png
`

// pdfText is the PDF's text in content-stream order (pdftotext -raw),
// without any space or line break: the words must stay, not the breaks.
// pdfSqueezed is the text of a PDF with every space removed.
func pdfSqueezed(t *testing.T, file string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

func writeLogo(t *testing.T, file string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		img.Set(x, 10, color.RGBA{200, 0, 0, 255})
	}
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestPersonaliseCSV: three rows give three PDFs, each with its row's
// local block and the official text of the poster unchanged.
func TestPersonaliseCSV(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "build", "--out", "ref"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	official := pdfSqueezed(t, filepath.Join(dir, "ref", "fr-FR", "posters", "la-sextorsion-a4.pdf"))
	os.WriteFile(filepath.Join(dir, "stations.csv"), []byte(stationsCSV), 0o644)
	writeLogo(t, filepath.Join(dir, "logo.png"))
	r := run(t, dir, "personalise", "--edition", "fr-FR", "--local", "stations.csv", "--design", "la-sextorsion", "--size", "A4", "--out", "out")
	if r.code != 0 || r.stdout != "wrote 3 personalised posters in out\n" || r.stderr != "" {
		t.Fatalf("personalise: %+v", r)
	}
	rows := []struct{ file, first, last string }{
		{"la-sextorsion-a4-personalised-college-jean-moulin-vie-scolaire.pdf", "Collège Jean Moulin – Vie scolaire", "https://college-moulin.example.fr/aide"},
		{"la-sextorsion-a4-personalised-commissariat-de-lyon-1er.pdf", "Commissariat de Lyon 1er", "04 78 12 34 56"},
		{"la-sextorsion-a4-personalised-lycee-ampere.pdf", "Lycée Ampère", "https://ampere.example.fr/"},
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	if len(entries) != len(rows) {
		t.Fatalf("%d files in out/, want %d (no temporary folder left)", len(entries), len(rows))
	}
	const note = "Contactajoutéparl’organismediffuseur,nonvérifiéparl’éditeur."
	for _, row := range rows {
		text := pdfSqueezed(t, filepath.Join(dir, "out", row.file))
		i := strings.Index(text, squeeze(row.first))
		j := strings.Index(text, note)
		if i < 0 || j < i || !strings.Contains(text[i:j], squeeze(row.last)) {
			t.Fatalf("%s: the local block (%q … %q, then the note) is not there:\n%s", row.file, row.first, row.last, text)
		}
		if rest := text[:i] + text[j+len(note):]; rest != official {
			t.Errorf("%s: the official text changed:\n got %s\nwant %s", row.file, rest, official)
		}
	}
	// Print-shop variant, and nothing overwritten on a second run.
	r = run(t, dir, "personalise", "--edition", "fr-FR", "--local", "stations.csv", "--design", "la-sextorsion", "--size", "a4", "--bleed", "--out", "out")
	if r.code != 0 {
		t.Fatalf("--bleed: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "la-sextorsion-a4-bleed-personalised-lycee-ampere.pdf")); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, "personalise", "--edition", "fr-FR", "--local", "stations.csv", "--design", "la-sextorsion", "--size", "a4", "--out", "out")
	if r.code != 1 || !strings.Contains(r.stderr, "out/la-sextorsion-a4-personalised-lycee-ampere.pdf: already exists: remove it or choose another --out (it is never overwritten)") {
		t.Fatalf("second run: %+v", r)
	}
	// A --base-url that cannot lead anywhere is refused, not ignored.
	r = run(t, dir, "personalise", "--edition", "fr-FR", "--local", "stations.csv", "--design", "la-sextorsion", "--size", "a4", "--base-url", "http://exemple.org/", "--out", "nolink")
	if r.code != 1 || !strings.Contains(r.stderr, `--base-url: "http://exemple.org/" is not an absolute https:// address`) {
		t.Errorf("--base-url http://: %+v", r)
	}
	// With --base-url, as build takes it: the posters lead to the site.
	r = run(t, dir, "personalise", "--edition", "fr-FR", "--local", "stations.csv", "--design", "la-sextorsion", "--size", "a4", "--base-url", "https://exemple.org/", "--out", "linked")
	if r.code != 0 {
		t.Fatalf("--base-url: %+v", r)
	}
	if text := pdfSqueezed(t, filepath.Join(dir, "linked", "la-sextorsion-a4-personalised-lycee-ampere.pdf")); !strings.Contains(text, "exemple.org/fr-FR") || strings.Contains(official, "exemple.org") {
		t.Errorf("--base-url: the site's address is not on the poster:\n%s", text)
	}
}

// TestPersonaliseBadRow: one bad row, and nothing is written; every
// problem of every row is named with its line.
func TestPersonaliseBadRow(t *testing.T) {
	dir := validKit(t)
	csv := "local_name,local_phone,local_url,local_logo\n" +
		"Collège Jean Moulin,01 45 67 89 10,,\n" +
		"Lycée Ampère,12 34,http://ampere.example.fr/,\n" +
		"\"Brigade\",,,../logo.png\n" +
		"Commissariat,,,\n"
	os.WriteFile(filepath.Join(dir, "stations.csv"), []byte(csv), 0o644)
	r := run(t, dir, "personalise", "--edition", "fr-FR", "--local", "stations.csv", "--design", "la-sextorsion", "--size", "a4", "--out", "out")
	want := `stations.csv:3: local_phone: "12 34" is not a phone number valid in FR
stations.csv:3: local_url: "http://ampere.example.fr/" must be an address starting with https://
stations.csv:4: local_logo: "../logo.png": give a path relative to the CSV file, inside its folder
awarekit: 3 problems found
`
	if r.code != 1 || r.stderr != want || r.stdout != "" {
		t.Fatalf("exit %d\nstderr:\n%s\nwant:\n%s", r.code, r.stderr, want)
	}
	if _, err := os.Lstat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Fatalf("out/ was created: %v", err)
	}
	// A local text too long for the block at its smallest size.
	os.WriteFile(filepath.Join(dir, "long.csv"), []byte("local_name,local_role,local_hours,local_address\nA,"+strings.Repeat("Accueil ", 10)+","+strings.Repeat("lundi matin ", 10)+",\""+strings.Repeat("Bâtiment administratif ", 6)+"\"\n"), 0o644)
	r = run(t, dir, "personalise", "--edition", "fr-FR", "--local", "long.csv", "--design", "la-sextorsion", "--size", "a4", "--out", "out")
	if r.code != 1 || !strings.HasPrefix(r.stderr, "long.csv:2: local_address: too long by ") || !strings.Contains(r.stderr, " at the smallest size\n") {
		t.Fatalf("too long: %+v", r)
	}
	// A logo that is a symbolic link.
	os.WriteFile(filepath.Join(dir, "real.png"), []byte("x"), 0o644)
	os.Symlink("real.png", filepath.Join(dir, "link.png"))
	os.WriteFile(filepath.Join(dir, "link.csv"), []byte("local_name,local_logo\nA,link.png\nB,real.png\n"), 0o644)
	r = run(t, dir, "personalise", "--edition", "fr-FR", "--local", "link.csv", "--design", "contacts", "--size", "a4", "--out", "out")
	want = "link.csv:2: local_logo: link.png: a symbolic link: give the file itself\nlink.csv:3: local_logo: the logo is not a PNG or JPEG image\nawarekit: 2 problems found\n"
	if r.code != 1 || r.stderr != want {
		t.Fatalf("symlink: exit %d\n%s\nwant\n%s", r.code, r.stderr, want)
	}
	r = run(t, dir, "personalise", "--edition", "fr-FR", "--local", "link.csv", "--design", "parents", "--size", "a4", "--out", "out")
	if r.code != 1 || !strings.Contains(r.stderr, `--design: "parents" is not a design with a local block (have bons-reflexes-carte, c-est-non, contacts, la-sextorsion)`) {
		t.Fatalf("design: %+v", r)
	}
}
