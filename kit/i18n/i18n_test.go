package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadMerges(t *testing.T) {
	all := "advice_heading: A\nmyths_heading: M\nmyth_label: ML\nreality_label: RL\ncontacts_heading: C\nverified_on: V\nsources_label: S\nnot_verified: N\nguide_sources: G\nguide_verified: GV\ndraft_mark: D\nemergency: E\nneed_urgent: U\nneed_remove: R\nneed_report: P\nneed_talk: T\nneed_other: O\n"
	fsys := fstest.MapFS{
		"fr.yaml":    {Data: []byte(all)},
		"fr-LU.yaml": {Data: []byte("emergency: Urgence LU\n")},
	}
	m, err := Load(fsys, "i18n", "fr", "fr-LU")
	if err != nil {
		t.Fatal(err)
	}
	if m["emergency"] != "Urgence LU" || m["advice_heading"] != "A" {
		t.Errorf("%v", m)
	}
	m, _ = Load(fsys, "i18n", "fr", "fr-FR")
	if m["emergency"] != "E" {
		t.Errorf("fr-FR got the fr-LU override: %v", m)
	}
}

func TestLoadProblems(t *testing.T) {
	for _, tc := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{}, `i18n/de.yaml: missing: the interface strings of language "de"`},
		{map[string]string{"de.yaml": "advice_heading: [a]\n"}, "i18n/de.yaml:1:17: advice_heading: expected text, found a list"},
		{map[string]string{"de.yaml": "advice_heading: A\n"}, "i18n/de.yaml: myths_heading: missing (required by the posters)"},
	} {
		fsys := fstest.MapFS{}
		for k, v := range tc.files {
			fsys[k] = &fstest.MapFile{Data: []byte(v)}
		}
		_, err := Load(fsys, "i18n", "de", "de-LU")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
}
