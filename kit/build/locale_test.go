package build_test

import (
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/testkit"
)

// buildKit builds a kit made in memory from a txtar archive
// (testkit.Kit): its data, over its designs, strings and locales, over
// the embedded ones.
func buildKit(k *testkit.Kit) error {
	_, err := build.Run(kitOptions(k))
	return err
}

// kitOptions are the options that build a testkit.Kit from memory into
// its Out folder.
func kitOptions(k *testkit.Kit) build.Options {
	return build.Options{KitFS: k.Files, DataFS: k.Data(), Data: "data", Out: k.Out, Now: testkit.Today}
}

// TestItalianNeedsNoGo: a kit folder with i18n/it.yaml and
// i18n/locale/it.yaml (testdata/kits/it-FR.txtar) builds an Italian
// edition whose posters and kit print Italian dates and quotes, not
// French ones.
func TestItalianNeedsNoGo(t *testing.T) {
	k := testkit.NewKit(t, testkit.Archive(t, "testdata/kits/it-FR.txtar"))
	out := k.Build(t, buildKit)
	var posters []string
	for _, f := range out.Files(t) {
		if strings.HasPrefix(f, "it-FR/posters/") && strings.HasSuffix(f, ".pdf") {
			posters = append(posters, f)
		}
	}
	if len(posters) == 0 {
		t.Fatalf("no Italian posters:\n%s", out)
	}
	// The footer's source, in Italian: month name, quotes without spaces.
	out.AssertText(t, "it-FR/posters/la-sextorsion-a4.pdf", "giugno 2025", "«sextortion»", "! juin", "! « sextortion »")
	readme := out.Text(t, "it-FR/kit-it-FR.zip/kit-it-FR/README.txt")
	if !strings.Contains(readme, "«sextortion»") || strings.Contains(readme, "\u00a0»") {
		t.Errorf("README: the source's title is not set the Italian way:\n%s", readme)
	}
}
