// Command quality writes, for a few posters of the bundled editions, the
// PDF as the layout sets it now (total-fit breaks, hyphenation) and as the
// engine did before them (greedy breaks, no hyphenation:
// layout.BeforeTotalFit), so that they can be looked at side by side
// (pdftoppm -png -r 50), with each text box's size, lines, hyphenated
// lines and raggedness (the sum of the squared unused widths of every
// line but a paragraph's last, pt²) from the quality table of kit/layout.
//
//	go run ./bench/quality -out /tmp/q fr-FR/la-sextorsion/a4 de-LU/contacts/a4 …
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/pdf"
)

func main() {
	root := flag.String("root", ".", "the awarekit repository")
	out := flag.String("out", "quality", "folder for the PDFs (NAME-before.pdf, NAME-after.pdf)")
	flag.Parse()
	if err := run(*root, *out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "quality:", err)
		os.Exit(1)
	}
}

func run(root, out string, posters []string) error {
	if len(posters) == 0 {
		posters = []string{"fr-FR/la-sextorsion/a4", "fr-FR/contacts/a4", "fr-FR/bons-reflexes-carte/card", "de-LU/la-sextorsion/a4", "de-LU/contacts/a4", "de-LU/bons-reflexes-carte/card"}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	eds := map[string]*content.Edition{}
	for _, p := range posters {
		code := strings.Split(p, "/")[0]
		if eds[code] != nil {
			continue
		}
		e, err := content.LoadEdition(os.DirFS(filepath.Join(root, "data", code)), "data/"+code, code)
		if err != nil {
			return err
		}
		eds[code] = e
	}
	var list []*content.Edition
	for _, e := range eds {
		list = append(list, e)
	}
	kit, err := build.LoadKit(root, list)
	if err != nil {
		return err
	}
	for _, p := range posters {
		parts := strings.Split(p, "/")
		if len(parts) != 3 {
			return fmt.Errorf("%s: want edition/design/size", p)
		}
		var job *build.PosterJob
		for _, j := range kit.PosterJobs([]*content.Edition{eds[parts[0]]}) {
			if j.Design.ID == parts[1] && j.Size == parts[2] && j.Variant == "office" && j.Bleed == 0 {
				job = &j
				break
			}
		}
		if job == nil {
			fmt.Printf("%s: not made by this edition\n", p)
			continue
		}
		for _, side := range []string{"before", "after"} {
			fonts := kit.Fonts
			if side == "before" {
				fonts = layout.BeforeTotalFit(fonts)
			}
			pg, err := layout.Layout(fonts, layout.Job{Edition: job.Edition, Design: job.Design, Size: job.Size, I18n: kit.I18n[job.Edition.Code], Designs: kit.Designs})
			if err != nil {
				return fmt.Errorf("%s %s: %w", p, side, err)
			}
			var buf bytes.Buffer
			if err := pdf.Write(&buf, pg, kit.Fonts, build.Date(job.Edition, time.Time{})); err != nil {
				return err
			}
			name := filepath.Join(out, strings.ReplaceAll(p, "/", "-")+"-"+side+".pdf")
			if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
				return err
			}
			var sizes []string
			for q := pg; q != nil; q = q.Back {
				for _, f := range q.Fitted {
					sizes = append(sizes, fmt.Sprintf("%s %.2f", f.Box, f.Size))
				}
			}
			fmt.Printf("%s %s: %s (%s)\n", p, side, name, strings.Join(sizes, ", "))
		}
	}
	return nil
}
