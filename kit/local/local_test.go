package local

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"strings"
	"testing"
)

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.RGBA{200, 0, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestParse(t *testing.T) {
	ok := map[string]string{FieldName: "Collège Jean Moulin – Vie scolaire"}
	with := func(k, v string) map[string]string {
		m := map[string]string{FieldName: "Collège Jean Moulin"}
		m[k] = v
		return m
	}
	var gifb bytes.Buffer
	gif.Encode(&gifb, image.NewPaletted(image.Rect(0, 0, 2, 2), []color.Color{color.Black}), nil)
	good := pngBytes(t, 20, 10)
	for _, c := range []struct {
		name   string
		values map[string]string
		logo   []byte
		want   string // "" when valid; else the joined errors
	}{
		{"name only", ok, nil, ""},
		{"everything", map[string]string{FieldName: "Brigade de protection des familles", FieldRole: "Accueil des mineurs", FieldPhone: "01 45 67 89 10", FieldHours: "lun.–ven. 9 h–18 h", FieldAddress: "12 rue de la Paix, 75002 Paris", FieldURL: "https://www.example.fr/contact"}, good, ""},
		{"short number", with(FieldPhone, "17"), nil, ""},
		{"name missing", map[string]string{FieldRole: "CPE"}, nil, "local_name: missing: the name of the school, station or organisation"},
		{"bad phone", with(FieldPhone, "12 34"), nil, `local_phone: "12 34" is not a phone number valid in FR`},
		{"letters in phone", with(FieldPhone, "01 23 javascript"), nil, `local_phone: "01 23 javascript" is not a phone number (digits, spaces, + . - ( ) only)`},
		{"premium", with(FieldPhone, "08 99 12 34 56"), nil, `local_phone: "08 99 12 34 56" is a premium-rate number: give a number that costs the caller nothing or a normal rate`},
		{"http", with(FieldURL, "http://example.fr/"), nil, `local_url: "http://example.fr/" must be an address starting with https://`},
		{"javascript", with(FieldURL, "javascript:alert(1)"), nil, `local_url: "javascript:alert(1)" must be an address starting with https://`},
		{"user part", with(FieldURL, "https://police@example.fr/"), nil, `local_url: "https://police@example.fr/" has a user part before @: give the site's address only`},
		{"no host", with(FieldURL, "https:///x"), nil, `local_url: "https:///x" must be an address starting with https://`},
		{"bidi", with(FieldRole, "CPE\u202e"), nil, "local_role: contains the invisible direction character U+202E: remove it"},
		{"newline", with(FieldAddress, "12 rue\nParis"), nil, "local_address: contains the control character U+000A (one line of text, no tabs)"},
		{"too long", with(FieldHours, strings.Repeat("a", 121)), nil, "local_hours: too long: 121 characters (at most 120)"},
		{"unknown field", with("local_email", "x"), nil, "local_email: unknown field (the fields are local_name, local_role, local_phone, local_hours, local_address, local_url)"},
		{"not an image", ok, []byte("%PDF-1.4 hello"), "local_logo: the logo is not a PNG or JPEG image"},
		{"gif", ok, gifb.Bytes(), "local_logo: the logo is not a PNG or JPEG image"},
		{"huge logo", ok, pngBytes(t, 3001, 1), "local_logo: the logo is 3001 × 1 pixels: at most 3000 on a side and 6000000 pixels in all"},
		{"truncated logo", ok, good[:len(good)-20], "local_logo: the logo cannot be decoded: the file is damaged"},
		{"too many bytes", ok, append(bytes.Clone(good), make([]byte, MaxLogoBytes)...), "local_logo: the logo is too large: 1048662 bytes (at most 1048576)"},
		{"all at once", map[string]string{FieldPhone: "1", FieldURL: "ftp://x.fr"}, []byte("x"), `local_name: missing: the name of the school, station or organisation; local_phone: "1" is not a phone number valid in FR; local_url: "ftp://x.fr" must be an address starting with https://; local_logo: the logo is not a PNG or JPEG image`},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, errs := Parse(c.values, c.logo, "FR")
			got := ""
			if errs != nil {
				got = errs.Error()
			}
			if got != c.want {
				t.Fatalf("got  %s\nwant %s", got, c.want)
			}
			if c.want == "" && (b == nil || b.Name == "") {
				t.Fatalf("no block")
			}
		})
	}
}

func TestDial(t *testing.T) {
	b, errs := Parse(map[string]string{FieldName: "x", FieldPhone: "01 45 67 89 10"}, nil, "FR")
	if errs != nil || b.Dial != "+33145678910" {
		t.Fatalf("%v %q", errs, b.Dial)
	}
	if _, errs := Parse(map[string]string{FieldName: "x", FieldPhone: "01 45 67 89 10"}, nil, "LU"); errs == nil {
		t.Fatal("a French number accepted for LU")
	}
}

// TestCodes: each problem carries the code the web page translates it by,
// and the number its message holds.
func TestCodes(t *testing.T) {
	ok := map[string]string{FieldName: "Collège"}
	with := func(k, v string) map[string]string { m := map[string]string{FieldName: "Collège"}; m[k] = v; return m }
	good := pngBytes(t, 20, 10)
	for _, c := range []struct {
		values map[string]string
		logo   []byte
		code   string
		n      int
	}{
		{map[string]string{FieldRole: "CPE"}, nil, CodeMissing, 0},
		{with(FieldPhone, "12 34"), nil, CodePhone, 0},
		{with(FieldPhone, "01 23 javascript"), nil, CodePhone, 0},
		{with(FieldPhone, "08 99 12 34 56"), nil, CodePremium, 0},
		{with(FieldURL, "http://example.fr/"), nil, CodeURL, 0},
		{with(FieldURL, "javascript:alert(1)"), nil, CodeURL, 0},
		{with(FieldRole, "CPE\u202e"), nil, CodeText, 0},
		{with(FieldHours, strings.Repeat("a", 121)), nil, CodeLong, 120},
		{with("local_email", "x"), nil, CodeUnknown, 0},
		{ok, []byte("%PDF-1.4 hello"), CodeLogoType, 0},
		{ok, pngBytes(t, 3001, 1), CodeLogoLarge, MaxLogoBytes},
		{ok, append(bytes.Clone(good), make([]byte, MaxLogoBytes)...), CodeLogoLarge, MaxLogoBytes},
	} {
		_, errs := Parse(c.values, c.logo, "FR")
		if len(errs) != 1 || errs[0].Code != c.code || errs[0].N != c.n {
			t.Errorf("%v: got %+v, want code %s n %d", c.values, errs, c.code, c.n)
		}
	}
}
