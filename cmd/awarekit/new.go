package main

import (
	"fmt"
	"io"

	"github.com/awarekit/awarekit/kit/l10n"
)

func newCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("new <edition> --from <edition> [--data DIR] [--kit DIR]",
		"Scaffolds data/<edition>/ from an existing edition: a draft whose texts are all\nmarked as needing translation and whose contacts are all unverified.", stderr)
	from := fs.String("from", "", "the edition to start from (required)")
	opt := l10n.Options{}
	fs.StringVar(&opt.Data, "data", "data", "the data folder, one subfolder per edition")
	fs.StringVar(&opt.Root, "kit", ".", "the kit folder whose i18n/ and posters/ override the built-in ones")
	code, rest := "", args
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		code, rest = args[0], args[1:]
	}
	if err := parse(fs, rest); err != nil {
		return err
	}
	if code == "" && fs.NArg() == 0 || *from == "" {
		fmt.Fprintln(stderr, "awarekit new: give the new edition's code and --from")
		fs.Usage()
		return errUsage
	}
	res, err := l10n.New(opt, code, *from)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s from %s: %d files, %d strings to translate, status draft, every contact unverified\n", res.Edition, *from, len(res.Files), res.Strings)
	for _, id := range res.Removed {
		fmt.Fprintf(stdout, "  contact %s dropped: its number is not valid in %s and it has no URL\n", id, res.Edition)
	}
	fmt.Fprintf(stdout, "next: awarekit i18n export --edition %s --format po > %s.po\n", res.Edition, res.Edition)
	return nil
}
