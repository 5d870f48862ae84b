package typo_test

import (
	"testing"

	"github.com/awarekit/awarekit/kit/i18n"
)

func TestApplyMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Text gets the rules, around markup too.
		{"**Attention** : c'est grave !", "**Attention**\u00a0: c’est grave\u202f!"},
		{"Voir aussi : [Que faire ?](../what-to-do/)", "Voir aussi\u00a0: [Que faire\u202f?](../what-to-do/)"},
		{"« **mot** »", "«\u00a0**mot**\u00a0»"},
		// Link targets, titles and definitions stay as written.
		{"Écrire : [contact](mailto:aide@e-enfance.org)", "Écrire\u00a0: [contact](mailto:aide@e-enfance.org)"},
		{"[appeler](tel:3018 \"l'appel\")", "[appeler](tel:3018 \"l'appel\")"},
		{"Voir [le site][pharos].\n\n[pharos]: https://www.internet-signalement.gouv.fr/?a=b;c \"l'office\"\n",
			"Voir [le site][pharos].\n\n[pharos]: https://www.internet-signalement.gouv.fr/?a=b;c \"l'office\"\n"},
		// A shortcut reference keeps its label, which must match.
		{"Voir [l'aide] !\n\n[l'aide]: https://x.example/\n", "Voir [l'aide]\u202f!\n\n[l'aide]: https://x.example/\n"},
		// Code and autolinks stay as written.
		{"Tape `a:b` ou <mailto:x@y.fr> ; fin", "Tape `a:b` ou <mailto:x@y.fr>\u202f; fin"},
		{"```\nx : y\n```\n", "```\nx : y\n```\n"},
		// Numbers.
		{"Appelle le **0805 805 817** !", "Appelle le **0805\u00a0805\u00a0817**\u202f!"},
		{"", ""},
	} {
		if got := i18n.DefaultLocale("fr").ApplyMarkdown(tc.in); got != tc.want {
			t.Errorf("ApplyMarkdown(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
	// Idempotent.
	s := "Voir : [l'aide](mailto:a@b.fr) ; « oui » !"
	if once := i18n.DefaultLocale("fr").ApplyMarkdown(s); i18n.DefaultLocale("fr").ApplyMarkdown(once) != once {
		t.Errorf("not idempotent: %q", once)
	}
}

func FuzzApplyMarkdown(f *testing.F) {
	f.Add("Voir : [l'aide](mailto:a@b.fr) ; « oui » !\n\n[x]: https://a.b/ \"t\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		i18n.DefaultLocale("fr").ApplyMarkdown(s) // must not panic
	})
}
