package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/testkit"
)

// seedFixes are the obvious transcription errors of seed 002's ANNEXES
// that the official texts correct (seeds/README.md: "fix only obvious
// transcription errors"); nothing else may differ.
var seedFixes = strings.NewReplacer("ARRÈTE", "ARRÊTE", "PREVIENS", "PRÉVIENS", "SIGNALLEMENT", "SIGNALEMENT")

// TestOfficialTextsMatchSeed: every sentence of testdata/official (what
// TestOfficialPosterText and TestHyphenatedWordsWhole find in the fr-FR
// posters) is in seed 002's ANNEXES word for word, but for the listed
// fixes: the posters still say what the official posters say.
func TestOfficialTextsMatchSeed(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testkit.Root(), "testdata", "official", "seed-002-annexes.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var seed strings.Builder
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(l, "#") {
			seed.WriteString(l + " ")
		}
	}
	// Markdown emphasis and arrows of the transcription aside.
	s := normalise(seedFixes.Replace(strings.NewReplacer("**", "", "→", "", "<", "", ">", "").Replace(seed.String())))
	for _, design := range []string{"la-sextorsion", "c-est-non"} {
		lines := officialLines(t, design)
		if len(lines) < 15 {
			t.Fatalf("%s: only %d official lines", design, len(lines))
		}
		for _, l := range lines {
			if !strings.Contains(s, normalise(l)) {
				t.Errorf("%s: %q is not in seed 002's ANNEXES", design, l)
			}
		}
	}
}
