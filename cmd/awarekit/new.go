package main

import (
	"fmt"
	"io"

	"github.com/awarekit/awarekit/kit/l10n"
)

func newCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("new EDITION --from EDITION [--data DIR] [--kit DIR]",
		"Scaffolds data/<edition>/ from an existing edition: a draft whose texts are all\nmarked as needing translation and whose contacts are all unverified.", stderr)
	from := fs.String("from", "", "the edition to start from (required)")
	dirs := sharedFlags(fs, "i18n/ and posters/")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return unexpected(fs, pos[1])
	}
	if len(pos) == 0 || *from == "" {
		fmt.Fprintln(stderr, "awarekit new: give the new edition's code and --from")
		fs.Usage()
		return errUsage
	}
	if err := dirs.check(); err != nil {
		return err
	}
	code := pos[0]
	opt := l10n.Options{Data: dirs.Data, Root: dirs.Kit}
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
