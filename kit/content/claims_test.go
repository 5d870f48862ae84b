package content_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/testkit"
)

// TestClaimsOnlyFromFields: no interface string, poster text or template
// makes a claim (free, anonymous, confidential, 24 h/24) over several
// contacts; those words are printed only from a contact's own fields, or
// as the label of such a field (anonymous_yes, confidential_yes…). And
// every bundled contact that claims something in its texts has the field.
func TestClaimsOnlyFromFields(t *testing.T) {
	root := testkit.Root()
	labels := func(key string) bool { return strings.HasSuffix(key, "_yes") || strings.HasSuffix(key, "_no") }
	i18ns, _ := filepath.Glob(filepath.Join(root, "i18n", "*.yaml"))
	texts, _ := filepath.Glob(filepath.Join(root, "data", "*", "texts.yaml"))
	if len(i18ns) == 0 || len(texts) == 0 {
		t.Fatal("no i18n or texts file found")
	}
	for _, p := range append(i18ns, texts...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := yaml.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for k, v := range m {
			for _, cl := range content.ClaimsIn(v) {
				if !labels(k) {
					t.Errorf("%s: %s says %q: a claim is printed only from a contact's %s: field", p, k, cl.Find(v), cl.Field)
				}
			}
		}
	}
	filepath.WalkDir(filepath.Join(root, "layouts"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		text := actions.ReplaceAllString(string(b), "") // the literal text, not the field names
		for _, cl := range content.ClaimsIn(text) {
			t.Errorf("%s says %q: templates print claims only from a contact's fields", p, cl.Find(text))
		}
		return nil
	})
	set, err := content.Load(os.DirFS(filepath.Join(root, "data")), "data")
	if err != nil {
		t.Fatalf("the bundled data: %v", err)
	}
	n := 0
	for _, e := range set.Editions {
		for _, c := range e.Contacts {
			for _, s := range []string{c.Name, c.Purpose, c.Description} {
				for _, cl := range content.ClaimsIn(s) {
					n++
					if !c.Backs(cl) {
						t.Errorf("%s/%s says %q without its %s: field", e.Code, c.ID, cl.Find(s), cl.Field)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("no claim found in the bundled contacts: the test reads nothing")
	}
}

var actions = regexp.MustCompile(`(?s)\{\{.*?\}\}`)

// TestClaimWords: the claims found in texts of each language, with the
// words reported; the Arabic words whole (with their clitics), not
// inside another word.
func TestClaimWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // key=words, space-separated
	}{
		{"Appel gratuit et anonyme, 24 h/24", "free=gratuit anonymous=anonyme 24h=24 h/24"},
		{"kostenlos und vertraulich", "free=kostenlos confidential=vertraulich"},
		{"Безкоштовна, анонімна й конфіденційна служба", "free=Безкоштовна anonymous=анонімна confidential=конфіденційна"},
		{"Щодня, цілодобово", "24h=цілодобово"},
		{"телефонуй безкоштовно", "free=безкоштовно"},
		{"خدمة مجانية ودون ذكر الاسم وسرية", "free=مجانية anonymous=دون ذكر الاسم confidential=وسرية"},
		{"الدعم المجاني على مدار الساعة", "free=المجاني 24h=على مدار الساعة"},
		{"بسرّية تامة", "confidential=بسرّية"},
		{"تصرّف سريعًا", ""},              // quickly: not confidential
		{"المجانين", ""},                  // madmen: not free
		{"أشخاص مجهولين", ""},             // strangers: not anonymous
		{"سريرة", ""},                     // a word that starts with سري
		{"nonanonymous", ""},              // inside a word
		{"Перевірте безпеку акаунта", ""}, // no claim
	} {
		var got []string
		for _, cl := range content.ClaimsIn(tc.text) {
			got = append(got, cl.Key+"="+cl.Find(tc.text))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, g, tc.want)
		}
	}
}

func TestBacks(t *testing.T) {
	yes := true
	c := content.Contact{Cost: "Appel gratuit (numéro vert)", Hours: "7 j/7, 24 h/24", Anonymous: &yes}
	for _, tc := range []struct {
		text string
		want []string // claims not backed
	}{
		{"Service gratuit et anonyme, 24 h/24", nil},
		{"Un espace confidentiel", []string{"confidential"}},
		{"kostenlos, anonym und vertraulich", []string{"confidential"}},
		{"rund um die Uhr", nil},
		{"безкоштовно й анонімно, цілодобово", nil},
		{"конфіденційна служба", []string{"confidential"}},
		{"مجاني ودون ذكر الاسم", nil},
		{"خدمة سرية", []string{"confidential"}},
	} {
		var got []string
		for _, cl := range content.ClaimsIn(tc.text) {
			if !c.Backs(cl) {
				got = append(got, cl.Key)
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q: unbacked %v, want %v", tc.text, got, tc.want)
		}
	}
	c.Confidential, c.Cost, c.Anonymous = true, "", nil
	if got := content.ClaimsIn("gratuit, anonyme"); c.Backs(got[0]) || c.Backs(got[1]) {
		t.Error("a contact without cost and anonymous backs free and anonymous")
	}
}
