package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/awarekit/awarekit/kit/build"
)

// personaliseCmd writes one personalised poster per row of a CSV file.
func personaliseCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("personalise --edition CODE --local FILE.csv --design ID --size SIZE [--bleed] [--base-url URL] --out DIR [--data DIR] [--kit DIR]",
		"Writes one PDF per row of the CSV file: the design of the edition with the row's\nlocal block (columns local_name, local_role, local_phone, local_hours,\nlocal_address, local_url, local_logo: a PNG or JPEG path relative to the CSV).\nEvery row is checked first; if any row has a problem, nothing is written.", stderr)
	var opt build.PersonaliseOptions
	folderFlags(fs, &opt.Data, &opt.Root, "posters/ and i18n/")
	fs.StringVar(&opt.Edition, "edition", "", "the edition (fr-FR…)")
	fs.StringVar(&opt.CSV, "local", "", "the CSV file of local blocks, one a row")
	fs.StringVar(&opt.Design, "design", "", "the design (la-sextorsion, c-est-non, contacts, bons-reflexes-carte)")
	fs.StringVar(&opt.Size, "size", "", "the paper size (a4, a3, card)")
	fs.BoolVar(&opt.Bleed, "bleed", false, "print-shop PDFs: 3 mm bleed and crop marks")
	fs.StringVar(&opt.Out, "out", "", "the folder the PDFs go to")
	fs.StringVar(&opt.BaseURL, "base-url", "", "where the site is published, as for build: an absolute https:// URL puts its address and QR code on the posters")
	var err error
	opt.Now, err = (&folders{Data: opt.Data, Kit: opt.Root}).ready(fs, args, "edition", "local", "design", "size", "out")
	if err != nil {
		return err
	}
	if opt.SourceDate, err = sourceDate(); err != nil {
		return err
	}
	opt.Size = strings.ToLower(opt.Size)
	files, err := build.Personalise(opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d personalised poster%s in %s\n", len(files), plural(len(files)), opt.Out)
	return nil
}
