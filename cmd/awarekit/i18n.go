package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/awarekit/awarekit/kit/l10n"
)

const i18nUsage = `Usage:
  awarekit i18n export --edition CODE [--format po|xliff12|xliff] [--source CODE] [--out FILE] [--data DIR] [--kit DIR]
  awarekit i18n import FILE [--data DIR] [--kit DIR]
  awarekit i18n status [--json] [--data DIR] [--kit DIR]
Flags may come before or after FILE.`

func i18nCmd(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, i18nUsage)
		return errUsage
	}
	opt := l10n.Options{}
	switch sub, rest := args[0], args[1:]; sub {
	case "export":
		fs := flags("i18n export --edition CODE [--format po|xliff12|xliff] [--source CODE] [--out FILE] [--data DIR] [--kit DIR]",
			"Writes every translatable string of an edition, with its source text, context,\nroom on the posters and notes, as XLIFF 2.0 or gettext PO.", stderr)
		l10nFlags(fs, &opt)
		code := fs.String("edition", "", "the edition to translate (required)")
		format := fs.String("format", "po", "po, xliff12 (XLIFF 1.2) or xliff (XLIFF 2.0; also xliff20)")
		source := fs.String("source", "", "the edition to translate from (default: the one in translation.yaml)")
		out := fs.String("out", "", "the file to write (default: standard output)")
		if err := parse(fs, rest); err != nil {
			return err
		}
		if *code == "" {
			fmt.Fprintln(stderr, "awarekit i18n export: --edition is required")
			return errUsage
		}
		if err := kitExists(opt); err != nil {
			return err
		}
		if *out == "" {
			return l10n.Export(opt, *code, *source, *format, stdout)
		}
		// The file is written beside its destination (the same file
		// system: /dev/shm, another disk) and renamed into place, so that
		// a failed export leaves no half-written file.
		f, err := os.CreateTemp(filepath.Dir(*out), "."+filepath.Base(*out)+".tmp-*")
		if err != nil {
			return err
		}
		defer os.Remove(f.Name())
		if err := l10n.Export(opt, *code, *source, *format, f); err != nil {
			f.Close()
			return err
		}
		if err := f.Chmod(0o644 &^ umask()); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		return os.Rename(f.Name(), *out)
	case "import":
		fs := flags("i18n import FILE [--data DIR] [--kit DIR]", "Reads a translated XLIFF or PO file back into its edition. The whole file is\nrefused, and nothing written, if any part of it is wrong.", stderr)
		l10nFlags(fs, &opt)
		pos, err := parseArgs(fs, rest)
		if err != nil {
			return err
		}
		if len(pos) > 1 {
			return unexpected(fs, pos[1])
		}
		if len(pos) == 0 {
			fmt.Fprintln(stderr, "awarekit i18n import: give the file to import")
			return errUsage
		}
		if err := kitExists(opt); err != nil {
			return err
		}
		file := pos[0]
		res, err := l10n.ImportFile(opt, file) // a regular file only: no link followed, no FIFO opened
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %d strings imported, %d unchanged, %d files written\n", res.Edition, res.Imported, res.Untouched, len(res.Files))
		for _, id := range res.Stale {
			fmt.Fprintf(stdout, "  stale: %s (translated from an older source text)\n", id)
		}
		fmt.Fprintln(stdout, "next: awarekit check (every text that does not fit on a poster is listed)")
		return nil
	case "status":
		fs := flags("i18n status [--json] [--data DIR] [--kit DIR]", "Per edition: strings translated, missing and stale (the source changed since).", stderr)
		l10nFlags(fs, &opt)
		asJSON := fs.Bool("json", false, "print JSON")
		if err := parse(fs, rest); err != nil {
			return err
		}
		if err := kitExists(opt); err != nil {
			return err
		}
		sts, err := l10n.Status(opt)
		if err != nil {
			return err
		}
		if *asJSON {
			b, err := json.MarshalIndent(sts, "", "  ")
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(stdout, "%s\n", b)
			return err
		}
		return l10n.WriteStatusTable(stdout, sts)
	case "-h", "--help", "help":
		fmt.Fprintln(stdout, i18nUsage)
		return nil
	default:
		fmt.Fprintf(stderr, "awarekit i18n: unknown command %q\n%s\n", sub, i18nUsage)
		return errUsage
	}
}

// l10nFlags defines --data and --kit into opt.
func l10nFlags(fs *flag.FlagSet, opt *l10n.Options) {
	folderFlags(fs, &opt.Data, &opt.Root, "i18n/ and posters/")
}

func kitExists(opt l10n.Options) error {
	return (&folders{Data: opt.Data, Kit: opt.Root}).check()
}

// umask reads the process's file mode creation mask (from
// /proc/self/status: setting it to read it would race with other
// goroutines creating files).
func umask() os.FileMode {
	b, err := os.ReadFile("/proc/self/status")
	if err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "Umask:"); ok {
				if n, err := strconv.ParseUint(strings.TrimSpace(v), 8, 32); err == nil {
					return os.FileMode(n)
				}
			}
		}
	}
	return 0o022
}
