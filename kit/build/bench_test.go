package build_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/pdf"
	"github.com/awarekit/awarekit/kit/preview"
	"github.com/awarekit/awarekit/kit/testkit"
)

// posterJob returns the fr-FR la-sextorsion A4 job of the bundled data,
// with fonts, designs and strings loaded once (as a build does).
func posterJob(b *testing.B) (*build.Kit, build.PosterJob) {
	b.Helper()
	root := testkit.Root()
	set, err := build.Check(filepath.Join(root, "data"), testkit.Today)
	if err != nil {
		b.Fatal(err)
	}
	e := set.Edition("fr-FR")
	kit, err := build.LoadKit(root, []*content.Edition{e})
	if err != nil {
		b.Fatal(err)
	}
	for _, j := range kit.PosterJobs([]*content.Edition{e}) {
		if j.Design.ID == "la-sextorsion" && j.Size == "a4" && j.Variant == "office" {
			return kit, j
		}
	}
	b.Fatal("no la-sextorsion A4 job")
	return nil, build.PosterJob{}
}

func layoutJob(k *build.Kit, j build.PosterJob) layout.Job {
	return layout.Job{Edition: j.Edition, Design: j.Design, Size: j.Size, Bleed: j.Bleed, I18n: k.I18n[j.Edition.Code]}
}

// BenchmarkPosterA4 is one A4 poster: layout and PDF, fonts parsed once.
func BenchmarkPosterA4(b *testing.B) {
	k, j := posterJob(b)
	b.ReportAllocs()
	for b.Loop() {
		pg, err := layout.Layout(k.Fonts, layoutJob(k, j))
		if err != nil {
			b.Fatal(err)
		}
		if err := pdf.Write(io.Discard, pg, k.Fonts, k.Date(j.Edition)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDFA4 is the PDF of one A4 poster alone, its layout done:
// with BenchmarkLayoutA4, the cost of tagging (structure tree, marked
// content, XMP) shows against the same benchmark before tagging.
func BenchmarkPDFA4(b *testing.B) {
	k, j := posterJob(b)
	pg, err := layout.Layout(k.Fonts, layoutJob(k, j))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := pdf.Write(io.Discard, pg, k.Fonts, k.Date(j.Edition)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayoutA4 is the layout alone.
func BenchmarkLayoutA4(b *testing.B) {
	k, j := posterJob(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := layout.Layout(k.Fonts, layoutJob(k, j)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPreview is the PNG preview (1200 px) and thumbnail of one A4 poster.
func BenchmarkPreview(b *testing.B) {
	k, j := posterJob(b)
	pg, err := layout.Layout(k.Fonts, layoutJob(k, j))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := preview.Render(pg, k.Fonts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is a whole build of the bundled data (posters and
// content; the site hook is not set here).
func BenchmarkBuild(b *testing.B) {
	root := testkit.Root()
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := build.Run(build.Options{Root: root, Data: filepath.Join(root, "data"), Out: out}); err != nil {
			b.Fatal(err)
		}
	}
	os.RemoveAll(out)
}
