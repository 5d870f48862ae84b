package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/awarekit/awarekit/kit/build"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// The conventions every command shares: flags before and after the
// positional arguments, --data and --kit defined once, the clock read once,
// signals turned into a cancellation.

// flags returns a FlagSet that prints its usage to stderr and whose parse
// errors are usage errors.
func flags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: awarekit %s\n\n%s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// folders are the --data and --kit flags.
type folders struct {
	Data, Kit string
}

// sharedFlags defines --data and --kit on fs; kitHolds says which of the
// kit folder's subfolders the command reads.
func sharedFlags(fs *flag.FlagSet, kitHolds string) *folders {
	f := &folders{}
	folderFlags(fs, &f.Data, &f.Kit, kitHolds)
	return f
}

// folderFlags defines --data and --kit into the given strings.
func folderFlags(fs *flag.FlagSet, data, kit *string, kitHolds string) {
	fs.StringVar(data, "data", "data", "the data folder, one subfolder per edition")
	fs.StringVar(kit, "kit", ".", "the kit folder whose "+kitHolds+" override the built-in ones")
}

// check refuses a --kit folder that does not exist (a misspelt one would
// otherwise silently mean "the built-in designs").
func (f *folders) check() error {
	st, err := os.Stat(f.Kit)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("--kit %s: no such folder", f.Kit)
	case err != nil:
		return fmt.Errorf("--kit %s: %w", f.Kit, err)
	case !st.IsDir():
		return fmt.Errorf("--kit %s: not a folder", f.Kit)
	}
	return nil
}

// ready parses fs's flags (no positional argument), refuses a missing
// required flag and a --kit folder that does not exist, and returns the
// date of the run (today).
func (f *folders) ready(fs *flag.FlagSet, args []string, required ...string) (time.Time, error) {
	if err := parse(fs, args); err != nil {
		return time.Time{}, err
	}
	for _, name := range required {
		if fs.Lookup(name).Value.String() == "" {
			fmt.Fprintf(fs.Output(), "awarekit %s: --%s is required\n", strings.Fields(fs.Name())[0], name)
			fs.Usage()
			return time.Time{}, errUsage
		}
	}
	if err := f.check(); err != nil {
		return time.Time{}, err
	}
	return today()
}

// parseArgs parses fs's flags wherever they stand among the positional
// arguments (Go's flag package stops at the first non-flag) and returns
// the positional arguments; after "--" every argument is positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// parse parses a command that takes no positional argument.
func parse(fs *flag.FlagSet, args []string) error {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return unexpected(fs, pos[0])
	}
	return nil
}

func unexpected(fs *flag.FlagSet, arg string) error {
	fmt.Fprintf(fs.Output(), "awarekit %s: unexpected argument %q\n", fs.Name(), arg)
	fs.Usage()
	return errUsage
}

// today is the date the stale checks compare with: the wall clock, read
// once, or AWAREKIT_NOW (YYYY-MM-DD), which the end-to-end tests set so
// that no test depends on the day it runs.
func today() (time.Time, error) {
	v := os.Getenv("AWAREKIT_NOW")
	if v == "" {
		return time.Now(), nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return time.Time{}, fmt.Errorf("AWAREKIT_NOW=%q: not a date such as 2026-12-01", v)
	}
	return t, nil
}

// sourceDate is SOURCE_DATE_EPOCH (reproducible-builds.org), read here
// and passed in: no library code reads the environment. Unset: the zero
// time (the editions' dates).
func sourceDate() (time.Time, error) {
	return build.ParseEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
}

// keepSite is AWAREKIT_KEEP_SITE: keep the temporary Hugo project of the
// site (debugging templates).
func keepSite() bool { return os.Getenv("AWAREKIT_KEEP_SITE") != "" }

// interrupted is the error of a command stopped by a signal: exit status
// 128 + the signal's number, as a shell reports it.
type interrupted struct{ sig syscall.Signal }

func (e interrupted) Error() string { return "interrupted (" + e.sig.String() + ")" }

// signals returns a context cancelled by the first SIGINT or SIGTERM, and
// a function that tells which signal came (nil: none) and stops listening.
// After the first signal the default handling is back: a second Ctrl-C
// kills the process at once.
func signals() (context.Context, func() error) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	got := make(chan os.Signal, 1)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			signal.Stop(ch)
			got <- s
			cancel()
		case <-done:
		}
	}()
	return ctx, func() error {
		signal.Stop(ch)
		close(done)
		cancel()
		select {
		case s := <-got:
			return interrupted{s.(syscall.Signal)}
		default:
			return nil
		}
	}
}
