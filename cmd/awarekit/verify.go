package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"time"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/verify"
)

const verifyUsage = `Writes the checklist of an edition's phone numbers, addresses, hours and costs,
each with its source, for a person to check by phone or in a browser:
DIR/verify-CODE.md and DIR/verify-CODE.pdf. With --online, also fetches every
address (HTTPS only, status, redirects, certificate) and writes
DIR/verify-CODE-online.md; exit 1 if an address has a problem. Never writes
the data: record what you checked with verification: (docs/DATA.md).`

// verifyCmd is "awarekit verify --edition CODE [--data DIR] [--out DIR] [--online]".
func verifyCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("verify --edition CODE [--data DIR] [--kit DIR] [--out DIR] [--online]", verifyUsage, stderr)
	code := fs.String("edition", "", "the edition to check (required)")
	dirs := sharedFlags(fs, "posters/ and i18n/")
	out := fs.String("out", ".", "the folder the checklist is written to")
	online := fs.Bool("online", false, "also fetch every address over HTTPS and report")
	timeout := fs.Duration("timeout", 15*time.Second, "with --online: how long to wait for each address")
	now, err := dirs.ready(fs, args, "edition")
	if err != nil {
		return err
	}
	set, err := build.Check(dirs.Data, now)
	if err != nil {
		return err
	}
	e := set.Edition(*code)
	if e == nil {
		return fmt.Errorf("no edition %q in %s", *code, dirs.Data)
	}
	fonts, err := layout.LoadFonts()
	if err != nil {
		return err
	}
	paths, err := verify.Files(*out, e, fonts)
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintf(stdout, "wrote %s\n", p)
	}
	if !*online {
		return nil
	}
	urls := verify.URLs(verify.Checklist(e))
	c := verify.Checker{Client: &http.Client{}, Timeout: *timeout}
	rs := c.Online(context.Background(), urls, stderr)
	report := filepath.Join(*out, "verify-"+e.Code+"-online.md")
	if err := verify.WriteFile(report, verify.Report(rs)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", report)
	bad := 0
	for _, r := range rs {
		if !r.OK() {
			bad++
		}
	}
	if bad > 0 {
		return fmt.Errorf("verify: %d of %d addresses have a problem (see %s)", bad, len(rs), report)
	}
	return nil
}
