package personalise

import (
	"strings"
	"testing"
)

func TestReadCSV(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		rows      int
		want      string // the problems, one a line
	}{
		{"ok", "local_name,local_phone\nA,01 45 67 89 10\nB,\n", 2, ""},
		{"bom and logo", "\ufefflocal_name,local_logo\nA,logo.png\n", 1, ""},
		{"multi-line cell", "local_name,local_hours\n\"A\",\"x\ny\"\nB,z\n", 2, ""},
		{"unknown column", "local_name,phone\nA,1\n", 0, `s.csv:1:2: unknown column "phone" (the columns are local_name, local_role, local_phone, local_hours, local_address, local_url, local_logo)`},
		{"twice", "local_name,local_name\nA,B\n", 0, `s.csv:1:2: column "local_name" given twice`},
		{"no name", "local_phone\n1\n", 0, "s.csv:1: missing column local_name"},
		{"empty", "", 0, "s.csv: empty: the first line names the columns (local_name, local_role, local_phone, local_hours, local_address, local_url, local_logo)"},
		{"no rows", "local_name\n", 0, "s.csv: no rows under the header line"},
		{"field count", "local_name,local_phone\nA,1\nB\nC,2\n", 2, "s.csv:3: wrong number of fields"},
		{"quote", "local_name\n\"A\n", 0, "s.csv:2: extraneous or missing \" in quoted-field"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows, probs := ReadCSV("s.csv", strings.NewReader(c.csv))
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != c.want || len(rows) != c.rows {
				t.Fatalf("got %d rows, problems:\n%s\nwant %d rows:\n%s", len(rows), strings.Join(got, "\n"), c.rows, c.want)
			}
		})
	}
	rows, _ := ReadCSV("s.csv", strings.NewReader("local_name,local_logo\nA,logo.png\n\"B\nC\",\n"))
	if rows[0].Line != 2 || rows[0].Logo != "logo.png" || rows[0].Values["local_name"] != "A" || rows[1].Line != 3 || rows[1].Values["local_name"] != "B\nC" {
		t.Fatalf("%+v", rows)
	}
}

func TestFileName(t *testing.T) {
	for _, c := range []struct {
		design, size string
		bleed        bool
		name, want   string
	}{
		{"la-sextorsion", "a4", false, "Collège Jean Moulin – Vie scolaire", "la-sextorsion-a4-personalised-college-jean-moulin-vie-scolaire.pdf"},
		{"c-est-non", "a3", true, "Brigade de Straßburg / Œuvre", "c-est-non-a3-bleed-personalised-brigade-de-strassburg-oeuvre.pdf"},
		{"contacts", "a4", false, "../../etc/passwd", "contacts-a4-personalised-etc-passwd.pdf"},
		{"contacts", "a4", false, "Щ", "contacts-a4-personalised.pdf"},
		{"contacts", "a4", false, strings.Repeat("ab ", 30), "contacts-a4-personalised-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab.pdf"},
	} {
		if got := FileName(c.design, c.size, c.bleed, c.name); got != c.want {
			t.Errorf("FileName(%q) = %s; want %s", c.name, got, c.want)
		}
	}
}
