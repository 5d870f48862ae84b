// Command awarekit builds awareness kits (posters, site, zips) from the
// structured content of data/. It only parses flags; the work is in kit/.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/site"
)

// version is set at link time (-ldflags "-X main.version=…").
var version = "dev"

const usage = `awarekit builds print-ready posters, a static site and downloadable kits
from the content in data/.

Usage:
  awarekit check [--data DIR] [--kit DIR] [--strict] [--base-url URL]
  awarekit build [--data DIR] [--kit DIR] [--out DIR] [--edition CODE]... [--base-url URL] [--strict] [--engine DIR]
  awarekit serve [--data DIR] [--kit DIR] [--port N]
  awarekit new EDITION --from EDITION [--data DIR] [--kit DIR]
  awarekit personalise --edition CODE --local FILE.csv --design ID --size SIZE [--bleed] --out DIR [--data DIR] [--kit DIR]
  awarekit i18n export --edition CODE [--format po|xliff12|xliff] [--source CODE] [--out FILE] [--data DIR] [--kit DIR]
  awarekit i18n import FILE [--data DIR] [--kit DIR]
  awarekit i18n status [--json] [--data DIR] [--kit DIR]
  awarekit verify --edition CODE [--data DIR] [--kit DIR] [--out DIR] [--online]
  awarekit version

Flags may come before or after the positional arguments.
Run "awarekit COMMAND --help" for the flags of a command.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks an error in the command line itself (exit status 2).
var errUsage = errors.New("usage")

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "check":
		err = check(rest, stdout, stderr)
	case "build":
		err = buildCmd(rest, stdout, stderr)
	case "new":
		err = newCmd(rest, stdout, stderr)
	case "i18n":
		err = i18nCmd(rest, stdout, stderr)
	case "serve":
		err = serveCmd(rest, stdout, stderr)
	case "verify":
		err = verifyCmd(rest, stdout, stderr)
	case "personalise":
		err = personaliseCmd(rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintf(stdout, "awarekit %s\n", version)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "awarekit: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	var sig interrupted
	if errors.As(err, &sig) {
		fmt.Fprintf(stderr, "awarekit: %v: nothing was changed\n", err)
		return 128 + int(sig.sig)
	}
	var d *diag.Error
	if errors.As(err, &d) {
		for _, p := range d.Problems {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "awarekit: %d problem%s found\n", len(d.Problems), plural(len(d.Problems)))
		return 1
	}
	fmt.Fprintf(stderr, "awarekit: %v\n", err)
	return 1
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func check(args []string, stdout, stderr io.Writer) error {
	fs := flags("check [--data DIR] [--kit DIR] [--strict]", "Validates every edition, the poster designs and the interface strings, lays out\nevery poster, and lists every problem and every overflow; exits 1 if there was any.", stderr)
	dirs := sharedFlags(fs, "posters/ and i18n/")
	strict := fs.Bool("strict", false, "treat warnings as errors: a verification older than 12 months, a source older than 24 months, a deceptive host")
	baseURL := fs.String("base-url", "/", "where the site will be published: an absolute https:// URL puts its address and QR code on the posters")
	now, err := dirs.ready(fs, args)
	if err != nil {
		return err
	}
	set, err := build.CheckSite(dirs.Kit, dirs.Data, *baseURL, now)
	if err != nil {
		return err
	}
	if err := stale(set, now, *strict, stderr); err != nil {
		return err
	}
	for _, p := range build.SiteWarnings(*baseURL) {
		fmt.Fprintf(stderr, "warning: %s\n", p)
	}
	var codes []string
	for _, e := range set.Editions {
		codes = append(codes, e.Code)
	}
	fmt.Fprintf(stdout, "ok: %d edition%s (%s)\n", len(codes), plural(len(codes)), strings.Join(codes, ", "))
	return nil
}

// editionList collects repeated or comma-separated --edition flags.
type editionList []string

func (l *editionList) String() string { return strings.Join(*l, ",") }
func (l *editionList) Set(v string) error {
	for _, c := range strings.Split(v, ",") {
		if c = strings.TrimSpace(c); c != "" {
			*l = append(*l, c)
		}
	}
	return nil
}

func buildCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("build [--data DIR] [--kit DIR] [--out DIR] [--edition CODE]... [--base-url URL] [--strict] [--engine DIR]",
		"Validates the data and builds every edition into the output folder. The output\nis written to a temporary folder first: a failed or interrupted build leaves it\nuntouched. --out must be new, empty, or a previous build's output holding only\nthe files it wrote (docs/OUTPUT.md).", stderr)
	opt := build.Options{Version: version}
	if isTerminal(stderr) && os.Getenv("CI") == "" {
		opt.Log = stderr
	}
	dirs := sharedFlags(fs, "posters/, i18n/, layouts/ and assets/")
	fs.StringVar(&opt.Out, "out", "public", "the output folder: new, empty, or written by awarekit")
	var eds editionList
	fs.Var(&eds, "edition", "build only this edition (repeatable, or comma-separated); the others in the output folder are kept")
	baseURL := fs.String("base-url", "/", "where the site is published (https://example.org/ or /path/): links use its path, the sitemap its host")
	strict := fs.Bool("strict", false, "treat warnings as errors: a verification older than 12 months, a source older than 24 months, a deceptive host")
	fs.StringVar(&opt.Engine, "engine", "", "the personalisation engine, a folder holding awarekit.wasm and wasm_exec.js (make kit builds it into bin/engine); copied beside each personalise page")
	now, err := dirs.ready(fs, args)
	if err != nil {
		return err
	}
	opt.Data, opt.Root, opt.Now = dirs.Data, dirs.Kit, now
	if opt.SourceDate, err = sourceDate(); err != nil {
		return err
	}
	opt.Editions, opt.Strict, opt.BaseURL = eds, *strict, *baseURL
	opt.Site = site.Hook(site.Options{Root: opt.Root, BaseURL: *baseURL, Log: stderr, Keep: keepSite(), Engine: opt.Engine != ""})
	opt.Waiting = func(dir string) {
		fmt.Fprintf(stderr, "awarekit: waiting for another build in %s to finish\n", dir)
	}
	ctx, stop := signals()
	opt.Context = ctx
	sum, err := build.Run(opt)
	if sig := stop(); sig != nil && err != nil {
		return sig // the build stopped: the previous output is as it was
	}
	if err != nil {
		return err
	}
	for _, p := range sum.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", p)
	}
	fmt.Fprintf(stdout, "built %d edition%s (%s): %d files, %s, in %s\n",
		len(sum.Editions), plural(len(sum.Editions)), strings.Join(sum.Editions, ", "),
		sum.Files, humanBytes(sum.Bytes), sum.Elapsed.Round(1e6))
	return nil
}

// stale warns about provenance grown old (verifications over 12 months, sources over 24) and the other warnings of the data; with strict,
// they are errors.
func stale(set *content.Set, now time.Time, strict bool, stderr io.Writer) error {
	w := set.Stale(now)
	if strict {
		return w.Err()
	}
	for _, p := range w {
		fmt.Fprintf(stderr, "warning: %s\n", p)
	}
	return nil
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// isTerminal reports whether w is a terminal (progress lines are for people
// watching, not for CI logs).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
