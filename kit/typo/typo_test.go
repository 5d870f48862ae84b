package typo_test

import (
	"testing"

	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/typo"
)

// apply applies the built-in rules of lang (i18n/locale/<lang>.yaml).
func apply(t testing.TB, lang, s string) string {
	t.Helper()
	loc := i18n.DefaultLocale(lang)
	if loc == nil {
		t.Fatalf("no built-in locale %q", lang)
	}
	return loc.Apply(s)
}

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
		// Arabic: ، ؛ ؟ after an Arabic word, no French spaces, tight «».
		{"ar", "لا تدفع، لا ترسل؛ هل أنت خائف?", "لا تدفع، لا ترسل؛ هل أنت خائف؟"},
		{"ar", "ماذا أفعل ? اتصل بالرقم 3018, أو 119.", "ماذا أفعل ؟ اتصل بالرقم 3018, أو 119."},
		{"ar", "e-Enfance, 3018 : الرقم", "e-Enfance, 3018 : الرقم"},
		{"ar", "الموقع https://e-enfance.org/?a=b;c, ثم", "الموقع https://e-enfance.org/?a=b;c, ثم"},
		{"ar", "«كلمة», «نعم»?", "«كلمة»، «نعم»؟"},
		{"ar", "« كلمة »", "«كلمة»"},
		{"ar", "0805 805 817, 3,5 %", "0805" + n + "805" + n + "817, 3,5" + n + "%"},
		{"fr", "لا تدفع, non ?", "لا تدفع, non" + f + "?"},
	} {
		got := apply(t, tc.lang, tc.in)
		if got != tc.want {
			t.Errorf("Apply(%q, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
		if again := apply(t, tc.lang, got); again != got {
			t.Errorf("Apply is not idempotent on %q: %q", got, again)
		}
	}
}

func FuzzApply(f *testing.F) {
	for _, s := range []string{"a : b", "« x »", "https://a.b/c?d", "12 000", "?!", "«»", ": ;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"fr", "uk", "ar", "de"} {
			got := apply(t, lang, s)
			if apply(t, lang, got) != got {
				t.Errorf("%s: not idempotent on %q", lang, s)
			}
		}
	})
}

func TestPlainUkrainian(t *testing.T) {
	if got := typo.Plain(apply(t, "uk", "п'ять «так»")); got != "п'ять «так»" {
		t.Errorf("Plain(Apply(uk)) = %q", got)
	}
}

func TestArabicMarkdown(t *testing.T) {
	got := i18n.DefaultLocale("ar").ApplyMarkdown("**لا تدفع**, [اتصل](tel:3018)?")
	if want := "**لا تدفع**، [اتصل](tel:3018)؟"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDates(t *testing.T) {
	for _, tc := range []struct {
		lang      string
		y, m, d   int
		num, date string
	}{
		{"fr", 2025, 12, 17, "17/12/2025", "17 décembre 2025"},
		{"fr", 2026, 4, 1, "01/04/2026", "1er avril 2026"},
		{"fr", 2024, 3, 0, "", "mars 2024"},
		{"de", 2025, 12, 17, "17.12.2025", "17. Dezember 2025"},
		{"de", 2026, 4, 1, "01.04.2026", "1. April 2026"},
		{"uk", 2025, 12, 17, "17.12.2025", "17 грудня 2025"},
		{"uk", 2025, 12, 0, "", "грудень 2025"},
		{"ar", 2025, 12, 17, "17/12/2025", "17 ديسمبر 2025"},
		{"ar", 2026, 7, 0, "", "يوليو 2026"},
		{"fr", 2017, 0, 0, "", "2017"},
	} {
		loc := i18n.DefaultLocale(tc.lang)
		if tc.num != "" {
			if got := loc.NumericDate(tc.y, tc.m, tc.d); got != tc.num {
				t.Errorf("%s NumericDate = %q, want %q", tc.lang, got, tc.num)
			}
		}
		if got := loc.Date(tc.y, tc.m, tc.d); got != tc.date {
			t.Errorf("%s Date(%d, %d, %d) = %q, want %q", tc.lang, tc.y, tc.m, tc.d, got, tc.date)
		}
	}
	var none *typo.Locale
	if got := none.NumericDate(2025, 12, 17); got != "2025-12-17" {
		t.Errorf("nil locale: %q", got)
	}
}

func TestBytes(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int64
		want string
	}{
		{"fr", 812, "812\u00a0o"}, {"fr", 48 << 10, "48\u00a0ko"}, {"fr", 1258291, "1,2\u00a0Mo"},
		{"de", 1258291, "1,2\u00a0MB"}, {"de", 2048, "2\u00a0kB"},
		{"uk", 1258291, "1,2\u00a0МБ"},
		{"ar", 1258291, "1,2\u00a0م.ب"},
	} {
		if got := i18n.DefaultLocale(tc.lang).Bytes(tc.n); got != tc.want {
			t.Errorf("%s Bytes(%d) = %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
}
