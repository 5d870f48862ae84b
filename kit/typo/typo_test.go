package typo

import "testing"

func TestApply(t *testing.T) {
	const n, f = "\u00a0", "\u202f"
	for _, tc := range []struct{ lang, in, want string }{
		{"fr", "voici ce que tu peux faire :", "voici ce que tu peux faire" + n + ":"},
		{"fr", "sur Internet?", "sur Internet" + f + "?"},
		{"fr", "SEXTORSION C'EST NON !", "SEXTORSION C’EST NON" + f + "!"},
		{"fr", "aux menaces ; n'envoie", "aux menaces" + f + "; n’envoie"},
		{"fr", "dits « deepfakes »", "dits «" + n + "deepfakes" + n + "»"},
		{"fr", "«deepfakes»", "«" + n + "deepfakes" + n + "»"},
		{"fr", "Quoi ?!", "Quoi" + f + "?!"},
		{"fr", "https://www.internet-signalement.gouv.fr/PharosS1/", "https://www.internet-signalement.gouv.fr/PharosS1/"},
		{"fr", "internet : https://www.internet-signalement.gouv.fr/PharosS1/.", "internet" + n + ": https://www.internet-signalement.gouv.fr/PharosS1/."},
		{"fr", "Voir https://example.org/a?b=c !", "Voir https://example.org/a?b=c" + f + "!"},
		{"fr", "de 9h00 à 18:30", "de 9h00 à 18:30"},
		{"fr", "appelle le 8002 1234 ou le 116 000", "appelle le 8002" + n + "1234 ou le 116" + n + "000"},
		{"fr", "0805 805 817", "0805" + n + "805" + n + "817"},
		{"fr", "plus de 12 000 signalements", "plus de 12" + n + "000 signalements"},
		{"de", "Hilfe: 8002 1234!", "Hilfe: 8002" + n + "1234!"},
		{"de", "Kind's", "Kind’s"},
		{"fr", "", ""},
		{"fr", "de 9 h à 18 h 30, 7 j/7", "de 9" + n + "h à 18" + n + "h" + n + "30, 7" + n + "j/7"},
		{"fr", "de 12 à 25 ans, 50 %", "de 12 à 25" + n + "ans, 50" + n + "%"},
		{"fr", "3 heures", "3 heures"},
		// Ukrainian: «» with no space inside, nothing before : ; ! ?, the
		// apostrophe inside a Cyrillic word is ʼ (U+02BC), elsewhere ’.
		{"uk", "кнопка «Вийти з сайту»", "кнопка «Вийти з сайту»"},
		{"uk", "кнопка « Вийти з сайту »", "кнопка «Вийти з сайту»"},
		{"uk", "«" + n + "так" + n + "»", "«так»"},
		{"uk", "Увага: не плати! Чому? Так; ні", "Увага: не плати! Чому? Так; ні"},
		{"uk", "мʼята, п'ять, пʼять, м’ята", "мʼята, пʼять, пʼять, мʼята"},
		{"uk", "l'Enfance, 'так', сім'ї", "l’Enfance, ’так’, сімʼї"},
		{"uk", "дзвони на 3018 або 119, з 9 год", "дзвони на 3018 або 119, з 9 год"},
		{"uk", "0805 805 817, 50 %", "0805" + n + "805" + n + "817, 50" + n + "%"},
		{"uk", "https://e-enfance.org/?a=b", "https://e-enfance.org/?a=b"},
		{"fr", "l'Enfance, п'ять", "l’Enfance, п’ять"},
		{"de", "« so »", "« so »"},
	} {
		got := Apply(tc.lang, tc.in)
		if got != tc.want {
			t.Errorf("Apply(%q, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
		if again := Apply(tc.lang, got); again != got {
			t.Errorf("Apply is not idempotent on %q: %q", got, again)
		}
	}
}

func FuzzApply(f *testing.F) {
	for _, s := range []string{"a : b", "« x »", "https://a.b/c?d", "12 000", "?!", "«»", ": ;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"fr", "uk"} {
			got := Apply(lang, s)
			if Apply(lang, got) != got {
				t.Errorf("%s: not idempotent on %q", lang, s)
			}
		}
	})
}

func TestPlainUkrainian(t *testing.T) {
	if got := Plain(Apply("uk", "п'ять «так»")); got != "п'ять «так»" {
		t.Errorf("Plain(Apply(uk)) = %q", got)
	}
}
